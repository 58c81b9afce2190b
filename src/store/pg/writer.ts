// Writes extraction records into PostgreSQL and merges their events into the stored clusters, inside one transaction.
//
// Storing a document runs in parallel on any number of workers; merging must not (two reports of one
// meeting stored at once would each found a cluster). `lockMerge` takes a transaction-level advisory
// lock: merges run one at a time, each sees every merge committed before it, and the lock goes with
// the commit or rollback (or with the connection of a killed worker).
import type { PoolClient } from "pg";
import type { ExtractionRecord } from "../../core/record.js";
import { blockKeys } from "../../story/blocks.js";
import { bestCluster, byPublication, clusterIdFor, type ClusterState } from "../../story/cluster.js";
import { detectConflicts } from "../../story/conflicts.js";
import { eventsOfRecord, globalEntityKey } from "../../story/from-record.js";
import { participants, window } from "../../story/match.js";
import { promiseOf } from "../../story/promises.js";
import { summarize } from "../../story/summary.js";
import type { EntityLookup, SourcedEvent } from "../../story/types.js";

const j = (v: unknown) => JSON.stringify(v);

/** The advisory lock key of the merge step ("doss" in ASCII): one per database. */
export const MERGE_LOCK = 0x646f7373;

/** Rows as one jsonb parameter: a single INSERT … SELECT per table instead of one round trip per row. */
const rows = (v: unknown[]) => j(v);

export class PgWriter {
  /** Clusters read or merged in this transaction; valid only while the merge lock is held. */
  private readonly cache = new Map<string, ClusterState>();
  private readonly created = new Set<string>();
  private readonly dirty = new Set<string>();

  constructor(
    private readonly c: PoolClient,
    private readonly lookup?: EntityLookup,
    private readonly today: string = new Date().toISOString().slice(0, 10),
  ) {}

  async recordError(source: string, code: string, message: string): Promise<void> {
    await this.c.query(
      "INSERT INTO ingest_errors (source, code, message, at) VALUES ($1, $2, $3, $4) ON CONFLICT (source) DO UPDATE SET code = excluded.code, message = excluded.message, at = excluded.at",
      [source, code, message, new Date().toISOString()],
    );
  }

  /**
   * Stores one record with its entities, mentions, events, quotes and times; returns its events for
   * merging, or null when the document is stored already (by this or a concurrent worker: nothing changes).
   */
  async addRecord(rec: ExtractionRecord, rawHash: string): Promise<SourcedEvent[] | null> {
    const d = rec.document;
    const ins = await this.c.query(
      `INSERT INTO documents (id, raw_hash, source, url, title, outlet, language, published, published_basis, agencies, ai_generated, text, removed, ingested_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT (id) DO NOTHING RETURNING seq`,
      [d.id, rawHash, d.source, d.url, d.title, d.outlet, d.language, d.published, d.publishedBasis, j(d.agencies), d.aiGenerated ? 1 : 0, d.text, j(d.removed), new Date().toISOString()],
    );
    if (!ins.rowCount) return null;
    await this.c.query("DELETE FROM ingest_errors WHERE source = $1", [d.source]);
    const keyOf = new Map<string, string>();
    const ents = new Map<string, { key: string; name: string; type: string; wikidata: string | null }>();
    const mentions = new Map<string, { entity_key: string; role: string | null; spans: string }>();
    for (const e of rec.entities) {
      const key = globalEntityKey(e, this.lookup);
      keyOf.set(e.id, key);
      if (!ents.has(key)) ents.set(key, { key, name: e.name, type: e.type, wikidata: e.wikidata ?? null });
      if (!mentions.has(key)) mentions.set(key, { entity_key: key, role: e.role ?? null, spans: j(e.mentions.map((m) => [m.start, m.end, m.text])) });
    }
    if (ents.size) {
      // Sorted by key: two workers adding the same new entities take their row locks in one order, so never deadlock.
      await this.c.query(
        `INSERT INTO entities (key, name, type, wikidata) SELECT key, name, type, wikidata FROM jsonb_to_recordset($1::jsonb) AS x(key text, name text, type text, wikidata text)
         ORDER BY key COLLATE "C" ON CONFLICT (key) DO NOTHING`,
        [rows([...ents.values()])],
      );
      await this.c.query(
        `INSERT INTO mentions (entity_key, doc_id, role, spans) SELECT entity_key, $2, role, spans FROM jsonb_to_recordset($1::jsonb) AS x(entity_key text, role text, spans text)`,
        [rows([...mentions.values()]), d.id],
      );
    }
    const events = eventsOfRecord(rec, this.lookup);
    const raw = rec.events as { durationMinutes?: number | null }[];
    if (events.length)
      await this.c.query(
        `INSERT INTO events (doc_id, id, type, mode, status, date_start, date_end, date_text, location, location_key, duration_minutes, evidence_start, evidence_end, evidence, data)
         SELECT $2, id, type, mode, status, date_start, date_end, date_text, location, location_key, duration_minutes, evidence_start, evidence_end, evidence, data
         FROM jsonb_to_recordset($1::jsonb) AS x(id text, type text, mode text, status text, date_start text, date_end text, date_text text, location text, location_key text,
           duration_minutes integer, evidence_start integer, evidence_end integer, evidence text, data text)`,
        [
          rows(
            events.map((e, i) => ({
              id: e.id, type: e.type, mode: e.mode, status: e.status, date_start: e.date?.start ?? null, date_end: e.date?.end ?? null, date_text: e.date?.text ?? null,
              location: e.location?.name ?? null, location_key: e.location?.key ?? null, duration_minutes: raw[i]?.durationMinutes ?? null,
              evidence_start: e.evidence.start, evidence_end: e.evidence.end, evidence: e.evidence.text, data: j(e),
            })),
          ),
          d.id,
        ],
      );
    if (rec.quotes.length)
      await this.c.query(
        `INSERT INTO quotes (doc_id, id, speaker_key, text, kind, start, "end", cue, language)
         SELECT $2, id, speaker_key, text, kind, start, "end", cue, $3 FROM jsonb_to_recordset($1::jsonb) AS x(id text, speaker_key text, text text, kind text, start integer, "end" integer, cue text)`,
        [rows(rec.quotes.map((q) => ({ id: q.id, speaker_key: q.speaker ? keyOf.get(q.speaker) ?? q.speaker : null, text: q.text, kind: q.kind, start: q.start, end: q.end, cue: q.cue }))), d.id, d.language],
      );
    if (rec.times.length)
      await this.c.query(
        `INSERT INTO times (doc_id, start, "end", text, value, range_start, range_end)
         SELECT $2, start, "end", text, value, range_start, range_end FROM jsonb_to_recordset($1::jsonb) AS x(start integer, "end" integer, text text, value text, range_start text, range_end text)`,
        [rows(rec.times.map((t) => ({ start: t.start, end: t.end, text: t.text, value: t.value, range_start: t.range?.start ?? null, range_end: t.range?.end ?? null }))), d.id],
      );
    return events;
  }

  /** Waits for the merge lock; held until this transaction ends. */
  async lockMerge(): Promise<void> {
    await this.c.query("SELECT pg_advisory_xact_lock($1)", [MERGE_LOCK]);
  }

  /** Members of these clusters not read yet in this transaction, read in one query. */
  private async load(ids: string[], type: string): Promise<ClusterState[]> {
    const missing = ids.filter((id) => !this.cache.has(id));
    if (missing.length) {
      const r = await this.c.query<{ cluster_id: string; data: string }>(
        "SELECT s.cluster_id, e.data FROM event_sources s JOIN events e ON e.doc_id = s.doc_id AND e.id = s.event_id WHERE s.cluster_id = ANY($1::text[]) ORDER BY s.doc_id, s.event_id",
        [missing],
      );
      for (const id of missing) this.cache.set(id, { id, type, members: [] });
      for (const row of r.rows) this.cache.get(row.cluster_id)!.members.push(JSON.parse(row.data) as SourcedEvent);
    }
    return ids.map((id) => this.cache.get(id)!);
  }

  /** Merges new events into the stored clusters, earliest publication first; call after lockMerge. Returns the cluster of each. */
  async merge(events: SourcedEvent[]): Promise<string[]> {
    const out: string[] = [];
    for (const e of [...events].sort(byPublication)) {
      const w = window(e);
      const ps = participants(e, this.lookup);
      const keys = blockKeys(e, this.lookup);
      let target: ClusterState | null = null;
      // Reports without a window or with fewer than two participants can never merge (see match.ts): no lookup.
      if (w && ps.length >= 2) {
        const r = await this.c.query<{ id: string }>("SELECT DISTINCT cluster_id id FROM cluster_pairs WHERE pair = ANY($1::bigint[]) ORDER BY 1", [keys.map(String)]);
        target = bestCluster(e, await this.load(r.rows.map((x) => x.id), e.type), this.lookup);
      }
      const id = target?.id ?? clusterIdFor(e);
      const ws = w?.start ?? "9999-12-31";
      const we = w?.end ?? "0000-01-01";
      const haveP = new Set<string>();
      const haveK = new Set<number>();
      if (target) {
        await this.c.query("UPDATE clusters SET win_start = least(win_start, $1), win_end = greatest(win_end, $2) WHERE id = $3", [ws, we, id]);
        for (const m of target.members) {
          for (const p of participants(m, this.lookup)) haveP.add(p);
          for (const k of blockKeys(m, this.lookup)) haveK.add(k);
        }
      } else {
        await this.c.query("INSERT INTO clusters (id, type, status, participants, history, sources, win_start, win_end) VALUES ($1, $2, 'unknown', '[]', '[]', 0, $3, $4)", [id, e.type, ws, we]);
        this.created.add(id);
        this.cache.set(id, { id, type: e.type, members: [] });
      }
      await this.c.query("INSERT INTO event_sources (cluster_id, doc_id, event_id) VALUES ($1, $2, $3)", [id, e.docId, e.id]);
      const newP = [...new Set(ps.filter((p) => !haveP.has(p)))];
      if (newP.length) await this.c.query("INSERT INTO cluster_participants (entity_key, cluster_id) SELECT unnest($1::text[]), $2 ON CONFLICT DO NOTHING", [newP, id]);
      const newK = [...new Set(keys.filter((k) => !haveK.has(k)))];
      if (newK.length) await this.c.query("INSERT INTO cluster_pairs (pair, cluster_id) SELECT unnest($1::bigint[]), $2 ON CONFLICT DO NOTHING", [newK.map(String), id]);
      this.cache.get(id)!.members.push(e);
      this.dirty.add(id);
      out.push(id);
    }
    return out;
  }

  /** Recomputes summary, conflicts and promise of every cluster merged into since the last call. */
  async refresh(): Promise<number> {
    const n = this.dirty.size;
    for (const id of this.dirty) {
      const c = this.cache.get(id)!;
      const s = summarize(c, this.lookup);
      await this.c.query(
        `UPDATE clusters SET mode = $2, date_start = $3, date_end = $4, date_event = $5, location = $6, location_key = $7, status = $8, participants = $9, history = $10,
         first_published = $11, last_published = $12, sources = $13 WHERE id = $1`,
        [id, s.mode, s.date?.start ?? null, s.date?.end ?? null, s.date?.eventId ?? null, s.location?.name ?? null, s.location?.key ?? null, s.status, j(s.participants), j(s.history), s.firstPublished, s.lastPublished, s.sources],
      );
      const fresh = this.created.has(id);
      if (!fresh) await this.c.query("DELETE FROM conflicts WHERE cluster_id = $1", [id]);
      const ks = detectConflicts(c, this.lookup);
      if (ks.length)
        await this.c.query(
          `INSERT INTO conflicts (id, cluster_id, field, sides) SELECT id, $2, field, sides FROM jsonb_to_recordset($1::jsonb) AS x(id text, field text, sides text)
           ON CONFLICT (id) DO UPDATE SET cluster_id = excluded.cluster_id, field = excluded.field, sides = excluded.sides`,
          [rows(ks.map((k) => ({ id: k.id, field: k.field, sides: j(k.sides) }))), id],
        );
      if (!fresh) await this.c.query("DELETE FROM promises WHERE cluster_id = $1", [id]);
      const pr = promiseOf(c, this.today);
      // Overdue depends on the day it is read; the store keeps "pending" and the reader decides.
      if (pr)
        await this.c.query("INSERT INTO promises (cluster_id, state, due_start, due_end, announced, outcome) VALUES ($1, $2, $3, $4, $5, $6)", [
          id, pr.state === "overdue" ? "pending" : pr.state, pr.due?.start ?? null, pr.due?.end ?? null, j(pr.announced), pr.outcome ? j(pr.outcome) : null,
        ]);
    }
    this.dirty.clear();
    this.created.clear();
    return n;
  }
}
