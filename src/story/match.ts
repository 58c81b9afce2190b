// Decides whether two reports describe the same real-world event: type, participants, dates, places.
import { addDays, dayNumber, overlaps, span } from "./days.js";
import { OCCURRED } from "./status.js";
import type { EntityLookup, SourcedEvent } from "./types.js";

/** A date range this narrow is a claim about the day; wider ones ("2025", "im August") only bound it. */
const PRECISE_DAYS = 3;
/** How far ahead an undated announcement reaches: a meeting announced without a date happens within weeks or not at all. */
const FUTURE_DAYS = 45;
/** A window longer than this (a year, an undated plan) says little about which meeting it is. */
const VAGUE_DAYS = 31;
/** How many days apart two precise dates of one event may be (see pairScore). */
const DATE_SLACK_DAYS = 1;
const NEGATIVE = new Set(["cancelled", "denied", "rejected"]);
const FUTURE = new Set(["planned", "promised", "proposed", "requested"]);
/** Entities that report rather than act: an agency named as "actor" is an extraction slip, not a participant. */
const NON_PARTICIPANT_KINDS = new Set(["agency", "outlet"]);
/** Two places this close are one venue as far as merging is concerned (Woodside and San Francisco, Nusa Dua and Bali). */
const SAME_PLACE_KM = 60;

/** What matching by states instead of people costs (see pairScore). */
const SIDE_PENALTY = 0.2;

/** How far from a region's centre a place may lie and still be in it (Alaska is wide; most regions are not). */
const REGION_KM = 1000;
/** Days before publication that an undated "held" report most likely means, without penalty. */
const RECENT_DAYS = 3;
/** How far back an undated "held" report reaches (see window). */
const HELD_DAYS = 14;
/** The penalty at the far end of that reach. */
const STALE_PENALTY = 0.4;

export interface Range {
  start: string;
  end: string;
}

/**
 * Per-report facts that merging asks for again and again (a report is scored against every member of every
 * candidate cluster, in every batch): computed once per report and lookup. Reports do not change once read,
 * and callers treat the returned lists as read-only.
 */
const NO_LOOKUP = {};

/** What is memoized of one report: lookup-dependent fields belong to the lookup in scope (one per store in practice). */
interface Facts {
  scope: object;
  participants?: string[];
  sideMap?: Map<string, string[]>;
  sides?: string[];
  people?: string[];
}
// One WeakMap lookup per report and call (pair scoring runs millions of times on a large store).
const factsMemo = new WeakMap<SourcedEvent, Facts>();

function facts(e: SourcedEvent, lookup: EntityLookup | undefined): Facts {
  const scope = lookup ?? NO_LOOKUP;
  let f = factsMemo.get(e);
  if (f === undefined || f.scope !== scope) factsMemo.set(e, (f = { scope }));
  return f;
}
const preciseMemo = new WeakMap<SourcedEvent, boolean>();

/** The entities that took part (actors and recipients, without places, agencies and outlets), each once; memoized per report. */
export function participants(e: SourcedEvent, lookup?: EntityLookup): string[] {
  const f = facts(e, lookup);
  return (f.participants ??= computeParticipants(e, lookup));
}

function computeParticipants(e: SourcedEvent, lookup?: EntityLookup): string[] {
  const out: string[] = [];
  for (const k of [...e.actors, ...e.recipients]) {
    const f = lookup?.(k);
    if (f && (f.type === "location" || (f.kind && NON_PARTICIPANT_KINDS.has(f.kind)))) continue;
    if (!out.includes(k)) out.push(k);
  }
  return out;
}

/**
 * The states an event's participants act for: a leader or minister stands for its country, a country for
 * itself; anyone else (an alliance, a person without a KB entry) for themselves. One report says
 * "Biden and Putin", another "the US and Russia" for the same call.
 */
export function sides(e: SourcedEvent, lookup?: EntityLookup): string[] {
  const f = facts(e, lookup);
  return (f.sides ??= [...sideMap(e, lookup).keys()]);
}

/** Each state an event's participants act for, with the participants that name it (a country names itself). */
function sideMap(e: SourcedEvent, lookup?: EntityLookup): Map<string, string[]> {
  const f = facts(e, lookup);
  return (f.sideMap ??= computeSideMap(e, lookup));
}

function computeSideMap(e: SourcedEvent, lookup?: EntityLookup): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const k of participants(e, lookup)) {
    const f = lookup?.(k);
    const side = f && f.type !== "country" && f.country?.startsWith("country:") ? f.country : k;
    out.set(side, [...(out.get(side) ?? []), k]);
  }
  return out;
}

/**
 * States the two events share where one report names the state itself and the other its people
 * ("the US" and Biden). Two different people of one state (Putin in one report, Dmitriev in the
 * other) are not a shared side: they are two meetings.
 */
function sharedSides(a: SourcedEvent, b: SourcedEvent, lookup?: EntityLookup): number {
  const sa = sideMap(a, lookup);
  const sb = sideMap(b, lookup);
  let n = 0;
  for (const [side, ka] of sa) {
    const kb = sb.get(side);
    if (kb && (ka.includes(side) || kb.includes(side) || ka.some((k) => kb.includes(k)))) n++;
  }
  return n;
}

/** Kinds of KB organization that meet in sessions of their own (a council, a summit format), not merely take part. */
const FORUM_KINDS = new Set(["international"]);

export function isForum(key: string, lookup?: EntityLookup): boolean {
  return FORUM_KINDS.has(lookup?.(key)?.kind ?? "");
}

/** Whether both participant lists name one such body. */
function sharesForum(pa: string[], pb: string[], lookup?: EntityLookup): boolean {
  return pa.some((k) => pb.includes(k) && isForum(k, lookup));
}

export function isPrecise(e: SourcedEvent): boolean {
  let p = preciseMemo.get(e);
  if (p === undefined) preciseMemo.set(e, (p = e.date !== null && span(e.date) <= PRECISE_DAYS));
  return p;
}

/** The participants that are people (KB type, or a person: key without a KB entry); memoized per report. */
function people(e: SourcedEvent, lookup?: EntityLookup): string[] {
  const f = facts(e, lookup);
  return (f.people ??= participants(e, lookup).filter((k) => (lookup?.(k)?.type ?? (/^(?:name:)?person:/.test(k) ? "person" : "")) === "person"));
}

/**
 * The days an event can fall on: its own date when precise, otherwise a window
 * around the publication day that depends on the status (a held event lies
 * shortly before publication, a planned one after it).
 */
const windows = new WeakMap<SourcedEvent, Range | null>();

export function window(e: SourcedEvent): Range | null {
  // Merging asks for the same report's window many times; reports do not change once read.
  let w = windows.get(e);
  if (w === undefined) {
    w = computeWindow(e);
    windows.set(e, w);
  }
  return w;
}

function computeWindow(e: SourcedEvent): Range | null {
  if (e.date && isPrecise(e)) return e.date;
  if (!e.published) return e.date;
  let w: Range;
  if (FUTURE.has(e.status)) w = { start: e.published, end: addDays(e.published, FUTURE_DAYS) };
  else if (e.status === "cancelled" || e.status === "rejected" || e.status === "denied") w = { start: addDays(e.published, -30), end: addDays(e.published, FUTURE_DAYS) };
  else w = { start: addDays(e.published, -HELD_DAYS), end: e.published };
  if (e.date) {
    // A date of a week or two ("Mitte Februar", "last week") is the report's own claim and stands as it is:
    // cutting it to the status window would drop the very days it names (a call on the 12th reported on the 1st of next month).
    if (span(e.date) <= VAGUE_DAYS) return e.date;
    // A vague date ("im Jahr 2025") narrows the window when the two meet, and wins when they do not.
    if (!overlaps(w, e.date)) return e.date;
    return { start: w.start > e.date.start ? w.start : e.date.start, end: w.end < e.date.end ? w.end : e.date.end };
  }
  return w;
}

function gapDays(a: Range, b: Range): number {
  return Math.max(dayNumber(b.start) - dayNumber(a.end), dayNumber(a.start) - dayNumber(b.end));
}

function km(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = Math.PI / 180;
  const d = Math.sin(((b.lat - a.lat) * r) / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lon - a.lon) * r) / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(d));
}

/** same: one place; compatible: one lies in the other or nearby; different: they cannot both be right; unknown: one side has none. */
export function placeRelation(a: SourcedEvent["location"], b: SourcedEvent["location"], lookup?: EntityLookup): "same" | "compatible" | "different" | "unknown" {
  if (!a || !b) return "unknown";
  if ((a.key && a.key === b.key) || a.name.toLowerCase() === b.name.toLowerCase()) return "same";
  const fa = a.key ? lookup?.(a.key) : undefined;
  const fb = b.key ? lookup?.(b.key) : undefined;
  if (!fa || !fb) return "compatible";
  // A country contains every place in it; a venue named by an institution (the Kremlin, the White House)
  // has no coordinates: it fits any place of its country.
  if (fa.type !== "location" || fb.type !== "location") {
    const ca = fa.type === "country" ? a.key : fa.country;
    const cb = fb.type === "country" ? b.key : fb.country;
    return !ca || !cb || ca === cb ? "compatible" : "different";
  }
  if (fa.lat !== undefined && fa.lon !== undefined && fb.lat !== undefined && fb.lon !== undefined && km({ lat: fa.lat, lon: fa.lon }, { lat: fb.lat, lon: fb.lon }) <= SAME_PLACE_KM) return "compatible";
  // Otherwise two places in two countries cannot both be right.
  const countryOf = (k: string | null, f: typeof fa) => (f.type === "country" ? k : f.country);
  if (countryOf(a.key, fa) !== countryOf(b.key, fb)) return "different";
  // A region contains the places near its centre (Alaska and Anchorage), not every place of its
  // country (Alaska and Washington): without borders in the KB, distance from the centre stands in.
  const regional = (f: typeof fa) => f.kind === "region" || f.kind === "other";
  if (regional(fa) || regional(fb)) {
    if (fa.lat === undefined || fa.lon === undefined || fb.lat === undefined || fb.lon === undefined) return "compatible";
    if (km({ lat: fa.lat, lon: fa.lon }, { lat: fb.lat, lon: fb.lon }) <= REGION_KM) return "compatible";
  }
  return "different";
}

/** How far before the undated report's publication the other, precise report puts the event, as a penalty. */
function staleness(undated: SourcedEvent, dated: SourcedEvent): number {
  if (undated.date || !undated.published || !isPrecise(dated) || FUTURE.has(undated.status) || NEGATIVE.has(undated.status)) return 0;
  const days = dayNumber(undated.published) - dayNumber(dated.date!.end);
  return days <= RECENT_DAYS ? 0 : ((days - RECENT_DAYS) / HELD_DAYS) * STALE_PENALTY;
}

/** How strongly two reports look like one event; null when they cannot be. Two events of one document never are (see sameReport). */
export function pairScore(a: SourcedEvent, b: SourcedEvent, lookup?: EntityLookup): number | null {
  if (a.docId === b.docId) return null;
  return scorePair(a, b, lookup);
}

/** The class of a status: happened, to happen, did not happen; one article does not tell one event as two of these. */
function statusClass(s: string): string {
  return OCCURRED.has(s) ? "occurred" : FUTURE.has(s) ? "future" : NEGATIVE.has(s) ? "negative" : s;
}

/**
 * Whether two events of one document are the same event told twice (a headline and its lead, a photo caption
 * and the paragraph, "the summit" and "the meeting in Alaska", a claim and its denial), as a score like
 * pairScore's, or null. Stricter than across documents: compatible statuses and one list of people contained
 * in the other, so that an article naming two calls between the same leaders (one held last week, one planned) keeps both.
 */
export function sameReport(a: SourcedEvent, b: SourcedEvent, lookup?: EntityLookup): number | null {
  if (a.docId !== b.docId || a === b) return null;
  // A denial or refusal in the article refers back to the claim it answers there ("Trump said they agreed ... but
  // Ushakov said it was not discussed"); otherwise two status classes are two events (held last week, planned next).
  const ca = statusClass(a.status);
  const cb = statusClass(b.status);
  if (ca !== cb && ca !== "negative" && cb !== "negative") return null;
  const pa = participants(a, lookup);
  const pb = participants(b, lookup);
  const [small, large] = pa.length <= pb.length ? [pa, pb] : [pb, pa];
  if (small.length < 2 || !small.every((k) => large.includes(k))) return null;
  // One article that names two days or two places for its mentions tells of two events (Monday in Tel Aviv, Tuesday in Jerusalem).
  if (isPrecise(a) && isPrecise(b) && !overlaps(a.date!, b.date!)) return null;
  if (placeRelation(a.location, b.location, lookup) === "different") return null;
  return scorePair(a, b, lookup, true);
}

/** sameDoc: the two are mentions in one article, where an undated plan is not one of many meetings it might be. */
function scorePair(a: SourcedEvent, b: SourcedEvent, lookup?: EntityLookup, sameDoc = false): number | null {
  if (a.type !== b.type) return null;
  const wa = window(a);
  const wb = window(b);
  // A report with neither a date nor a publication day could be about any year: it stays on its own.
  if (!wa || !wb) return null;
  let datePenalty = 0;
  if (!overlaps(wa, wb)) {
    // Two sources may name neighbouring days for one meeting (time zones, "Donnerstag" vs "Freitag"):
    // allowed when both name a day, with a penalty, so that an exact match wins and the disagreement shows as a conflict.
    if (!(isPrecise(a) && isPrecise(b) && gapDays(wa, wb) <= DATE_SLACK_DAYS)) return null;
    datePenalty = 0.3;
  }
  let pa = participants(a, lookup);
  let pb = participants(b, lookup);
  // When both reports name the people who met, states and bodies named beside them ("Trump and Putin ... Ukraine")
  // are what the meeting was about as often as who took part: the people decide.
  const qa = people(a, lookup);
  const qb = people(b, lookup);
  if (qa.length >= 2 && qb.length >= 2 && qa.filter((k) => qb.includes(k)).length >= 2) [pa, pb] = [qa, qb];
  let shared = pa.filter((k) => pb.includes(k)).length;
  const sameDay = isPrecise(a) && isPrecise(b) && a.date!.start === b.date!.start;
  // Two shared participants identify a meeting; one alone (Trump "visited") could be any of his meetings that week.
  // Failing that, two shared states (the US and Russia; Biden and Putin) do, with a penalty: the states meet at
  // many levels, so the people named (Rubio and Lavrov) are the better evidence when both reports have them.
  let sidePenalty = 0;
  if (shared < 2) {
    const forum = sameDay && sharesForum(pa, pb, lookup);
    const sa = sides(a, lookup);
    const sb = sides(b, lookup);
    const sharedS = sharedSides(a, b, lookup);
    if (sharedS >= 2) [pa, pb, shared] = [sa, sb, sharedS];
    // A body that meets in sessions (the NATO-Russia Council, the G20) named by both reports for the same day
    // is one session, whoever else each report lists.
    else if (!forum) return null;
    sidePenalty = SIDE_PENALTY;
  }
  const smaller = Math.min(pa.length, pb.length);
  // A phone call and a meeting in person are two events, even between the same people on the same day.
  if (a.mode && b.mode && (a.mode === "phone") !== (b.mode === "phone")) return null;
  const place = placeRelation(a.location, b.location, lookup);
  if (place === "different" && !sameDay) return null;
  // A report placed only within a month or more ("im Jahr 2022", an undated plan) overlaps many meetings
  // of the same two sides: weak evidence on its own, so it needs more than the two participants. A denial
  // or cancellation is exempt: it refers back to an event named elsewhere and rarely repeats its date.
  const vagueOf = (e: SourcedEvent, w: Range) => span(w) > VAGUE_DAYS && !NEGATIVE.has(e.status);
  // A denial ("it was not agreed", "not discussed") answers the claim it denies: vagueness on the claim's side is no weaker evidence then.
  const answers = a.status === "denied" || b.status === "denied";
  const vague = !sameDoc && !answers && (vagueOf(a, wa) || vagueOf(b, wb)) ? 0.2 : 0;
  // Overlap counted both ways: a report naming fewer people still fits (shared / smaller), but a
  // meeting of three fits a report of those three better than a report of two of them (shared / larger).
  const overlap = (shared / Math.max(1, smaller) + shared / Math.max(pa.length, pb.length)) / 2;
  // An undated report of a held event is news: it most likely means the days just before publication,
  // so a dated meeting further back is a weaker fit the further back it lies.
  const stale = Math.max(staleness(a, b), staleness(b, a));
  return overlap - vague - stale + (sameDay ? 0.5 : 0) + (place === "same" ? 0.25 : place === "compatible" ? 0.1 : 0) + (a.mode && a.mode === b.mode ? 0.1 : 0) - datePenalty - sidePenalty;
}
