// Calendar-day arithmetic on ISO dates (YYYY-MM-DD), in UTC so that no time zone shifts a day.

/** Day numbers of the dates seen recently: merging compares the same few hundred dates millions of times. */
const DAY_CACHE = 50_000;
const dayCache = new Map<string, number>();

export function dayNumber(iso: string): number {
  let n = dayCache.get(iso);
  if (n === undefined) {
    if (dayCache.size >= DAY_CACHE) dayCache.clear(); // bounded for an endless ingest
    dayCache.set(iso, (n = computeDayNumber(iso)));
  }
  return n;
}

function computeDayNumber(iso: string): number {
  return Math.floor(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000);
}

export function addDays(iso: string, n: number): string {
  return fromDayNumber(dayNumber(iso) + n);
}

const pad2 = (x: number) => (x < 10 ? "0" : "") + x;

/** Days since 1970-01-01 back to YYYY-MM-DD (the civil-from-days algorithm; no Date object: merging calls this a lot). */
export function fromDayNumber(z0: number): string {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, "0")}-${pad2(m)}-${pad2(d)}`;
}

export function span(r: { start: string; end: string }): number {
  return dayNumber(r.end) - dayNumber(r.start) + 1;
}

export function overlaps(a: { start: string; end: string }, b: { start: string; end: string }): boolean {
  return !(a.end < b.start || b.end < a.start);
}
