// Property tests for the time tagger: on any mix of time words and noise it never throws and every span is valid.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { newsText, runs } from "../../test/arbitraries.js";
import { tagTimes } from "./tagger.js";

const PIECES = ["am", "10.", "Januar", "2022", "Montag", "vor", "zwei", "Tagen", "später", "Ende", "des", "Jahres", "1939", "v. Chr.", "20.", "Jahrhunderts", "1930er", "Jahre", "Sommer", "um", "4:45", "Uhr", "Morgen", "morgen", "rund", "zweistündige", "-", "bis", "3.", "März", "on", "May", "10", "last", "week", "ago", "the", "next", "day", "1.9.39", "Nacht", "vom", ".", " ", "\n", "ü", "🙂"];

test("tagTimes never throws and every expression's offsets slice to its text", () => {
  fc.assert(
    fc.property(
      fc.oneof(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((p) => p.join(" ")), newsText),
      fc.constantFrom("de", "en"),
      fc.constantFrom<"news" | "narrative">("news", "narrative"),
      fc.boolean(),
      (text, lang, genre, withRef) => {
        const times = tagTimes(text, [{ start: 0, end: text.length, paragraph: 0, provenance: { stage: "t", rule: "t" } }], lang, withRef ? { y: 2021, m: 12, d: 29 } : null, { genre });
        let last = -1;
        for (const t of times) {
          assert.ok(t.start >= 0 && t.end <= text.length && t.start < t.end);
          assert.equal(text.slice(t.start, t.end), t.text);
          assert.ok(t.start >= last, "sorted and disjoint");
          last = t.end;
          if (t.range) assert.ok(t.range.start <= t.range.end, `range ${t.range.start}..${t.range.end}`);
        }
      },
    ),
    runs("stages:times"),
  );
});
