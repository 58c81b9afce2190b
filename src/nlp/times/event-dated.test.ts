// Table tests for dating a text by the events it reports, on hand-made events (not seed text), and a KB id check.
import { test } from "node:test";
import assert from "node:assert/strict";
import { makeContext } from "../../cli/context.js";
import type { Document, EventAnnotation, TimeExpr } from "../../core/types.js";
import { datedEvents, type DatedEvent } from "../../kb/dated-events.js";
import { dateFromEvents } from "./event-dated.js";

const KNOWN: DatedEvent[] = [
  { id: "e:a-b-meeting-1", date: "2030-03-01", type: "CONSULT", mode: "meeting", participants: ["person:a", "person:b"], place: "country:ch" },
  { id: "e:a-b-meeting-2", date: "2030-06-13", type: "CONSULT", mode: "meeting", participants: ["person:a", "person:b"], place: "country:fi" },
  { id: "e:a-b-call", date: "2030-06-10", type: "CONSULT", mode: "phone", participants: ["person:a", "person:b"] },
  { id: "e:a-c-call", date: "2030-06-20", type: "CONSULT", mode: "phone", participants: ["person:a", "person:c"] },
];

function doc(text: string, events: Partial<EventAnnotation>[], times: Partial<TimeExpr>[] = []): Document {
  const ev = events.map((e) => ({
    type: "CONSULT", mode: null, actors: [], recipients: [], status: "held", date: null, location: null, durationMinutes: null, attribution: [],
    evidence: { start: 0, end: text.length, text }, trigger: { start: 0, end: 1, text: text[0]! }, provenance: { stage: "events", rule: "test" }, ...e,
  })) as EventAnnotation[];
  const tm = times.map((t) => ({ value: null, range: null, provenance: { stage: "times", rule: "weekday" }, ...t })) as TimeExpr[];
  return { id: "t", text, meta: { language: "de" } as Document["meta"], layers: { events: ev, times: tm } };
}

const TABLE: { name: string; d: Document; within?: { start: string; end: string }; want: string | null }[] = [
  { name: "a held meeting: the day after", d: doc("A traf B.", [{ actors: ["person:a"], recipients: ["person:b"] }]), want: "2030-06-14" },
  { name: "the window keeps the earlier meeting", d: doc("A traf B.", [{ actors: ["person:a"], recipients: ["person:b"] }]), within: { start: "2030-01-01", end: "2030-04-30" }, want: "2030-03-02" },
  { name: "a planned call: the day before", d: doc("A will B anrufen.", [{ mode: "phone", status: "planned", actors: ["person:a"], recipients: ["person:c"] }]), want: "2030-06-19" },
  { name: "a call is no meeting", d: doc("A telefonierte mit B.", [{ mode: "phone", actors: ["person:a"], recipients: ["person:b"] }]), want: "2030-06-11" },
  { name: "a venue in another state rules the event out", d: doc("A traf B in Genf.", [{ actors: ["person:a"], recipients: ["person:b"], location: { name: "Genf", entity: "country:ch", text: "Genf" } }]), want: "2030-03-02" },
  { name: "one party is not enough", d: doc("A reiste ab.", [{ actors: ["person:a"] }]), want: null },
  {
    name: "a held call and a planned meeting agree on the days between them",
    d: doc("A telefonierte mit B. A und B treffen sich.", [
      { mode: "phone", actors: ["person:a"], recipients: ["person:b"] },
      { status: "planned", actors: ["person:a"], recipients: ["person:b"] },
    ]),
    want: "2030-06-12",
  },
  {
    // 2030-03-01 is a Friday: "am Freitag" confirms the first meeting even for a status that says nothing of the order.
    name: "a weekday ties an event to its dated day",
    d: doc("A hat am Freitag B getroffen.", [{ status: "proposed", actors: ["person:a"], recipients: ["person:b"] }], [{ start: 6, end: 16, text: "am Freitag" }]),
    want: "2030-03-02",
  },
];

for (const c of TABLE) {
  test(`dated by events: ${c.name}`, () => {
    assert.equal(dateFromEvents(c.d, KNOWN, null, c.within)?.day ?? null, c.want);
  });
}

test("every dated event names KB entities for its parties and venue", () => {
  const kb = makeContext().kb;
  for (const e of datedEvents()) {
    for (const id of [...e.participants, ...(e.place ? [e.place] : [])]) assert.ok(kb.entity(id), `${e.id}: ${id} is not in the KB`);
  }
});
