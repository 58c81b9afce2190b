// Writes extraction records into the store and merges their events into the stored clusters.
import type { Statement } from "better-sqlite3";
import type { ExtractionRecord } from "../core/record.js";
import { bestCluster, byPublication, clusterIdFor, type ClusterState } from "../story/cluster.js";
import { detectConflicts } from "../story/conflicts.js";
import { eventsOfRecord, globalEntityKey } from "../story/from-record.js";
import { blockKeys } from "../story/blocks.js";
import { isForum, participants, window } from "../story/match.js";
import { promiseOf } from "../story/promises.js";
import { summarize } from "../story/summary.js";
import { addDays } from "../story/days.js";
import type { EntityLookup, SourcedEvent } from "../story/types.js";
import type { Db } from "./open.js";
import { RecentCache } from "./recent-cache.js";
import { stemText } from "./stem.js";

const j = (v: unknown) => JSON.stringify(v);

/** What the merge filters candidate clusters by before it loads their reports. */
interface ClusterWindow {
  type: string;
  start: string;
  end: string;
}

/** Prepared statements and the merge state of one open store; call inside a transaction. */
export class StoreWriter {
  private readonly s: Record<string, Statement>;
  /** Entity keys already in the table (INSERT OR IGNORE for each mention of a president adds up). */
  private readonly knownEntities = new Set<string>();
  /** Clusters created since the last refresh: they have no old conflicts or promise to delete. */
  private readonly created = new Set<string>();
  /** Clusters touched since the last refresh: their summaries, conflicts and promises are recomputed once per batch. */
  private readonly dirty = new Set<string>();

  /** The KB's facts per entity key, memoized: merging asks for the same few keys millions of times. */
  private readonly lookup?: EntityLookup;

  constructor(
    private readonly db: Db,
    lookup?: EntityLookup,
    private readonly today: string = new Date().toISOString().slice(0, 10),
  ) {
    if (lookup) this.lookup = memoLookup(lookup);
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      hasRaw: p("SELECT 1 FROM documents WHERE raw_hash = ? LIMIT 1"),
      hasDoc: p("SELECT 1 FROM documents WHERE id = ? LIMIT 1"),
      doc: p(`INSERT INTO documents (id, raw_hash, source, url, title, outlet, language, published, published_basis, agencies, ai_generated, text, removed, ingested_at)
              VALUES (@id, @raw_hash, @source, @url, @title, @outlet, @language, @published, @published_basis, @agencies, @ai_generated, @text, @removed, @ingested_at)`),
      docFts: p("INSERT INTO documents_fts (rowid, text, stemmed) VALUES (?, ?, ?)"),
      clearError: p("DELETE FROM ingest_errors WHERE source = ?"),
      error: p("INSERT OR REPLACE INTO ingest_errors (source, code, message, at) VALUES (?, ?, ?, ?)"),
      entity: p("INSERT OR IGNORE INTO entities (key, name, type, wikidata) VALUES (?, ?, ?, ?)"),
      mention: p("INSERT OR IGNORE INTO mentions (entity_key, doc_id, role, spans) VALUES (?, ?, ?, ?)"),
      clusterType: p("SELECT type FROM clusters WHERE id = ?"),
      event: p(`INSERT INTO events (doc_id, id, type, mode, status, date_start, date_end, date_text, location, location_key, duration_minutes, evidence_start, evidence_end, evidence, data)
                VALUES (@doc_id, @id, @type, @mode, @status, @date_start, @date_end, @date_text, @location, @location_key, @duration_minutes, @evidence_start, @evidence_end, @evidence, @data)`),
      quote: p(`INSERT INTO quotes (doc_id, id, speaker_key, text, kind, start, "end", cue) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
      quoteFts: p("INSERT INTO quotes_fts (rowid, text, stemmed) VALUES (?, ?, ?)"),
      time: p(`INSERT INTO times (doc_id, start, "end", text, value, range_start, range_end) VALUES (?, ?, ?, ?, ?, ?, ?)`),
      clustersOfPair: p("SELECT cluster_id id FROM cluster_pairs WHERE pair = ?"),
      clusterWindow: p("SELECT type, win_start, win_end FROM clusters WHERE id = ?"),
      pair: p("INSERT OR IGNORE INTO cluster_pairs (pair, cluster_id) VALUES (?, ?)"),
      members: p("SELECT e.data FROM event_sources s JOIN events e ON e.doc_id = s.doc_id AND e.id = s.event_id WHERE s.cluster_id = ?"),
      newCluster: p(`INSERT INTO clusters (id, type, status, participants, history, sources, win_start, win_end) VALUES (?, ?, 'unknown', '[]', '[]', 0, ?, ?)`),
      widen: p("UPDATE clusters SET win_start = min(win_start, ?), win_end = max(win_end, ?) WHERE id = ?"),
      source: p("INSERT INTO event_sources (cluster_id, doc_id, event_id) VALUES (?, ?, ?)"),
      participant: p("INSERT OR IGNORE INTO cluster_participants (entity_key, cluster_id) VALUES (?, ?)"),
      summary: p(`UPDATE clusters SET mode = @mode, date_start = @date_start, date_end = @date_end, date_event = @date_event, location = @location, location_key = @location_key,
                  status = @status, participants = @participants, history = @history, first_published = @first_published, last_published = @last_published, sources = @sources WHERE id = @id`),
      dropConflicts: p("DELETE FROM conflicts WHERE cluster_id = ?"),
      conflict: p("INSERT OR REPLACE INTO conflicts (id, cluster_id, field, sides) VALUES (?, ?, ?, ?)"),
      dropPromise: p("DELETE FROM promises WHERE cluster_id = ?"),
      promise: p("INSERT INTO promises (cluster_id, state, due_start, due_end, announced, outcome) VALUES (?, ?, ?, ?, ?, ?)"),
    };
  }

  /** True when an input with this raw hash was stored before (the fast path of a repeated ingest). */
  knownRaw(rawHash: string): boolean {
    return this.s.hasRaw!.get(rawHash) !== undefined;
  }

  knownDoc(id: string): boolean {
    return this.s.hasDoc!.get(id) !== undefined;
  }

  recordError(source: string, code: string, message: string): void {
    this.s.error!.run(source, code, message, new Date().toISOString());
  }

  /**
   * Stores one record with its entities, mentions, events, quotes and times; returns its events
   * for merging, or null when the document is already stored (then nothing changes).
   */
  addRecord(rec: ExtractionRecord, rawHash: string): SourcedEvent[] | null {
    const d = rec.document;
    if (this.knownDoc(d.id)) return null;
    const info = this.s.doc!.run({
      id: d.id, raw_hash: rawHash, source: d.source, url: d.url, title: d.title, outlet: d.outlet, language: d.language,
      published: d.published, published_basis: d.publishedBasis, agencies: j(d.agencies), ai_generated: d.aiGenerated ? 1 : 0,
      text: d.text, removed: j(d.removed), ingested_at: new Date().toISOString(),
    });
    this.s.docFts!.run(info.lastInsertRowid, d.text, stemText(d.text, d.language));
    this.s.clearError!.run(d.source);
    const keyOf = new Map<string, string>();
    for (const e of rec.entities) {
      const key = globalEntityKey(e, this.lookup);
      keyOf.set(e.id, key);
      if (!this.knownEntities.has(key)) {
        this.s.entity!.run(key, e.name, e.type, e.wikidata);
        this.knownEntities.add(key);
      }
      this.s.mention!.run(key, d.id, e.role, j(e.mentions.map((m) => [m.start, m.end, m.text])));
    }
    const events = eventsOfRecord(rec, this.lookup);
    const raw = rec.events as { durationMinutes?: number | null }[];
    events.forEach((e, i) =>
      this.s.event!.run({
        doc_id: d.id, id: e.id, type: e.type, mode: e.mode, status: e.status, date_start: e.date?.start ?? null, date_end: e.date?.end ?? null,
        date_text: e.date?.text ?? null, location: e.location?.name ?? null, location_key: e.location?.key ?? null,
        duration_minutes: raw[i]?.durationMinutes ?? null, evidence_start: e.evidence.start, evidence_end: e.evidence.end, evidence: e.evidence.text, data: j(e),
      }),
    );
    for (const q of rec.quotes) {
      const qi = this.s.quote!.run(d.id, q.id, q.speaker ? keyOf.get(q.speaker) ?? q.speaker : null, q.text, q.kind, q.start, q.end, q.cue);
      this.s.quoteFts!.run(qi.lastInsertRowid, q.text, stemText(q.text, d.language));
    }
    for (const t of rec.times) this.s.time!.run(d.id, t.start, t.end, t.text, t.value, t.range?.start ?? null, t.range?.end ?? null);
    return events;
  }

  /** Recently merged clusters with their members, so that a busy story is not re-read for every report. */
  private readonly cache = new RecentCache<ClusterState>(20_000);
  /** Type and window of clusters seen recently: most candidates of a report fail on these, without loading their members. */
  private readonly windows = new RecentCache<ClusterWindow>(200_000);

  private cached(id: string, type: string): ClusterState {
    let c = this.cache.get(id);
    if (!c) this.cache.set(id, (c = this.load(id, type)));
    return c;
  }

  /**
   * The clusters under each blocking key seen recently, kept in step with the inserts below: a report's
   * keys return about a hundred clusters in a busy story, and the next reports of that story ask again.
   */
  private readonly pairs = new RecentCache<string[], number>(20_000);

  private clustersOfPair(k: number): string[] {
    let ids = this.pairs.get(k);
    if (!ids) this.pairs.set(k, (ids = (this.s.clustersOfPair!.all(k) as { id: string }[]).map((r) => r.id)));
    return ids;
  }

  private windowOf(id: string): ClusterWindow {
    let w = this.windows.get(id);
    if (!w) {
      const r = this.s.clusterWindow!.get(id) as { type: string; win_start: string; win_end: string };
      this.windows.set(id, (w = { type: r.type, start: r.win_start, end: r.win_end }));
    }
    return w;
  }

  /** Forget cached clusters (after a rolled-back transaction they may hold reports that were never stored). */
  resetCache(): void {
    this.cache.clear();
    this.windows.clear();
    this.pairs.clear();
    this.dirty.clear();
    this.created.clear();
    this.knownEntities.clear();
  }

  private load(id: string, type: string): ClusterState {
    const members = (this.s.members!.all(id) as { data: string }[]).map((r) => JSON.parse(r.data) as SourcedEvent);
    return { id, type, members };
  }

  /** Merges new events into the stored clusters, earliest publication first; returns the cluster of each. */
  merge(events: SourcedEvent[]): string[] {
    const out: string[] = [];
    for (const e of [...events].sort(byPublication)) {
      const w = window(e);
      const ps = participants(e, this.lookup);
      const keys = blockKeys(e, this.lookup);
      let target: ClusterState | null = null;
      // Reports without a window or with fewer than two participants can never merge (see match.ts), unless the one
      // is a body that meets in sessions: no lookup.
      if (w && (ps.length >= 2 || ps.some((p) => isForum(p, this.lookup)))) {
        // Only clusters of its type whose window (the union of their reports' windows) comes within a day of
        // the report's: any other has a member the report cannot match (pairScore allows one day between two
        // dated reports, no more), and complete link rejects it anyway; a busy story has dozens in every bucket.
        const lo = addDays(w.start, -1);
        const hi = addDays(w.end, 1);
        const ids = new Set<string>();
        for (const k of keys) for (const id of this.clustersOfPair(k)) ids.add(id);
        const fit: ClusterState[] = [];
        for (const id of ids) {
          const cw = this.windowOf(id);
          if (cw.type === e.type && cw.start <= hi && cw.end >= lo) fit.push(this.cached(id, e.type));
        }
        target = bestCluster(e, fit, this.lookup);
      }
      const id = target?.id ?? clusterIdFor(e);
      const ws = w?.start ?? "9999-12-31";
      const we = w?.end ?? "0000-01-01";
      // What the cluster's members already put in the participant index need not be written again.
      const haveP = new Set<string>();
      if (target) {
        this.s.widen!.run(ws, we, id);
        const cw = this.windowOf(id);
        this.windows.set(id, { type: cw.type, start: ws < cw.start ? ws : cw.start, end: we > cw.end ? we : cw.end });
        for (const m of target.members) for (const p of participants(m, this.lookup)) haveP.add(p);
      } else {
        this.s.newCluster!.run(id, e.type, ws, we);
        this.windows.set(id, { type: e.type, start: ws, end: we });
        this.created.add(id);
      }
      this.s.source!.run(id, e.docId, e.id);
      for (const p of ps) if (!haveP.has(p)) this.s.participant!.run(p, id);
      for (const k of keys) {
        const known = this.pairs.get(k);
        if (known?.includes(id)) continue;
        this.s.pair!.run(k, id);
        known?.push(id);
      }
      const c = this.cache.get(id);
      if (c) c.members.push(e);
      else if (!target) this.cache.set(id, { id, type: e.type, members: [e] });
      this.dirty.add(id);
      out.push(id);
    }
    return out;
  }

  /** Recomputes summary, conflicts and promise of every cluster changed since the last call. */
  refresh(): number {
    const n = this.dirty.size;
    for (const id of this.dirty) {
      const c = this.cache.get(id) ?? this.cached(id, (this.s.clusterType!.get(id) as { type: string }).type);
      const s = summarize(c, this.lookup);
      this.s.summary!.run({
        id, mode: s.mode, date_start: s.date?.start ?? null, date_end: s.date?.end ?? null, date_event: s.date?.eventId ?? null,
        location: s.location?.name ?? null, location_key: s.location?.key ?? null, status: s.status, participants: j(s.participants),
        history: j(s.history), first_published: s.firstPublished, last_published: s.lastPublished, sources: s.sources,
      });
      const fresh = this.created.has(id);
      if (!fresh) this.s.dropConflicts!.run(id);
      for (const k of detectConflicts(c, this.lookup)) this.s.conflict!.run(k.id, id, k.field, j(k.sides));
      if (!fresh) this.s.dropPromise!.run(id);
      const pr = promiseOf(c, this.today);
      // Overdue depends on the day it is read; the store keeps "pending" and the reader decides.
      if (pr) this.s.promise!.run(id, pr.state === "overdue" ? "pending" : pr.state, pr.due?.start ?? null, pr.due?.end ?? null, j(pr.announced), pr.outcome ? j(pr.outcome) : null);
    }
    this.dirty.clear();
    this.created.clear();
    return n;
  }
}

/** A lookup that asks the KB once per key (the KB does not change while a store is written). */
function memoLookup(lookup: EntityLookup): EntityLookup {
  const memo = new Map<string, ReturnType<EntityLookup>>();
  return (key) => {
    if (memo.has(key)) return memo.get(key);
    const f = lookup(key);
    if (memo.size >= 100_000) memo.clear(); // unknown names are keys too: keep an endless ingest bounded
    memo.set(key, f);
    return f;
  };
}
