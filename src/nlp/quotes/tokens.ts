// A small tokenizer for frames: words (with inner periods of initials and abbreviations) and punctuation, with offsets.
export interface Tok {
  text: string;
  start: number;
  end: number;
  /** A word (letters/digits) rather than punctuation. */
  word: boolean;
}

/** Tokens of text.slice(from, to), offsets into the full text. */
export function tokenize(text: string, from: number, to: number): Tok[] {
  const out: Tok[] = [];
  const s = text.slice(from, to);
  for (const m of s.matchAll(/[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}'’-]|\.(?=\p{L}))*|[^\s\p{L}\p{N}]/gu)) {
    out.push({ text: m[0], start: from + m.index, end: from + m.index + m[0].length, word: /^[\p{L}\p{N}]/u.test(m[0]) });
  }
  return out;
}

/** Capitalized, or an Arabic-style name with a lower-case article glued on ("al-Bunni", "el-Sisi"). */
export const isCap = (s: string) => /^\p{Lu}/u.test(s) || /^\p{Ll}{1,3}-\p{Lu}/u.test(s);
