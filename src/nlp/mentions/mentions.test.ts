// Mention finding on our own sentences: inflection, typos, metonymy, unknown people and their surnames.
import { test } from "node:test";
import assert from "node:assert/strict";
import { makeContext } from "../../cli/context.js";
import { processArticle } from "../../extract.js";
import { emptyArticle } from "../../ingest/article.js";

const ctx = makeContext();

/** "surface→entity name (type)" for every mention of the text. */
function mentions(lang: string, text: string, date = "2025-08-20"): string[] {
  const doc = processArticle({ ...emptyArticle("mention-test", text, "text"), language: lang, published: date }, ctx);
  return doc.layers.mentions!.map((m) => `${m.text}→${doc.layers.entities!.get(m.entity)?.name} (${m.type})`);
}

const CASES: [string, string, string[]][] = [
  ["de", "Putins Sprecher äußerte sich, Selenskyjs Büro schwieg.", ["Putins→Vladimir Putin (person)", "Selenskyjs→Volodymyr Zelensky (person)"]],
  ["de", "Wolodymyr Selenskyj reiste ab. Später sagte Selensykj, er sei zufrieden.", ["Selensykj→Volodymyr Zelensky (person)"]],
  ["de", "Moskau warnte vor einer Eskalation.", ["Moskau→Russia (country)"]],
  ["de", "Die Gespräche finden in Moskau statt.", ["Moskau→Moscow (location)"]],
  ["en", "Washington warned Tehran on Monday.", ["Washington→United States (country)"]],
  ["en", "The talks were held in Washington.", ["Washington→Washington, D.C. (location)"]],
  ["de", "Sprecherin Karoline Leavitt sagte, Leavitt habe nichts hinzuzufügen.", ["Karoline Leavitt→Karoline Leavitt (person)", "Leavitt→Karoline Leavitt (person)"]],
  ["en", "\"It will not work,\" said Jorun Vesterhus, a fellow at an institute. Vesterhus added that talks would go on.", ["Jorun Vesterhus→Jorun Vesterhus (person)", "Vesterhus→Jorun Vesterhus (person)"]],
  ["en", "Hasan Qorbani, the country's deputy minister, met reporters.", ["Hasan Qorbani→Hasan Qorbani (person)"]],
  ["en", "He said the Strategic Stability Dialogue would resume.", []],
  ["en", "Berisha, his wife, Liri Berisha, and his son were named.", ["Liri Berisha→Liri Berisha (person)"]],
];

for (const [lang, text, want] of CASES) {
  test(`mentions ${lang}: ${text}`, () => {
    const got = mentions(lang, text);
    for (const w of want) assert.ok(got.includes(w), `missing ${w}; got ${got.join(" | ")}`);
    if (!want.length) assert.deepEqual(got.filter((g) => g.endsWith("(person)")), []);
  });
}

test("a common word is no typo of a long surname", () => {
  const got = mentions("de", "Das Schwein lief über den Hof.");
  assert.deepEqual(got.filter((g) => g.endsWith("(person)")), []);
});

test("He at the start of a sentence is a pronoun, not the surname of a Chinese official", () => {
  const got = mentions("en", "He said the meeting went well.");
  assert.deepEqual(got, []);
});
