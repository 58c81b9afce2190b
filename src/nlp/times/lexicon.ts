// The shape of lexicons/<lang>/time.json and helpers that turn its word lists into lookups and regex alternations.
import { lexicon } from "../../core/lexicon.js";
import { DossierError } from "../../core/errors.js";
import { fold } from "../../core/normalize.js";

export interface TimeLexicon {
  months: Record<string, number>;
  monthSuffixes?: string[];
  ambiguousMonths: string[];
  weekdays: Record<string, number>;
  weekdaySuffixes: string[];
  relativeDays: Record<string, number>;
  lowerCaseOnly: string[];
  parts: Record<string, [number, number]>;
  partLinks: string[];
  seasons: Record<string, string>;
  seasonModifiers: string[];
  numbers: Record<string, number>;
  units: Record<string, number>;
  unitAdjectives: Record<string, number>;
  unitAdjectiveEndings: string[];
  approx: string[];
  durationModifiers: string[];
  vagueQuantities: string[];
  vagueDurations: Record<string, string>;
  anchorWords: Record<string, number>;
  anchorUnits: Record<string, string>;
  anchorPrepositions: string[];
  anchorPrepositionsKept: string[];
  afterWords: Record<string, number>;
  afterPrepositions?: string[];
  anaphoric: Record<string, [string, number]>;
  refWords: Record<string, string>;
  vagueFutureSpan: Record<string, number>;
  narrativeRefWords: Record<string, string>;
  newsRefWords: Record<string, string>;
  dayParts: Record<string, string>;
  dayPartPrepositions?: string[];
  dayPartAdjectives?: string[];
  dayPartLinks: string[];
  dayPartPrepositionsKept: string[];
  bareDayParts: string[];
  yearNouns: string[];
  bcMarkers: string[];
  adMarkers: string[];
  centuryNouns: string[];
  ordinalSuffixes?: string[];
  decadeWords: Record<string, number>;
  decadeNouns: string[];
  halfYearNouns: string[];
  quarterNouns: string[];
  ordinals: Record<string, number>;
  sets: Record<string, string>;
  clockWords: string[];
  clockAfter: Record<string, number>;
  clockNouns: Record<string, string>;
  timeZones: Record<string, string>;
  lastWords: string[];
  nextWords: string[];
  thisWords: string[];
  relativeUnits: Record<string, string>;
  ago: string[];
  agoAfter: string[];
  rangeWords: string[];
  pastCues: string[];
  weakPastCues?: string[];
  futureCues: string[];
  timeOfDay: Record<string, string>;
  publishedCues: string[];
  todayWords: string[];
  quantityCues: string[];
  quantityStops: string[];
  meridiem?: Record<string, number>;
  /** Prepositions kept in a weekday's span ("am Donnerstag", as the record spec shows). */
  weekdayPrepositions?: string[];
  decadeSuffixes?: string[];
  asidePrepositions?: string[];
  holidays?: Record<string, string>;
  anchorArticles?: string[];
  durationArticles?: string[];
  pluralUnits?: string[];
  monthPrepositions?: string[];
}

export function loadTimeLexicon(lang: string): TimeLexicon {
  const lex = lexicon<TimeLexicon | null>(lang, "time", null) ?? lexicon<TimeLexicon | null>("en", "time", null);
  if (!lex) throw new DossierError("LEXICON_INVALID", `lexicons/${lang}/time.json (and the English fallback) are missing; restore them from the repository`);
  return lex;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A regex alternation of the words, longest first; spaces match any run of spaces, a final dot is optional only where written so. */
export function alt(words: Iterable<string>): string {
  const all = new Set<string>();
  for (const w of words) {
    if (!w) continue;
    all.add(w);
  }
  // An empty list must match nothing (an empty alternation would match everywhere).
  if (!all.size) return "(?!)";
  return [...all]
    .sort((a, b) => b.length - a.length)
    .map((w) => esc(w).replace(/ /g, "\\s+"))
    .join("|");
}

/** A case- and diacritic-insensitive dictionary: looks up lower-case, then folded, with runs of spaces collapsed. */
export class Dict<V> {
  private readonly map = new Map<string, V>();
  private readonly misses = new Set<string>();
  constructor(entries: Record<string, V> | Iterable<[string, V]>) {
    const list = Symbol.iterator in Object(entries) ? (entries as Iterable<[string, V]>) : Object.entries(entries as Record<string, V>);
    for (const [k, v] of list) {
      const lower = k.toLowerCase();
      if (!this.map.has(lower)) this.map.set(lower, v);
      const f = fold(k);
      if (!this.map.has(f)) this.map.set(f, v);
    }
  }
  get(s: string | undefined): V | undefined {
    if (s == null) return undefined;
    const lower = s.toLowerCase().replace(/\s+/g, " ");
    const hit = this.map.get(lower);
    // Folding only changes non-ASCII text; skip it for the common ASCII miss, and remember folded misses.
    if (hit !== undefined || !/[^\x00-\x7f]/.test(lower)) return hit;
    if (this.misses.has(lower)) return undefined;
    const folded = this.map.get(fold(lower));
    if (folded === undefined && this.misses.size < 10000) this.misses.add(lower);
    return folded;
  }
  has(s: string | undefined): boolean {
    return this.get(s) !== undefined;
  }
}

/** The first word of each phrase, lower-cased and folded: the tokens at which a pattern can start. */
export function firstWords(words: Iterable<string>): string[] {
  const out: string[] = [];
  for (const w of words) {
    const first = w.trim().split(/[\s.\-/]+/)[0];
    if (!first) continue;
    out.push(first.toLowerCase(), fold(first));
  }
  return out;
}
