// Search helpers: folding keeps offsets, matches and snippet highlights always point at the query words; date precision table.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { precisionOf } from "./dates.js";
import { fold, matchAll, queryTerms, snippet } from "./text-match.js";

test("fold keeps the length of any string and drops case and accents", () => {
  fc.assert(
    fc.property(fc.string({ unit: "binary", maxLength: 200 }), (s) => fold(s).length === s.length),
    { numRuns: 2000, seed: 7 },
  );
  assert.equal(fold("Selenskyj trifft MACRON in Genève"), "selenskyj trifft macron in geneve");
  assert.equal(fold("Äußerung"), "außerung");
});

test("fold equals folding one character at a time", () => {
  const one = (ch: string) => {
    const lower = ch.toLowerCase();
    const bare = lower.normalize("NFD").replace(/\p{M}/gu, "");
    return bare.length === ch.length ? bare : lower.length === ch.length ? lower : ch;
  };
  for (const unit of ["binary", "grapheme-composite"] as const)
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 100 }), fc.string({ maxLength: 20 }), (a, b) => fold(a + b) === [...(a + b)].map(one).join("")),
      { numRuns: 2000, seed: 5 },
    );
  assert.equal(fold("İstanbul ÖL 𐐀"), [..."İstanbul ÖL 𐐀"].map(one).join(""));
});

test("matches and snippet highlights are valid and point at the words", () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 400 }), fc.constantFrom("putin", "Gipfel", "é", "a b", "\"zwei wörter\""), (text, q) => {
      const terms = queryTerms(q);
      const hits = matchAll(text, terms);
      if (!hits) return true;
      for (const h of hits) assert.ok(terms.includes(fold(text.slice(h.start, h.end))));
      const s = snippet(text, hits);
      for (const h of s.highlights) {
        assert.ok(h.start >= 0 && h.end <= s.snippet.length && h.start < h.end);
        assert.ok(terms.some((t) => fold(s.snippet.slice(h.start, h.end)) === t.replace(/\s+/g, " ")));
      }
      return true;
    }),
    { numRuns: 2000, seed: 11 },
  );
});

test("date precision: day, ISO week, month, year, other ranges", () => {
  const table: [string, string, string][] = [
    ["2025-08-15", "2025-08-15", "day"],
    ["2025-08-11", "2025-08-17", "week"],
    ["2025-08-12", "2025-08-18", "range"],
    ["2025-08-01", "2025-08-31", "month"],
    ["2024-02-01", "2024-02-29", "month"],
    ["2023-02-01", "2023-02-28", "month"],
    ["2021-01-01", "2021-12-31", "year"],
    ["2025-08-11", "2025-08-20", "range"],
  ];
  for (const [a, b, want] of table) assert.equal(precisionOf(a, b), want, `${a}..${b}`);
});
