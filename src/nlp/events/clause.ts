// One sentence as events see it: its tokens folded once, its mentions and times, and clause boundaries.
import { fold } from "../../core/normalize.js";
import type { Document, Mention, Sentence, TimeExpr, Token } from "../../core/types.js";
import type { EventLexicon } from "./lexicon.js";

/** Punctuation that always ends a clause. */
const STRONG = new Set([";", ":", "–", "—", "(", ")", "[", "]", "?", "!"]);

export interface SentenceView {
  index: number;
  sentence: Sentence;
  tokens: Token[];
  /** Folded text of each token ("" for punctuation). */
  words: string[];
  mentions: Mention[];
  times: TimeExpr[];
  /** For every token: index of the clause it belongs to (commas start a new weak clause). */
  weak: number[];
  /** For every token: index of the clause between strong boundaries. */
  strong: number[];
  /** For every token: it stands inside a direct quotation. */
  quoted: boolean[];
  /** Token index of every token start offset (mentions start and end on token boundaries). */
  tokenOf: Map<number, number>;
  /** First and last token of each weak / strong clause id. */
  weakBounds: [number, number][];
  strongBounds: [number, number][];
}

export interface Range {
  from: number;
  to: number; // token indexes, inclusive
}

/** Splits the document into sentence views in one pass over tokens, mentions and times (all sorted by offset). */
export function sentenceViews(doc: Document, lex: EventLexicon): SentenceView[] {
  const text = doc.text;
  const sents = doc.layers.sentences!;
  const tokens = doc.layers.tokens!;
  const mentions = doc.layers.mentions!;
  const times = doc.layers.times!;
  const direct = (doc.layers.quotes ?? []).filter((q) => q.kind === "direct");
  const out: SentenceView[] = [];
  if (FOLDED.size > 200_000) FOLDED.clear(); // bounded: a long batch never grows it without limit
  const cache = FOLDED;
  let ti = 0;
  let mi = 0;
  let xi = 0;
  sents.forEach((s, index) => {
    const toks: Token[] = [];
    while (ti < tokens.length && tokens[ti]!.start < s.start) ti++;
    while (ti < tokens.length && tokens[ti]!.end <= s.end) toks.push(tokens[ti++]!);
    const ms: Mention[] = [];
    while (mi < mentions.length && mentions[mi]!.start < s.start) mi++;
    for (let k = mi; k < mentions.length && mentions[k]!.start < s.end; k++) if (mentions[k]!.end <= s.end && !statisticalGuess(mentions[k]!)) ms.push(mentions[k]!);
    const ts: TimeExpr[] = [];
    while (xi < times.length && times[xi]!.start < s.start) xi++;
    for (let k = xi; k < times.length && times[k]!.start < s.end; k++) if (times[k]!.end <= s.end) ts.push(times[k]!);
    const words = toks.map((t) => (t.kind === "word" ? foldFast(text.slice(t.start, t.end), cache) : t.kind === "punct" ? text.slice(t.start, t.end) : ""));
    const quoted: boolean[] = new Array<boolean>(toks.length).fill(false);
    for (const q of direct) {
      if (q.end <= s.start || q.start >= s.end) continue;
      toks.forEach((t, k) => {
        if (q.start <= t.start && q.end >= t.end) quoted[k] = true;
      });
    }
    const tokenOf = new Map<number, number>();
    toks.forEach((t, k) => tokenOf.set(t.start, k));
    const v: SentenceView = { index, sentence: s, tokens: toks, words, mentions: ms, times: ts, weak: [], strong: [], quoted, tokenOf, weakBounds: [], strongBounds: [] };
    markClauses(v, lex, text);
    out.push(v);
  });
  return out;
}

const ASCII_WORD = /^[A-Za-z']+$/;
/** Folded word forms, shared across documents of one process (word forms repeat; NFKD is costly). */
const FOLDED = new Map<string, string>();

/** fold() with a per-document cache; plain ASCII words only need lower-casing (most tokens, and NFKD is costly). */
function foldFast(w: string, cache: Map<string, string>): string {
  let f = cache.get(w);
  if (f === undefined) {
    f = ASCII_WORD.test(w) ? w.toLowerCase() : fold(w);
    cache.set(w, f);
  }
  return f;
}

/** A comma between two list items ("Putin, Trump und Selenskyj") does not end the clause. */
function markClauses(v: SentenceView, lex: EventLexicon, text: string): void {
  let weak = 0;
  let strong = 0;
  for (let i = 0; i < v.tokens.length; i++) {
    const w = v.words[i]!;
    if (STRONG.has(w) && !inset(v, i)) {
      strong++;
      weak++;
    } else if (w === ",") {
      if (!isListItem(v, i + 1, lex, text)) weak++;
    }
    v.weak.push(weak);
    v.strong.push(strong);
  }
  for (let i = 0; i < v.tokens.length; i++) {
    const w = v.weak[i]!, st = v.strong[i]!;
    if (!v.weakBounds[w]) v.weakBounds[w] = [i, i];
    else v.weakBounds[w]![1] = i;
    if (!v.strongBounds[st]) v.strongBounds[st] = [i, i];
    else v.strongBounds[st]![1] = i;
  }
}

/** "Selenskyj (47)", "Macron (Montag)": an age or a day in brackets does not end the clause; "(SDF)" still does. */
function inset(v: SentenceView, i: number): boolean {
  const w = v.words[i];
  const k = w === "(" && v.words[i + 2] === ")" ? i + 1 : w === ")" && v.words[i - 2] === "(" ? i - 1 : -1;
  if (k < 0) return false;
  const t = v.tokens[k]!;
  return t.kind === "number" || v.times.some((x) => x.start <= t.start && x.end >= t.end);
}

/** A name within the next few tokens is followed by a comma or a list joiner: a list item ("dem ägyptischen Staatschef al-Sisi und …"). */
function isListItem(v: SentenceView, i: number, lex: EventLexicon, text: string): boolean {
  for (let j = i; j < Math.min(v.tokens.length, i + 5); j++) {
    if (v.words[j] === ",") return false;
    const tok = v.tokens[j]!;
    let m = v.mentions.length ? v.mentions.find((x) => x.start === tok.start && x.form !== "adjective") : undefined;
    // "Finnlands Präsident Sauli Niinistö und …": the state names the person's office; the person is the item.
    if (m && m.type !== "person") {
      const p = v.mentions.find((x) => x.type === "person" && x.start > m!.end && x.start - m!.end <= 20);
      if (p) m = p;
    }
    if (!m) {
      // Only articles, adjectives of states and capitalized role nouns may stand before the name ("dem ägyptischen Staatschef").
      const c = text.charCodeAt(tok.start);
      const adjective = v.mentions.some((x) => x.start === tok.start && x.form === "adjective");
      if (!(v.words[j]!.length <= 3 || adjective || (c >= 65 && c <= 90) || c === 196 || c === 214 || c === 220)) return false;
      continue;
    }
    let k = j;
    while (k < v.tokens.length && v.tokens[k]!.end <= m.end) k++;
    const after = v.words[k];
    return after === "," || (after !== undefined && lex.listJoiners.has(after));
  }
  return false;
}

/** Token range of the trigger's clause at the given level, widened to whole clauses. */
export function clauseRange(v: SentenceView, at: number, level: "weak" | "strong" | "sentence"): Range {
  if (level === "sentence") return { from: 0, to: v.tokens.length - 1 };
  const b = level === "weak" ? v.weakBounds[v.weak[at]!]! : v.strongBounds[v.strong[at]!]!;
  return { from: b[0], to: b[1] };
}

/** Widens a weak clause by its neighbours (left first) inside the strong clause. */
export function widen(v: SentenceView, r: Range): Range | null {
  const lim = clauseRange(v, r.from, "strong");
  if (r.from > lim.from) {
    const left = clauseRange(v, r.from - 1, "weak");
    return { from: Math.max(left.from, lim.from), to: r.to };
  }
  if (r.to < lim.to) {
    const right = clauseRange(v, r.to + 1, "weak");
    return { from: r.from, to: Math.min(right.to, lim.to) };
  }
  return null;
}

/** Offsets of a token range. */
export function spanOf(v: SentenceView, r: Range): { start: number; end: number } {
  return { start: v.tokens[r.from]!.start, end: v.tokens[r.to]!.end };
}

/** The folded words of the range contain the phrase (whole words, in order, adjacent). */
export function hasWordIn(v: SentenceView, r: Range, words: Set<string>): number {
  for (let i = r.from; i <= r.to; i++) if (words.has(v.words[i]!)) return i;
  return -1;
}

/**
 * An organization or place only the statistical tagger proposed, with no KB entry behind it ("Air Force One",
 * "Moskauer Zeit"): shown as an entity, but too weak to make a party or venue of an event on its own.
 */
function statisticalGuess(m: Mention): boolean {
  return m.provenance.rule === "ner" && m.type !== "person" && m.entity.startsWith("local:");
}
