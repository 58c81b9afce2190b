// Infers a publication day for a text without one: the offices of the people it names (KB), its tensed dates and weekdays.
import type { Document, Sentence, Span } from "../../core/types.js";
import type { KnowledgeBase } from "../../kb/kb.js";
import { tokenKey } from "../../kb/alias-trie.js";
import { dayNumber, iso, parseIso, type Ymd } from "./calendar.js";
import { resolveTimes, type Found } from "./tagger.js";

export interface Inferred {
  day: string;
  /** The days that score as well as the chosen one (the honest uncertainty). */
  range: { start: string; end: string };
  /** What the estimate rests on, for provenance. */
  basis: string;
}

/** Dated roles of the KB people the text names in full ("Donald Trump", "Karoline Leavitt"). */
function peopleRoles(text: string, tokens: readonly Span[], kb: KnowledgeBase): { id: string; spans: [number, number][] }[] {
  const words = tokens.filter((t) => /^[\p{L}]/u.test(text[t.start] ?? ""));
  const seen = new Map<string, [number, number][]>();
  const horizon = kbHorizon(kb);
  const keys = words.map((w) => tokenKey(text.slice(w.start, w.end)));
  for (let i = 0; i < words.length; i++) {
    // Only full names (two words or more) date a text: the first word must start a KB alias.
    if (!kb.trie.prefixes.has(keys[i]!)) continue;
    for (let n = Math.min(kb.maxWords, 4); n >= 2; n--) {
      if (i + n > words.length) continue;
      const hits = kb.trie.hits.get(keys.slice(i, i + n).join(" "));
      const person = hits?.find((h) => h.form === "name" && h.id.startsWith("person:"));
      if (!person || seen.has(person.id)) continue;
      const e = kb.entity(person.id);
      const spans: [number, number][] = [];
      for (const r of e?.roles ?? []) {
        if (!r.start) continue;
        const a = dayNumber(parseIso(padDate(r.start, false))!);
        const b = r.end ? dayNumber(parseIso(padDate(r.end, true))!) : horizon;
        if (b >= a) spans.push([a, b]);
      }
      if (spans.length) seen.set(person.id, merge(spans));
      break;
    }
  }
  return [...seen].map(([id, spans]) => ({ id, spans }));
}

/** Overlapping or touching day intervals joined, so that a person counts once per day. */
function merge(spans: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [a, b] of [...spans].sort((x, y) => x[0] - y[0])) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** "2025" -> 2025-01-01 (start) or 2025-12-31 (end); "2023-03" likewise. */
function padDate(s: string, end: boolean): string {
  if (s.length === 4) return end ? `${s}-12-31` : `${s}-01-01`;
  if (s.length === 7) return end ? `${s}-28` : `${s}-01`;
  return s;
}

const horizons = new WeakMap<KnowledgeBase, number>();
/** The last day the KB knows about: open roles ("still in office") run to it, not to today. */
function kbHorizon(kb: KnowledgeBase): number {
  const hit = horizons.get(kb);
  if (hit != null) return hit;
  let max = 0;
  for (const e of kb.entities.values())
    for (const r of e.roles)
      for (const d of [r.start, r.end]) if (d) max = Math.max(max, dayNumber(parseIso(padDate(d, true))!));
  horizons.set(kb, max);
  return max;
}

const fromNumber = (n: number): Ymd => {
  const t = new Date(n * 86400000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
};

/**
 * Scores every day in the window the named people's offices allow: each person in office adds weight; each tensed
 * expression resolved against the candidate day adds how close it lies (news report on the last days and weeks), and
 * a weekday told in the past is most often the day of publication itself. Returns null when nothing constrains the day.
 */
export function inferFromContent(doc: Document, found: Found, sentences: Sentence[], kb: KnowledgeBase | null, only?: readonly string[]): Inferred | null {
  const tokens = doc.layers.tokens ?? [];
  const people = kb ? peopleRoles(doc.text, tokens, kb) : [];
  // The window: the days covered by the most named people (their offices overlap there); else the years the text names.
  const edges: [number, number][] = [];
  for (const p of people) for (const [a, b] of p.spans) edges.push([a, 1], [b + 1, -1]);
  edges.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  let cover = 0;
  let most = 0;
  for (const [, d] of edges) most = Math.max(most, (cover += d));
  const covered = (n: number) => people.filter((p) => p.spans.some(([a, b]) => n >= a && n <= b)).length;
  let lo = Infinity;
  let hi = -Infinity;
  cover = 0;
  for (let i = 0; i < edges.length; i++) {
    cover += edges[i]![1];
    if (cover === most && most > 0) {
      lo = Math.min(lo, edges[i]![0]);
      hi = Math.max(hi, (edges[i + 1]?.[0] ?? edges[i]![0] + 1) - 1);
    }
  }
  const bare = resolveTimes(found, doc.text, sentences, null);
  if (!people.length) {
    for (const t of bare) {
      const y = t.value && /^(\d{4})/.exec(t.value);
      if (y && +y[1]! > 1900) {
        lo = Math.min(lo, dayNumber({ y: +y[1]!, m: 1, d: 1 }));
        hi = Math.max(hi, dayNumber({ y: +y[1]! + 1, m: 12, d: 31 }));
      }
    }
  }
  if (!isFinite(lo)) return null;
  // Only the most recent two years of a long window: the scan is per day, and a wider window is never used as a reference.
  lo = Math.max(lo, hi - 2 * 366);
  // Only expressions whose value depends on the reference day can tell days apart.
  const DEICTIC = /^(?:relative-day|relative-unit|ago)$/;
  const moving: Found = { ...found, cands: found.cands.filter((c) => c.tensed || DEICTIC.test(c.rule.split("+").pop()!)) };
  // Weekdays and "yesterday" repeat every week: only a partial calendar date ("10. Januar", "im März") can narrow the
  // window to weeks; without one the scan could not return a usable reference, so the window is the answer.
  const CALENDAR_FREE = /^(?:weekday|relative-day|relative-unit|ago|day-part|clock|clock-noun)$/;
  if (!moving.cands.some((c) => !CALENDAR_FREE.test(c.rule.split("+").pop()!))) return { day: iso(fromNumber(hi)), range: { start: iso(fromNumber(lo)), end: iso(fromNumber(hi)) }, basis: `${people.length} KB people in office` };
  const score = (n: number): number => {
    const inOffice = covered(n);
    if (inOffice < most) return -Infinity;
    let s = inOffice * 10;
    for (const t of resolveTimes(moving, doc.text, sentences, fromNumber(n))) {
      if (!t.range || !t.value || t.value.startsWith("P") || t.value.includes("REF")) continue;
      const a = dayNumber(parseIso(t.range.start)!);
      const b = dayNumber(parseIso(t.range.end)!);
      const dist = n < a ? a - n : n > b ? n - b : 0;
      const tense = t.provenance.detail?.replace("tense ", "");
      // A future expression that lies behind the candidate day (or a past one ahead of it) contradicts it.
      if ((tense === "future" && b < n) || (tense === "past" && a > n)) s -= 5;
      // News look back days or weeks: a month of grace, then every further month costs.
      s -= Math.max(0, Math.min(dist, 400) - 30) / 30;
      if (t.provenance.rule === "weekday" && tense === "past" && dist === 0) s += 0.5;
    }
    return s;
  };
  // Candidate days given (a dateline's day in each possible year): the best of them, the latest on a tie.
  if (only) {
    let pick: { n: number; s: number } | null = null;
    for (const d of only) {
      const ymd = parseIso(d);
      if (!ymd) continue;
      const n = dayNumber(ymd);
      const s = n >= lo && n <= hi ? score(n) : -Infinity;
      if (s > -Infinity && (!pick || s >= pick.s)) pick = { n, s };
    }
    if (!pick) return null;
    const day = iso(fromNumber(pick.n));
    return { day, range: { start: day, end: day }, basis: `${people.length} KB people in office, ${only.length} candidate days` };
  }
  // Coarse to fine: every seventh day first, then every day around the coarse days that came near the best.
  const scores = new Map<number, number>();
  let coarseBest = -Infinity;
  for (let n = lo; n <= hi; n += 7) {
    const s = score(n);
    scores.set(n, s);
    coarseBest = Math.max(coarseBest, s);
  }
  if (coarseBest === -Infinity) return null;
  // A plateau wider than two months cannot become a reference: report it without refining.
  const top = [...scores].filter(([, s]) => s >= coarseBest - 0.01).map(([n]) => n);
  if (Math.max(...top) - Math.min(...top) > 62) {
    const day = iso(fromNumber(Math.max(...top)));
    return { day, range: { start: iso(fromNumber(Math.min(...top))), end: day }, basis: `${people.length} KB people in office, ${bare.length} time expressions (coarse)` };
  }
  for (const [n, s] of [...scores]) {
    if (s < coarseBest - 6) continue;
    for (let k = Math.max(lo, n - 7); k <= Math.min(hi, n + 7); k++) if (!scores.has(k)) scores.set(k, score(k));
  }
  let best = -Infinity;
  for (const s of scores.values()) best = Math.max(best, s);
  // The chosen day: the latest of the best-scoring days (a report comes after what it reports).
  let first = Infinity;
  let last = -Infinity;
  for (const [n, s] of scores) {
    if (s < best - 0.01) continue;
    first = Math.min(first, n);
    last = Math.max(last, n);
  }
  const day = iso(fromNumber(last));
  return {
    day,
    range: { start: iso(fromNumber(first)), end: day },
    basis: `${people.length} KB people in office, ${bare.length} time expressions`,
  };
}
