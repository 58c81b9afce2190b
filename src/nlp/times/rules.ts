// The time-expression patterns of one language, built from its lexicon; each starts at a known first word or a digit.
import { addDays, iso, pad, validDay, weekday } from "./calendar.js";
import { alt, Dict, firstWords, loadTimeLexicon, type TimeLexicon } from "./lexicon.js";
import {
  anaphoraBase,
  deicticBase,
  durationValue,
  fmtYear,
  none,
  pointRange,
  pointResult,
  pointValue,
  shift,
  truncate,
  unitCode,
  yearFor,
  ymdOf,
  type Point,
  type Resolved,
  type ResolveContext,
  type Tense,
} from "./values.js";

/** A candidate expression: its span and how to resolve it once the context (anchor, tense) is known. */
export interface Cand {
  start: number;
  end: number;
  rule: string;
  /** Null: the expression is not a time expression in this context (e.g. "nun" in news) and is dropped. */
  resolve: (ctx: ResolveContext) => Resolved | null;
  /** Whether resolution needs the clause's tense (days and weekdays without a year in news). */
  tensed?: boolean;
  /** A year aside ("(1908)", "seit 1870"): it does not move the story's anchor. */
  aside?: boolean;
}

type Make = (m: RegExpExecArray, at: number, text: string) => Cand | Cand[] | null;

interface Rule {
  name: string;
  re: RegExp;
  make: Make;
}

interface Prefix {
  name: string;
  re: RegExp;
  /** Combines the prefix with an expression that starts right after it. */
  wrap: (m: RegExpExecArray, at: number, inner: Cand) => Cand | null;
  /** Rules an inner expression may come from. */
  inner: Set<string>;
}

export interface RuleSet {
  lex: TimeLexicon;
  /** Rules by folded first word; "#" for rules that start with a digit. */
  byFirst: Map<string, Rule[]>;
  prefixes: Map<string, Prefix[]>;
  /** Token test for one-word duration compounds ("zweistündige", "30-tägigen"). */
  compound: RegExp;
  /**
   * Lower-case last letters of the compound endings, when all are ASCII letters: a word ending in another ASCII
   * character cannot match `compound` (which is tried on nearly every long word and scans it from each position).
   */
  compoundLast: Set<string> | null;
  compoundRule: Rule;
  past: Set<string>;
  future: Set<string>;
  /** Perfect-tense auxiliaries: past cues that a nearby future word ("haben für Mittwoch anberaumt") outweighs. */
  weakPast: Set<string>;
  /** Words that are time words only in lower case ("morgen" tomorrow, not "Morgen" the morning). */
  lowerOnly: Set<string>;
}

const B = "(?![\\p{L}\\p{N}])";
const WINDOW = 140;

const cache = new Map<string, RuleSet>();

export function rulesFor(lang: string): RuleSet {
  const hit = cache.get(lang);
  if (hit) return hit;
  const set = build(loadTimeLexicon(lang), lang);
  cache.set(lang, set);
  return set;
}

const NONE: readonly Cand[] = Object.freeze([]);

/** Runs the rules and prefixes that can start at `pos` (a token start); returns every candidate found there. */
export function candidatesAt(rs: RuleSet, text: string, pos: number, word: string, depth = 0): readonly Cand[] {
  const c0 = word.charCodeAt(0);
  const key = c0 >= 48 && c0 <= 57 ? "#" : word.toLowerCase();
  const rules = rs.byFirst.get(key);
  const prefixes = depth < 2 ? rs.prefixes.get(key) : undefined;
  // Most tokens start nothing: leave before slicing the text (and without a new array).
  if (!rules && !prefixes && (key === "#" || word.length < 6 || !maybeCompound(rs, word))) return NONE;
  const out: Cand[] = [];
  const slice = text.slice(pos, pos + WINDOW);
  if (rules) {
    for (const r of rules) {
      const m = r.re.exec(slice);
      if (!m) continue;
      const c = r.make(m, pos, text);
      if (!c) continue;
      if (Array.isArray(c)) out.push(...c);
      else out.push(c);
    }
  } else if (!prefixes) {
    const m = rs.compoundRule.re.exec(slice);
    const c = m ? rs.compoundRule.make(m, pos, text) : null;
    if (c) out.push(...(Array.isArray(c) ? c : [c]));
  }
  if (prefixes) {
    for (const p of prefixes) {
      const m = p.re.exec(slice);
      if (!m) continue;
      // The inner expression may start after the whole prefix or, when the prefix ends in an optional link word, before it.
      const ends = [m[0].length];
      const linkAt = m.indices?.[m.length - 1]?.[0];
      if (m[m.length - 1] && linkAt != null) ends.push(linkAt);
      for (const e of ends) {
        const innerPos = pos + e;
        const w = /^[\p{L}\p{N}]+/u.exec(slice.slice(e, e + 40));
        if (!w) continue;
        const inner = candidatesAt(rs, text, innerPos, w[0], depth + 1).filter((c) => c.start >= innerPos && c.start - innerPos <= 8 && p.inner.has(c.rule.split("+").pop()!));
        for (const c of inner) {
          const wrapped = p.wrap(m, pos, c);
          if (wrapped) out.push(wrapped);
        }
        if (inner.length) break;
      }
    }
  }
  return out;
}

/** Whether `word` may be a one-word duration compound: its last letter first, then the pattern. */
function maybeCompound(rs: RuleSet, word: string): boolean {
  const last = word.charCodeAt(word.length - 1);
  // Non-ASCII letters may case-fold onto ASCII ones under the "iu" flags ("ſ" → "s"): those go to the pattern.
  if (rs.compoundLast && last < 128 && !rs.compoundLast.has(word[word.length - 1]!.toLowerCase())) return false;
  return rs.compound.test(word);
}

const foldKey = (s: string) => s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/ß/g, "ss");

function build(lex: TimeLexicon, lang: string): RuleSet {
  const monthDict = new Dict(lex.months);
  // "Februars", "Mais": a genitive ending from the lexicon is stripped before the lookup.
  const months = {
    get: (w: string | undefined) => {
      if (w == null) return undefined;
      const hit = monthDict.get(w);
      if (hit !== undefined) return hit;
      for (const suf of lex.monthSuffixes ?? []) if (suf && w.toLowerCase().endsWith(suf)) return monthDict.get(w.slice(0, -suf.length));
      return undefined;
    },
    has: (w: string | undefined) => monthDict.has(w),
  };
  const ambiguousMonths = new Set(lex.ambiguousMonths);
  const weekdays = new Dict(lex.weekdays);
  const relDays = new Dict(lex.relativeDays);
  const parts = new Dict(lex.parts);
  const seasons = new Dict(lex.seasons);
  const numbers = new Dict(lex.numbers);
  const units = new Dict(lex.units);
  const unitAdj = new Dict(lex.unitAdjectives);
  const vagueDur = new Dict(lex.vagueDurations);
  const anchorWords = new Dict(lex.anchorWords);
  const anchorUnits = new Dict(lex.anchorUnits);
  const afterWords = new Dict(lex.afterWords);
  const anaphoric = new Dict(lex.anaphoric);
  const refWords = new Dict(lex.refWords);
  const narrRef = new Dict(lex.narrativeRefWords);
  const newsRef = new Dict(lex.newsRefWords ?? {});
  const vfSpan = new Dict(lex.vagueFutureSpan ?? {});
  const dayParts = new Dict(lex.dayParts);
  const decadeWords = new Dict(lex.decadeWords);
  const ordinals = new Dict(lex.ordinals);
  const sets = new Dict(lex.sets);
  const clockAfter = new Dict(lex.clockAfter);
  const clockNouns = new Dict(lex.clockNouns);
  const zones = new Dict(lex.timeZones);
  const relUnits = new Dict(lex.relativeUnits);
  const meridiem = new Dict(lex.meridiem ?? {});
  const lastW = new Dict(lex.lastWords.map((w) => [w, -1] as [string, number]));
  const nextW = new Dict(lex.nextWords.map((w) => [w, 1] as [string, number]));
  const plural = new Set(lex.pluralUnits ?? []);
  const lowerOnly = new Set(lex.lowerCaseOnly ?? []);
  const keptAnchorPreps = new Set(lex.anchorPrepositionsKept ?? []);
  const anchorArticles = new Set(lex.anchorArticles ?? []);
  const keptDayPartPreps = new Set(lex.dayPartPrepositionsKept ?? []);
  const bc = new Set(lex.bcMarkers.map((s) => s.toLowerCase().replace(/\s+/g, "")));
  const monthPreps = new Set(lex.monthPrepositions ?? []);
  const quantityCues = new Set(lex.quantityCues ?? []);
  const quantityStops = new Set(lex.quantityStops ?? []);
  const asidePreps = new Set(lex.asidePrepositions ?? []);

  // Month names: full names as written, abbreviations with an optional dot.
  const monthKeys = Object.keys(lex.months);
  const isAbbrev = (k: string) => monthKeys.some((o) => o !== k && o.length > k.length && o.startsWith(k) && lex.months[o] === lex.months[k]);
  const MONTH = `(?:${alt(monthKeys.filter((k) => !isAbbrev(k)))}|(?:${alt(monthKeys.filter(isAbbrev))})\\.?)(?:${alt(lex.monthSuffixes ?? [])})?`;
  const WD = alt(Object.keys(lex.weekdays));
  const WDS = alt(lex.weekdaySuffixes ?? []);
  const NUMW = alt(Object.keys(lex.numbers));
  const NUM = `(?:\\d+(?:[.,]\\d+)?|${NUMW})`;
  const UNIT = alt(Object.keys(lex.units));
  const BC = alt(lex.bcMarkers);
  const AD = alt(lex.adMarkers);
  const YEAR = `(\\d{1,4})\\s*(${BC})|(\\d{4})(?:\\s*(?:${AD}))?`;
  const yearOf = (m: RegExpExecArray, i: number): number | null => (m[i] ? -+m[i]! : m[i + 2] ? +m[i + 2]! : null);
  const isBc = (s: string | undefined) => !!s && bc.has(s.toLowerCase().replace(/\s+/g, ""));
  const cap = (s: string) => s[0] !== s[0]!.toLowerCase();

  const byFirst = new Map<string, Rule[]>();
  const prefixes = new Map<string, Prefix[]>();
  const addTo = <T>(map: Map<string, T[]>, keys: Iterable<string>, v: T) => {
    for (const k of new Set([...keys].flatMap((x) => [x, foldKey(x)]))) {
      const l = map.get(k) ?? [];
      l.push(v);
      map.set(k, l);
    }
  };
  const rule = (name: string, first: Iterable<string> | "#", src: string, make: Make) =>
    addTo(byFirst, first === "#" ? ["#"] : firstWords(first), { name, re: new RegExp(`^(?:${src})${B}`, "iud"), make });
  const prefix = (name: string, first: Iterable<string>, src: string, inner: string[], wrap: Prefix["wrap"]) =>
    addTo(prefixes, firstWords(first), { name, re: new RegExp(`^(?:${src})`, "iud"), wrap, inner: new Set(inner) });

  const cand = (at: number, m: RegExpExecArray, rule: string, resolve: Cand["resolve"], from = 0, tensed = false): Cand => {
    const s = from ? m.indices![from]![0] : 0;
    return { start: at + s, end: at + m[0].length, rule, resolve, tensed };
  };
  const prevWord = (text: string, at: number) => /([\p{L}.]+)\s*$/u.exec(text.slice(Math.max(0, at - 30), at))?.[1]?.toLowerCase() ?? "";
  const nextWord = (text: string, end: number) => /^\s*([\p{L}\p{N}]+|\S)/u.exec(text.slice(end, end + 30))?.[1] ?? "";

  // --- resolvers -------------------------------------------------------
  const fixed = (p: Point): Cand["resolve"] => () => pointResult(p);
  const dayNoYear = (m: number, d: number): Cand["resolve"] => (ctx) => {
    const y = yearFor(ctx, m, d);
    if (y == null) return { value: `XXXX-${pad(m)}-${pad(d)}`, range: null };
    if (y > 0 && !validDay(y, m, d)) return none();
    return pointResult({ y, m, d });
  };
  const monthNoYear = (m: number): Cand["resolve"] => (ctx) => {
    const y = yearFor(ctx, m, 15);
    if (y == null) return { value: `XXXX-${pad(m)}`, range: null };
    return pointResult({ y, m });
  };
  const yearResult = (y: number): Cand["resolve"] => () => pointResult({ y });

  // --- absolute dates ----------------------------------------------------
  rule("iso-date", "#", "(\\d{4})-(\\d{2})-(\\d{2})", (m, at) => (validDay(+m[1]!, +m[2]!, +m[3]!) ? cand(at, m, "iso-date", fixed({ y: +m[1]!, m: +m[2]!, d: +m[3]! })) : null));
  rule("numeric-date", "#", "(\\d{1,2})\\.\\s?(\\d{1,2})\\.\\s?(\\d{4}|\\d{2})(?!\\d)", (m, at) => {
    const d = +m[1]!;
    const mo = +m[2]!;
    if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
    if (m[3]!.length === 4) return validDay(+m[3]!, mo, d) ? cand(at, m, "numeric-date", fixed({ y: +m[3]!, m: mo, d })) : null;
    const yy = +m[3]!;
    // A two-digit year takes the century of the story (narratives) or the one nearest publication.
    return cand(at, m, "numeric-date", (ctx) => {
      // Without any context a two-digit year is read as 19yy (a guess from no date at all would be "today").
      const base = ctx.anchor?.y ?? ctx.ref?.y ?? 1950;
      let y = Math.floor(base / 100) * 100 + yy;
      if (y - base > 50) y -= 100;
      else if (base - y > 50) y += 100;
      return validDay(y, mo, d) ? pointResult({ y, m: mo, d }) : none();
    });
  });
  if (lang === "en") rule("us-numeric-date", "#", "(\\d{1,2})/(\\d{1,2})/(\\d{4})", (m, at) => (validDay(+m[3]!, +m[1]!, +m[2]!) ? cand(at, m, "us-numeric-date", fixed({ y: +m[3]!, m: +m[1]!, d: +m[2]! })) : null));

  // "27. bis 29. September 1939": two expressions; the first opens the range and takes month and year from the second.
  rule("day-range", "#", `(\\d{1,2})(\\.)?\\s*(?:${alt(lex.rangeWords)})\\s*((\\d{1,2})\\.\\s*(${MONTH})(?:\\s+(?:${YEAR}))?)`, (m, at) => {
    const mo = months.get(m[5]!.replace(/\.$/, ""));
    const d1 = +m[1]!;
    const d2 = +m[4]!;
    if (!mo || d1 < 1 || d1 > 31 || d2 < 1 || d2 > 31) return null;
    const y = yearOf(m, 6);
    const firstEnd = at + m.indices![2]?.[1]! || at + m.indices![1]![1];
    const second: Cand = { start: at + m.indices![3]![0], end: at + m[0].length, rule: "day-month", resolve: y != null ? fixed({ y, m: mo, d: d2 }) : dayNoYear(mo, d2), tensed: y == null };
    const first: Cand = {
      start: at,
      end: firstEnd,
      rule: "day-range-start",
      tensed: y == null,
      resolve: (ctx) => {
        const yy = y ?? yearFor(ctx, mo, d1);
        if (yy == null) return { value: `XXXX-${pad(mo)}-${pad(d1)}`, range: null };
        const r = pointResult({ y: yy, m: mo, d: d1 });
        // The range of the opening day runs to the closing day: events read the whole span from it.
        if (d2 > d1 && yy > 0 && validDay(yy, mo, d2)) r.range = { start: r.range!.start, end: iso({ y: yy, m: mo, d: d2 }) };
        return r;
      },
    };
    return [first, second];
  });
  const UHR0 = alt(lex.clockWords);
  const TZ0 = alt(Object.keys(lex.timeZones));
  rule("day-month", "#", `(\\d{1,2})\\.\\s*(${MONTH})(?:,?\\s+(?:${YEAR}))?(?:,?\\s+(\\d{1,2})(?:[:.](\\d{2}))?\\s*(?:${UHR0})(?:\\s+(${TZ0}))?)?`, (m, at) => {
    const mo = months.get(m[2]!.replace(/\.$/, ""));
    const d = +m[1]!;
    if (!mo || d < 1 || d > 31 || !cap(m[2]!)) return null;
    const y = yearOf(m, 3);
    // "8. Mai, 23:01 Uhr mitteleuropäischer Zeit": the clock time joins the day.
    const h = m[6] != null ? +m[6] : null;
    const clock = h != null && h <= 24 && +(m[7] ?? 0) <= 59 ? `T${pad(h)}:${pad(+(m[7] ?? 0))}${m[8] ? (zones.get(m[8]) ?? "") : ""}` : "";
    const withClock = (r: Resolved): Resolved => (clock && r.value && r.point?.d != null ? { ...r, value: r.value + clock } : r);
    if (y != null) return y > 0 && !validDay(y, mo, d) ? null : cand(at, m, "day-month", () => withClock(pointResult({ y, m: mo, d })));
    const res = dayNoYear(mo, d);
    return cand(at, m, "day-month", (ctx) => {
      const r = res(ctx);
      return r ? withClock(r) : r;
    }, 0, true);
  });
  if (lang === "en") {
    rule("month-day", Object.keys(lex.months), `(${MONTH})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?`, (m, at) => {
      const mo = months.get(m[1]!.replace(/\.$/, ""));
      const d = +m[2]!;
      if (!mo || d < 1 || d > 31 || !cap(m[1]!)) return null;
      return m[3] ? (validDay(+m[3], mo, d) ? cand(at, m, "month-day", fixed({ y: +m[3], m: mo, d })) : null) : cand(at, m, "month-day", dayNoYear(mo, d), 0, true);
    });
    rule("day-of-month", "#", `(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH})(?:,?\\s+(\\d{4}))?`, (m, at) => {
      const mo = months.get(m[2]!.replace(/\.$/, ""));
      const d = +m[1]!;
      if (!mo || d < 1 || d > 31 || !cap(m[2]!)) return null;
      return m[3] ? (validDay(+m[3], mo, d) ? cand(at, m, "day-of-month", fixed({ y: +m[3], m: mo, d })) : null) : cand(at, m, "day-of-month", dayNoYear(mo, d), 0, true);
    });
    rule("month-day-range", Object.keys(lex.months), `(${MONTH})\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s*(?:-|–|to|through|and)\\s*(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?`, (m, at) => {
      const mo = months.get(m[1]!.replace(/\.$/, ""));
      const d1 = +m[2]!;
      const d2 = +m[3]!;
      if (!mo || d1 >= d2 || d2 > 31 || !cap(m[1]!)) return null;
      const yText = m[4];
      return cand(at, m, "month-day-range", (ctx) => {
        const y = yText ? +yText : yearFor(ctx, mo, d1);
        if (y == null || !validDay(y, mo, d1) || !validDay(y, mo, d2)) return none();
        return { value: `${fmtYear(y)}-${pad(mo)}`, range: { start: iso({ y, m: mo, d: d1 }), end: iso({ y, m: mo, d: d2 }) }, point: { y, m: mo } };
      }, 0, !yText);
    });
  }

  // Months, years, seasons, centuries, decades.
  rule("month-year", Object.keys(lex.months), `(${MONTH})(?:,)?\\s+(?:${YEAR})`, (m, at) => {
    const mo = months.get(m[1]!.replace(/\.$/, ""));
    const y = yearOf(m, 2);
    if (!mo || y == null || !cap(m[1]!)) return null;
    return cand(at, m, "month-year", fixed({ y, m: mo }));
  });
  rule("month", Object.keys(lex.months), `(${MONTH})`, (m, at, text) => {
    const word = m[1]!.replace(/\.$/, "");
    const mo = months.get(word);
    if (!mo || !cap(word)) return null;
    // Names that are also words or first names ("August Bebel", "may") need a preposition or modifier before them.
    if (ambiguousMonths.has(word.toLowerCase()) && !monthPreps.has(prevWord(text, at))) return null;
    if (/^\s*\p{Lu}\p{Ll}/u.test(text.slice(at + m[0].length, at + m[0].length + 3)) && ambiguousMonths.has(word.toLowerCase())) return null;
    return cand(at, m, "month", monthNoYear(mo), 0, true);
  });
  rule("year", "#", `(\\d{1,4})(?:\\s*(${BC}|${AD}))?`, (m, at, text) => {
    const n = +m[1]!;
    const marker = m[2];
    if (marker) return cand(at, m, "year", yearResult(isBc(marker) ? -n : n));
    if (m[1]!.length !== 4 || n < 1000 || n > 2099) return null;
    // "mit 1500 Panzern", "über 1400 Geschütze": a quantity, not a year.
    const prev = prevWord(text, at);
    const next = nextWord(text, at + m[0].length);
    if (quantityCues.has(prev) && /^\p{L}/u.test(next) && !quantityStops.has(next.toLowerCase()) && !months.has(next)) return null;
    if (/^[%‰]|^(?:km|m|kg|t|mm|cm)$/iu.test(next)) return null;
    if (text[at + m[0].length] === "." && /^\d/.test(text.slice(at + m[0].length + 1, at + m[0].length + 2))) return null;
    const c = cand(at, m, "year", yearResult(n));
    // A year in parentheses or after a preposition of extent is an aside: the story stays where it was.
    if (text[at - 1] === "(" || text[at + m[0].length] === ")" || asidePreps.has(prev)) c.aside = true;
    return c;
  });
  rule("year-noun", lex.yearNouns, `(${alt(lex.yearNouns)})\\s+(\\d{1,4})(?:\\s*(${BC}|${AD}))?`, (m, at) => {
    const n = +m[2]!;
    const marker = m[3];
    const explicit = marker ? (isBc(marker) ? -n : n) : null;
    return cand(at, m, "year-noun", (ctx) => {
      // "im Jahr 258" in a story before Christ is 258 BC.
      const y = explicit ?? (n < 1000 && ctx.anchor && ctx.anchor.y < 0 ? -n : n);
      return pointResult({ y });
    });
  });
  rule("century", "#", `(\\d{1,2})(?:${alt(lex.ordinalSuffixes ?? ["."])})\\s*(${alt(lex.centuryNouns)})(?:\\s*(${BC}))?`, (m, at) => {
    const n = +m[1]!;
    if (n < 1 || n > 21) return null;
    const bcc = isBc(m[3]);
    return cand(at, m, "century", () => ({ value: `${bcc ? "BC" : ""}${pad(n - 1)}`, range: bcc ? null : { start: `${pad((n - 1) * 100 + 1, 4)}-01-01`, end: `${pad(n * 100, 4)}-12-31` } }));
  });
  rule("decade", "#", `(\\d{2,4})0(?:${alt(lex.decadeSuffixes ?? ["er"])})(?:(?:\\s*-\\s*|\\s+)(?:${alt(lex.decadeNouns)}))?(?:\\s*(${BC}))?`, (m, at) => {
    const head = +m[1]!;
    const bcd = isBc(m[2]);
    return cand(at, m, "decade", (ctx) => {
      const neg = bcd || (head < 100 && !!ctx.anchor && ctx.anchor.y < 0);
      return { value: `${neg ? "BC" : ""}${pad(head, 3)}`, range: neg || head < 100 ? null : { start: `${head}0-01-01`, end: `${head}9-12-31` } };
    });
  });
  rule("decade-word", Object.keys(lex.decadeWords), `(${alt(Object.keys(lex.decadeWords))})(?:\\s*-\\s*|\\s+)(?:${alt(lex.decadeNouns)})`, (m, at) => {
    const d = decadeWords.get(m[1]!);
    if (d == null) return null;
    return cand(at, m, "decade-word", (ctx) => {
      const base = ctx.anchor?.y ?? ctx.ref?.y ?? 1950;
      const c = Math.floor(Math.abs(base) / 100);
      return { value: `${pad(c, 2)}${d}`, range: { start: `${c}${d}0-01-01`, end: `${c}${d}9-12-31` } };
    });
  });
  const SEASON = alt(Object.keys(lex.seasons));
  rule("season", [...Object.keys(lex.seasons), ...lex.seasonModifiers], `(?:(${alt(lex.seasonModifiers)})\\s+)?(${SEASON})(?:\\s+(?:${YEAR}))?`, (m, at) => {
    const code = seasons.get(m[2]!);
    if (!code) return null;
    const y = yearOf(m, 3);
    return cand(at, m, "season", (ctx) => {
      const yy = y ?? (ctx.narrative ? (ctx.anchor?.y ?? ctx.ref?.y) : (ctx.ref?.y ?? ctx.anchor?.y));
      if (yy == null) return { value: `XXXX-${code}`, range: null };
      const SEASON_MONTHS: Record<string, [number, number]> = { SP: [3, 5], SU: [6, 8], FA: [9, 11], WI: [12, 2] };
      const [a, b] = SEASON_MONTHS[code] ?? [1, 12];
      const range = yy > 0 ? { start: `${pad(yy, 4)}-${pad(a)}-01`, end: pointRange({ y: b < a ? yy + 1 : yy, m: b })!.end } : null;
      return { value: `${fmtYear(yy)}-${code}`, range, point: { y: yy } };
    });
  });
  const ORD = `(?:${alt(Object.keys(lex.ordinals))}|[1-4]\\.)`;
  rule("half-year", [...Object.keys(lex.ordinals), "#"], `(${ORD})\\s*(${alt(lex.halfYearNouns)}|${alt(lex.quarterNouns)})(?:\\s+(?:des\\s+jahres\\s+)?(\\d{4}))?`, (m, at) => {
    const o = /^\d/.test(m[1]!) ? +m[1]![0]! : ordinals.get(m[1]!);
    const half = lex.halfYearNouns.some((h) => h.toLowerCase() === m[2]!.toLowerCase());
    if (o == null) return null;
    const n = o < 0 ? (half ? 2 : 4) : o;
    if (n > (half ? 2 : 4)) return null;
    const yText = m[3];
    return cand(at, m, "half-year", (ctx) => {
      const y = yText ? +yText : (ctx.anchor?.y ?? ctx.ref?.y);
      if (y == null) return { value: `XXXX-${half ? "H" : "Q"}${n}`, range: null };
      const per = half ? 6 : 3;
      const m1 = (n - 1) * per + 1;
      const m2 = n * per;
      return { value: `${fmtYear(y)}-${half ? "H" : "Q"}${n}`, range: y > 0 ? { start: `${pad(y, 4)}-${pad(m1)}-01`, end: pointRange({ y, m: m2 })!.end } : null, point: { y } };
    });
  });

  const holidays = new Dict(lex.holidays ?? {});
  rule("holiday", Object.keys(lex.holidays ?? {}), `(${alt(Object.keys(lex.holidays ?? {}))})(?:\\s+(?:${YEAR}))?`, (m, at) => {
    const md = holidays.get(m[1]!);
    if (!md) return null;
    const [mo, d] = md.split("-").map(Number) as [number, number];
    const y = yearOf(m, 2);
    return cand(at, m, "holiday", y != null ? fixed({ y, m: mo, d }) : dayNoYear(mo, d), 0, y == null);
  });

  // --- deictic: resolved on publication in news, on the story's day in narratives ---------------------------------
  rule("relative-day", Object.keys(lex.relativeDays), `(${alt(Object.keys(lex.relativeDays))})`, (m, at) => {
    const w = m[1]!;
    const off = relDays.get(w);
    if (off == null) return null;
    if (lowerOnly.has(w.toLowerCase()) && w[0] !== w[0]!.toLowerCase()) return null;
    return cand(at, m, "relative-day", (ctx) => {
      if (ctx.narrative && narrRef.has(w)) return { value: narrRef.get(w)!, range: null };
      const base = deicticBase(ctx);
      if (!base) return none();
      const d = addDays(base, off);
      return pointResult({ y: d.y, m: d.m, d: d.d });
    });
  });
  rule("weekday", [...Object.keys(lex.weekdays), ...Object.keys(lex.weekdays).flatMap((w) => (lex.weekdaySuffixes ?? []).map((x) => w + x)), ...lex.lastWords, ...lex.nextWords, ...lex.thisWords, ...(lex.weekdayPrepositions ?? [])], `(?:(?:${alt(lex.weekdayPrepositions ?? [])})\\s+)?(?:(${alt([...lex.lastWords, ...lex.nextWords, ...lex.thisWords])})\\s+)?(${WD})(?:${WDS})?`, (m, at) => {
    const wd = weekdays.get(m[2]!);
    if (!wd || !cap(m[2]!)) return null;
    const forced: Tense = lastW.has(m[1]) ? "past" : nextW.has(m[1]) ? "future" : "none";
    return cand(at, m, "weekday", (ctx) => {
      const base = deicticBase(ctx);
      if (!base) return { value: null, range: null };
      const t = forced !== "none" ? forced : ctx.tense();
      let diff = wd - weekday(base);
      if (t === "future") {
        if (diff < 0) diff += 7;
        if (forced === "future" && diff === 0) diff = 7;
      } else {
        // Reports mostly look back: without a future cue the weekday is the last one (or today).
        if (diff > 0) diff -= 7;
        if (forced === "past" && diff === 0) diff = -7;
      }
      const d = addDays(base, diff);
      return pointResult({ y: d.y, m: d.m, d: d.d });
    }, 0, forced === "none");
  });
  rule("relative-unit", [...lex.lastWords, ...lex.nextWords, ...lex.thisWords], `(?:(${alt(lex.lastWords)})|(${alt(lex.nextWords)})|(${alt(lex.thisWords)}))\\s+(${alt(Object.keys(lex.relativeUnits))})`, (m, at) => {
    const unit = relUnits.get(m[4]!);
    if (!unit) return null;
    const dir = m[1] ? -1 : m[2] ? 1 : 0;
    return cand(at, m, "relative-unit", (ctx) => {
      const base = ctx.narrative ? anaphoraBase(ctx) : ctx.ref;
      if (!base) return none();
      const day = ymdOf(base as Point);
      if (unit === "W" || unit === "WE") {
        if (!day) return none();
        const d = addDays(day, dir * 7);
        const monday = addDays(d, 1 - weekday(d));
        const w = isoWeekOf(d);
        if (unit === "WE") {
          const sat = addDays(monday, 5);
          return { value: `${w.year}-W${pad(w.week)}-WE`, range: { start: iso(sat), end: iso(addDays(sat, 1)) } };
        }
        return { value: `${w.year}-W${pad(w.week)}`, range: { start: iso(monday), end: iso(addDays(monday, 6)) } };
      }
      if (unit === "H") {
        const mm = (base as Point).m ?? 1;
        const h = (mm <= 6 ? 1 : 2) + dir;
        const y = base.y + Math.floor((h - 1) / 2);
        const hh = ((h - 1 + 4) % 2) + 1;
        return { value: `${fmtYear(y)}-H${hh}`, range: y > 0 ? { start: `${pad(y, 4)}-${pad(hh === 1 ? 1 : 7)}-01`, end: `${pad(y, 4)}-${hh === 1 ? "06-30" : "12-31"}` } : null, point: { y } };
      }
      const p = shift(truncate(base as Point, unit) ?? { y: base.y }, unit, dir);
      return p ? pointResult(p) : none();
    });
  });
  rule("ago", lex.ago, `(${alt(lex.ago)})\\s+(?:(?:${alt(lex.approx)})\\s+)?(${NUM})\\s+(${UNIT})`, (m, at) => agoCand(m, at, m[2]!, m[3]!));
  if (lex.agoAfter.length) rule("ago", "#", `(\\d+)\\s+(${UNIT})\\s+(?:${alt(lex.agoAfter)})`, (m, at) => agoCand(m, at, m[1]!, m[2]!));
  if (lex.agoAfter.length) rule("ago", Object.keys(lex.numbers), `(${NUMW})\\s+(${UNIT})\\s+(?:${alt(lex.agoAfter)})`, (m, at) => agoCand(m, at, m[1]!, m[2]!));
  function agoCand(m: RegExpExecArray, at: number, n: string, u: string): Cand | null {
    const k = num(n);
    const minutes = units.get(u);
    if (!isFinite(k) || minutes == null) return null;
    const code = unitCode(minutes);
    return cand(at, m, "ago", (ctx) => {
      const base = ctx.narrative ? anaphoraBase(ctx) : ctx.ref;
      if (!base) return none();
      const p = code === "Y" && Number.isInteger(k) ? { y: base.y - k } : code === "Y" ? shift(truncate(base as Point, "M") ?? base, "M", -Math.round(k * 12)) : code === "M" ? shift(truncate(base as Point, "M") ?? base, "M", -k) : code === "W" || code === "D" ? shift(base as Point, "D", -Math.round((k * minutes) / 1440)) : shift(base as Point, "D", 0);
      return p ? pointResult(p) : none();
    });
  }

  // --- anaphoric: on the last date the text mentioned ---------------------------------------------------------
  const anchoredResult = (ctx: ResolveContext, gran: string, off: number, deicticInNews = false): Resolved => {
    const base = deicticInNews && !ctx.narrative && ctx.ref ? { ...ctx.ref } : anaphoraBase(ctx);
    const [unit, tod] = gran.split(":") as [string, string | undefined];
    if (!base) return none();
    const cut = truncate(base, unit);
    if (!cut) return pointResult(base);
    const p = shift(cut, unit, off);
    if (!p) return none();
    const r = pointResult(p);
    if (tod && r.value && p.d != null) r.value += tod;
    return r;
  };
  const AW = alt(Object.keys(lex.anchorWords));
  const AU = alt(Object.keys(lex.anchorUnits));
  const AFTER = alt(Object.keys(lex.afterWords));
  rule("anchored", [...lex.anchorPrepositions, ...Object.keys(lex.anchorWords)], `(?:(${alt(lex.anchorPrepositions)})\\s+)?(?:(${alt(lex.durationModifiers)})\\s+)?(${AW})\\s+(?:(${alt(lex.durationModifiers)})\\s+)?(${AU})(?:\\s+(${AFTER}))?`, (m, at) => {
    const off0 = anchorWords.get(m[3]!);
    const gran = anchorUnits.get(m[5]!);
    if (off0 == null || !gran) return null;
    const off = off0 + (m[6] ? afterWords.get(m[6])! : 0);
    const keepPrep = m[1] && ((keptAnchorPreps.has(m[1].toLowerCase()) && off0 === 0) || anchorArticles.has(m[1].toLowerCase()));
    return cand(at, m, "anchored", (ctx) => anchoredResult(ctx, gran, off), keepPrep ? 0 : m[2] ? 2 : 3);
  });
  rule("anchored-after", [...lex.anchorPrepositionsKept, ...Object.keys(lex.anchorUnits)], `(?:(${alt(lex.anchorPrepositionsKept)})\\s+)?(${AU})\\s+(${AFTER})`, (m, at) => {
    const gran = anchorUnits.get(m[2]!);
    const off = afterWords.get(m[3]!);
    if (!gran || off == null || (m[2]![0] === m[2]![0]!.toLowerCase() && !m[1])) return null;
    return cand(at, m, "anchored-after", (ctx) => anchoredResult(ctx, gran, off));
  });
  rule("anaphoric", Object.keys(lex.anaphoric), `(${alt(Object.keys(lex.anaphoric))})`, (m, at) => {
    const a = anaphoric.get(m[1]!);
    if (!a) return null;
    // "Ende des Jahres", "Jahresende" in news mean the current year; "Vortag", "Folgejahr" count from the last date.
    return cand(at, m, "anaphoric", (ctx) => anchoredResult(ctx, a[0], a[1], a[1] === 0 && a[0] !== "D"));
  });
  const VQ = alt(lex.vagueQuantities);
  const afterShift = (m: RegExpExecArray, at: number, q: string, u: string, dirWord: string): Cand | null => {
    const minutes = units.get(u);
    const dir = afterWords.get(dirWord);
    if (minutes == null || dir == null) return null;
    const code = unitCode(minutes);
    const k = num(q);
    // "wenige Tage später": a vague step forward or back is a vague future or past, not a duration.
    if (!isFinite(k)) return cand(at, m, "shift-vague", () => ({ value: dir > 0 ? "FUTURE_REF" : "PAST_REF", range: null }));
    return cand(at, m, "shift", (ctx) => {
      if (code === "W") {
        // "zwei Wochen später": a day, seven days a week on.
        const b = anaphoraBase(ctx);
        const p = b ? shift(b, "D", dir * Math.round(k * 7)) : null;
        return p ? pointResult(p) : { value: durationValue(k, minutes), range: null };
      }
      if (code === "H" || code === "MIN") return { value: durationValue(k, minutes), range: null };
      const base = anaphoraBase(ctx);
      if (!base) return none();
      let p: Point | null;
      if (code === "Y" && !Number.isInteger(k)) p = shift(truncate(base, "M") ?? base, "M", dir * Math.round(k * 12));
      else if (code === "M" && !Number.isInteger(k)) p = shift(base, "D", dir * Math.round(k * 30));
      else p = shift(truncate(base, code) ?? base, code, dir * k);
      return p ? pointResult(p) : none();
    });
  };
  rule("shift", [...Object.keys(lex.numbers), ...lex.vagueQuantities, "#"], `(${NUM}|${VQ})\\s+(${UNIT})\\s+(${AFTER})`, (m, at) => afterShift(m, at, m[1]!, m[2]!, m[3]!));
  rule("after-n", lex.afterPrepositions ?? [], `(?:${alt(lex.afterPrepositions ?? [])})\\s+(${NUM}|${VQ})\\s+(${UNIT})`, (m, at) => {
    const minutes = units.get(m[2]!);
    if (minutes == null) return null;
    const k = num(m[1]!);
    const code = unitCode(minutes);
    if (!isFinite(k)) return cand(at, m, "after-n", () => ({ value: vagueDuration(code), range: null }));
    if (code !== "D") return cand(at, m, "after-n", () => ({ value: durationValue(k, minutes), range: null }));
    return cand(at, m, "after-n", (ctx) => {
      const base = anaphoraBase(ctx);
      const p = base ? shift(base, "D", k) : null;
      return p ? pointResult(p) : { value: durationValue(k, minutes), range: null };
    });
  });

  // --- reference words, parts of day, clock times -----------------------------------------------------------
  const REFS = alt([...Object.keys(lex.refWords), ...Object.keys(lex.narrativeRefWords), ...Object.keys(lex.newsRefWords ?? {})]);
  rule("ref", [...Object.keys(lex.refWords), ...Object.keys(lex.narrativeRefWords), ...Object.keys(lex.newsRefWords ?? {})], `(${REFS})`, (m, at) => {
    const w = m[1]!;
    const v = refWords.get(w);
    const nv = narrRef.get(w);
    const sv = newsRef.get(w);
    return cand(at, m, "ref", (ctx) => {
      const value = v ?? (ctx.narrative ? nv : sv);
      if (!value) return null;
      const span = vfSpan.get(w);
      if (value === "FUTURE_REF" && span && ctx.ref && !ctx.narrative) return { value, range: { start: iso(addDays(ctx.ref, 1)), end: iso(addDays(ctx.ref, span)) } };
      return { value, range: null };
    });
  });
  const DP = alt(Object.keys(lex.dayParts));
  // Parts of day: "gegen Abend" keeps its preposition, "am Abend" / "in the evening" drop theirs, "frühen Morgen" keeps the adjective.
  const DPK = alt(lex.dayPartPrepositionsKept ?? []);
  const DPP = alt(lex.dayPartPrepositions ?? []);
  const DPA = alt(lex.dayPartAdjectives ?? []);
  const DPHEAD = `(?:(${DPK})\\s+)?(?:(?:${DPP})\\s+)?(?:(${DPA})\\s+)?`;
  const dayPartStart = (m: RegExpExecArray, at: number) => at + (m[1] ? 0 : m[2] ? m.indices![2]![0] : m.indices![3]![0]);
  const dayPartFirst = [...lex.bareDayParts, ...Object.keys(lex.dayParts), ...(lex.dayPartPrepositionsKept ?? []), ...(lex.dayPartPrepositions ?? []), ...(lex.dayPartAdjectives ?? [])];
  rule("day-part", dayPartFirst, `${DPHEAD}(${alt(lex.bareDayParts)})`, (m, at) => {
    const code = dayParts.get(m[3]!);
    if (!code) return null;
    // Lower-case "morgen" is tomorrow, not the morning.
    if (lowerOnly.has(m[3]!.toLowerCase()) && m[3]![0] === m[3]![0]!.toLowerCase()) return null;
    const c = cand(at, m, "day-part", (ctx) => {
      const base = deicticBase(ctx);
      if (!base) {
        const a = ctx.anchor;
        return a ? { value: `${pointValue(a)}${a.d != null ? "" : a.m != null ? "-XX" : "-XX-XX"}${code}`, range: null } : none();
      }
      return { value: `${iso(base)}${code}`, range: { start: iso(base), end: iso(base) } };
    });
    c.start = dayPartStart(m, at);
    return c;
  });
  prefix("day-part-of", dayPartFirst, `${DPHEAD}(${DP})\\s+(?:(${alt(lex.dayPartLinks)})\\s+)?`, ["day-month", "day-range-start", "numeric-date", "anchored", "weekday", "iso-date", "month-day", "day-of-month"], (m, at, inner) => {
    const code = dayParts.get(m[3]!);
    if (!code) return null;
    const from = dayPartStart(m, at);
    return {
      start: from,
      end: inner.end,
      rule: `day-part+${inner.rule}`,
      tensed: inner.tensed,
      resolve: (ctx) => {
        const r = inner.resolve(ctx);
        if (!r || !r.value || !r.point || r.point.d == null) return r;
        return { ...r, value: `${r.value.replace(/T.*$/, "")}${code}` };
      },
    };
  });
  const UHR = alt(lex.clockWords);
  const TZ = alt(Object.keys(lex.timeZones));
  const clockCand = (m: RegExpExecArray, at: number, h: number, min: number, tzWord: string | undefined, rule: string, from = 0): Cand | null => {
    if (h > 24 || min > 59) return null;
    const tz = tzWord ? (zones.get(tzWord) ?? "") : "";
    return cand(at, m, rule, (ctx) => {
      const t = `T${pad(h)}:${pad(min)}${tz}`;
      const base = deicticBase(ctx);
      if (base) return { value: `${iso(base)}${t}`, range: { start: iso(base), end: iso(base) } };
      const a = ctx.anchor;
      if (!a) return { value: `XXXX-XX-XX${t}`, range: null };
      return { value: `${fmtYear(a.y)}-${a.m != null ? pad(a.m) : "XX"}-XX${t}`, range: null };
    }, from);
  };
  rule("clock", "#", `(\\d{1,2})(?::(\\d{2})(?:\\s*(?:${UHR}))?|\\.(\\d{2})\\s*(?:${UHR}))(?:\\s+(${TZ}))?`, (m, at) => clockCand(m, at, +m[1]!, +(m[2] ?? m[3]!), m[4], "clock"));
  rule("clock", "#", `(\\d{1,2})\\s*(?:${UHR})(?:\\s+(\\d{2})(?!\\d))?(?:\\s+(${alt(Object.keys(lex.clockAfter))}))?(?:\\s+(${TZ}))?`, (m, at) => clockCand(m, at, +m[1]! + (m[3] ? clockAfter.get(m[3])! : 0), +(m[2] ?? 0), m[4], "clock"));
  if (Object.keys(lex.meridiem ?? {}).length) {
    const MER = alt(Object.keys(lex.meridiem ?? {}));
    rule("clock", "#", `(\\d{1,2})(?::(\\d{2}))?\\s?(${MER})`, (m, at) => clockCand(m, at, (+m[1]! % 12) + (meridiem.get(m[3]!) ?? 0), +(m[2] ?? 0), undefined, "clock"));
  }
  rule("clock-noun", Object.keys(lex.clockNouns), `(${alt(Object.keys(lex.clockNouns))})`, (m, at) => {
    const t = clockNouns.get(m[1]!);
    if (!t) return null;
    const [h, mm] = t.split(":").map(Number) as [number, number];
    return clockCand(m, at, h, mm, undefined, "clock-noun");
  });

  // --- durations and sets ------------------------------------------------------------------------------------
  const num = (s: string) => (/^\d/.test(s) ? parseFloat(s.replace(",", ".")) : (numbers.get(s) ?? NaN));
  const DMOD = alt(lex.durationModifiers);
  rule("duration", [...Object.keys(lex.numbers), "#"], `(${NUM})(?:\\s+|\\s*-\\s*)(?:(${DMOD})\\s+)?(${UNIT})`, (m, at, text) => {
    const k = num(m[1]!);
    const minutes = units.get(m[3]!);
    if (!isFinite(k) || minutes == null || k <= 0) return null;
    // "2. Tag" is an ordinal, not a duration.
    if (/^\d+\.$/.test(m[1]!)) return null;
    void text;
    const v = durationValue(k, minutes);
    return v ? cand(at, m, "duration", () => ({ value: v, range: null })) : null;
  });
  rule("duration-vague", lex.vagueQuantities, `(${VQ})\\s+(?:(${DMOD})\\s+)?(${UNIT})`, (m, at) => {
    const minutes = units.get(m[3]!);
    if (minutes == null || !plural.has(m[3]!.toLowerCase())) return null;
    const code = unitCode(minutes);
    return cand(at, m, "duration-vague", () => ({ value: vagueDuration(code), range: null }));
  });
  rule("duration-word", Object.keys(lex.vagueDurations), `(${alt(Object.keys(lex.vagueDurations))})`, (m, at) => {
    const v = vagueDur.get(m[1]!);
    return v ? cand(at, m, "duration-word", () => ({ value: v, range: null })) : null;
  });
  rule("set", Object.keys(lex.sets), `(${alt(Object.keys(lex.sets))})`, (m, at) => {
    const v = sets.get(m[1]!);
    return v ? cand(at, m, "set", () => ({ value: v, range: null })) : null;
  });
  // One-word compounds: "zweistündige", "30-tägigen", "anderthalbstündigem", "Dreißigjährige".
  const ADJ = alt(Object.keys(lex.unitAdjectives));
  const END = alt(lex.unitAdjectiveEndings);
  const compoundRe = new RegExp(`^(?:(${NUMW})|(\\d+)\\s*-\\s*)(${ADJ})(?:${END})${B}`, "iud");
  const compoundRule: Rule = {
    name: "duration-compound",
    re: compoundRe,
    make: (m, at) => {
      const k = m[1] ? num(m[1]) : +m[2]!;
      const unitWord = m[3]!;
      // "25-Jährige" is a person of that age.
      if (m[2] && unitWord[0] !== unitWord[0]!.toLowerCase()) return null;
      const minutes = unitAdj.get(unitWord);
      const v = minutes != null ? durationValue(k, minutes) : null;
      return v ? cand(at, m, "duration-compound", () => ({ value: v, range: null })) : null;
    },
  };
  rule("duration-compound", "#", `(?:(${NUMW})|(\\d+)\\s*-\\s*)(${ADJ})(?:${END})`, compoundRule.make);
  const compound = new RegExp(`(?:${ADJ})(?:${END})$`, "iu");
  // The endings alt() keeps (it drops empty ones); an empty list matches nothing, so no last letter can do.
  const endings = lex.unitAdjectiveEndings.filter((e) => e);
  const compoundLast = endings.every((e) => /[a-z]$/i.test(e)) ? new Set(endings.map((e) => e[e.length - 1]!.toLowerCase())) : null;

  // --- prefixes: modifiers that wrap an expression -----------------------------------------------------------
  const PART = alt(Object.keys(lex.parts));
  prefix("part", Object.keys(lex.parts), `(${PART})(?:\\s+|(?<=-))(?:(${alt(lex.partLinks)})\\s+)?`, ["month", "month-year", "year", "year-noun", "season", "century", "decade", "decade-word", "anaphoric", "anchored", "relative-unit", "half-year", "day-month"], (m, at, inner) => {
    const part = parts.get(m[1]!);
    if (!part) return null;
    return {
      start: at,
      end: inner.end,
      rule: `part+${inner.rule}`,
      tensed: inner.tensed,
      resolve: (ctx) => {
        const r = inner.resolve(ctx);
        if (!r || !r.point) return r;
        if (r.point.d != null) return r;
        return { ...r, range: pointRange(r.point, part) };
      },
    };
  });
  // "Juni desselben Jahres", "März des folgenden Jahres": a month of an anaphoric year.
  prefix("month-of", Object.keys(lex.months), `(${MONTH})\\s+`, ["anchored", "anaphoric"], (m, at, inner) => {
    const mo = months.get(m[1]!.replace(/\.$/, ""));
    if (!mo || !cap(m[1]!)) return null;
    return {
      start: at,
      end: inner.end,
      rule: `month+${inner.rule}`,
      resolve: (ctx) => {
        const r = inner.resolve(ctx);
        return r?.point ? pointResult({ y: r.point.y, m: mo }) : r;
      },
    };
  });
  // "den 1930er-Jahren", "den folgenden Monaten": the article belongs to the expression.
  prefix("article", lex.durationArticles ?? [], `(${alt(lex.durationArticles ?? [])})\\s+`, ["decade", "decade-word", "duration-vague"], (m, at, inner) => ({ ...inner, start: at, rule: `article+${inner.rule}` }));
  prefix("approx", lex.approx, `(${alt(lex.approx)})\\s+`, ["duration", "duration-compound", "duration-vague", "clock", "shift", "year"], (m, at, inner) => ({ ...inner, start: at, rule: `approx+${inner.rule}` }));

  const past = new Set(lex.pastCues.flatMap((s) => [s.toLowerCase(), foldKey(s.toLowerCase())]));
  const weakPast = new Set((lex.weakPastCues ?? []).flatMap((s) => [s.toLowerCase(), foldKey(s.toLowerCase())]));
  const future = new Set(lex.futureCues.flatMap((s) => [s.toLowerCase(), foldKey(s.toLowerCase())]));
  return { lex, byFirst, prefixes, compound, compoundLast, compoundRule, past, future, weakPast, lowerOnly };
}

/** PXD, PXY, PTXH, PTXM: an unspecified number of units. */
function vagueDuration(code: string): string {
  return code === "H" ? "PTXH" : code === "MIN" ? "PTXM" : `PX${code}`;
}

function isoWeekOf(day: { y: number; m: number; d: number }): { year: number; week: number } {
  const thursday = addDays(day, 4 - weekday(day));
  const jan1 = Date.UTC(thursday.y, 0, 1) / 86400000;
  const t = Date.UTC(thursday.y, thursday.m - 1, thursday.d) / 86400000;
  return { year: thursday.y, week: Math.floor((t - jan1) / 7) + 1 };
}
