// Word, number and punctuation tokens with offsets; hyphens inside compounds are tokens of their own.
import type { Sentence, Token } from "../../core/types.js";

// Words keep inner apostrophes ("Putin's", "don't"); hyphens split ("US-Präsident" → US, -, Präsident).
// The branch that matched gives the kind: a letter or mark starts a word, a digit a number; a lone other character is
// punctuation or a symbol, decided once per character.
const TOKEN = /([\p{L}\p{M}](?:[\p{L}\p{M}\p{N}]|['’](?=[\p{L}]))*)|(\p{N}+(?:[.,:]\p{N}+)*)|[^\s\p{L}\p{N}]/gu;
const otherKind = new Map<string, Token["kind"]>();
function kindOfOther(ch: string): Token["kind"] {
  let k = otherKind.get(ch);
  if (k === undefined) {
    k = /^[\p{P}]/u.test(ch) ? "punct" : "symbol";
    if (otherKind.size < 10_000) otherKind.set(ch, k);
  }
  return k;
}

export function tokenize(text: string, sentences: Sentence[]): Token[] {
  const out: Token[] = [];
  sentences.forEach((s, si) => {
    const slice = text.slice(s.start, s.end);
    TOKEN.lastIndex = 0;
    for (let m = TOKEN.exec(slice); m; m = TOKEN.exec(slice)) {
      const t = m[0];
      const kind = m[1] !== undefined ? "word" : m[2] !== undefined ? "number" : kindOfOther(t);
      out.push({ start: s.start + m.index, end: s.start + m.index + t.length, kind, sentence: si });
    }
  });
  return out;
}
