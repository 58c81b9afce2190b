// Merges the events of many extraction records in memory: the eval and small batches use this.
import type { ExtractionRecord } from "../core/record.js";
import { byPublication, StoryIndex } from "./cluster.js";
import { eventsOfRecord } from "./from-record.js";
import type { EntityLookup, SourcedEvent } from "./types.js";

export interface MergedStory {
  index: StoryIndex;
  events: SourcedEvent[];
  /** Cluster id of a record's event, by document id and event id. */
  clusterOf(docId: string, eventId: string): string | undefined;
}

export function mergeRecords(records: ExtractionRecord[], lookup?: EntityLookup): MergedStory {
  const events = records.flatMap((r) => eventsOfRecord(r, lookup)).sort(byPublication);
  const index = new StoryIndex(lookup);
  for (const e of events) index.add(e);
  return { index, events, clusterOf: (d, e) => index.clusterOf.get(`${d}:${e}`) };
}
