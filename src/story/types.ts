// Types of the story layer: events read from many records, merged into clusters of one real-world event.

/** One event as one source reported it, with entity ids made global (comparable across records). */
export interface SourcedEvent {
  id: string;
  docId: string;
  source: string;
  outlet: string | null;
  /** Publication day of the reporting document (YYYY-MM-DD) or null. */
  published: string | null;
  type: string;
  mode: string | null;
  status: string;
  date: { start: string; end: string; text: string } | null;
  location: { name: string; key: string | null; text: string } | null;
  /** Global entity keys of actors and recipients. */
  actors: string[];
  recipients: string[];
  attribution: string[];
  evidence: { start: number; end: number; text: string };
}

/** What the merger may know about an entity beyond its key (from the knowledge base). */
export interface EntityFacts {
  type: string;
  /** The state it belongs to or speaks for, e.g. person:vladimir-putin → country:ru. */
  country: string | null;
  lat?: number;
  lon?: number;
  kind?: string;
}

export type EntityLookup = (key: string) => EntityFacts | undefined;

export interface StatusStep {
  published: string | null;
  status: string;
  eventId: string;
  docId: string;
  outlet: string | null;
  source: string;
}

/** A conflict: two sides of one cluster that say different things about one field. */
export interface Conflict {
  id: string;
  clusterId: string;
  field: "date" | "place" | "participants" | "status";
  sides: { value: string; events: { eventId: string; docId: string; outlet: string | null; evidence: string }[] }[];
}

export interface ClusterSummary {
  id: string;
  type: string;
  mode: string | null;
  participants: string[];
  date: { start: string; end: string; eventId: string } | null;
  location: { name: string; key: string | null } | null;
  status: string;
  history: StatusStep[];
  firstPublished: string | null;
  lastPublished: string | null;
  sources: number;
  members: string[];
}
