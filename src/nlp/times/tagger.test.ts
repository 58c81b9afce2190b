// Table tests for the time tagger with fixed reference dates: the text, offsets, value and range of each expression.
import { test } from "node:test";
import assert from "node:assert/strict";
import { tagTimes } from "./tagger.js";
import { parseIso } from "./calendar.js";
import { TABLES } from "./tagger-table.js";
import type { Sentence } from "../../core/types.js";

/** Sentences split at ". " so that narrative rows can set an anchor in one sentence and use it in the next. */
function sentencesOf(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  for (const m of text.matchAll(/(?<=\p{Ll}{2})[.!?](?=\s+\p{Lu})/gu)) {
    const end = m.index + 1;
    out.push({ start, end, paragraph: 0, provenance: { stage: "test", rule: "split" } });
    start = end + 1;
  }
  out.push({ start, end: text.length, paragraph: 0, provenance: { stage: "test", rule: "split" } });
  return out;
}

const counts: Record<string, number> = {};
for (const table of TABLES) {
  for (const [sentence, expr, value, rangeStart, rangeEnd] of table.rows) {
    counts[table.lang] = (counts[table.lang] ?? 0) + 1;
    test(`${table.lang} ${table.genre} (ref ${table.ref ?? "none"}): "${expr}" in "${sentence}"`, () => {
      const got = tagTimes(sentence, sentencesOf(sentence), table.lang, table.ref ? parseIso(table.ref) : null, { genre: table.genre });
      const start = sentence.indexOf(expr);
      assert.ok(start >= 0, "the expression is part of the sentence");
      if (value === null) {
        // A negative row: nothing may be tagged inside the phrase.
        assert.deepEqual(got.filter((t) => t.start < start + expr.length && start < t.end).map((t) => t.text), []);
        return;
      }
      const t = got.find((x) => x.start === start && x.end === start + expr.length);
      assert.ok(t, `expected [${start},${start + expr.length}) "${expr}", found ${JSON.stringify(got.map((x) => [x.start, x.end, x.text]))}`);
      assert.equal(t.text, expr);
      assert.equal(sentence.slice(t.start, t.end), expr);
      assert.equal(t.value, value);
      if (rangeStart) assert.deepEqual(t.range, { start: rangeStart, end: rangeEnd ?? rangeStart });
    });
  }
}

test("the table covers at least 150 German and 50 English expressions", () => {
  assert.ok((counts.de ?? 0) >= 150, `de: ${counts.de}`);
  assert.ok((counts.en ?? 0) >= 50, `en: ${counts.en}`);
});

test("without a reference date, partial dates stay unresolved instead of guessing today", () => {
  const s = "Am 10. Januar trafen sie sich.";
  const t = tagTimes(s, sentencesOf(s), "de", null)[0]!;
  assert.equal(t.value, "XXXX-01-10");
  assert.equal(t.range, null);
});
