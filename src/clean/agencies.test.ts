// Agency credits: byline lines, datelines and closing credits count; sources named in a sentence do not.
import { test } from "node:test";
import assert from "node:assert/strict";
import { creditLine, inlineCredits } from "./agencies.js";

test("credit lines", () => {
  assert.deepEqual(creditLine("AFP"), ["AFP"]);
  assert.deepEqual(creditLine("Quelle: dpa und AFP"), ["dpa", "AFP"]);
  assert.deepEqual(creditLine("With reporting by Reuters"), ["Reuters"]);
  assert.equal(creditLine("Der Kanzler reiste nach Paris."), null);
});

test("datelines and closing credits, in the lexicon's spelling", () => {
  assert.deepEqual(inlineCredits("Er gab dem Treffen zehn von zehn Punkten. (Reuters/dpa/AFP)"), ["Reuters", "dpa", "AFP"]);
  assert.deepEqual(inlineCredits("Berlin (dpa) - Der Kanzler traf Macron."), ["dpa"]);
  assert.deepEqual(inlineCredits("Nach Informationen der Nachrichtenagentur AP sollen die Gespräche stattfinden."), []);
});
