// One record per real event: mentions of the same event inside a document merge, keeping the best date and all evidence.
import type { Document, EventAnnotation, EventStatus } from "../../core/types.js";
import type { KnowledgeBase } from "../../kb/kb.js";
import { placeByDateline } from "./dateline.js";
import { dateByOccasion } from "./occasion.js";
import { dateByParagraph } from "./paragraph-date.js";
import { dateByPublication } from "./publication-day.js";

export interface Draft {
  ev: EventAnnotation;
  /** Strength of the status reading (see status.ts). */
  strength: number;
  sentence: number;
  hasParties: boolean;
  /** The clause calls it bilateral or direct: two sides, however many names stand around it. */
  bilateral?: boolean;
  /** The trigger is named for a body ("NATO-Gipfel", "the APEC summit"). */
  bodyPrefix?: boolean;
  /** A talk without a mode of its own ("miteinander gesprochen"): it may be the call the text also reports. */
  modeFree?: boolean;
  /** Other sides of separate talks named with a repeated preposition ("mit Trump und mit Selenskyj"). */
  separate?: string[][] | null;
  /** The trigger offset of the mention these separate talks were read from: they never merge with each other. */
  talkOf?: number;
}

const CLASS: Record<string, string> = {
  held: "occurred", ongoing: "occurred", planned: "future", promised: "future", proposed: "future", requested: "future",
  rejected: "negative", cancelled: "negative", denied: "negative", unknown: "unknown",
};
/** When two mentions disagree with equal strength, the one later in this list gives way. */
const PRECEDENCE: EventStatus[] = ["cancelled", "held", "ongoing", "rejected", "promised", "proposed", "planned", "requested", "denied", "unknown"];

const overlaps = (a: { start: string; end: string } | null, b: { start: string; end: string } | null) =>
  !a || !b || !(a.end < b.start || b.end < a.start);
const span = (d: { start: string; end: string }) => Date.parse(d.end) - Date.parse(d.start);

/** Parties of an event widened by their states, so "Biden" meets "USA". */
function partyKeys(e: EventAnnotation, doc: Document, kb: KnowledgeBase): Set<string> {
  const out = new Set<string>();
  for (const id of [...e.actors, ...e.recipients]) {
    out.add(id);
    const c = doc.layers.entities?.get(id)?.country ?? kb.entity(id)?.country;
    if (c) out.add(c);
  }
  return out;
}

/** Same place, or one inside the other ("Washington" in "USA"). */
function placesAgree(x: EventAnnotation, y: EventAnnotation, kb: KnowledgeBase): boolean {
  const a = x.location, b = y.location;
  if (!a || !b || a.name === b.name) return true;
  const ca = a.entity ? kb.entity(a.entity)?.country : null;
  const cb = b.entity ? kb.entity(b.entity)?.country : null;
  return (!!ca && ca === b.entity) || (!!cb && cb === a.entity);
}

const size = (e: EventAnnotation) => e.actors.length + e.recipients.length;
/** Distinct sides: a person counts as their state, so "Trump, Putin, USA, Russland" are two sides. */
function sideSet(e: EventAnnotation, doc: Document, kb: KnowledgeBase): Set<string> {
  const out = new Set<string>();
  for (const id of [...e.actors, ...e.recipients]) out.add(doc.layers.entities?.get(id)?.country ?? kb.entity(id)?.country ?? id);
  return out;
}
const sides = (e: EventAnnotation, doc: Document, kb: KnowledgeBase) => sideSet(e, doc, kb).size;

function compatible(a: Draft, b: Draft, doc: Document, kb: KnowledgeBase): boolean {
  const x = a.ev, y = b.ev;
  if (x.type !== y.type) return false;
  if (a.talkOf !== undefined && a.talkOf === b.talkOf) return false;
  // "Am Sonntag empfängt Starmer … zu einem Krisengipfel": one time expression dates both words of one sentence.
  const sameTime = a.sentence === b.sentence && !!x.date && !!y.date && x.date.text === y.date.text;
  if (!overlaps(x.date, y.date) && !sameTime) return false;
  const oneSide = [...x.actors, ...x.recipients].some((p) => y.actors.includes(p) || y.recipients.includes(p));
  if (sameTime && oneSide && placesAgree(x, y, kb)) return true;
  if (!placesAgree(x, y, kb)) return false;
  // A talk without a mode may be the call; a "Treffen" or a "Gipfel" is not.
  const phoneOk = (d: Draft) => d.ev.mode === "phone" || (!d.ev.mode && !!d.modeFree && !d.ev.location);
  if (!b.hasParties || !a.hasParties) {
    // A bare "das Gespräch" may be the call; a bare "Telefonat" is never the summit.
    return !(x.mode === "phone" && !phoneOk(b)) && !(y.mode === "phone" && !phoneOk(a));
  }
  const sameDay = !!(x.date && y.date && x.date.start === y.date.start && x.date.end === y.date.end);
  if ((x.mode === "phone") !== (y.mode === "phone") && (x.mode || y.mode) && !sameDay && !(phoneOk(a) && phoneOk(b))) return false;
  const multiX = !a.bilateral && (x.mode === "multilateral" || sides(x, doc, kb) > 2);
  const multiY = !b.bilateral && (y.mode === "multilateral" || sides(y, doc, kb) > 2);
  if (size(x) >= 2 && size(y) >= 2 && multiX !== multiY) return false;
  if (CLASS[x.status] !== CLASS[y.status] && CLASS[x.status] !== "negative" && CLASS[y.status] !== "negative") {
    // A planned and a held meeting of the same sides are two meetings unless a date or place ties them;
    // a mention without tense may join either, if it brings no date or place of its own.
    const tied = (x.date && y.date && x.date.start === y.date.start) || (x.location && y.location);
    const weakOne = a.strength < 2 ? x : b.strength < 2 ? y : null;
    if (!tied && !(weakOne && !weakOne.date && !weakOne.location)) return false;
  }
  const px = sideSet(x, doc, kb), py = sideSet(y, doc, kb);
  const direct = [...x.actors, ...x.recipients].filter((p) => y.actors.includes(p) || y.recipients.includes(p)).length;
  if (direct >= 2) return true;
  // Each names a state the other lacks ("Biden–Abdullah" and "Biden–Netanjahu"): two talks of one side.
  if ([...px].some((k) => !py.has(k)) && [...py].some((k) => !px.has(k))) return false;
  // "USA und Russland" meet "Trump und Putin"; but two pairs of different people of the same states are two meetings.
  const named = new Set([...x.actors, ...x.recipients, ...y.actors, ...y.recipients]);
  let shared = 0;
  for (const k of px) if (py.has(k) && named.has(k)) shared++;
  if (shared >= 2 || (shared >= 1 && direct >= 1 && px.size === 2 && py.size === 2)) return true;
  // A one-party mention ("Selenskyj reist nach Washington") joins an event that has that party, in the same tense.
  if (a.strength >= 2 && b.strength >= 2 && CLASS[x.status] !== CLASS[y.status]) return false;
  return direct === 1 && (size(x) === 1 || size(y) === 1);
}

/**
 * Two passes: mentions that name two or more sides form the events; mentions with one side or none then
 * join the nearest compatible event (one side: anywhere in the text; none: within four sentences before).
 */
export function mergeWithinDocument(drafts: Draft[], doc: Document, kb: KnowledgeBase): EventAnnotation[] {
  const out: Draft[] = [];
  const rich = drafts.filter((d) => size(d.ev) >= 2);
  const poor = drafts.filter((d) => size(d.ev) < 2);
  for (const d of rich) {
    const same = out.find((o) => compatible(o, d, doc, kb));
    if (same) absorb(same, d);
    else out.push(d);
  }
  const singles: Draft[] = [];
  for (const d of poor) {
    const cands = out.filter((o) => compatible(o, d, doc, kb) && (d.hasParties || (d.sentence >= o.sentence && d.sentence - o.sentence <= 4)));
    cands.sort((p, q) => Math.abs(p.sentence - d.sentence) - Math.abs(q.sentence - d.sentence));
    const same = cands[0] ?? (d.hasParties ? singles.find((o) => compatible(o, d, doc, kb)) : undefined);
    if (same) absorb(same, d);
    else if (d.hasParties) singles.push(d);
    else if (d.ev.date || d.ev.location) {
      // "ein für den 10. Januar in Genf geplantes Treffen" after a Biden–Putin paragraph: a meeting of their states.
      const ctx = out.filter((o) => o.sentence <= d.sentence && d.sentence - o.sentence <= 6).pop();
      if (!ctx) continue;
      const states = [...new Set([...ctx.ev.actors, ...ctx.ev.recipients].map((id) => doc.layers.entities?.get(id)?.country ?? kb.entity(id)?.country ?? id))];
      if (states.length < 2) continue;
      d.ev.actors = states.slice(0, 1);
      d.ev.recipients = states.slice(1);
      d.hasParties = true;
      d.ev.provenance = { ...d.ev.provenance, detail: `${d.ev.provenance.detail ?? ""}; sides: the states of ${ctx.ev.trigger.text}@${ctx.ev.trigger.start}` };
      singles.push(d);
    }
  }
  // A lone side with nothing else known ("Lawrow betont, dass Gespräche vorbereitet werden müssen") is no event record.
  // A body meeting on its own ("NATO-Gipfel in Vilnius") is an event when it has a place or a date.
  const body = (d: Draft) => !!d.bodyPrefix;
  const kept = singles.filter((d) => d.ev.type !== "CONSULT" || d.ev.date || d.ev.durationMinutes != null || (d.ev.location && (d.ev.mode === "visit" || body(d))));
  const all = [...out, ...kept];
  futureNotHeld(all, doc);
  dateByParagraph(all, doc);
  dateByOccasion(all, doc, kb);
  dateByPublication(all, doc);
  placeByDateline(all, doc, kb);
  return all.sort((p, q) => p.ev.evidence.start - q.ev.evidence.start).map((d) => dropStatesOfPersons(d.ev, doc, kb));
}

/** A merged event whose best date lies after publication has not taken place, whatever tense another mention used. */
function futureNotHeld(drafts: Draft[], doc: Document): void {
  const pub = doc.meta.published?.slice(0, 10);
  if (!pub) return;
  for (const d of drafts) {
    const e = d.ev;
    if (!e.date || e.date.start <= pub || CLASS[e.status] !== "occurred") continue;
    e.provenance = { ...e.provenance, detail: `${e.provenance.detail ?? ""}; planned: merged date ${e.date.start} after publication` };
    e.status = "planned";
  }
}

function absorb(into: Draft, d: Draft): void {
  const a = into.ev, e = d.ev;
  for (const p of e.actors) if (!a.actors.includes(p) && !a.recipients.includes(p)) a.actors.push(p);
  for (const p of e.recipients) if (!a.actors.includes(p) && !a.recipients.includes(p)) a.recipients.push(p);
  // The same weekday read under a stronger tense ("zu reisen" vs. a bare "Gespräche") is the better date.
  if (e.date && (!a.date || span(e.date) < span(a.date) || (e.date.text === a.date.text && d.strength > into.strength))) a.date = e.date;
  // The more specific place wins: a city over its country.
  if (e.location && (!a.location || (a.location.entity?.startsWith("country:") && !e.location.entity?.startsWith("country:")))) a.location = e.location;
  if (a.durationMinutes == null && e.durationMinutes != null) a.durationMinutes = e.durationMinutes;
  if (e.mode && (!a.mode || a.mode === "multilateral")) a.mode = e.mode === "multilateral" && a.mode ? a.mode : e.mode;
  for (const x of e.attribution) if (!a.attribution.includes(x)) a.attribution.push(x);
  if (d.bilateral) into.bilateral = true;
  if (!d.modeFree && !e.mode) into.modeFree = false;
  // Equal strength: the earlier mention (the lead states the current state) keeps its status, except a cancellation.
  const wins = d.strength === 3 && into.strength === 3 ? e.status === "cancelled" && a.status !== "cancelled" : PRECEDENCE.indexOf(e.status) < PRECEDENCE.indexOf(a.status);
  if (d.strength > into.strength || (d.strength === into.strength && wins)) {
    a.status = e.status;
    into.strength = d.strength;
  }
  a.provenance = { ...a.provenance, detail: `${a.provenance.detail ?? ""}; merged ${e.trigger.text}@${e.trigger.start} (${e.status})` };
}

/** Gold names persons where it can: a state goes when one of its people is a party ("Trump" makes "USA" redundant). */
function dropStatesOfPersons(e: EventAnnotation, doc: Document, kb: KnowledgeBase): EventAnnotation {
  const covered = new Set<string>();
  for (const id of [...e.actors, ...e.recipients]) {
    if (!id.startsWith("person:")) continue;
    const c = doc.layers.entities?.get(id)?.country ?? kb.entity(id)?.country;
    if (c) covered.add(c);
  }
  if (!covered.size) return e;
  return { ...e, actors: e.actors.filter((x) => !covered.has(x)), recipients: e.recipients.filter((x) => !covered.has(x)) };
}
