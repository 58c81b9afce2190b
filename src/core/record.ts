// Serializes a processed Document into the dossier.extraction/1 record (../shared/spec/extraction.md).
import { shortHash } from "./hash.js";
import type { Document } from "./types.js";

export const SCHEMA_ID = "dossier.extraction/1";

export interface ExtractionRecord {
  schema: typeof SCHEMA_ID;
  document: {
    id: string;
    source: string;
    url: string | null;
    title: string | null;
    outlet: string | null;
    language: string;
    published: string | null;
    publishedBasis: string;
    publishedRange?: { start: string; end: string };
    duplicateOf?: string;
    agencies: string[];
    aiGenerated: boolean;
    text: string;
    removed: { text: string; reason: string }[];
  };
  entities: {
    id: string;
    name: string;
    type: string;
    wikidata: string | null;
    role: string | null;
    mentions: { start: number; end: number; text: string }[];
  }[];
  events: Record<string, unknown>[];
  times: { start: number; end: number; text: string; value: string | null; range: { start: string; end: string } | null }[];
  quotes: { id: string; speaker: string | null; text: string; kind: string; start: number; end: number; cue: string | null; medium?: string }[];
}

export interface ErrorRecord {
  schema: typeof SCHEMA_ID;
  source: string;
  error: { code: string; message: string };
}

/** Mention forms exported as entity mentions; pronouns, adjectives and prefixes stay internal. */
const EXPORTED_FORMS = new Set(["name", "surname", "metonym", "role"]);

export function toRecord(doc: Document): ExtractionRecord {
  const L = doc.layers;
  const entities = [...(L.entities ?? new Map()).values()];
  const mentionsOf = new Map<string, { start: number; end: number; text: string }[]>();
  for (const m of L.mentions ?? []) {
    if (!EXPORTED_FORMS.has(m.form)) continue;
    const list = mentionsOf.get(m.entity) ?? [];
    list.push({ start: m.start, end: m.end, text: m.text });
    mentionsOf.set(m.entity, list);
  }
  return {
    schema: SCHEMA_ID,
    document: {
      id: doc.id,
      source: doc.meta.source,
      url: doc.meta.url,
      title: doc.meta.title,
      outlet: doc.meta.outlet,
      language: doc.meta.language,
      published: doc.meta.published,
      publishedBasis: doc.meta.publishedBasis,
      ...(doc.meta.publishedRange ? { publishedRange: doc.meta.publishedRange } : {}),
      ...(doc.meta.duplicateOf ? { duplicateOf: doc.meta.duplicateOf } : {}),
      agencies: doc.meta.agencies,
      aiGenerated: doc.meta.aiGenerated,
      text: doc.text,
      removed: doc.meta.removed,
    },
    entities: entities
      .filter((e) => mentionsOf.has(e.key))
      .map((e) => ({ id: e.key, name: e.name, type: e.type, wikidata: e.wikidata, role: e.role, mentions: mentionsOf.get(e.key)! })),
    events: (L.events ?? []).map((e, i) => ({
      id: `ev-${shortHash(`${doc.id}:${i}:${e.evidence.start}`, 10)}`,
      type: e.type,
      mode: e.mode,
      actors: e.actors,
      recipients: e.recipients,
      status: e.status,
      date: e.date,
      location: e.location,
      durationMinutes: e.durationMinutes,
      attribution: e.attribution,
      evidence: e.evidence,
    })),
    times: (L.times ?? []).map((t) => ({ start: t.start, end: t.end, text: t.text, value: t.value, range: t.range })),
    quotes: (L.quotes ?? []).map((q, i) => ({
      id: `q-${shortHash(`${doc.id}:${i}:${q.start}`, 10)}`,
      speaker: q.speaker,
      text: q.text,
      kind: q.kind,
      start: q.start,
      end: q.end,
      cue: q.cue,
      // Where it was said or published ("Fox News", "Truth Social"), when the frame names it.
      ...(q.medium ? { medium: q.medium } : {}),
    })),
  };
}
