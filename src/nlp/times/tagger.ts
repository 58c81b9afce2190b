// Finds time expressions (dates, weekdays, relative days, months, seasons, durations, times of day) and resolves them.
import { lexicon } from "../../core/lexicon.js";
import { spanAt } from "../../core/spans.js";
import { fold } from "../../core/normalize.js";
import type { Sentence, TimeExpr } from "../../core/types.js";
import { addDays, addMonths, dayNumber, iso, isoWeek, monthRange, pad, validDay, weekday, type Ymd } from "./calendar.js";

export interface TimeLexicon {
  months: Record<string, number>;
  weekdays: Record<string, number>;
  relativeDays: Record<string, number>;
  parts: Record<string, [number, number]>;
  seasons: Record<string, string>;
  numbers: Record<string, number>;
  units: Record<string, number>;
  approx: string[];
  relativeUnits: Record<string, string>;
  lastWords: string[];
  nextWords: string[];
  thisWords: string[];
  ago: string[];
  pastCues: string[];
  futureCues: string[];
  timeOfDay: Record<string, string>;
  vagueFuture: string[];
  vaguePast: string[];
  present: string[];
  endOfYear: string[];
}

interface Found {
  start: number;
  end: number;
  rule: string;
  resolve: (ref: Ymd | null, tense: Tense) => { value: string | null; range: { start: string; end: string } | null };
}

type Tense = "past" | "future" | "none";

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const alt = (words: Iterable<string>) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(esc)
    .join("|");

interface Compiled {
  lex: TimeLexicon;
  res: { re: RegExp; rule: string; make: (m: RegExpExecArray) => Found["resolve"] | null }[];
  past: Set<string>;
  future: Set<string>;
}

const compiledCache = new Map<string, Compiled>();

function compile(lang: string): Compiled {
  const cached = compiledCache.get(lang);
  if (cached) return cached;
  const lex = lexicon<TimeLexicon>(lang, "time", null as unknown as TimeLexicon) ?? lexicon<TimeLexicon>("en", "time", null as unknown as TimeLexicon);
  const MONTH = alt(Object.keys(lex.months));
  const WD = alt(Object.keys(lex.weekdays));
  const NUMW = alt(Object.keys(lex.numbers));
  const UNIT = alt(Object.keys(lex.units));
  const APPROX = alt(lex.approx);
  const PART = alt(Object.keys(lex.parts));
  const SEASON = alt(Object.keys(lex.seasons));
  const REL = alt(Object.keys(lex.relativeDays));
  const LAST = alt(lex.lastWords);
  const NEXT = alt(lex.nextWords);
  const THIS = alt(lex.thisWords);
  const RU = alt(Object.keys(lex.relativeUnits));
  const VF = alt(lex.vagueFuture);
  const VP = alt(lex.vaguePast);
  const EOY = alt(lex.endOfYear);
  const TOD = alt(Object.keys(lex.timeOfDay));
  const month = (s: string) => lex.months[fold(s).replace(/\.$/, "")] ?? lex.months[s.toLowerCase()] ?? 0;
  const num = (s: string) => (/^\d/.test(s) ? parseFloat(s.replace(",", ".")) : lex.numbers[fold(s)] ?? lex.numbers[s.toLowerCase()] ?? NaN);
  const unitMin = (s: string) => lex.units[fold(s)] ?? lex.units[s.toLowerCase()] ?? NaN;
  const B = "(?<![\\p{L}\\p{N}])";
  const E = "(?![\\p{L}\\p{N}])";
  const res: Compiled["res"] = [];
  const add = (src: string, rule: string, make: Compiled["res"][number]["make"]) =>
    res.push({ re: new RegExp(B + src + E, "giu"), rule, make });

  // Absolute dates.
  add("(\\d{4})-(\\d{2})-(\\d{2})", "iso-date", (m) => fixedDay(+m[1]!, +m[2]!, +m[3]!));
  add("(\\d{1,2})\\.\\s?(\\d{1,2})\\.\\s?(\\d{4}|\\d{2})", "numeric-date", (m) => fixedDay(year4(m[3]!), +m[2]!, +m[1]!));
  if (lang === "en") add("(\\d{1,2})/(\\d{1,2})/(\\d{4})", "us-numeric-date", (m) => fixedDay(+m[3]!, +m[1]!, +m[2]!));
  // "vom 1. bis 3. März 2022" / "from March 1 to 3".
  add(`(\\d{1,2})\\.?\\s?(?:-|–|bis(?: zum)?)\\s?(\\d{1,2})\\.\\s?(${MONTH})\\.?(?:\\s(\\d{4}))?`, "day-range", (m) => dayRange(m[4], month(m[3]!), +m[1]!, +m[2]!));
  add(`(${MONTH})\\.?\\s(\\d{1,2})(?:st|nd|rd|th)?\\s?(?:-|–|to|through)\\s?(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s(\\d{4}))?`, "day-range-en", (m) => dayRange(m[4], month(m[1]!), +m[2]!, +m[3]!));
  add(`(\\d{1,2})\\.\\s?(${MONTH})\\.?(?:\\s(\\d{4}))?`, "day-month", (m) => partialDay(m[3], month(m[2]!), +m[1]!));
  add(`(${MONTH})\\.?\\s(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s(\\d{4}))?`, "month-day", (m) => partialDay(m[3], month(m[1]!), +m[2]!));
  add(`(\\d{1,2})(?:st|nd|rd|th)?\\s(?:of\\s)?(${MONTH})(?:,?\\s(\\d{4}))?`, "day-of-month", (m) => partialDay(m[3], month(m[2]!), +m[1]!));
  // Parts of months and months.
  add(`(${PART})\\s?(${MONTH})(?:\\s(\\d{4}))?`, "part-of-month", (m) => monthPart(m[3], month(m[2]!), lex.parts[fold(m[1]!)] ?? lex.parts[m[1]!.toLowerCase()]!));
  add(`(${MONTH})(?:\\s(\\d{4}))`, "month-year", (m) => monthOnly(m[2], month(m[1]!)));
  add(`(?:im|in|seit|bis|ab|since|until|by|during|from)\\s(${MONTH})`, "in-month", (m) => monthOnly(undefined, month(m[1]!)));
  add(`(?:im|in|seit|ab|since|by)\\s(?:dem\\s)?(?:jahr(?:e)?\\s|year\\s)?(1[5-9]\\d{2}|20\\d{2})`, "in-year", (m) => yearOnly(+m[1]!));
  add(`(${SEASON})(?:\\s(\\d{4}))?`, "season", (m) => season(m[2], lex.seasons[fold(m[1]!)] ?? lex.seasons[m[1]!.toLowerCase()]!));
  add(`(${EOY})`, "end-of-year", () => (ref) => (ref ? { value: `${ref.y}`, range: { start: `${ref.y}-10-01`, end: `${ref.y}-12-31` } } : none()));
  // Relative.
  add(`(${REL})`, "relative-day", (m) => relDay(lex.relativeDays[fold(m[1]!)] ?? lex.relativeDays[m[1]!.toLowerCase()] ?? 0));
  add(`(?:am\\s|on\\s|(?:${LAST}|${NEXT}|${THIS})\\s|am\\s(?:${LAST}|${NEXT})\\s)?(${WD})(?:abend|morgen|nachmittag|vormittag|mittag|s)?`, "weekday", (m) => {
    const pre = fold(m[0]!);
    const forced: Tense = new RegExp(`^(?:am\\s)?(?:${LAST})\\b`, "iu").test(pre) ? "past" : new RegExp(`^(?:am\\s)?(?:${NEXT})\\b`, "iu").test(pre) ? "future" : "none";
    return weekdayRes(lex.weekdays[fold(m[1]!)] ?? lex.weekdays[m[1]!.toLowerCase()]!, forced);
  });
  add(`(?:(${LAST})|(${NEXT})|(${THIS}))\\s(${RU})`, "relative-unit", (m) => relUnit(m[1] ? -1 : m[2] ? 1 : 0, lex.relativeUnits[fold(m[4]!)] ?? lex.relativeUnits[m[4]!.toLowerCase()]!));
  add(`(?:(${alt(lex.ago)})\\s(\\d+|${NUMW})\\s(${UNIT})|(\\d+|${NUMW})\\s(${UNIT})\\s(${alt(lex.ago)}))`, "ago", (m) => {
    const n = num(m[2] ?? m[4]!);
    const u = unitMin(m[3] ?? m[5]!);
    return ago(n, u);
  });
  add(`(${VF})`, "vague-future", () => (ref) => (ref ? { value: "FUTURE_REF", range: { start: iso(addDays(ref, 1)), end: iso(addDays(ref, 42)) } } : { value: "FUTURE_REF", range: null }));
  add(`(${VP})`, "vague-past", () => () => ({ value: "PAST_REF", range: null }));
  // Times of day and clock times.
  add(`(\\d{1,2})[:.](\\d{2})\\s?(?:uhr|h)`, "clock", (m) => clock(+m[1]!, +m[2]!));
  add(`(\\d{1,2})(?::(\\d{2}))?\\s?(a\\.m\\.|p\\.m\\.|am|pm)`, "clock-en", (m) => clock((+m[1]! % 12) + (/^p/i.test(m[3]!) ? 12 : 0), +(m[2] ?? 0)));
  add(`(${TOD})`, "time-of-day", (m) => (ref) => (ref ? { value: `${iso(ref)}T${lex.timeOfDay[fold(m[1]!)] ?? lex.timeOfDay[m[1]!.toLowerCase()]}`, range: { start: iso(ref), end: iso(ref) } } : none()));
  // Durations: "rund zweistündige", "fünfstündige", "30-tägigen", "über zwei Stunden", "two-hour", "50 minutes".
  add(`(?:(?:${APPROX})\\s)?(${NUMW}|\\d+(?:[.,]\\d+)?)(?:\\s|-)?(${UNIT})`, "duration", (m) => duration(num(m[1]!), unitMin(m[2]!)));
  add(`(?:seit|for|since)\\s(?:(?:${APPROX})\\s)?(${NUMW}|\\d+)\\s(${UNIT})`, "duration-since", (m) => duration(num(m[1]!), unitMin(m[2]!)));
  add(`(1[5-9]\\d{2}|20\\d{2})`, "year", (m) => yearOnly(+m[1]!));

  const c: Compiled = { lex, res, past: new Set(lex.pastCues.map(fold)), future: new Set(lex.futureCues.map(fold)) };
  compiledCache.set(lang, c);
  return c;
}

const none = () => ({ value: null, range: null });
const year4 = (s: string) => (s.length === 2 ? (+s > 50 ? 1900 + +s : 2000 + +s) : +s);

function fixedDay(y: number, m: number, d: number): Found["resolve"] | null {
  if (!validDay(y, m, d)) return null;
  const v = iso({ y, m, d });
  return () => ({ value: v, range: { start: v, end: v } });
}

/** A day without a year takes the year that puts it nearest the reference, with a bias to the past unless the clause looks ahead. */
function nearestYear(ref: Ymd, m: number, d: number, tense: Tense): number {
  let best = ref.y;
  let bestScore = Infinity;
  for (const y of [ref.y - 1, ref.y, ref.y + 1]) {
    if (!validDay(y, m, Math.min(d, 28))) continue;
    const diff = dayNumber({ y, m, d: Math.min(d, 28) }) - dayNumber(ref);
    const score = diff > 0 ? (tense === "future" ? diff * 0.5 : tense === "past" ? diff * 4 : diff * 1.5) : tense === "future" ? -diff * 4 : -diff;
    if (score < bestScore) {
      bestScore = score;
      best = y;
    }
  }
  return best;
}

function partialDay(yearText: string | undefined, m: number, d: number): Found["resolve"] | null {
  if (!m || d < 1 || d > 31) return null;
  if (yearText) return fixedDay(+yearText, m, d);
  return (ref, tense) => {
    if (!ref) return { value: `XXXX-${pad(m)}-${pad(d)}`, range: null };
    const y = nearestYear(ref, m, d, tense);
    if (!validDay(y, m, d)) return none();
    const v = iso({ y, m, d });
    return { value: v, range: { start: v, end: v } };
  };
}

function dayRange(yearText: string | undefined, m: number, d1: number, d2: number): Found["resolve"] | null {
  if (!m || d1 > d2) return null;
  return (ref, tense) => {
    const y = yearText ? +yearText : ref ? nearestYear(ref, m, d1, tense) : null;
    if (y == null || !validDay(y, m, d1) || !validDay(y, m, d2)) return none();
    return { value: `${y}-${pad(m)}`, range: { start: iso({ y, m, d: d1 }), end: iso({ y, m, d: d2 }) } };
  };
}

function monthPart(yearText: string | undefined, m: number, part: [number, number]): Found["resolve"] | null {
  if (!m) return null;
  return (ref, tense) => {
    const y = yearText ? +yearText : ref ? nearestYear(ref, m, part[0], tense) : null;
    if (y == null) return { value: `XXXX-${pad(m)}`, range: null };
    return { value: `${y}-${pad(m)}`, range: monthRange(y, m, part[0], part[1]) };
  };
}

function monthOnly(yearText: string | undefined, m: number): Found["resolve"] | null {
  if (!m) return null;
  return (ref, tense) => {
    const y = yearText ? +yearText : ref ? nearestYear(ref, m, 15, tense) : null;
    if (y == null) return { value: `XXXX-${pad(m)}`, range: null };
    return { value: `${y}-${pad(m)}`, range: monthRange(y, m) };
  };
}

function yearOnly(y: number): Found["resolve"] {
  return () => ({ value: String(y), range: { start: `${y}-01-01`, end: `${y}-12-31` } });
}

const SEASON_MONTHS: Record<string, [number, number]> = { SP: [3, 5], SU: [6, 8], FA: [9, 11], WI: [12, 2] };
function season(yearText: string | undefined, code: string): Found["resolve"] {
  return (ref) => {
    const y = yearText ? +yearText : ref?.y;
    if (y == null) return { value: `XXXX-${code}`, range: null };
    const [a, b] = SEASON_MONTHS[code]!;
    const end = b < a ? monthRange(y + 1, b) : monthRange(y, b);
    return { value: `${y}-${code}`, range: { start: monthRange(y, a).start, end: end.end } };
  };
}

function relDay(offset: number): Found["resolve"] {
  return (ref) => {
    if (!ref) return none();
    const v = iso(addDays(ref, offset));
    return { value: v, range: { start: v, end: v } };
  };
}

function weekdayRes(wd: number, forced: Tense): Found["resolve"] {
  return (ref, tense) => {
    if (!ref) return none();
    const t = forced !== "none" ? forced : tense;
    const cur = weekday(ref);
    let diff = wd - cur;
    if (t === "future") {
      if (diff < 0) diff += 7;
      if (forced === "future" && diff === 0) diff = 7;
    } else {
      // News reports mostly look back: without a future cue the weekday is the last one (or today).
      if (diff > 0) diff -= 7;
      if (forced === "past" && diff === 0) diff = -7;
    }
    const v = iso(addDays(ref, diff));
    return { value: v, range: { start: v, end: v } };
  };
}

function relUnit(dir: number, unit: string): Found["resolve"] {
  return (ref) => {
    if (!ref) return none();
    if (unit === "W" || unit === "WE") {
      const day = addDays(ref, dir * 7);
      const monday = addDays(day, 1 - weekday(day));
      const w = isoWeek(day);
      if (unit === "WE") {
        const sat = addDays(monday, 5);
        return { value: `${w.year}-W${pad(w.week)}-WE`, range: { start: iso(sat), end: iso(addDays(sat, 1)) } };
      }
      return { value: `${w.year}-W${pad(w.week)}`, range: { start: iso(monday), end: iso(addDays(monday, 6)) } };
    }
    if (unit === "M") {
      const d = addMonths({ ...ref, d: 1 }, dir);
      return { value: `${d.y}-${pad(d.m)}`, range: monthRange(d.y, d.m) };
    }
    const y = ref.y + dir;
    return { value: String(y), range: { start: `${y}-01-01`, end: `${y}-12-31` } };
  };
}

function ago(n: number, minutes: number): Found["resolve"] | null {
  if (!isFinite(n) || !isFinite(minutes)) return null;
  return (ref) => {
    if (!ref) return none();
    const days = Math.round((n * minutes) / 1440);
    if (minutes >= 43200) {
      const d = minutes >= 525600 ? { ...ref, y: ref.y - n } : addMonths(ref, -n);
      const v = minutes >= 525600 ? String(d.y) : `${d.y}-${pad(d.m)}`;
      return { value: v, range: minutes >= 525600 ? { start: `${d.y}-01-01`, end: `${d.y}-12-31` } : monthRange(d.y, d.m) };
    }
    const v = iso(addDays(ref, -days));
    return { value: v, range: { start: v, end: v } };
  };
}

function clock(h: number, min: number): Found["resolve"] | null {
  if (h > 24 || min > 59) return null;
  return (ref) => (ref ? { value: `${iso(ref)}T${pad(h)}:${pad(min)}`, range: { start: iso(ref), end: iso(ref) } } : { value: `XXXX-XX-XXT${pad(h)}:${pad(min)}`, range: null });
}

export function durationValue(n: number, minutes: number): string | null {
  if (!isFinite(n) || !isFinite(minutes) || n <= 0) return null;
  const total = n * minutes;
  if (minutes >= 525600) return `P${n}Y`;
  if (minutes >= 43200) return `P${n}M`;
  if (minutes >= 10080) return `P${n}W`;
  if (minutes >= 1440) return `P${n}D`;
  if (minutes >= 60) return Number.isInteger(n) ? `PT${n}H` : `PT${Math.round(total)}M`;
  return `PT${Math.round(total)}M`;
}

function duration(n: number, minutes: number): Found["resolve"] | null {
  const v = durationValue(n, minutes);
  if (!v) return null;
  return () => ({ value: v, range: null });
}

/** Nearest tense cue to the expression inside its sentence. */
function tenseAt(text: string, s: { start: number; end: number }, at: number, c: Compiled): Tense {
  const re = /[\p{L}]+/gu;
  const slice = text.slice(s.start, s.end);
  let best: Tense = "none";
  let bestDist = Infinity;
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    const w = fold(m[0]);
    const pos = s.start + m.index;
    const dist = Math.abs(pos - at);
    if (c.future.has(w) && dist < bestDist) {
      best = "future";
      bestDist = dist;
    } else if (c.past.has(w) && dist < bestDist) {
      best = "past";
      bestDist = dist;
    }
  }
  return best;
}

export function tagTimes(text: string, sentences: Sentence[], lang: string, reference: Ymd | null): TimeExpr[] {
  const c = compile(lang === "de" ? "de" : "en");
  const found: (Found & { sentence: Sentence })[] = [];
  // Each pattern runs once over the whole text (not per sentence: that was the stage's main cost);
  // a match that crosses a sentence boundary is dropped, as the per-sentence scan would never have made it.
  for (const { re, rule, make } of c.res) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const start = m.index;
      const end = start + m[0].length;
      const sentence = spanAt(sentences, start);
      if (!sentence || end > sentence.end) continue;
      const resolve = make(m);
      if (resolve) found.push({ start, end, rule, resolve, sentence });
    }
  }
  // Longest match wins; ties go to the rule listed first.
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const out: TimeExpr[] = [];
  let lastEnd = -1;
  for (const f of found) {
    if (f.start < lastEnd) continue;
    const tense = tenseAt(text, f.sentence, f.start, c);
    const { value, range } = f.resolve(reference, tense);
    out.push({
      start: f.start,
      end: f.end,
      text: text.slice(f.start, f.end),
      value,
      range,
      provenance: { stage: "times", rule: f.rule, ...(tense !== "none" ? { detail: `tense ${tense}` } : {}) },
    });
    lastEnd = f.end;
  }
  return out;
}
