// The SQLite store behind the asynchronous Store interface: a thin adapter over the synchronous better-sqlite3 code.
import type { Context } from "../core/context.js";
import type { ExtractionRecord } from "../core/record.js";
import type { Store, StoredReport } from "./backend.js";
import { ingestInputs, ingestRecords, type IngestOptions } from "./ingest.js";
import { openStore, type Db } from "./open.js";
import { conflictsOf, counts, eventDetail, promises, search, timeline, type TimelineFilter } from "./queries.js";

export class SqliteStore implements Store {
  readonly kind = "sqlite" as const;
  constructor(
    readonly db: Db,
    readonly label: string,
  ) {}

  ingestInputs(ctx: Context, inputs: string[], opts?: IngestOptions) {
    return ingestInputs(this.db, ctx, inputs, opts);
  }
  async ingestRecords(ctx: Context | null, records: Iterable<ExtractionRecord>, opts?: IngestOptions) {
    return ingestRecords(this.db, ctx, records, opts);
  }
  async timeline(f?: TimelineFilter) {
    return timeline(this.db, f);
  }
  async eventDetail(id: string) {
    return eventDetail(this.db, id);
  }
  async conflicts(clusterId?: string) {
    return conflictsOf(this.db, clusterId);
  }
  async promises(today: string) {
    return promises(this.db, today);
  }
  async search(query: string, limit?: number) {
    return search(this.db, query, limit);
  }
  async counts() {
    return counts(this.db);
  }
  async report(docId: string, eventId: string) {
    const r = this.db
      .prepare("SELECT e.data, d.language, coalesce(d.outlet, d.source) publication FROM events e JOIN documents d ON d.id = e.doc_id WHERE e.doc_id = ? AND e.id = ?")
      .get(docId, eventId) as StoredReport | undefined;
    return r ?? null;
  }
  async entities(keys: string[]) {
    const out = new Map<string, { name: string; type: string }>();
    const get = this.db.prepare("SELECT name, type FROM entities WHERE key = ?");
    for (const k of new Set(keys)) {
      const r = get.get(k) as { name: string; type: string } | undefined;
      if (r) out.set(k, r);
    }
    return out;
  }
  async close() {
    this.db.close();
  }
}

export function openSqliteStore(path: string, opts: { readonly?: boolean } = {}): SqliteStore {
  return new SqliteStore(openStore(path, opts), path);
}
