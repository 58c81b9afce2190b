// Moves a bare weekday date across the publication date when the event's tense says the other week.
import { foldWords } from "../../core/normalize.js";
import type { TimeExpr } from "../../core/types.js";
import type { EventLexicon } from "./lexicon.js";
import type { StatusReading } from "./status.js";

const FUTURE = new Set(["planned", "promised", "proposed", "requested"]);

/**
 * "Selenskyj reist am Montag nach Washington" (published Saturday): a weekday in a planned event lies after
 * publication, in a held one before it. The times layer resolves weekdays without the event's tense.
 */
export function fixWeekday(
  date: { start: string; end: string; text: string },
  time: TimeExpr,
  status: StatusReading,
  published: string | null,
  lex: EventLexicon,
): { start: string; end: string; text: string } {
  if (!published || date.start !== date.end) return date;
  if (!isWeekday(time, lex)) return date;
  const pub = published.slice(0, 10);
  // Only a plan looks ahead for sure; an invitation or demand may be dated by when it was made.
  if (status.status === "planned" && status.strength >= 2 && date.end < pub) return shift(date, 7);
  if (status.status === "held" && status.strength >= 2 && date.start > pub) return shift(date, -7);
  return date;
}

function shift(d: { start: string; end: string; text: string }, days: number) {
  const t = new Date(`${d.start}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  const s = t.toISOString().slice(0, 10);
  return { start: s, end: s, text: d.text };
}

export function isWeekday(time: TimeExpr, lex: EventLexicon): boolean {
  return foldWords(time.text).split(" ").some((w) => lex.weekdays.has(w));
}

/**
 * "the Hanoi summit held in February" (published December 2019): a bare month of a held event lies before
 * publication, of a planned one after it; the times layer may pick the other year.
 */
export function fixMonth(
  date: { start: string; end: string; text: string },
  time: TimeExpr,
  status: StatusReading,
  published: string | null,
): { start: string; end: string; text: string } {
  if (!published || !time.value || !/^\d{4}-\d{2}$/.test(time.value) || status.strength < 2) return date;
  // "in August 2022" states its year: only a bare month may be moved.
  if (/\d{4}/.test(time.text)) return date;
  const pub = published.slice(0, 10);
  const move = (n: number) => {
    const y = +date.start.slice(0, 4) + n;
    const mo = +date.start.slice(5, 7);
    const last = new Date(Date.UTC(y, mo, 0)).getUTCDate(); // day 0 of the next month = last day of this one
    const mm = String(mo).padStart(2, "0");
    return { start: `${y}-${mm}-01`, end: `${y}-${mm}-${String(last).padStart(2, "0")}`, text: date.text };
  };
  if (status.status === "held" && date.start > pub) return move(-1);
  if (FUTURE.has(status.status) && date.end < pub.slice(0, 7)) return move(1);
  return date;
}
