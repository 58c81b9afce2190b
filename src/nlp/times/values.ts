// TIMEX2 values and day ranges for points in time (years may be BC), durations and the anchors they resolve against.
import type { DateRange } from "../../core/types.js";
import { addDays, addMonths, daysInMonth, dayNumber, iso, pad, validDay, type Ymd } from "./calendar.js";

/** A point in time at year, month or day granularity; years before Christ are negative (490 BC = -490). */
export interface Point {
  y: number;
  m?: number;
  d?: number;
}

export type Tense = "past" | "future" | "none";

export interface Resolved {
  value: string | null;
  range: DateRange | null;
  /** The point this expression names, which becomes the story's anchor in narratives. */
  point?: Point;
}

/** What an expression is resolved against. */
export interface ResolveContext {
  /** The publication day, when known. */
  ref: Ymd | null;
  /** The last date the text mentioned (narratives anchor everything on it; news only anaphora). */
  anchor: Point | null;
  narrative: boolean;
  tense: () => Tense;
}

export const fmtYear = (y: number) => (y < 0 ? `BC${pad(-y, 4)}` : pad(y, 4));

export function pointValue(p: Point): string {
  if (p.d != null && p.m != null) return `${fmtYear(p.y)}-${pad(p.m)}-${pad(p.d)}`;
  if (p.m != null) return `${fmtYear(p.y)}-${pad(p.m)}`;
  return fmtYear(p.y);
}

/** The days a point covers (null before Christ, where ISO day strings do not apply). */
export function pointRange(p: Point, part?: [number, number]): DateRange | null {
  if (p.y < 1) return null;
  if (p.d != null && p.m != null) {
    const v = iso({ y: p.y, m: p.m, d: p.d });
    return { start: v, end: v };
  }
  if (p.m != null) {
    const last = daysInMonth(p.y, p.m);
    const [a, b] = part ?? [1, 31];
    return { start: iso({ y: p.y, m: p.m, d: Math.min(a, last) }), end: iso({ y: p.y, m: p.m, d: Math.min(b, last) }) };
  }
  if (part) {
    // A part of a year: the day range of a month scaled to the twelve months (Anfang -> Jan-Apr, Ende -> Sep-Dec).
    const m1 = Math.min(12, Math.max(1, Math.floor(((part[0] - 1) / 30) * 12) + 1));
    const m2 = Math.min(12, Math.max(m1, Math.ceil((Math.min(part[1], 30) / 30) * 12)));
    return { start: iso({ y: p.y, m: m1, d: 1 }), end: iso({ y: p.y, m: m2, d: daysInMonth(p.y, m2) }) };
  }
  return { start: `${pad(p.y, 4)}-01-01`, end: `${pad(p.y, 4)}-12-31` };
}

export function pointResult(p: Point, part?: [number, number]): Resolved {
  return { value: pointValue(p), range: pointRange(p, part), point: p };
}

export const ymdOf = (p: Point): Ymd | null => (p.m != null && p.d != null ? { y: p.y, m: p.m, d: p.d } : null);

/** Moves a point by n units (D, W, M, Y) at its own granularity or finer where the unit needs it. */
export function shift(p: Point, unit: string, n: number): Point | null {
  if (unit === "D" || unit === "W") {
    const day = ymdOf(p);
    if (!day) return null;
    const t = addDays(day, unit === "W" ? 7 * n : n);
    return { y: t.y, m: t.m, d: t.d };
  }
  if (unit === "M") {
    if (p.m == null) return null;
    const t = addMonths({ y: p.y, m: p.m, d: 1 }, n);
    return { y: t.y, m: t.m };
  }
  if (unit === "Y") return { y: p.y + n };
  return null;
}

/** Cuts a point to a granularity: D keeps the day, M the month, Y the year. */
export function truncate(p: Point, unit: string): Point | null {
  if (unit === "Y") return { y: p.y };
  if (unit === "M") return p.m != null ? { y: p.y, m: p.m } : null;
  return p.d != null ? p : null;
}

const UNIT_CODES: [number, string][] = [
  [52560000, "CE"],
  [5256000, "DE"],
  [525600, "Y"],
  [43200, "M"],
  [10080, "W"],
  [1440, "D"],
  [60, "H"],
  [1, "MIN"],
];

/** The TIMEX unit letter of a duration unit given in minutes. */
export function unitCode(minutes: number): string {
  for (const [m, c] of UNIT_CODES) if (minutes >= m) return c;
  return "MIN";
}

/** TIMEX2 duration: P3D, PT2H, P1Y6M (anderthalb Jahre), PT30M (halbe Stunde). */
export function durationValue(n: number, minutes: number): string | null {
  if (!isFinite(n) || !isFinite(minutes) || n <= 0) return null;
  const code = unitCode(minutes);
  const whole = Math.floor(n);
  const frac = n - whole;
  const num = (x: number) => String(Math.round(x * 100) / 100);
  switch (code) {
    case "CE":
    case "DE":
      return `P${num(n)}${code}`;
    case "Y":
      return frac ? `P${whole ? `${whole}Y` : ""}${Math.round(frac * 12)}M` : `P${whole}Y`;
    case "M":
      return frac ? `P${whole ? `${whole}M` : ""}${Math.round(frac * 30)}D` : `P${whole}M`;
    case "W":
      return frac ? `P${Math.round(n * 7)}D` : `P${whole}W`;
    case "D":
      return frac ? `P${whole ? `${whole}D` : ""}T${Math.round(frac * 24)}H` : `P${whole}D`;
    case "H":
      // Whole days of hours read as days ("48 Stunden" = P2D), as TIMEX annotators write them.
      if (!frac && whole % 24 === 0) return `P${whole / 24}D`;
      return frac ? `PT${whole ? `${whole}H` : ""}${Math.round(frac * 60)}M` : `PT${whole}H`;
    default:
      return `PT${Math.round(n * minutes)}M`;
  }
}

/** A day without a year takes the year that puts it nearest the reference, with a bias to the past unless the clause looks ahead. */
export function nearestYear(ref: Ymd, m: number, d: number, tense: Tense): number {
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

/** The year of a month (and day) named without one: the story's year in narratives, the nearest year to publication in news. */
export function yearFor(ctx: ResolveContext, m: number, d: number): number | null {
  if (ctx.narrative) {
    if (ctx.anchor) return ctx.anchor.y;
    return ctx.ref ? ctx.ref.y : null;
  }
  if (ctx.ref) return nearestYear(ctx.ref, m, d, ctx.tense());
  return ctx.anchor ? ctx.anchor.y : null;
}

/** The day deictic words ("gestern", "am Montag") count from: publication in news, the story's last day in narratives. */
export function deicticBase(ctx: ResolveContext): Ymd | null {
  if (ctx.narrative) return ctx.anchor ? ymdOf(ctx.anchor) : null;
  return ctx.ref;
}

/** The point anaphora ("am folgenden Tag", "zwei Tage später") count from: the last date mentioned, else publication. */
export function anaphoraBase(ctx: ResolveContext): Point | null {
  if (ctx.anchor) return ctx.anchor;
  return ctx.ref ? { ...ctx.ref } : null;
}

export const none = (): Resolved => ({ value: null, range: null });
