// Property tests for cleaning: any string is cleaned without an exception, and every removed item was in the input (readers: src/ingest/ingest.property.test.ts).
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { anyText, runs } from "../test/arbitraries.js";
import { cleanText } from "./clean-text.js";

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
    fc.property(fc.oneof(lineText, anyText), (input) => {
      const r = cleanText(input);
      const inNorm = norm(input);
      for (const x of r.removed) {
        assert.ok(x.text.length > 0, "empty removed item");
        assert.ok(inNorm.includes(norm(x.text)), `removed text not in input: ${JSON.stringify(x.text)}`);
        assert.ok(typeof x.reason === "string" && x.reason.length > 0);
      }
      assert.equal(typeof r.aiGenerated, "boolean");
    }),
    runs("clean:text"),
  );
});
