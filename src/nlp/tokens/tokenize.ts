// Word, number and punctuation tokens with offsets; hyphens inside compounds are tokens of their own.
import type { Sentence, Token } from "../../core/types.js";

// Words keep inner apostrophes ("Putin's", "don't"); hyphens split ("US-Präsident" → US, -, Präsident).
const TOKEN = /[\p{L}\p{M}](?:[\p{L}\p{M}\p{N}]|['’](?=[\p{L}]))*|\p{N}+(?:[.,:]\p{N}+)*|[^\s\p{L}\p{N}]/gu;

export function tokenize(text: string, sentences: Sentence[]): Token[] {
  const out: Token[] = [];
  sentences.forEach((s, si) => {
    const slice = text.slice(s.start, s.end);
    TOKEN.lastIndex = 0;
    for (let m = TOKEN.exec(slice); m; m = TOKEN.exec(slice)) {
      const t = m[0];
      const kind = /^\p{N}/u.test(t) ? "number" : /^[\p{L}\p{M}]/u.test(t) ? "word" : /^[\p{P}]/u.test(t) ? "punct" : "symbol";
      out.push({ start: s.start + m.index, end: s.start + m.index + t.length, kind, sentence: si });
    }
  });
  return out;
}
