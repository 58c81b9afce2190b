// Property tests for the readers: any bytes, truncated UTF-8 and random HTML give articles or coded errors, never an exception; the linear lighten() agrees with the regex it replaced.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { DossierError } from "../core/errors.js";
import { htmlText, newsText, runs, truncatedUtf8 } from "../test/arbitraries.js";
import { decodeBytes } from "./decode.js";
import { readHtml } from "./html-reader.js";
import { lighten } from "./html/dom.js";
import { readBytes } from "./sources.js";

/** Only coded errors may escape; INTERNAL would mean an unexpected exception was wrapped. */
function coded(e: unknown): void {
  assert.ok(e instanceof DossierError, `non-coded exception: ${(e as Error)?.stack}`);
  assert.notEqual(e.code, "INTERNAL", e.message);
}

test("any bytes: decoded text without NUL or a coded error", () => {
  fc.assert(
    fc.property(fc.oneof(fc.uint8Array({ maxLength: 300 }), truncatedUtf8), fc.boolean(), (bytes, html) => {
      try {
        const text = decodeBytes(bytes, "bytes", undefined, html);
        assert.ok(text.trim().length > 0);
        assert.ok(!text.includes("\0"));
      } catch (e) {
        coded(e);
      }
    }),
    runs("ingest:decode"),
  );
});

test("UTF-8 cut anywhere: a cut between characters decodes to exactly the text before it; a cut inside one never yields a broken surrogate", () => {
  fc.assert(
    fc.property(newsText, fc.nat(), (t, n) => {
      const bytes = new TextEncoder().encode(t);
      const cut = bytes.subarray(0, bytes.length ? n % (bytes.length + 1) : 0);
      let text: string;
      try {
        text = decodeBytes(cut, "cut");
      } catch (e) {
        coded(e);
        return;
      }
      assert.ok(!/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text), "a lone surrogate");
      let whole: string | null = null;
      try {
        whole = new TextDecoder("utf-8", { fatal: true }).decode(cut);
      } catch {
        // cut inside a character
      }
      // Mojibake repair and NUL removal may change such text on purpose; the rest must come back unchanged.
      if (whole !== null && !/[\0ÃÂâ]/.test(whole)) assert.equal(text, whole.replace(/^\uFEFF/, ""));
    }),
    runs("ingest:truncated-utf8"),
  );
});

test("any bytes under any extension, gzipped names included: articles or coded errors", () => {
  const ext = fc.constantFrom(".txt", ".html", ".md", ".json", ".jsonl", ".xhtml", "");
  fc.assert(
    fc.property(fc.oneof(fc.uint8Array({ maxLength: 300 }), truncatedUtf8, htmlText.map((h) => new TextEncoder().encode(h))), ext, (bytes, e) => {
      for (const r of readBytes(bytes, `prop${e}`, e, null, {})) {
        if ("error" in r) coded(r.error);
        else assert.equal(typeof r.article.body, "string");
      }
    }),
    runs("ingest:read-bytes"),
  );
});

test("random HTML: an article with a non-empty body or a coded error", () => {
  fc.assert(
    fc.property(htmlText, (h) => {
      try {
        assert.ok(readHtml(h, "prop.html").body.trim().length > 0);
      } catch (e) {
        coded(e);
      }
    }),
    runs("ingest:html"),
  );
});

// The regex lighten() used before it became linear; the reference its output must equal.
const HEAVY = /<script\b([^>]*)>[\s\S]*?<\/script\s*>|<style\b[^>]*>[\s\S]*?<\/style\s*>|<!--[\s\S]*?-->|<svg\b[^>]*>[\s\S]*?<\/svg\s*>/gi;
const reference = (html: string) => html.replace(HEAVY, (m, attrs: string | undefined) => (attrs && /ld\+json/i.test(attrs) ? m : ""));

test("lighten() removes exactly what the old regex removed", () => {
  const bits = fc.constantFrom("<script>", "<SCRIPT type=\"application/ld+json\">", "</script>", "</script >", "<style>", "</style>", "<!--", "-->", "<svg a=1>", "</svg>", "<scripts>", ">", "<", "x", " ", "<!-->");
  fc.assert(
    fc.property(fc.array(fc.oneof(bits, fc.string({ maxLength: 4 })), { maxLength: 25 }).map((a) => a.join("")), (h) => assert.equal(lighten(h), reference(h))),
    runs("ingest:lighten"),
  );
});
