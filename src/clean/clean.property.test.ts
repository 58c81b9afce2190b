// Property tests for ingest and cleaning: any bytes or string gives an article or a coded error, never an exception; every removed item was in the input.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { DossierError } from "../core/errors.js";
import { cleanText } from "./clean-text.js";
import { readBytes } from "../ingest/sources.js";
import { readHtml } from "../ingest/html-reader.js";

const norm = (s: string) => s.replace(/\s+/g, " ").trim();
const JUNK = [
  "Startseite", "Icon Pfeil nach unten", "© Imago/SNA", "Foto: Max Muster, dpa", "showPaywall: false", "- false", "AFP", "(Reuters/dpa)",
  "Mehr zum Thema – X", "Schreibe einen Kommentar", "Heute, 19:11 · Lesedauer 3 min", "1 godzina temu", "Idź do oryginalnego materiału",
  "(Lesen Sie auch: Etwas anderes)", "Anzeige", "Stand:", "12.03.2024", "Teilen", "Der Minister sagte am Dienstag, man sei bereit.",
  "Hinweis: Dieser Artikel wurde mit Künstlicher Intelligenz (KI) erstellt.", "\t", "\u00a0", "  ", "\r\n",
];
const piece = fc.oneof(fc.constantFrom(...JUNK), fc.string({ maxLength: 20 }), fc.string({ maxLength: 8, unit: "grapheme" }));
const lineText = fc.array(fc.tuple(piece, fc.constantFrom("\n", "\n\n", " ")), { maxLength: 30 }).map((a) => a.map(([p, sep]) => p + sep).join(""));

test("cleaning any string: never throws; every removed item is text of the input (up to whitespace) with a reason", () => {
  fc.assert(
    fc.property(fc.oneof(lineText, fc.string({ maxLength: 400, unit: "binary" })), (input) => {
      const r = cleanText(input);
      const inNorm = norm(input);
      for (const x of r.removed) {
        assert.ok(x.text.length > 0, "empty removed item");
        assert.ok(inNorm.includes(norm(x.text)), `removed text not in input: ${JSON.stringify(x.text)}`);
        assert.ok(typeof x.reason === "string" && x.reason.length > 0);
      }
      assert.equal(typeof r.aiGenerated, "boolean");
    }),
    { numRuns: 600, seed: 42 },
  );
});

test("any bytes under any extension: articles or coded errors, never an exception", () => {
  const ext = fc.constantFrom(".txt", ".html", ".md", ".json", ".jsonl", "");
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 300 }), ext, (bytes, e) => {
      for (const r of readBytes(bytes, `prop${e}`, e, null, {})) {
        if ("error" in r) assert.ok(r.error instanceof DossierError);
        else assert.equal(typeof r.article.body, "string");
      }
    }),
    { numRuns: 800, seed: 11 },
  );
});

test("any HTML-ish string: an article or a coded error, never an exception", () => {
  const tag = fc.constantFrom("<p>", "</p>", "<div class=\"share\">", "<div class=\"article-body\">", "</div>", "<nav>", "</nav>", "<h1>", "</h1>", "<a href=x>", "</a>", "<footer>", "<!--", "-->", "<script>", "</script>");
  const html = fc.array(fc.oneof(tag, fc.constantFrom(...JUNK), fc.string({ maxLength: 12 })), { maxLength: 40 }).map((a) => a.join(""));
  fc.assert(
    fc.property(html, (h) => {
      try {
        const a = readHtml(h, "prop.html");
        assert.equal(typeof a.body, "string");
      } catch (e) {
        assert.ok(e instanceof DossierError, String(e));
      }
    }),
    { numRuns: 500, seed: 5 },
  );
});
