// A small tokenizer for frames: words (with inner periods of initials and abbreviations) and punctuation, with offsets.
import { ff } from "./lex.js";
export interface Tok {
  text: string;
  start: number;
  end: number;
  /** A word (letters/digits) rather than punctuation. */
  word: boolean;
  /** `ff(text)`, folded once when the text is scanned: the stage compares folded words many times per token. */
  f: string;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const INNER = /[\p{L}\p{M}\p{N}]/u;
const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13 || c === 160 || (c >= 0x2000 && c <= 0x200b) || c === 0x202f || c === 0x3000;

function letterOrDigit(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER_OR_DIGIT.test(ch);
}
function inner(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 39 || c === 45;
  return ch === "’" || INNER.test(ch);
}

/** Words (letters, digits, inner apostrophes and hyphens, periods between letters: "U.S") and single punctuation marks. */
function scan(s: string, from: number): Tok[] {
  const out: Tok[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    const ch = s[i]!;
    if (isSpace(s.charCodeAt(i))) {
      i++;
      continue;
    }
    if (letterOrDigit(ch)) {
      let j = i + 1;
      let ascii = s.charCodeAt(i) < 128;
      while (j < n) {
        const d = s[j]!;
        if (inner(d)) j++;
        else if (d === "." && j + 1 < n && /\p{L}/u.test(s[j + 1]!)) j++;
        else break;
        if (s.charCodeAt(j - 1) >= 128) ascii = false;
      }
      const text = s.slice(i, j);
      // An ASCII word folds to its lower case (nothing to decompose, no ß): no memo lookup needed.
      out.push({ text, start: from + i, end: from + j, word: true, f: ascii ? text.toLowerCase() : ff(text) });
      i = j;
    } else {
      out.push({ text: ch, start: from + i, end: from + i + 1, word: false, f: ff(ch) });
      i++;
    }
  }
  return out;
}

// The stage asks for tokens of many overlapping stretches of one text: scan the whole text once and slice.
let cachedText: string | null = null;
let cachedToks: Tok[] = [];

/** Tokens of text.slice(from, to) (whole tokens only), offsets into the full text. */
export function tokenize(text: string, from: number, to: number): Tok[] {
  if (text !== cachedText) {
    cachedToks = scan(text, 0);
    cachedText = text;
  }
  const toks = cachedToks;
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid]!.start < from) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < toks.length && toks[end]!.end <= to) end++;
  // A stretch that starts inside a token ("…“, sagte") gets that token's tail scanned on its own.
  if (lo > 0 && toks[lo - 1]!.end > from && from < to) return [...scan(text.slice(from, Math.min(to, toks[lo - 1]!.end)), from), ...toks.slice(lo, end)];
  return toks.slice(lo, end);
}

const UPPER = /^\p{Lu}/u;
const ARTICLE_NAME = /^\p{Ll}{1,3}-\p{Lu}/u;
/** Capitalized, or an Arabic-style name with a lower-case article glued on ("al-Bunni", "el-Sisi"). */
export function isCap(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128 && !(c >= 97 && c <= 122)) return false;
  if (c >= 128 && UPPER.test(s)) return true;
  return s.length > 2 && s.includes("-") && ARTICLE_NAME.test(s);
}
