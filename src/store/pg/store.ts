// The PostgreSQL store behind the Store interface: a pg connection pool, migrated on open.
import pg from "pg";
import type { Context } from "../../core/context.js";
import { DossierError } from "../../core/errors.js";
import type { ExtractionRecord } from "../../core/record.js";
import { redactUrl, type Store, type StoredReport } from "../backend.js";
import type { IngestOptions } from "../ingest.js";
import type { TimelineFilter } from "../queries.js";
import { pgIngestInputs, pgIngestRecords } from "./ingest.js";
import { pgConflicts, pgCounts, pgEventDetail, pgPromises, pgSearch, pgTimeline } from "./queries.js";
import { migratePg } from "./migrate.js";

export class PgStore implements Store {
  readonly kind = "postgres" as const;
  constructor(
    readonly pool: pg.Pool,
    readonly label: string,
  ) {}

  ingestInputs(ctx: Context, inputs: string[], opts?: IngestOptions) {
    return pgIngestInputs(this.pool, ctx, inputs, opts);
  }
  ingestRecords(ctx: Context | null, records: Iterable<ExtractionRecord>, opts?: IngestOptions) {
    return pgIngestRecords(this.pool, ctx, records, opts);
  }
  timeline(f?: TimelineFilter) {
    return pgTimeline(this.pool, f);
  }
  eventDetail(id: string) {
    return pgEventDetail(this.pool, id);
  }
  conflicts(clusterId?: string) {
    return pgConflicts(this.pool, clusterId);
  }
  promises(today: string) {
    return pgPromises(this.pool, today);
  }
  search(query: string, limit?: number) {
    return pgSearch(this.pool, query, limit);
  }
  counts() {
    return pgCounts(this.pool);
  }
  async report(docId: string, eventId: string) {
    const r = await this.pool.query<StoredReport>(
      "SELECT e.data, d.language, coalesce(d.outlet, d.source) publication FROM events e JOIN documents d ON d.id = e.doc_id WHERE e.doc_id = $1 AND e.id = $2",
      [docId, eventId],
    );
    return r.rows[0] ?? null;
  }
  async entities(keys: string[]) {
    const r = await this.pool.query<{ key: string; name: string; type: string }>("SELECT key, name, type FROM entities WHERE key = ANY($1::text[])", [[...new Set(keys)]]);
    return new Map(r.rows.map((x) => [x.key, { name: x.name, type: x.type }]));
  }
  async close() {
    await this.pool.end();
  }
}

/** Runs `f` on a single connection (admin work: CREATE DATABASE, checks in tests) and closes it. */
export async function withPgClient<T>(url: string, f: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await f(c);
  } finally {
    await c.end();
  }
}

/** A pool for a postgres:// URL; fails with a fix-it message when the server cannot be reached. */
export async function connectPg(url: string, max = 4): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle client's error (server restart) must not crash the process; the next query reconnects.
  pool.on("error", () => undefined);
  try {
    await pool.query("SELECT 1");
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw new DossierError("READ_FAILED", `cannot connect to PostgreSQL at ${redactUrl(url)}: ${(err as Error).message}; check that the server runs and the URL (user, password, database) is right`, { cause: err });
  }
  return pool;
}

export async function openPgStore(url: string): Promise<PgStore> {
  const pool = await connectPg(url);
  try {
    await migratePg(pool);
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw err;
  }
  return new PgStore(pool, redactUrl(url));
}
