// The backend-neutral, asynchronous store: what ingest, the CLI and exports need, for SQLite and PostgreSQL alike.
import type { Context } from "../core/context.js";
import type { ExtractionRecord } from "../core/record.js";
import type { Conflict } from "../story/types.js";
import type { IngestOptions, IngestSummary } from "./ingest.js";
import type { EventDetail, PromiseView, SearchHit, TimelineFilter, TimelineRow } from "./queries.js";

export type { IngestOptions, IngestSummary } from "./ingest.js";
export type { EventDetail, PromiseView, SearchHit, TimelineFilter, TimelineRow } from "./queries.js";

/** One stored report of an event, as exports read it: the event's JSON, its document's language and publication. */
export interface StoredReport {
  data: string;
  language: string;
  publication: string;
}

export interface Store {
  readonly kind: "sqlite" | "postgres";
  /** Where it is, for messages: a path, or a URL without its password. */
  readonly label: string;
  /** Reads, extracts and stores every input (files, folders, URLs, feeds), merging events across articles. */
  ingestInputs(ctx: Context, inputs: string[], opts?: IngestOptions): Promise<IngestSummary>;
  /** Stores records extracted before (dossier extract --json output). */
  ingestRecords(ctx: Context | null, records: Iterable<ExtractionRecord>, opts?: IngestOptions): Promise<IngestSummary>;
  timeline(f?: TimelineFilter): Promise<TimelineRow[]>;
  /** One cluster (or the cluster of an event id) with every report; NOT_FOUND when there is none. */
  eventDetail(id: string): Promise<EventDetail>;
  conflicts(clusterId?: string): Promise<Conflict[]>;
  promises(today: string): Promise<PromiseView[]>;
  search(query: string, limit?: number): Promise<SearchHit[]>;
  /** Rows per table: documents, entities, mentions, events, event_sources, quotes, times, clusters, conflicts, promises, ingest_errors. */
  counts(): Promise<Record<string, number>>;
  report(docId: string, eventId: string): Promise<StoredReport | null>;
  /** Name and type of the entities with these keys (unknown keys are left out). */
  entities(keys: string[]): Promise<Map<string, { name: string; type: string }>>;
  close(): Promise<void>;
}

/** True for a PostgreSQL connection string (what `--db postgres://…` selects). */
export function isPostgresUrl(spec: string): boolean {
  return /^postgres(ql)?:\/\//i.test(spec);
}

/** A connection string without its password, for messages and logs. */
export function redactUrl(spec: string): string {
  return spec.replace(/^(postgres(?:ql)?:\/\/[^:/@]+):[^@]*@/i, "$1:***@");
}
