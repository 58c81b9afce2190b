// Writes extraction records into PostgreSQL and merges their events into the stored clusters, inside one transaction.
//
// Storing a document runs in parallel on any number of workers; merging must be serialized where two
// merges could meet (two reports of one meeting merged at once would each found a cluster). A report
// can only join clusters found through its blocking keys (see story/blocks.ts), so a merge takes a
// transaction-level advisory lock on each of its keys (in key order, so never a deadlock), then row
// locks on the candidate clusters (in id order), and only then reads their members: merges that share
// a key or a cluster run one after the other and each sees what the other committed; merges of
// different stories run side by side. Locks go with the commit, rollback, or a killed worker's connection.
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

/** Rows as one jsonb parameter: a single INSERT … SELECT per table instead of one round trip per row. */
const rows = (v: unknown[]) => j(v);

/**
 * Clusters with their members, remembered between the transactions of one process so that a busy
 * story is not read again for every report while its locks are held. Other workers add members
 * too, so an entry is used only when the store holds as many members as it does; after a rollback
 * the entries may hold members that were never stored, so a rollback forgets them all.
 */
export class ClusterMemory {
  private readonly map = new Map<string, ClusterState>();
  constructor(private readonly size = 20_000) {}
  get(id: string): ClusterState | undefined {
    return this.map.get(id);
  }
  set(c: ClusterState): void {
    this.map.delete(c.id);
    if (this.map.size >= this.size) this.map.delete(this.map.keys().next().value!);
    this.map.set(c.id, c);
  }
  clear(): void {
    this.map.clear();
  }
}

export class PgWriter {
  /** Clusters read or merged in this transaction; valid while this transaction holds their row locks. */
  private readonly cache = new Map<string, ClusterState>();
  private readonly created = new Set<string>();
  private readonly dirty = new Set<string>();
  /** The merge index as far as this transaction read it (stored pairs of the keys asked for), plus the pairs it adds. */
  private readonly index = new Map<number, Set<string>>();
  private readonly asked = new Set<number>();
  /** Keys whose advisory lock this transaction holds. */
  private readonly locked = new Set<number>();
  /** What merge decided and refresh writes, in one statement. */
  private windows = new Map<string, { ws: string; we: string }>();
  private sources: { cluster_id: string; doc_id: string; event_id: string }[] = [];
  private parts: { entity_key: string; cluster_id: string }[] = [];
  private pairs: { pair: string; cluster_id: string }[] = [];

  constructor(
    private readonly c: PoolClient,
    private readonly lookup?: EntityLookup,
    private readonly today: string = new Date().toISOString().slice(0, 10),
    /** Clusters remembered across this process's transactions (see ClusterMemory); none: read every time. */
    private readonly memory?: ClusterMemory,
  ) {}

  /** After COMMIT: remember the clusters this transaction read and merged into. */
  committed(): void {
    for (const c of this.cache.values()) this.memory?.set(c);
  }

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
    const keyOf = new Map<string, string>();
    const ents = new Map<string, { key: string; name: string; type: string; wikidata: string | null }>();
    const mentions = new Map<string, { entity_key: string; role: string | null; spans: string }>();
    for (const e of rec.entities) {
      const key = globalEntityKey(e, this.lookup);
      keyOf.set(e.id, key);
      if (!ents.has(key)) ents.set(key, { key, name: e.name, type: e.type, wikidata: e.wikidata ?? null });
      if (!mentions.has(key)) mentions.set(key, { entity_key: key, role: e.role ?? null, spans: j(e.mentions.map((m) => [m.start, m.end, m.text])) });
    }
    const events = eventsOfRecord(rec, this.lookup);
    const raw = rec.events as { durationMinutes?: number | null }[];
    // One statement (data-modifying CTEs) for the document and all its annotations: the annotations
    // are written only when the document row is (ON CONFLICT: another worker stored it first).
    const r = await this.c.query<{ added: number }>(
      `WITH
       doc AS (
         INSERT INTO documents (id, raw_hash, source, url, title, outlet, language, published, published_basis, agencies, ai_generated, text, removed, ingested_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT (id) DO NOTHING RETURNING id),
       clear_error AS (DELETE FROM ingest_errors WHERE source = $3 AND EXISTS (SELECT 1 FROM doc)),
       -- Sorted by key: two workers adding the same new entities take their row locks in one order, so never deadlock.
       ins_entities AS (
         INSERT INTO entities (key, name, type, wikidata) SELECT key, name, type, wikidata FROM jsonb_to_recordset($15::jsonb) AS x(key text, name text, type text, wikidata text)
         WHERE EXISTS (SELECT 1 FROM doc) ORDER BY key COLLATE "C" ON CONFLICT (key) DO NOTHING),
       ins_mentions AS (
         INSERT INTO mentions (entity_key, doc_id, role, spans) SELECT entity_key, doc.id, role, spans FROM jsonb_to_recordset($16::jsonb) AS x(entity_key text, role text, spans text), doc),
       ins_events AS (
         INSERT INTO events (doc_id, id, type, mode, status, date_start, date_end, date_text, location, location_key, duration_minutes, evidence_start, evidence_end, evidence, data)
         SELECT doc.id, x.id, type, mode, status, date_start, date_end, date_text, location, location_key, duration_minutes, evidence_start, evidence_end, evidence, data
         FROM jsonb_to_recordset($17::jsonb) AS x(id text, type text, mode text, status text, date_start text, date_end text, date_text text, location text, location_key text,
           duration_minutes integer, evidence_start integer, evidence_end integer, evidence text, data text), doc),
       ins_quotes AS (
         INSERT INTO quotes (doc_id, id, speaker_key, text, kind, start, "end", cue, language)
         SELECT doc.id, x.id, speaker_key, text, kind, start, "end", cue, $7 FROM doc, jsonb_to_recordset($18::jsonb) AS x(n integer, id text, speaker_key text, text text, kind text, start integer, "end" integer, cue text)
         ORDER BY n),
       ins_times AS (
         INSERT INTO times (doc_id, start, "end", text, value, range_start, range_end)
         SELECT doc.id, start, "end", text, value, range_start, range_end FROM jsonb_to_recordset($19::jsonb) AS x(start integer, "end" integer, text text, value text, range_start text, range_end text), doc)
       SELECT count(*)::int added FROM doc`,
      [
        d.id, rawHash, d.source, d.url, d.title, d.outlet, d.language, d.published, d.publishedBasis, j(d.agencies), d.aiGenerated ? 1 : 0, d.text, j(d.removed), new Date().toISOString(),
        rows([...ents.values()]),
        rows([...mentions.values()]),
        rows(
          events.map((e, i) => ({
            id: e.id, type: e.type, mode: e.mode, status: e.status, date_start: e.date?.start ?? null, date_end: e.date?.end ?? null, date_text: e.date?.text ?? null,
            location: e.location?.name ?? null, location_key: e.location?.key ?? null, duration_minutes: raw[i]?.durationMinutes ?? null,
            evidence_start: e.evidence.start, evidence_end: e.evidence.end, evidence: e.evidence.text, data: j(e),
          })),
        ),
        rows(rec.quotes.map((q, n) => ({ n, id: q.id, speaker_key: q.speaker ? keyOf.get(q.speaker) ?? q.speaker : null, text: q.text, kind: q.kind, start: q.start, end: q.end, cue: q.cue }))),
        rows(rec.times.map((t) => ({ start: t.start, end: t.end, text: t.text, value: t.value, range_start: t.range?.start ?? null, range_end: t.range?.end ?? null }))),
      ],
    );
    return r.rows[0]!.added ? events : null;
  }

  /** The blocking keys of the events that may merge (a window and two participants, see match.ts), sorted. */
  private mergeKeys(events: SourcedEvent[]): number[] {
    const keys = new Set<number>();
    for (const e of events) if (window(e) && participants(e, this.lookup).length >= 2) for (const k of blockKeys(e, this.lookup)) keys.add(k);
    return [...keys].sort((a, b) => a - b);
  }

  /** Waits for the advisory locks of these events' keys; held until this transaction ends. */
  async lockFor(events: SourcedEvent[]): Promise<void> {
    const keys = this.mergeKeys(events).filter((k) => !this.locked.has(k));
    for (const k of keys) this.locked.add(k);
    // In key order, one statement: the subquery's order is the order the locks are taken in.
    if (keys.length) await this.c.query("SELECT count(pg_advisory_xact_lock(k)) FROM (SELECT k FROM unnest($1::bigint[]) k ORDER BY k) s", [keys.map(String)]);
  }

  /** Members of these clusters not read yet in this transaction, read in one query. */
  private async load(ids: string[]): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.cache.has(id));
    if (!missing.length) return;
    const r = await this.c.query<{ id: string; type: string; data: string | null }>(
      `SELECT c.id, c.type, e.data FROM clusters c LEFT JOIN event_sources s ON s.cluster_id = c.id LEFT JOIN events e ON e.doc_id = s.doc_id AND e.id = s.event_id
       WHERE c.id = ANY($1::text[]) ORDER BY c.id, s.doc_id, s.event_id`,
      [missing],
    );
    for (const row of r.rows) {
      let c = this.cache.get(row.id);
      if (!c) this.cache.set(row.id, (c = { id: row.id, type: row.type, members: [] }));
      if (row.data) c.members.push(JSON.parse(row.data) as SourcedEvent);
    }
  }

  /**
   * Merges new events into the stored clusters, earliest publication first, taking the locks it
   * needs (lockFor may be called first to time the wait). Returns the cluster of each. Other workers
   * may wait for these locks, so it reads in a few queries and refresh writes in one statement.
   */
  async merge(events: SourcedEvent[]): Promise<string[]> {
    const sorted = [...events].sort(byPublication);
    const info = sorted.map((e) => ({ e, w: window(e), ps: participants(e, this.lookup), keys: blockKeys(e, this.lookup) }));
    // Reports without a window or with fewer than two participants can never merge (see match.ts): no lookup.
    const looks = (x: (typeof info)[number]) => x.w !== null && x.ps.length >= 2;
    const wanted = [...new Set(info.filter(looks).flatMap((x) => x.keys))].filter((k) => !this.asked.has(k));
    for (const k of wanted) this.asked.add(k);
    const index = this.index;
    const indexAdd = (k: number, id: string) => {
      let set = index.get(k);
      if (!set) index.set(k, (set = new Set()));
      set.add(id);
    };
    if (wanted.length) {
      await this.lockFor(events);
      const r = await this.c.query<{ pair: string; cluster_id: string }>("SELECT pair, cluster_id FROM cluster_pairs WHERE pair = ANY($1::bigint[])", [wanted.map(String)]);
      for (const row of r.rows) indexAdd(Number(row.pair), row.cluster_id);
      const ids = [...new Set(r.rows.map((x) => x.cluster_id))].filter((id) => !this.cache.has(id)).sort();
      if (ids.length) {
        // A cluster found through other keys may be merged into by another worker right now: wait for it.
        await this.c.query("SELECT id FROM clusters WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE", [ids]);
        // Then each candidate's number of members (read after the lock): a remembered cluster with as many is current (members are only ever added).
        const n = await this.c.query<{ cluster_id: string; n: number }>("SELECT cluster_id, count(*)::int n FROM event_sources WHERE cluster_id = ANY($1::text[]) GROUP BY cluster_id", [ids]);
        for (const row of n.rows) {
          const known = this.memory?.get(row.cluster_id);
          if (known && known.members.length === row.n) this.cache.set(row.cluster_id, known);
        }
        await this.load(ids);
      }
    }
    const windows = new Map<string, { ws: string; we: string }>();
    const sources: { cluster_id: string; doc_id: string; event_id: string }[] = [];
    const parts: { entity_key: string; cluster_id: string }[] = [];
    const pairs: { pair: string; cluster_id: string }[] = [];
    const out: string[] = [];
    for (const x of info) {
      const { e, w, ps, keys } = x;
      let target: ClusterState | null = null;
      if (looks(x)) {
        const ids = new Set<string>();
        for (const k of keys) for (const id of index.get(k) ?? []) ids.add(id);
        target = bestCluster(e, [...ids].sort().map((id) => this.cache.get(id)!), this.lookup);
      }
      const id = target?.id ?? clusterIdFor(e);
      const ws = w?.start ?? "9999-12-31";
      const we = w?.end ?? "0000-01-01";
      const haveP = new Set<string>();
      const haveK = new Set<number>();
      if (target) {
        for (const m of target.members) {
          for (const p of participants(m, this.lookup)) haveP.add(p);
          for (const k of blockKeys(m, this.lookup)) haveK.add(k);
        }
      } else {
        this.created.add(id);
        this.cache.set(id, { id, type: e.type, members: [] });
      }
      const win = windows.get(id);
      windows.set(id, win ? { ws: win.ws < ws ? win.ws : ws, we: win.we > we ? win.we : we } : { ws, we });
      sources.push({ cluster_id: id, doc_id: e.docId, event_id: e.id });
      for (const p of new Set(ps)) if (!haveP.has(p)) parts.push({ entity_key: p, cluster_id: id });
      for (const k of new Set(keys))
        if (!haveK.has(k)) {
          pairs.push({ pair: String(k), cluster_id: id });
          indexAdd(k, id);
        }
      this.cache.get(id)!.members.push(e);
      this.dirty.add(id);
      out.push(id);
    }
    for (const [id, w] of windows) {
      const old = this.windows.get(id);
      this.windows.set(id, old ? { ws: old.ws < w.ws ? old.ws : w.ws, we: old.we > w.we ? old.we : w.we } : w);
    }
    this.sources.push(...sources);
    this.parts.push(...parts);
    this.pairs.push(...pairs);
    return out;
  }

  /**
   * Recomputes summary, conflicts and promise of every cluster merged into since the last call and
   * writes them with everything merge decided in one statement (data-modifying CTEs): the fewer
   * round trips while the merge locks are held, the more workers can run side by side.
   */
  async refresh(): Promise<number> {
    const ids = [...this.dirty];
    if (!ids.length) return 0;
    const fresh: Record<string, unknown>[] = [];
    const touched: Record<string, unknown>[] = [];
    // By id: one INSERT … ON CONFLICT may not touch a row twice.
    const conflicts = new Map<string, Record<string, unknown>>();
    const promises: Record<string, unknown>[] = [];
    for (const id of ids) {
      const c = this.cache.get(id)!;
      const s = summarize(c, this.lookup);
      const w = this.windows.get(id) ?? { ws: "9999-12-31", we: "0000-01-01" };
      (this.created.has(id) ? fresh : touched).push({
        id, type: c.type, ws: w.ws, we: w.we, mode: s.mode, date_start: s.date?.start ?? null, date_end: s.date?.end ?? null, date_event: s.date?.eventId ?? null,
        location: s.location?.name ?? null, location_key: s.location?.key ?? null, status: s.status, participants: j(s.participants), history: j(s.history),
        first_published: s.firstPublished, last_published: s.lastPublished, sources: s.sources,
      });
      for (const k of detectConflicts(c, this.lookup)) conflicts.set(k.id, { id: k.id, cluster_id: id, field: k.field, sides: j(k.sides) });
      const pr = promiseOf(c, this.today);
      // Overdue depends on the day it is read; the store keeps "pending" and the reader decides.
      if (pr)
        promises.push({
          cluster_id: id, state: pr.state === "overdue" ? "pending" : pr.state, due_start: pr.due?.start ?? null, due_end: pr.due?.end ?? null,
          announced: j(pr.announced), outcome: pr.outcome ? j(pr.outcome) : null,
        });
    }
    const old = ids.filter((id) => !this.created.has(id));
    const summaryCols = `id text, type text, ws text, we text, mode text, date_start text, date_end text, date_event text, location text, location_key text, status text,
      participants text, history text, first_published text, last_published text, sources integer`;
    await this.c.query(
      `WITH
       ins_clusters AS (
         INSERT INTO clusters (id, type, mode, date_start, date_end, date_event, location, location_key, status, participants, history, first_published, last_published, sources, win_start, win_end)
         SELECT id, type, mode, date_start, date_end, date_event, location, location_key, status, participants, history, first_published, last_published, sources, ws, we
         FROM jsonb_to_recordset($1::jsonb) AS x(${summaryCols})),
       upd_clusters AS (
         UPDATE clusters c SET win_start = least(c.win_start, x.ws), win_end = greatest(c.win_end, x.we), mode = x.mode, date_start = x.date_start, date_end = x.date_end,
           date_event = x.date_event, location = x.location, location_key = x.location_key, status = x.status, participants = x.participants, history = x.history,
           first_published = x.first_published, last_published = x.last_published, sources = x.sources
         FROM jsonb_to_recordset($2::jsonb) AS x(${summaryCols}) WHERE c.id = x.id),
       ins_sources AS (
         INSERT INTO event_sources (cluster_id, doc_id, event_id) SELECT cluster_id, doc_id, event_id FROM jsonb_to_recordset($3::jsonb) AS x(cluster_id text, doc_id text, event_id text)),
       ins_parts AS (
         INSERT INTO cluster_participants (entity_key, cluster_id) SELECT entity_key, cluster_id FROM jsonb_to_recordset($4::jsonb) AS x(entity_key text, cluster_id text) ON CONFLICT DO NOTHING),
       ins_pairs AS (
         INSERT INTO cluster_pairs (pair, cluster_id) SELECT pair::bigint, cluster_id FROM jsonb_to_recordset($5::jsonb) AS x(pair text, cluster_id text) ON CONFLICT DO NOTHING),
       -- Old conflicts and promises that no longer hold; the ones that still do are updated in place
       -- (a statement must not delete and insert the same row).
       del_conflicts AS (DELETE FROM conflicts WHERE cluster_id = ANY($6::text[]) AND NOT (id = ANY($7::text[]))),
       ins_conflicts AS (
         INSERT INTO conflicts (id, cluster_id, field, sides) SELECT id, cluster_id, field, sides FROM jsonb_to_recordset($8::jsonb) AS x(id text, cluster_id text, field text, sides text)
         ON CONFLICT (id) DO UPDATE SET cluster_id = excluded.cluster_id, field = excluded.field, sides = excluded.sides),
       del_promises AS (DELETE FROM promises WHERE cluster_id = ANY($6::text[]) AND NOT (cluster_id = ANY($9::text[]))),
       ins_promises AS (
         INSERT INTO promises (cluster_id, state, due_start, due_end, announced, outcome)
         SELECT cluster_id, state, due_start, due_end, announced, outcome FROM jsonb_to_recordset($10::jsonb) AS x(cluster_id text, state text, due_start text, due_end text, announced text, outcome text)
         ON CONFLICT (cluster_id) DO UPDATE SET state = excluded.state, due_start = excluded.due_start, due_end = excluded.due_end, announced = excluded.announced, outcome = excluded.outcome)
       SELECT 1`,
      [
        rows(fresh), rows(touched), rows(this.sources), rows(this.parts), rows(this.pairs), old,
        [...conflicts.keys()], rows([...conflicts.values()]), promises.map((p) => p.cluster_id as string), rows(promises),
      ],
    );
    this.dirty.clear();
    this.created.clear();
    this.windows = new Map();
    this.sources = [];
    this.parts = [];
    this.pairs = [];
    return ids.length;
  }
}
