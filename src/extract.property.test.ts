// Property tests: any input gives a record or a coded error, never an exception; offsets are exact; output is deterministic.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { makeContext } from "./cli/context.js";
import { toRecord } from "./core/record.js";
import { recordProblems } from "./core/validate.js";
import { DossierError } from "./core/errors.js";
import { emptyArticle } from "./ingest/article.js";
import { processArticle } from "./extract.js";
import { decodeBytes } from "./ingest/decode.js";
import { readHtml } from "./ingest/html-reader.js";

const ctx = makeContext();
const PIECES = ["Putin", "Selenskyj", "Trump", "sagte", "„", "“", "\"", "«", "»", "am Donnerstag", "10. Januar", "Treffen", "in Genf", ", ", ". ", "\n", "\n\n", "Foto: dpa", "showPaywall: false", "vor 2 Tagen", "said", "met", "on Monday", "(dpa)", "'", "…", "US-Präsident", "Kremlchef", "Gipfel"];
const newsy = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 8 }), fc.string({ maxLength: 4, unit: "grapheme" })), { maxLength: 60 }).map((a) => a.join(" "));

function extractOrError(text: string): { ok: true; rec: unknown } | { ok: false; code: string } {
  try {
    return { ok: true, rec: toRecord(processArticle(emptyArticle("prop", text, "text"), ctx)) };
  } catch (e) {
    assert.ok(e instanceof DossierError, `non-coded exception: ${(e as Error)?.stack}`);
    return { ok: false, code: e.code };
  }
}

test("any text: a valid record with exact offsets or a coded error; deterministic", () => {
  fc.assert(
    fc.property(fc.oneof(newsy, fc.string({ maxLength: 300, unit: "binary" })), (text) => {
      const a = extractOrError(text);
      if (a.ok) assert.deepEqual(recordProblems(a.rec), []);
      assert.deepEqual(extractOrError(text), a);
    }),
    { numRuns: 400, seed: 20261122 },
  );
});

test("any bytes: decoded text or a coded error", () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
      try {
        decodeBytes(bytes, "bytes");
      } catch (e) {
        assert.ok(e instanceof DossierError);
      }
    }),
    { numRuns: 1000, seed: 7 },
  );
});

test("any HTML-ish string: an article or a coded error", () => {
  const tag = fc.constantFrom("<p>", "</p>", "<div>", "</div>", "<nav>", "<script>", "</script>", "<h1>", "<br>", "<article>", "<!--", "-->");
  const html = fc.array(fc.oneof(tag, fc.constantFrom(...PIECES), fc.string({ maxLength: 10 })), { maxLength: 40 }).map((a) => a.join(""));
  fc.assert(
    fc.property(html, (h) => {
      try {
        readHtml(h, "prop.html");
      } catch (e) {
        assert.ok(e instanceof DossierError, String(e));
      }
    }),
    { numRuns: 300, seed: 11 },
  );
});
