// Finds time expressions and resolves them in text order: news on the publication date, narratives on the story's last date.
import { spanAt } from "../../core/spans.js";
import type { Sentence, Span, TimeExpr } from "../../core/types.js";
import type { Ymd } from "./calendar.js";
import { candidatesAt, rulesFor, type Cand, type RuleSet } from "./rules.js";
import type { Point, Tense } from "./values.js";

export { durationValue } from "./values.js";

export type Genre = "news" | "narrative";

export interface TagOptions {
  genre?: Genre;
  /** The token layer, when the pipeline has it: patterns are tried only at its tokens. */
  tokens?: readonly Span[];
}

/** Expressions found in a text, before resolution (they do not depend on the reference date). */
export interface Found {
  cands: Cand[];
  rs: RuleSet;
  /** Tense cues per sentence start, filled on first use and shared by every resolution of this text. */
  cues: Map<number, Cue[]>;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Years a bare year may lie from the story's anchor and still move it. */
const MAX_BARE_YEAR_JUMP = 20;

/** Every candidate in the text: patterns run only where a token can start one (a digit or a listed first word). */
function candidates(rs: RuleSet, text: string, tokens?: readonly Span[]): Cand[] {
  const out: Cand[] = [];
  if (tokens) {
    for (const t of tokens) {
      const c = text.charCodeAt(t.start);
      // Punctuation and symbols start nothing.
      if (c < 48 || (c > 57 && c < 65) || (c > 90 && c < 97) || (c > 122 && c < 128)) continue;
      for (const x of candidatesAt(rs, text, t.start, text.slice(t.start, t.end))) out.push(x);
    }
    return out;
  }
  for (const w of text.matchAll(WORD)) {
    for (const x of candidatesAt(rs, text, w.index, w[0])) out.push(x);
  }
  return out;
}

/**
 * Whether every sentence end inside [.., end) follows an ordinal ("des 20. Jahrhunderts", "am 9. Mai"): a split
 * the sentence splitter made at the ordinal's dot, which the expression may cross.
 */
function ordinalBreak(text: string, sentences: Sentence[], first: Sentence, end: number): boolean {
  let s: Sentence | undefined = first;
  while (s && s.end < end) {
    if (!/\d\.\s*$/.test(text.slice(Math.max(s.start, s.end - 4), s.end))) return false;
    s = spanAt(sentences, s.end) ?? spanAt(sentences, s.end + 1) ?? sentences.find((x) => x.start >= s!.end);
    if (s && s.start >= end) break;
  }
  return true;
}

/** Longest expressions win; among equals the earlier one, then the rule listed first. */
function select(cands: Cand[], sentences: Sentence[], text: string): Cand[] {
  const sorted = cands
    .map((c, i) => ({ c, i }))
    .sort((a, b) => b.c.end - b.c.start - (a.c.end - a.c.start) || a.c.start - b.c.start || a.i - b.i);
  const taken: Cand[] = [];
  const used: [number, number][] = [];
  // Characters inside taken expressions: a candidate overlaps one exactly when it covers such a character
  // (checking every taken span instead was quadratic: a megabyte of dates took most of a minute).
  const covered = new Uint8Array(text.length);
  const overlaps = (c: Cand) => {
    if (c.end <= c.start) return used.some(([s, e]) => c.start < e && s < c.end);
    for (let k = c.start; k < c.end; k++) if (covered[k]) return true;
    return false;
  };
  for (const { c } of sorted) {
    if (overlaps(c)) continue;
    const sentence = spanAt(sentences, c.start);
    // An expression never crosses a sentence boundary.
    if (sentences.length && (!sentence || (c.end > sentence.end && !ordinalBreak(text, sentences, sentence, c.end)))) continue;
    taken.push(c);
    used.push([c.start, c.end]);
    covered.fill(1, c.start, c.end);
  }
  return taken.sort((a, b) => a.start - b.start);
}

export interface Cue {
  start: number;
  end: number;
  tense: "past" | "future";
  /** Perfect-tense auxiliaries count from four times as far. */
  weight: number;
}

/** The tense cues of a sentence, found once per sentence however many expressions it holds. */
function cuesOf(text: string, s: { start: number; end: number }, rs: RuleSet): Cue[] {
  const out: Cue[] = [];
  for (const m of text.slice(s.start, s.end).matchAll(/\p{L}+/gu)) {
    const w = m[0].toLowerCase();
    if (rs.lowerOnly.has(w) && m[0] !== w) continue;
    const start = s.start + m.index;
    const end = start + m[0].length;
    if (rs.future.has(w)) out.push({ start, end, tense: "future", weight: 1 });
    else if (rs.weakPast.has(w)) out.push({ start, end, tense: "past", weight: 4 });
    else if (rs.past.has(w)) out.push({ start, end, tense: "past", weight: 1 });
  }
  return out;
}

/** The nearest tense cue to the expression inside its sentence, measured from the expression's nearer edge. */
function tenseAt(cues: Cue[], at: number, end: number): Tense {
  let best: Tense = "none";
  let bestDist = Infinity;
  for (const c of cues) {
    const dist = (c.start >= end ? c.start - end : Math.max(0, at - c.end)) * c.weight;
    if (dist < bestDist) {
      best = c.tense;
      bestDist = dist;
    }
  }
  return best;
}

/** Finds the expressions of a text (independent of any reference date). */
export function findTimes(text: string, sentences: Sentence[], lang: string, tokens?: readonly Span[]): Found {
  const rs = rulesFor(lang === "de" ? "de" : "en");
  return { rs, cands: select(candidates(rs, text, tokens), sentences, text), cues: new Map() };
}

/** Resolves found expressions in text order: news on the reference day, narratives on the story's last date. */
export function resolveTimes(found: Found, text: string, sentences: Sentence[], reference: Ymd | null, options: TagOptions = {}): TimeExpr[] {
  const { rs } = found;
  const narrative = options.genre === "narrative";
  const out: TimeExpr[] = [];
  let anchor: Point | null = null;
  const cueCache = found.cues;
  for (const c of found.cands) {
    let tense: Tense | null = null;
    const ctx = {
      ref: reference,
      anchor,
      narrative,
      tense: () => {
        if (tense == null) {
          const s = spanAt(sentences, c.start) ?? { start: 0, end: text.length };
          let cues = cueCache.get(s.start);
          if (!cues) cueCache.set(s.start, (cues = cuesOf(text, s, rs)));
          tense = tenseAt(cues, c.start, c.end);
        }
        return tense;
      },
    };
    const r = c.resolve(ctx);
    if (!r) continue;
    // A bare year decades away from the story ("wie schon 1870") is a reference to another era, not a move of the story.
    const jump = c.rule === "year" && anchor && r.point && Math.abs(r.point.y - anchor.y) > MAX_BARE_YEAR_JUMP;
    if (r.point && !c.aside && !jump) anchor = r.point;
    out.push({
      start: c.start,
      end: c.end,
      text: text.slice(c.start, c.end),
      value: r.value,
      range: r.range,
      provenance: { stage: "times", rule: c.rule, ...(tense && tense !== "none" ? { detail: `tense ${tense}` } : {}) },
    });
  }
  return out;
}

export function tagTimes(text: string, sentences: Sentence[], lang: string, reference: Ymd | null, options: TagOptions = {}): TimeExpr[] {
  return resolveTimes(findTimes(text, sentences, lang, options.tokens), text, sentences, reference, options);
}
