// Calendar-day arithmetic on ISO dates (YYYY-MM-DD), in UTC so that no time zone shifts a day.

export function dayNumber(iso: string): number {
  return Math.floor(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000);
}

export function addDays(iso: string, n: number): string {
  return new Date((dayNumber(iso) + n) * 86_400_000).toISOString().slice(0, 10);
}

export function span(r: { start: string; end: string }): number {
  return dayNumber(r.end) - dayNumber(r.start) + 1;
}

export function overlaps(a: { start: string; end: string }, b: { start: string; end: string }): boolean {
  return !(a.end < b.start || b.end < a.start);
}
