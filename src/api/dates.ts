// Day arithmetic on YYYY-MM-DD strings and the precision of a date range, for drawing dates honestly.
import type { DatePrecision } from "./contract.js";

const DAY_MS = 86_400_000;

export function dayNumber(day: string): number {
  return Math.floor(Date.parse(`${day.slice(0, 10)}T00:00:00Z`) / DAY_MS);
}

export function dayString(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  return dayString(dayNumber(day) + n);
}

/** The publication day of an ISO timestamp (its own calendar day, ignoring the zone), or null. */
export function publishedDay(published: string | null): string | null {
  return published && /^\d{4}-\d{2}-\d{2}/.test(published) ? published.slice(0, 10) : null;
}

/** Day, ISO week, calendar month, calendar year, or any other range. */
export function precisionOf(start: string, end: string): DatePrecision {
  if (start === end) return "day";
  const s = dayNumber(start);
  const e = dayNumber(end);
  if (e - s === 6 && new Date(s * DAY_MS).getUTCDay() === 1) return "week";
  const last = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
  const [ys, ms, ds] = start.split("-").map(Number) as [number, number, number];
  const [ye, me, de] = end.split("-").map(Number) as [number, number, number];
  if (ys === ye && ms === me && ds === 1 && de === last(ye, me)) return "month";
  if (ys === ye && ms === 1 && ds === 1 && me === 12 && de === 31) return "year";
  return "range";
}

export function overlaps(a: { start: string; end: string }, b: { start: string; end: string }, slackDays = 0): boolean {
  return dayNumber(a.start) <= dayNumber(b.end) + slackDays && dayNumber(b.start) <= dayNumber(a.end) + slackDays;
}

export function lengthDays(r: { start: string; end: string }): number {
  return dayNumber(r.end) - dayNumber(r.start) + 1;
}
