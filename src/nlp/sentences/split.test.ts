// Sentence splitting table: abbreviations, ordinal dates, initials, headlines and bullets without final punctuation (our own sentences).
import { test } from "node:test";
import assert from "node:assert/strict";
import { splitSentences } from "./split.js";
import { tokenize } from "../tokens/tokenize.js";
import { toSentences } from "./split.js";

const CASES: [string, string, string[]][] = [
  ["de", "Dr. Müller kam am 10. Januar nach Berlin. Dort traf er u. a. den Kanzler.", ["Dr. Müller kam am 10. Januar nach Berlin.","Dort traf er u. a. den Kanzler."]],
  ["de", "Das Treffen ist am 3. Okt. geplant. Es geht z. B. um Gas.", ["Das Treffen ist am 3. Okt. geplant.","Es geht z. B. um Gas."]],
  ["de", "Er wohnt in der Hauptstr. Nr. 5 in St. Gallen. Danach ging er.", ["Er wohnt in der Hauptstr. Nr. 5 in St. Gallen.","Danach ging er."]],
  ["de", "Am 24. Februar 2022 begann der Krieg. Seitdem ist viel passiert.", ["Am 24. Februar 2022 begann der Krieg.","Seitdem ist viel passiert."]],
  ["de", "George W. Bush traf Wladimir W. Putin. Das war 2001.", ["George W. Bush traf Wladimir W. Putin.","Das war 2001."]],
  ["de", "Putin trifft Trump\n\nDie beiden Präsidenten wollen reden.", ["Putin trifft Trump","Die beiden Präsidenten wollen reden."]],
  ["de", "Die wichtigsten Punkte:\n• Waffenruhe ab Montag\n• Austausch von Gefangenen\n• Gespräche in Genf", ["Die wichtigsten Punkte:","• Waffenruhe ab Montag","• Austausch von Gefangenen","• Gespräche in Genf"]],
  ["de", "Das kostet 3,5 Mrd. Euro. Der Preis steigt.", ["Das kostet 3,5 Mrd. Euro.","Der Preis steigt."]],
  ["de", "Im 19. Jh. war das anders. Heute nicht.", ["Im 19. Jh. war das anders.","Heute nicht."]],
  ["de", "Im 19. Jahrhundert war das anders. Heute nicht.", ["Im 19. Jahrhundert war das anders.","Heute nicht."]],
  ["de", "Er kam zum 3. Mal nach Kiew. Dann ging er.", ["Er kam zum 3. Mal nach Kiew.","Dann ging er."]],
  ["de", "Die Zahl stieg auf 12. Selenskyj sagte das.", ["Die Zahl stieg auf 12.","Selenskyj sagte das."]],
  ["de", "Die Sitzung beginnt um 10.30 Uhr. Alle kommen.", ["Die Sitzung beginnt um 10.30 Uhr.","Alle kommen."]],
  ["de", "Er kam am 1. und 2. März. Dann reiste er ab.", ["Er kam am 1. und 2. März.","Dann reiste er ab."]],
  ["de", "«Wann kommt er?», fragte sie. Niemand wusste es.", ["«Wann kommt er?», fragte sie.","Niemand wusste es."]],
  ["en", "Mr. Smith met Gen. Brown in Washington. They talked for an hour.", ["Mr. Smith met Gen. Brown in Washington.","They talked for an hour."]],
  ["en", "The U.S. military said it was ready. Russia disagreed.", ["The U.S. military said it was ready.","Russia disagreed."]],
  ["en", "He arrived on Jan. 5 in Geneva. Talks began on Monday.", ["He arrived on Jan. 5 in Geneva.","Talks began on Monday."]],
  ["en", "Trump, Putin agree to talk\nThe two leaders spoke for 90 minutes.", ["Trump, Putin agree to talk","The two leaders spoke for 90 minutes."]],
  ["en", "Kim Jong Un met Moon Jae-in at 3 p.m. in Panmunjom. It was historic.", ["Kim Jong Un met Moon Jae-in at 3 p.m. in Panmunjom.","It was historic."]],
  ["en", "It cost $3.5 billion. Prices rose.", ["It cost $3.5 billion.","Prices rose."]],
  ["en", "Was it worth it? Nobody knows! Time will tell.", ["Was it worth it?","Nobody knows!","Time will tell."]],
  ["en", "- First point\n- Second point without a period\nThen a sentence.", ["- First point","- Second point without a period","Then a sentence."]],
];

for (const [lang, text, want] of CASES) {
  test(`split ${lang}: ${JSON.stringify(text)}`, () => {
    assert.deepEqual(
      splitSentences(text, lang).map((s) => text.slice(s.start, s.end)),
      want,
    );
  });
}

test("tokens keep offsets, split hyphens and keep inner apostrophes", () => {
  const text = "US-Präsident Trump’s Plan kostet 3,5 Mrd. Euro.";
  const toks = tokenize(text, toSentences(splitSentences(text, "de"))).map((t) => text.slice(t.start, t.end));
  assert.deepEqual(toks, ["US", "-", "Präsident", "Trump’s", "Plan", "kostet", "3,5", "Mrd", ".", "Euro", "."]);
});
