// Dates a text without a publication date by the real-world events it reports (kb/dated-events.json): news follows events.
import type { DateRange, Document, EventAnnotation } from "../../core/types.js";
import { fold } from "../../core/normalize.js";
import type { DatedEvent } from "../../kb/dated-events.js";
import type { KnowledgeBase } from "../../kb/kb.js";
import { addDays, dayNumber, iso, parseIso, weekday } from "./calendar.js";
import { loadTimeLexicon } from "./lexicon.js";

export interface EventDated {
  day: string;
  range: DateRange;
  basis: string;
}

/** A report looks back (or ahead) this many days at most for an event to support a day. */
const HORIZON_DAYS = 31;
/** A weekday names a day of the last or the coming week. */
const WEEK_DAYS = 7;

interface Match {
  /** Day number of the dated event. */
  at: number;
  /** The text's weekday agrees with the dated event's day. */
  weekdayConfirmed: boolean;
}

interface Reported {
  /** held: the report comes after; planned: before. */
  after: boolean;
  matches: Match[];
}

/** The state a place or country lies in (its own id for a country), for comparing venues at the coarsest level. */
function stateOf(id: string, kb: KnowledgeBase | null): string {
  if (id.startsWith("country:")) return id;
  return kb?.entity(id)?.country ?? id;
}

/** Whether the text's event and the dated one are the same kind of contact between the same parties at the same venue. */
function sameEvent(e: EventAnnotation, k: DatedEvent, kb: KnowledgeBase | null): boolean {
  if (e.type !== k.type) return false;
  // A call is never a meeting; a visit, a summit and a plain meeting are told interchangeably.
  if ((e.mode === "phone") !== (k.mode === "phone")) return false;
  const parties = new Set([...e.actors, ...e.recipients]);
  const shared = k.participants.filter((p) => parties.has(p)).length;
  if (shared < 2 && shared < k.participants.length) return false;
  if (e.location?.entity && k.place && stateOf(e.location.entity, kb) !== stateOf(k.place, kb)) return false;
  return true;
}

/** ISO weekday (1 = Monday) a time expression inside the span names, from the language's weekday words. */
function weekdayIn(doc: Document, start: number, end: number): number | null {
  const lex = loadTimeLexicon(doc.meta.language);
  for (const t of doc.layers.times ?? []) {
    if (t.start < start || t.end > end) continue;
    for (const w of fold(t.text).split(/[^\p{L}]+/u)) {
      for (const [name, n] of Object.entries(lex.weekdays)) {
        if (w === name || (lex.weekdaySuffixes ?? []).some((s) => w === name + s)) return n;
      }
    }
  }
  return null;
}

const toIso = (n: number) => iso(addDays({ y: 1970, m: 1, d: 1 }, n));

/**
 * The publication day that the most reported events agree with: a held event lies in the days before it, a planned
 * one in the days after; a weekday the text gives for an event must be the dated event's weekday and counts double.
 * Candidates are the day after each matched held event and the day before each planned one; ties go to the candidate
 * closest to its events, then the latest (news report the latest). `within`: the content's window, if known.
 */
export function dateFromEvents(doc: Document, known: readonly DatedEvent[], kb: KnowledgeBase | null, within?: DateRange): EventDated | null {
  const lo = within ? dayNumber(parseIso(within.start)!) - 1 : -Infinity;
  const hi = within ? dayNumber(parseIso(within.end)!) + 1 : Infinity;
  const reported: Reported[] = [];
  for (const e of doc.layers.events ?? []) {
    const wd = weekdayIn(doc, e.evidence.start, e.evidence.end);
    const after = e.status === "held" || e.status === "ongoing";
    // Other statuses (proposed, promised...) say nothing about the order unless a weekday ties them to a day.
    if (!after && e.status !== "planned" && wd == null) continue;
    const matches: Match[] = [];
    for (const k of known) {
      const day = parseIso(k.date)!;
      const at = dayNumber(day);
      if (at < lo || at > hi || !sameEvent(e, k, kb)) continue;
      matches.push({ at, weekdayConfirmed: wd != null && weekday(day) === wd });
    }
    if (matches.length) reported.push({ after: after || e.status !== "planned", matches });
  }
  if (!reported.length) return null;
  const candidates = new Set<number>();
  for (const r of reported) for (const m of r.matches) candidates.add(r.after ? m.at + 1 : m.at - 1);
  let best: { day: number; score: number; dist: number } | null = null;
  for (const day of candidates) {
    let score = 0;
    let dist = 0;
    for (const r of reported) {
      let own: { w: number; d: number } | null = null;
      for (const m of r.matches) {
        const d = r.after ? day - m.at : m.at - day;
        if (d < 1 || d > (m.weekdayConfirmed ? WEEK_DAYS : HORIZON_DAYS)) continue;
        const w = m.weekdayConfirmed ? 2 : 1;
        if (!own || w > own.w || (w === own.w && d < own.d)) own = { w, d };
      }
      if (own) {
        score += own.w;
        dist += own.d;
      }
    }
    if (!best || score > best.score || (score === best.score && (dist < best.dist || (dist === best.dist && day > best.day)))) best = { day, score, dist };
  }
  if (!best || best.score < 1) return null;
  return {
    day: toIso(best.day),
    range: { start: toIso(best.day - 1), end: toIso(best.day + 1) },
    basis: `${reported.length} reported events matched dated events (score ${best.score})`,
  };
}
