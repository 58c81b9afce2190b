// startsUpper agrees with /^\p{Lu}/u on every UTF-16 code unit and on words.
import { test } from "node:test";
import assert from "node:assert/strict";
import { startsUpper } from "./chars.js";

test("startsUpper answers as the Unicode property test for every code unit and sample words", () => {
  for (let c = 0; c < 0x10000; c++) {
    const s = String.fromCharCode(c) + "x";
    assert.equal(startsUpper(s), /^\p{Lu}/u.test(s), `U+${c.toString(16)}`);
  }
  for (const w of ["", "Ärger", "éclat", "Σ", "𝐀bc", "1A", "ǅ"]) assert.equal(startsUpper(w), /^\p{Lu}/u.test(w), w);
});
