// Small hand-made extraction records for tests of merging, conflicts, promises and the store (our own sentences).
import { shortHash } from "../core/hash.js";
import { SCHEMA_ID, type ExtractionRecord } from "../core/record.js";

export interface FixtureEvent {
  type?: string;
  mode?: string | null;
  status: string;
  date?: [string, string] | null;
  place?: string | null;
  actors: string[];
  recipients?: string[];
  attribution?: string[];
  evidence?: string;
}

const nameOf = (id: string) =>
  id
    .replace(/^[a-z]+:/, "")
    .split("-")
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(" ");

/** A record whose entities are the ids its events name (person:donald-trump → "Donald Trump"). */
export function fixtureRecord(o: { name: string; published: string | null; outlet?: string | null; language?: string; text?: string; events: FixtureEvent[]; quotes?: { speaker: string | null; text: string }[] }): ExtractionRecord {
  const text = o.text ?? `${o.name}: ${o.events.map((e) => e.evidence ?? `${e.actors.map(nameOf).join(" and ")} ${e.status}.`).join(" ")}`;
  const id = shortHash(`${o.name}\n${text}`);
  const ids = new Set<string>();
  for (const e of o.events) for (const x of [...e.actors, ...(e.recipients ?? []), ...(e.attribution ?? [])]) ids.add(x);
  for (const q of o.quotes ?? []) if (q.speaker) ids.add(q.speaker);
  return {
    schema: SCHEMA_ID,
    document: {
      id, source: `${o.name}.txt`, url: null, title: o.name, outlet: o.outlet ?? null, language: o.language ?? "en",
      published: o.published, publishedBasis: o.published ? "metadata" : "unknown", agencies: [], aiGenerated: false, text, removed: [],
    },
    entities: [...ids].map((x) => ({ id: x, name: nameOf(x), type: x.startsWith("country:") ? "country" : x.startsWith("org:") ? "organization" : "person", wikidata: null, role: null, mentions: [{ start: 0, end: 1, text: text.slice(0, 1) }] })),
    events: o.events.map((e, i) => ({
      id: `ev-${i}`,
      type: e.type ?? "CONSULT",
      mode: e.mode ?? null,
      actors: e.actors,
      recipients: e.recipients ?? [],
      status: e.status,
      date: e.date ? { start: e.date[0], end: e.date[1], text: "that day" } : null,
      // "place:geneva" names a KB place (entity and name); any other string is a name the KB does not know.
      location: e.place ? (e.place.startsWith("place:") ? { name: nameOf(e.place), entity: e.place, text: nameOf(e.place) } : { name: e.place, entity: null, text: e.place }) : null,
      durationMinutes: null,
      attribution: e.attribution ?? [],
      evidence: { start: 0, end: Math.min(text.length, 40), text: e.evidence ?? text.slice(0, 40) },
    })),
    times: [],
    quotes: (o.quotes ?? []).map((q, i) => {
      const start = Math.max(0, text.indexOf(q.text));
      return { id: `q-${i}`, speaker: q.speaker, text: q.text, kind: "direct", start, end: start + q.text.length, cue: "said" };
    }),
  };
}

export const TRUMP = "person:donald-trump";
export const PUTIN = "person:vladimir-putin";
export const ZELENSKY = "person:volodymyr-zelensky";
export const BIDEN = "person:joe-biden";
export const RUBIO = "person:marco-rubio";
export const WITKOFF = "person:steve-witkoff";
export const USHAKOV = "person:yuri-ushakov";
