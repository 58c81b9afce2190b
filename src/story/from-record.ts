// Reads the events of one extraction record as sourced events with global entity keys.
import { foldWords } from "../core/normalize.js";
import type { ExtractionRecord } from "../core/record.js";
import type { EntityLookup, SourcedEvent } from "./types.js";

export interface RecordEntity {
  id: string;
  name: string;
  type: string;
}

/**
 * The key an entity has across all records: its knowledge-base id when it has one
 * (record ids of KB entities are KB ids), otherwise its normalized name and type,
 * so that "Kirill Dmitriev" read by two articles without a KB entry is one entity.
 */
export function globalEntityKey(e: RecordEntity, lookup?: EntityLookup): string {
  if (lookup?.(e.id)) return e.id;
  return `name:${e.type}:${foldWords(e.name).replace(/ /g, "-")}`;
}

/**
 * A stand-in publication day for a document that has none: the latest single day its text names.
 * News reports what just happened, so that day lies close to publication; without it every
 * undated event of the document would fit every cluster.
 */
export function referenceDay(rec: ExtractionRecord): string | null {
  let best: string | null = null;
  for (const t of rec.times) if (t.range && t.range.start === t.range.end && (!best || t.range.start > best)) best = t.range.start;
  return best;
}

interface RawEvent {
  id: string;
  type: string;
  mode?: string | null;
  status?: string;
  date?: { start: string; end: string; text?: string } | null;
  location?: { name: string; entity?: string | null; text?: string } | null;
  actors?: string[];
  recipients?: string[];
  attribution?: string[];
  evidence?: { start: number; end: number; text: string };
}

/** The record's events with entity ids replaced by global keys; ids the record does not define are kept as they are. */
export function eventsOfRecord(rec: ExtractionRecord, lookup?: EntityLookup): SourcedEvent[] {
  const keyOf = new Map(rec.entities.map((e) => [e.id, globalEntityKey(e, lookup)]));
  const key = (id: string) => keyOf.get(id) ?? id;
  const published = rec.document.published ? rec.document.published.slice(0, 10) : referenceDay(rec);
  return (rec.events as unknown as RawEvent[]).map((e) => ({
    id: e.id,
    docId: rec.document.id,
    source: rec.document.source,
    outlet: rec.document.outlet,
    published,
    type: e.type,
    mode: e.mode ?? null,
    status: e.status ?? "unknown",
    date: e.date?.start ? { start: e.date.start.slice(0, 10), end: (e.date.end ?? e.date.start).slice(0, 10), text: e.date.text ?? "" } : null,
    location: e.location?.name
      ? { name: e.location.name, key: e.location.entity ? key(e.location.entity) : null, text: e.location.text ?? e.location.name }
      : null,
    actors: [...new Set((e.actors ?? []).map(key))],
    recipients: [...new Set((e.recipients ?? []).map(key))],
    attribution: [...new Set((e.attribution ?? []).map(key))],
    evidence: e.evidence ?? { start: 0, end: 0, text: "" },
  }));
}
