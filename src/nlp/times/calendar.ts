// Calendar arithmetic on ISO day strings (UTC, no time zones: articles speak in local days).

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export const pad = (n: number, w = 2) => String(n).padStart(w, "0");
export const iso = ({ y, m, d }: Ymd) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

export function parseIso(s: string): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  return m ? { y: +m[1]!, m: +m[2]!, d: +m[3]! } : null;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function validDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export function addDays(day: Ymd, n: number): Ymd {
  const t = new Date(Date.UTC(day.y, day.m - 1, day.d + n));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function addMonths(day: Ymd, n: number): Ymd {
  const t = new Date(Date.UTC(day.y, day.m - 1 + n, 1));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: Math.min(day.d, daysInMonth(t.getUTCFullYear(), t.getUTCMonth() + 1)) };
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function weekday(day: Ymd): number {
  const w = new Date(Date.UTC(day.y, day.m - 1, day.d)).getUTCDay();
  return w === 0 ? 7 : w;
}

export function dayNumber(day: Ymd): number {
  return Date.UTC(day.y, day.m - 1, day.d) / 86400000;
}

/** ISO week number and its year. */
export function isoWeek(day: Ymd): { year: number; week: number } {
  const thursday = addDays(day, 4 - weekday(day));
  const jan1 = { y: thursday.y, m: 1, d: 1 };
  return { year: thursday.y, week: Math.floor((dayNumber(thursday) - dayNumber(jan1)) / 7) + 1 };
}

export function monthRange(y: number, m: number, from = 1, to = 31): { start: string; end: string } {
  const last = daysInMonth(y, m);
  return { start: iso({ y, m, d: Math.min(from, last) }), end: iso({ y, m, d: Math.min(to, last) }) };
}
