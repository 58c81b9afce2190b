// Person names that the knowledge base does not know ("said Mesut Casin, a foreign policy adviser"), read from capitalization.
import type { Mention } from "../../core/types.js";
import { ff, type QuoteLex } from "./lex.js";
import { isCap, type Tok } from "./tokens.js";

export interface NameSpan {
  start: number;
  end: number;
  /** Token indexes [first, last] of the name proper (titles stripped). */
  first: number;
  last: number;
  text: string;
}

/** The mention that covers offset `pos`, if any. */
export function mentionAt(mentions: readonly Mention[], pos: number, skip?: Mention): Mention | undefined {
  let lo = 0;
  let hi = mentions.length - 1;
  // Mentions are sorted by start; scan the few around the binary-search point (they may nest).
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.start <= pos) lo = mid + 1;
    else hi = mid - 1;
  }
  // Of the mentions containing `pos`, the longest ("US-Präsident" over its "US").
  let best: Mention | undefined;
  for (let k = hi; k >= 0 && k >= hi - 4; k--) {
    const m = mentions[k]!;
    if (m !== skip && m.start <= pos && pos < m.end && (!best || m.end - m.start > best.end - best.start)) best = m;
  }
  return best;
}

/** Tokens (words, initials and their periods) a person's name can span. */
const MAX_NAME_TOKENS = 24;

const isInitial = (toks: Tok[], i: number) => /^\p{Lu}$/u.test(toks[i]!.text) && toks[i + 1]?.text === ".";

/** `f`: the folded word. */
function isOrgHead(l: QuoteLex, f: string): boolean {
  if (l.orgHeads.has(f)) return true;
  if (l.lang === "de") for (const h of l.orgHeads) if (f.length > h.length + 2 && f.endsWith(h)) return true;
  return false;
}

/**
 * The unknown person name that contains token `i`, or null: two or more capitalized words (name particles and
 * initials allowed inside), leading titles stripped, no institution word, no place or organization known to the KB.
 */
export function nameAround(toks: Tok[], i: number, l: QuoteLex, mentions: readonly Mention[], skip?: Mention): NameSpan | null {
  const ok = (k: number) => {
    const t = toks[k];
    if (!t || !t.word) return false;
    if (isInitial(toks, k)) return true;
    if (!isCap(t.text)) return false;
    // All-capital acronyms ("VOA", "NATO") are organizations, not names.
    if (t.text.length > 1 && t.text === t.text.toUpperCase() && !/\d/.test(t.text)) return false;
    return true;
  };
  const glue = (k: number) => {
    const t = toks[k];
    if (!t) return false;
    if (t.text === "." && k > 0 && isInitial(toks, k - 1)) return true;
    return t.word && !isCap(t.text) && l.nameParticles.has(t.f) && ok(k + 1);
  };
  if (!ok(i)) return null;
  let a = i;
  while (a > 0 && (ok(a - 1) || (glue(a - 1) && a - 2 >= 0 && ok(a - 2)))) {
    a -= glue(a - 1) ? 2 : 1;
    if (i - a > MAX_NAME_TOKENS) return null; // a long run of capitals is no name; and scanning it from every token would be quadratic
  }
  let b = i;
  while (b + 1 < toks.length && (ok(b + 1) || (glue(b + 1) && ok(b + 2)))) {
    b += glue(b + 1) ? 2 : 1;
    if (b - a > MAX_NAME_TOKENS) return null;
  }
  // Strip leading titles, function words and adjectives ("Turkish Defense Minister", "Professor", "Former").
  while (a <= b) {
    const t = toks[a]!;
    const m = mentionAt(mentions, t.start, skip);
    const f = t.f;
    const titleCompound = l.lang === "de" && l.titleList.some((x) => f.length > x.length + 2 && f.endsWith(x));
    if (l.stopCaps.has(t.text) || l.titles.has(f) || titleCompound || (m && m.type !== "person" && m.end <= toks[b]!.end)) a++;
    else break;
  }
  let words = 0;
  for (let k = a; k <= b; k++) {
    const t = toks[k]!;
    if (isOrgHead(l, t.f)) return null;
    if (l.stopCaps.has(t.text)) return null;
    const m = mentionAt(mentions, t.start, skip);
    // Any KB match inside: the KB mention is the better reading ("Ministerpräsident Benjamin Netanjahu").
    if (m) return null;
    const f = t.f;
    if (l.notNameSuffixes.some((x) => f.endsWith(x))) return null;
    if (t.word && !isInitial(toks, k) && !l.nameParticles.has(t.f)) words++;
  }
  if (words < 2) return null;
  // A name covered by one KB person mention is that person, not an unknown name.
  const m0 = mentionAt(mentions, toks[a]!.start, skip);
  if (m0 && m0.type === "person" && m0.start <= toks[a]!.start && m0.end >= toks[b]!.end) return null;
  const start = toks[a]!.start;
  const end = toks[b]!.end;
  return { start, end, first: a, last: b, text: "" };
}
