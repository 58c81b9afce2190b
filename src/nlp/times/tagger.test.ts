// Table tests for the time tagger with fixed reference dates: text, offsets and value of each expression.
import { test } from "node:test";
import assert from "node:assert/strict";
import { tagTimes } from "./tagger.js";
import { parseIso } from "./calendar.js";

const one = (sentence: string, lang: string, ref: string) =>
  tagTimes(sentence, [{ start: 0, end: sentence.length, paragraph: 0, provenance: { stage: "t", rule: "t" } }], lang, parseIso(ref));

// [sentence, expression, value, range start, range end] against the reference date.
const DE: [string, string, string, string, string][] = [
  ["Am 10. Januar 2022 beginnen Gespräche.", "10. Januar 2022", "2022-01-10", "2022-01-10", "2022-01-10"],
  ["Das Treffen ist am 10.01.2022 geplant.", "10.01.2022", "2022-01-10", "2022-01-10", "2022-01-10"],
  ["Ein für den 10. Januar in Genf geplantes Treffen.", "10. Januar", "2022-01-10", "2022-01-10", "2022-01-10"],
  ["Biden und Putin wollen am Donnerstag sprechen.", "am Donnerstag", "2021-12-30", "2021-12-30", "2021-12-30"],
  ["Er hatte am Montag mit ihm telefoniert.", "am Montag", "2021-12-27", "2021-12-27", "2021-12-27"],
  ["Sie hatten sich Anfang Dezember gesprochen.", "Anfang Dezember", "2021-12", "2021-12-01", "2021-12-10"],
  ["Das teilte das Weiße Haus gestern mit.", "gestern", "2021-12-28", "2021-12-28", "2021-12-28"],
  ["Sie trafen sich im Juni in Genf.", "im Juni", "2021-06", "2021-06-01", "2021-06-30"],
  ["Das Treffen fand vergangene Woche statt.", "vergangene Woche", "2021-W51", "2021-12-20", "2021-12-26"],
  ["Ende Dezember reist er nach Kiew.", "Ende Dezember", "2021-12", "2021-12-21", "2021-12-31"],
];

for (const [s, expr, value, start, end] of DE) {
  test(`de: ${expr} in "${s}" (ref 2021-12-29)`, () => {
    const t = one(s, "de", "2021-12-29").find((x) => x.text === expr);
    assert.ok(t, `found ${JSON.stringify(one(s, "de", "2021-12-29").map((x) => x.text))}`);
    assert.equal(s.slice(t!.start, t!.end), expr);
    assert.equal(t!.value, value);
    assert.deepEqual(t!.range, { start, end });
  });
}

test("de: a January date in an August article lies in the past, not next year", () => {
  const t = one("Am 10. Januar hatte es bereits Gespräche gegeben.", "de", "2025-08-19")[0]!;
  assert.equal(t.value, "2025-01-10");
});

test("de: durations", () => {
  assert.equal(one("Die rund zweistündige Videoschalte.", "de", "2021-12-29")[0]!.value, "PT2H");
  assert.equal(one("Das fünfstündige Gespräch.", "de", "2021-12-29")[0]!.value, "PT5H");
  assert.equal(one("Eine 30-tägige Waffenruhe.", "de", "2021-12-29")[0]!.value, "P30D");
  assert.equal(one("Das Telefonat dauerte 50 Minuten.", "de", "2021-12-29")[0]!.value, "PT50M");
});

test("de: vague future range", () => {
  const t = one("Ein Treffen in den kommenden Wochen.", "de", "2025-08-19")[0]!;
  assert.equal(t.text, "in den kommenden Wochen");
  assert.equal(t.value, "FUTURE_REF");
  assert.equal(t.range!.start, "2025-08-20");
});

const EN: [string, string, string][] = [
  ["The two leaders spoke on Thursday.", "on Thursday", "2021-12-30"],
  ["They met on January 10, 2022 in Geneva.", "January 10, 2022", "2022-01-10"],
  ["Talks are scheduled for Jan. 10.", "Jan. 10", "2022-01-10"],
  ["Officials met in early December.", "early December", "2021-12"],
  ["The call took place yesterday.", "yesterday", "2021-12-30"],
  ["The summit in mid-August ended without a deal.", "mid-August", "2021-08"],
];
for (const [s, expr, value] of EN) {
  test(`en: ${expr} (ref 2021-12-31)`, () => {
    const got = one(s, "en", "2021-12-31");
    const t = got.find((x) => x.text === expr);
    assert.ok(t, `found ${JSON.stringify(got.map((x) => x.text))}`);
    assert.equal(t!.value, value);
  });
}
