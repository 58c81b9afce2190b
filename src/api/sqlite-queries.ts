// StoryQueries over the SQLite store (schema in src/store/migrations.ts).
//
// The class talks to the database through a small structural interface and receives the store's
// ingest as a function, so a second backend can reuse it; `openSqliteQueries` wires the SQLite store.
import type { Context } from "../core/context.js";
import { toRecord, type ExtractionRecord } from "../core/record.js";
import { errorRecord, processArticle } from "../extract.js";
import type {
  Cluster, Conflict, DocumentDetail, DocumentFilters, DocumentSummary, EntityDetail, EntityFilters, EntityRef, EntitySummary, Event,
  IngestInput, IngestItemResult, IngestProgress, LayerSpan, Meeting, Network, NetworkFilters, Page, PageRequest, Place, PlacePoint,
  PromiseItem, Quote, SearchFacets, SearchHit, SearchResult, Stats, StatusStep, StoryQueries, TimelineFilters, TimelineItem,
} from "./contract.js";
import { loadCapitals } from "./capitals.js";
import { addDays, precisionOf, publishedDay } from "./dates.js";
import { readIngestInput, type InputOptions } from "./ingest-input.js";
import { fold, matchAll, queryTerms, snippet } from "./text-match.js";
import { ingestRecords } from "../store/ingest.js";
import { openStore } from "../store/open.js";
import { clusterConditions } from "../store/queries.js";
import { queryStems, words } from "../store/stem.js";

/** What this file needs of a better-sqlite3 connection. */
export interface SqlStatement {
  all(...args: unknown[]): unknown[];
  get(...args: unknown[]): unknown;
}
export interface SqlDb {
  prepare(sql: string): SqlStatement;
}

export interface SqliteDeps {
  /** Stores extraction records and merges their events (the store's ingestRecords, one transaction). */
  storeRecords(records: ExtractionRecord[]): void;
  /** The FTS MATCH expression for a query (words and stems), or null to use literal words. */
  matchExpression?: (q: string) => string | null;
  ctx: Context;
  inputOptions?: InputOptions;
}

interface ClusterRow {
  id: string;
  type: string;
  mode: string | null;
  status: string;
  date_start: string | null;
  date_end: string | null;
  location: string | null;
  location_key: string | null;
  participants: string;
  history: string;
  first_published: string | null;
  last_published: string | null;
  sources: number;
}

interface EventRow {
  doc_id: string;
  id: string;
  type: string;
  mode: string | null;
  status: string;
  date_start: string | null;
  date_end: string | null;
  date_text: string | null;
  location: string | null;
  location_key: string | null;
  evidence_start: number;
  evidence_end: number;
  evidence: string;
  data: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  language: string;
  cluster_id: string | null;
}

interface DocRow {
  id: string;
  source: string;
  url: string | null;
  title: string | null;
  outlet: string | null;
  language: string;
  published: string | null;
  agencies: string;
  ai_generated: number;
  text?: string;
  removed?: string;
  events: number;
}

const CONTEXT_CHARS = 240;
/** Matches per kind a search looks at (documents, quotes); facet counts are over these. */
const SEARCH_CAP = 200;
/** Documents whose events a search reads for matching evidence. */
const EVENT_DOCS = 100;
const KEPT = new Set(["kept"]);
/** The timeline's order (index clusters_window, migration 5): best date, else first report; undated last. */
const ORDER_KEY = "coalesce(c.date_start, c.first_published, '9999')";
/** Every this many clusters in timeline order a checkpoint, so that a deep page offset skips fewer entries. */
const MARK_STRIDE = 1000;
/** An actor in more clusters than this is filtered by probing (see SqliteQueries.clusterWhere). */
const PROBE_ACTOR_CLUSTERS = 2000;
const BROKEN = new Set(["cancelled", "denied", "rejected"]);

/** A LIKE pattern that matches the text literally (%, _ and \ escaped). */
const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
/** FTS5 phrases, so that no query word is read as FTS syntax. */
const literalMatch = (q: string) => {
  const ws = fold(q).match(/[\p{L}\p{N}]+/gu) ?? [];
  return ws.length ? ws.map((w) => `"${w}"`).join(" AND ") : null;
};

export class SqliteQueries implements StoryQueries {
  private readonly names = new Map<string, EntityRef>();
  private readonly capitals = loadCapitals();

  constructor(
    private readonly db: SqlDb,
    private readonly deps: SqliteDeps,
  ) {}

  private ref(key: string): EntityRef {
    let r = this.names.get(key);
    if (!r) {
      const row = this.st("SELECT key, name, type FROM entities WHERE key = ?").get(key) as { key: string; name: string; type: string } | undefined;
      r = row ? { id: row.key, name: row.name, type: row.type } : { id: key, name: key.replace(/^[a-z]+:/, ""), type: "other" };
      this.names.set(key, r);
    }
    return r;
  }

  private place(name: string | null, key: string | null): Place | null {
    if (!name && !key) return null;
    const kb = this.deps.ctx.kb;
    let e = key ? kb.entity(key) : undefined;
    if (e && e.lat === undefined) {
      // A country has no point of its own; its capital stands for it on the map.
      const capital = this.capitals.get(e.id);
      if (capital) e = kb.entity(capital);
    }
    return { name: key ? this.ref(key).name : name ?? "", entity: key, lat: e?.lat ?? null, lon: e?.lon ?? null };
  }

  // ---- timeline -------------------------------------------------------------------------

  /** Clusters between two timeline checkpoints (see clusterRows); tests lower it to reach checkpoints on a small store. */
  markStride = MARK_STRIDE;

  /** Prepared statements by SQL text: a timeline page runs the same few shapes over and over. */
  private readonly stmts = new Map<string, SqlStatement>();
  private st(sql: string): SqlStatement {
    let s = this.stmts.get(sql);
    if (!s) this.stmts.set(sql, (s = this.db.prepare(sql)));
    return s;
  }

  /**
   * Aggregates that only a write changes (a filter's total, the widest cluster), memoized until the
   * store changes: PRAGMA data_version moves when another connection commits (a running `dossier
   * ingest`), `writes` when this one ingests.
   */
  private readonly memo = new Map<string, unknown>();
  private memoVersion = "";
  private writes = 0;
  private memoized<T>(key: string, compute: () => T): T {
    const v = `${(this.st("PRAGMA data_version").get() as { data_version: number }).data_version}:${this.writes}`;
    if (v !== this.memoVersion) {
      this.memo.clear();
      this.memoVersion = v;
    }
    if (!this.memo.has(key)) {
      if (this.memo.size > 10_000) this.memo.clear();
      this.memo.set(key, compute());
    }
    return this.memo.get(key) as T;
  }

  private clusterWhere(f: TimelineFilters): { sql: string; args: unknown[] } {
    // The same conditions as the CLI's timeline (undated clusters count by their first report).
    const { where, args } = clusterConditions({
      ...(f.type ? { type: f.type } : {}),
      ...(f.status ? { status: f.status } : {}),
      ...(f.from ? { from: f.from } : {}),
      ...(f.to ? { to: f.to } : {}),
      ...(f.actor && !this.probeActor(f) ? { actorKeys: [f.actor] } : {}),
    });
    if (f.actor && this.probeActor(f)) {
      // A frequent actor (a president is in most clusters) or a date window: probe each cluster the
      // timeline order visits instead of first collecting all of the actor's clusters.
      where.push("EXISTS (SELECT 1 FROM cluster_participants p WHERE p.entity_key = ? AND p.cluster_id = c.id)");
      args.push(f.actor);
    }
    // The same date window again, on the timeline's own order (index clusters_window), so that a
    // window late in the store does not scan every cluster before it. A cluster starts at most the
    // widest cluster's span before it ends, which bounds the start from below.
    if (f.to) {
      where.push(`${ORDER_KEY} <= ?`);
      args.push(f.to);
    }
    if (f.from) {
      where.push(`${ORDER_KEY} >= ?`);
      args.push(addDays(f.from, -this.widestSpan()));
    }
    if (f.outlet || f.language) {
      const sub: string[] = [];
      if (f.outlet) {
        sub.push("d.outlet = ?");
        args.push(f.outlet);
      }
      if (f.language) {
        sub.push("d.language = ?");
        args.push(f.language);
      }
      where.push(`c.id IN (SELECT s.cluster_id FROM event_sources s JOIN documents d ON d.id = s.doc_id WHERE ${sub.join(" AND ")})`);
    }
    for (const term of f.text ? queryTerms(f.text) : []) {
      where.push("c.id IN (SELECT s.cluster_id FROM event_sources s JOIN events e ON e.doc_id = s.doc_id AND e.id = s.event_id WHERE e.evidence LIKE ? ESCAPE '\\')");
      args.push(like(term));
    }
    return { sql: where.length ? `WHERE ${where.join(" AND ")}` : "", args };
  }

  /** Whether an actor filter probes clusters one by one (see clusterWhere) rather than listing the actor's clusters. */
  private probeActor(f: TimelineFilters): boolean {
    if (!f.actor) return false;
    if (f.from || f.to) return true;
    return this.actorClusters(f.actor) > PROBE_ACTOR_CLUSTERS;
  }

  /** How many clusters an entity takes part in (one participant row per cluster), memoized until the store changes. */
  private actorClusters(actor: string): number {
    return this.memoized(`actor:${actor}`, () => (this.st("SELECT count(*) n FROM cluster_participants WHERE entity_key = ?").get(actor) as { n: number }).n);
  }

  /** Days between start and end of the widest dated cluster (undated ones sit on one day). */
  private widestSpan(): number {
    return this.memoized("widest", () => Math.ceil((this.st("SELECT coalesce(max(julianday(date_end) - julianday(date_start)), 0) d FROM clusters").get() as { d: number }).d));
  }

  /** Timeline items of cluster rows, with the outlets and conflict counts of all of them read in two queries. */
  private toItems(rs: ClusterRow[]): TimelineItem[] {
    const outlets = new Map<string, string[]>();
    const conflicts = new Map<string, number>();
    for (let i = 0; i < rs.length; i += 500) {
      const ids = rs.slice(i, i + 500).map((r) => r.id);
      const marks = ids.map(() => "?").join(",");
      for (const o of this.st(`SELECT DISTINCT s.cluster_id c, d.outlet o FROM event_sources s JOIN documents d ON d.id = s.doc_id WHERE s.cluster_id IN (${marks}) AND d.outlet IS NOT NULL ORDER BY c, o`).all(...ids) as { c: string; o: string }[])
        outlets.set(o.c, [...(outlets.get(o.c) ?? []), o.o]);
      for (const k of this.st(`SELECT cluster_id c, count(*) n FROM conflicts WHERE cluster_id IN (${marks}) GROUP BY cluster_id`).all(...ids) as { c: string; n: number }[]) conflicts.set(k.c, k.n);
    }
    return rs.map((r) => this.toItem(r, outlets.get(r.id) ?? [], conflicts.get(r.id) ?? 0));
  }

  private toItem(r: ClusterRow, outlets?: string[], conflicts?: number): TimelineItem {
    if (!outlets || conflicts === undefined) return this.toItems([r])[0]!;
    const end = r.date_end ?? r.date_start;
    return {
      id: r.id,
      type: r.type,
      mode: r.mode,
      status: r.status,
      participants: (JSON.parse(r.participants) as string[]).map((k) => this.ref(k)),
      date: r.date_start && end ? { start: r.date_start, end, precision: precisionOf(r.date_start, end), text: null } : null,
      location: this.place(r.location, r.location_key),
      sources: r.sources,
      outlets,
      firstPublished: r.first_published,
      lastPublished: r.last_published,
      conflicts,
    };
  }

  private clusterRows(f: TimelineFilters, p: PageRequest | null): { rows: ClusterRow[]; total: number } {
    const w = this.clusterWhere(f);
    // An actor alone: its participant rows are its clusters, counted on their index instead of probing every cluster.
    const actorOnly = f.actor && Object.entries(f).every(([k, v]) => k === "actor" || !v);
    const total = actorOnly
      ? this.actorClusters(f.actor!)
      : this.memoized(`count:${w.sql}:${JSON.stringify(w.args)}`, (): number => (this.st(`SELECT count(*) n FROM clusters c ${w.sql}`).get(...w.args) as { n: number }).n);
    if (!p) return { rows: this.st(`SELECT c.* FROM clusters c ${w.sql} ORDER BY ${ORDER_KEY}, c.id`).all(...w.args) as ClusterRow[], total };
    // The page's ids first, from the narrow timeline indexes (an offset deep into the store skips index
    // entries, not cluster rows with their histories), then their rows. A deep offset starts from the
    // nearest checkpoint at or before it, so it skips fewer than MARK_STRIDE entries.
    const filterKey = `${w.sql}:${JSON.stringify(w.args)}`;
    const after = (at: { k: string; id: string } | undefined) =>
      at ? { sql: `SELECT c.id FROM clusters c ${w.sql}${w.sql ? " AND" : " WHERE"} ${ORDER_KEY} >= ? AND (${ORDER_KEY} > ? OR c.id > ?)`, args: [...w.args, at.k, at.k, at.id] } : { sql: `SELECT c.id FROM clusters c ${w.sql}`, args: w.args };
    const m = Math.floor(p.offset / this.markStride);
    const marks = this.marks(filterKey, m, after);
    const from = after(marks[marks.length - 1]);
    const ids = this.st(`${from.sql} ORDER BY ${ORDER_KEY}, c.id LIMIT ? OFFSET ?`).all(...from.args, p.limit, p.offset - marks.length * this.markStride) as { id: string }[];
    const one = this.st("SELECT * FROM clusters WHERE id = ?");
    return { rows: ids.map((r) => one.get(r.id) as ClusterRow), total };
  }

  /**
   * The timeline order key and id of the last cluster of each of the first `want` strides of markStride
   * clusters meeting a filter (fewer at the end of the timeline), memoized until the store changes and
   * extended as deeper pages are asked for: each step skips one stride of index entries from the last mark.
   */
  private marks(filterKey: string, want: number, after: (at: { k: string; id: string } | undefined) => { sql: string; args: unknown[] }): { k: string; id: string }[] {
    const marks = this.memoized(`marks:${this.markStride}:${filterKey}`, () => ({ list: [] as { k: string; id: string }[], complete: false }));
    while (marks.list.length < want && !marks.complete) {
      const from = after(marks.list[marks.list.length - 1]);
      const row = this.st(`${from.sql.replace("SELECT c.id", `SELECT ${ORDER_KEY} k, c.id`)} ORDER BY ${ORDER_KEY}, c.id LIMIT 1 OFFSET ?`).get(...from.args, this.markStride - 1) as { k: string; id: string } | undefined;
      if (row) marks.list.push(row);
      else marks.complete = true;
    }
    return marks.list.slice(0, want);
  }

  async stats(): Promise<Stats> {
    // Counting 100k documents and a million events takes a while: counts are memoized until the store changes.
    const n = (t: string) => this.memoized(`rows:${t}`, () => (this.st(`SELECT count(*) n FROM ${t}`).get() as { n: number }).n);
    const range = this.st("SELECT min(date_start) a, max(date_end) b FROM clusters").get() as { a: string | null; b: string | null };
    return { documents: n("documents"), events: n("events"), clusters: n("clusters"), entities: n("entities"), quotes: n("quotes"), from: range.a, to: range.b };
  }

  async timeline(f: TimelineFilters, p: PageRequest): Promise<Page<TimelineItem>> {
    const { rows, total } = this.clusterRows(f, p);
    return { items: this.toItems(rows), total, offset: p.offset, limit: p.limit };
  }

  // ---- events and clusters --------------------------------------------------------------

  private static EVENT_SELECT = `SELECT e.*, d.title, d.outlet, d.published, d.language, s.cluster_id
    FROM events e JOIN documents d ON d.id = e.doc_id LEFT JOIN event_sources s ON s.doc_id = e.doc_id AND s.event_id = e.id`;

  private toEvent(r: EventRow, text?: string): Event {
    const data = JSON.parse(r.data) as { actors?: string[]; recipients?: string[]; attribution?: string[] };
    const docText = text ?? (this.db.prepare("SELECT text FROM documents WHERE id = ?").get(r.doc_id) as { text: string }).text;
    return {
      id: r.id,
      clusterId: r.cluster_id ?? "",
      docId: r.doc_id,
      title: r.title,
      outlet: r.outlet,
      published: r.published,
      language: r.language,
      type: r.type,
      mode: r.mode,
      status: r.status,
      date: r.date_start ? { start: r.date_start, end: r.date_end ?? r.date_start, precision: precisionOf(r.date_start, r.date_end ?? r.date_start), text: r.date_text } : null,
      location: this.place(r.location, r.location_key),
      actors: (data.actors ?? []).map((k) => this.ref(k)),
      recipients: (data.recipients ?? []).map((k) => this.ref(k)),
      attribution: (data.attribution ?? []).map((k) => this.ref(k)),
      evidence: { start: r.evidence_start, end: r.evidence_end, text: r.evidence },
      context: { before: docText.slice(Math.max(0, r.evidence_start - CONTEXT_CHARS), r.evidence_start), after: docText.slice(r.evidence_end, r.evidence_end + CONTEXT_CHARS) },
    };
  }

  async cluster(id: string): Promise<Cluster | null> {
    const row = this.db.prepare("SELECT * FROM clusters WHERE id = ?").get(id) as ClusterRow | undefined;
    if (!row) return null;
    const reports = this.db.prepare(`${SqliteQueries.EVENT_SELECT} WHERE s.cluster_id = ? ORDER BY coalesce(d.published, '9999'), d.id`).all(id) as EventRow[];
    return {
      ...this.toItem(row),
      history: (JSON.parse(row.history) as StatusStep[]).map((s) => ({ published: s.published, status: s.status, eventId: s.eventId, docId: s.docId, outlet: s.outlet })),
      reports: reports.map((r) => this.toEvent(r)),
      conflictList: this.conflictRows("WHERE k.cluster_id = ?", [id]),
    };
  }

  async events(f: TimelineFilters, p: PageRequest): Promise<Page<Event>> {
    const where: string[] = [];
    const args: unknown[] = [];
    const eq = (sql: string, v: string | undefined) => {
      if (v) {
        where.push(sql);
        args.push(v);
      }
    };
    eq("e.type = ?", f.type);
    eq("e.status = ?", f.status);
    eq("e.date_end >= ?", f.from);
    eq("e.date_start <= ?", f.to);
    eq("d.outlet = ?", f.outlet);
    eq("d.language = ?", f.language);
    if (f.actor) {
      where.push("e.data LIKE ? ESCAPE '\\'");
      args.push(like(JSON.stringify(f.actor)));
    }
    for (const term of f.text ? queryTerms(f.text) : []) {
      where.push("e.evidence LIKE ? ESCAPE '\\'");
      args.push(like(term));
    }
    const w = where.length ? `WHERE ${where.join(" AND ")}` : "";
    const total = (this.db.prepare(`SELECT count(*) n FROM events e JOIN documents d ON d.id = e.doc_id ${w}`).get(...args) as { n: number }).n;
    const rows = this.db.prepare(`${SqliteQueries.EVENT_SELECT} ${w} ORDER BY coalesce(e.date_start, '9999'), e.id LIMIT ${p.limit} OFFSET ${p.offset}`).all(...args) as EventRow[];
    return { items: rows.map((r) => this.toEvent(r)), total, offset: p.offset, limit: p.limit };
  }

  // ---- documents -----------------------------------------------------------------------

  private summary(r: DocRow): DocumentSummary {
    return { id: r.id, source: r.source, url: r.url, title: r.title, outlet: r.outlet, language: r.language, published: r.published, agencies: JSON.parse(r.agencies) as string[], aiGenerated: !!r.ai_generated, events: r.events };
  }

  async documents(f: DocumentFilters, p: PageRequest): Promise<Page<DocumentSummary>> {
    const where: string[] = [];
    const args: unknown[] = [];
    if (f.outlet) {
      where.push("d.outlet = ?");
      args.push(f.outlet);
    }
    if (f.language) {
      where.push("d.language = ?");
      args.push(f.language);
    }
    if (f.text) {
      const m = literalMatch(f.text);
      if (!m) return { items: [], total: 0, offset: p.offset, limit: p.limit };
      where.push("d.seq IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)");
      args.push(m);
    }
    const w = where.length ? `WHERE ${where.join(" AND ")}` : "";
    const total = (this.db.prepare(`SELECT count(*) n FROM documents d ${w}`).get(...args) as { n: number }).n;
    const rows = this.db
      .prepare(
        `SELECT d.id, d.source, d.url, d.title, d.outlet, d.language, d.published, d.agencies, d.ai_generated, (SELECT count(*) FROM events e WHERE e.doc_id = d.id) events
         FROM documents d ${w} ORDER BY d.published DESC, d.id LIMIT ${p.limit} OFFSET ${p.offset}`,
      )
      .all(...args) as DocRow[];
    return { items: rows.map((r) => this.summary(r)), total, offset: p.offset, limit: p.limit };
  }

  async document(id: string): Promise<DocumentDetail | null> {
    const d = this.db.prepare("SELECT d.*, (SELECT count(*) FROM events e WHERE e.doc_id = d.id) events FROM documents d WHERE d.id = ?").get(id) as (DocRow & { text: string; removed: string }) | undefined;
    if (!d) return null;
    const layers: LayerSpan[] = [];
    // The store keeps one mentions row per entity and document, its spans as JSON [[start, end, text], …].
    const rows = this.db.prepare(`SELECT entity_key, spans FROM mentions WHERE doc_id = ?`).all(id) as { entity_key: string; spans: string }[];
    const mentions = rows.flatMap((r) => (JSON.parse(r.spans) as [number, number, string][]).map(([start, end]) => ({ entity_key: r.entity_key, start, end })));
    for (const m of mentions) {
      const e = this.ref(m.entity_key);
      layers.push({ kind: "entity", start: m.start, end: m.end, ref: m.entity_key, label: `${e.name} (${e.type})` });
    }
    for (const t of this.db.prepare(`SELECT start, "end", value FROM times WHERE doc_id = ?`).all(id) as { start: number; end: number; value: string | null }[])
      layers.push({ kind: "time", start: t.start, end: t.end, ref: null, label: t.value ?? "?" });
    const quoteRows = this.db.prepare(`SELECT * FROM quotes WHERE doc_id = ? ORDER BY start`).all(id) as { id: string; speaker_key: string | null; text: string; kind: string; start: number; end: number; cue: string | null }[];
    for (const q of quoteRows) layers.push({ kind: "quote", start: q.start, end: q.end, ref: q.id, label: `${q.kind}${q.speaker_key ? ` · ${this.ref(q.speaker_key).name}` : ""}` });
    const events = this.db.prepare(`${SqliteQueries.EVENT_SELECT} WHERE e.doc_id = ? ORDER BY e.evidence_start`).all(id) as EventRow[];
    for (const e of events) layers.push({ kind: "event", start: e.evidence_start, end: e.evidence_end, ref: e.cluster_id, label: `${e.type} · ${e.status}` });
    layers.sort((a, b) => a.start - b.start || b.end - a.end);
    return {
      ...this.summary(d),
      text: d.text,
      removed: JSON.parse(d.removed) as { text: string; reason: string }[],
      layers,
      entities: [...new Set(mentions.map((m) => m.entity_key))].map((k) => this.ref(k)),
      eventList: events.map((e) => this.toEvent(e, d.text)),
      quotes: quoteRows.map((q) => ({ id: q.id, docId: id, outlet: d.outlet, published: d.published, speaker: q.speaker_key ? this.ref(q.speaker_key) : null, text: q.text, kind: q.kind, cue: q.cue })),
    };
  }

  // ---- entities ------------------------------------------------------------------------

  private static ENTITY_SELECT = `SELECT n.key, n.name, n.type, n.wikidata,
      (SELECT count(DISTINCT doc_id) FROM mentions m WHERE m.entity_key = n.key) documents,
      (SELECT count(*) FROM cluster_participants p WHERE p.entity_key = n.key) clusters,
      (SELECT count(*) FROM quotes q WHERE q.speaker_key = n.key) quotes
    FROM entities n`;

  private entitySummary(r: { key: string; name: string; type: string; wikidata: string | null; documents: number; clusters: number; quotes: number }): EntitySummary {
    const roles = (this.db.prepare("SELECT DISTINCT role FROM mentions WHERE entity_key = ? AND role IS NOT NULL ORDER BY role").all(r.key) as { role: string }[]).map((x) => x.role);
    return { id: r.key, name: r.name, type: r.type, wikidata: r.wikidata, roles, documents: r.documents, clusters: r.clusters, quotes: r.quotes };
  }

  async entities(f: EntityFilters, p: PageRequest): Promise<Page<EntitySummary>> {
    const where: string[] = [];
    const args: unknown[] = [];
    if (f.type) {
      where.push("n.type = ?");
      args.push(f.type);
    }
    for (const term of f.text ? queryTerms(f.text) : []) {
      where.push("(lower(n.name) LIKE ? ESCAPE '\\' OR n.key LIKE ? ESCAPE '\\')");
      args.push(like(term), like(term));
    }
    const w = where.length ? `WHERE ${where.join(" AND ")}` : "";
    const total = (this.db.prepare(`SELECT count(*) n FROM entities n ${w}`).get(...args) as { n: number }).n;
    const rows = this.db.prepare(`${SqliteQueries.ENTITY_SELECT} ${w} ORDER BY clusters DESC, documents DESC, n.name LIMIT ${p.limit} OFFSET ${p.offset}`).all(...args) as Parameters<SqliteQueries["entitySummary"]>[0][];
    return { items: rows.map((r) => this.entitySummary(r)), total, offset: p.offset, limit: p.limit };
  }

  async entity(id: string): Promise<EntityDetail | null> {
    const r = this.db.prepare(`${SqliteQueries.ENTITY_SELECT} WHERE n.key = ?`).get(id) as Parameters<SqliteQueries["entitySummary"]>[0] | undefined;
    if (!r) return null;
    const clusterList = this.toItems(this.clusterRows({ actor: id }, { offset: 0, limit: 1000 }).rows);
    const meetings: Meeting[] = [];
    for (const item of clusterList)
      if (item.type === "CONSULT")
        for (const other of item.participants)
          if (other.id !== id) meetings.push({ with: other, clusterId: item.id, type: item.type, mode: item.mode, status: item.status, date: item.date, place: item.location });
    const quoteList = (
      this.db.prepare("SELECT q.*, d.outlet, d.published FROM quotes q JOIN documents d ON d.id = q.doc_id WHERE q.speaker_key = ? ORDER BY d.published LIMIT 500").all(id) as {
        id: string; doc_id: string; text: string; kind: string; cue: string | null; outlet: string | null; published: string | null;
      }[]
    ).map((q): Quote => ({ id: q.id, docId: q.doc_id, outlet: q.outlet, published: q.published, speaker: this.ref(id), text: q.text, kind: q.kind, cue: q.cue }));
    return { ...this.entitySummary(r), clusterList, meetings, quoteList };
  }

  async network(f: NetworkFilters): Promise<Network> {
    const w = this.clusterWhere({ type: "CONSULT", ...(f.from ? { from: f.from } : {}), ...(f.to ? { to: f.to } : {}) });
    const rows = this.db.prepare(`SELECT c.id, c.participants FROM clusters c ${w.sql}`).all(...w.args) as { id: string; participants: string }[];
    const pairs = new Map<string, { w: number; clusters: string[] }>();
    const nodeWeight = new Map<string, number>();
    for (const r of rows) {
      const ps = (JSON.parse(r.participants) as string[]).filter((k) => !f.type || this.ref(k).type === f.type).sort();
      for (let i = 0; i < ps.length; i++) {
        nodeWeight.set(ps[i]!, (nodeWeight.get(ps[i]!) ?? 0) + 1);
        for (let j = i + 1; j < ps.length; j++) {
          const key = `${ps[i]}\u0000${ps[j]}`;
          const e = pairs.get(key) ?? { w: 0, clusters: [] };
          e.w++;
          if (e.clusters.length < 50) e.clusters.push(r.id);
          pairs.set(key, e);
        }
      }
    }
    const edges = [...pairs]
      .filter(([, e]) => e.w >= (f.minWeight ?? 1))
      .map(([k, e]) => {
        const [source, target] = k.split("\u0000") as [string, string];
        return { source, target, weight: e.w, clusters: e.clusters };
      })
      .sort((a, b) => b.weight - a.weight || a.source.localeCompare(b.source) || a.target.localeCompare(b.target));
    const used = new Set(edges.flatMap((e) => [e.source, e.target]));
    const nodes = [...nodeWeight].filter(([k]) => used.has(k)).map(([k, weight]) => ({ ...this.ref(k), weight })).sort((a, b) => b.weight - a.weight || a.id.localeCompare(b.id));
    return { nodes, edges };
  }

  async places(f: TimelineFilters): Promise<PlacePoint[]> {
    const w = this.clusterWhere(f);
    const rows = this.db.prepare(`SELECT c.* FROM clusters c ${w.sql ? `${w.sql} AND` : "WHERE"} c.location_key IS NOT NULL ORDER BY c.date_start LIMIT 5000`).all(...w.args) as ClusterRow[];
    const byPlace = new Map<string, PlacePoint>();
    for (const r of rows) {
      const loc = this.place(r.location, r.location_key);
      if (!loc || loc.lat === null || loc.lon === null) continue;
      const pt = byPlace.get(r.location_key!) ?? { ...loc, clusters: [] };
      const end = r.date_end ?? r.date_start;
      pt.clusters.push({ id: r.id, type: r.type, status: r.status, date: r.date_start && end ? { start: r.date_start, end, precision: precisionOf(r.date_start, end) } : null, participants: (JSON.parse(r.participants) as string[]).map((k) => this.ref(k).name) });
      byPlace.set(r.location_key!, pt);
    }
    return [...byPlace.values()].sort((a, b) => b.clusters.length - a.clusters.length || a.name.localeCompare(b.name));
  }

  private conflictRows(where: string, args: unknown[], limit = ""): Conflict[] {
    const rows = this.db
      .prepare(`SELECT k.* FROM conflicts k JOIN clusters c ON c.id = k.cluster_id ${where} ORDER BY coalesce(c.date_start, c.first_published), k.cluster_id, k.field ${limit}`)
      .all(...args) as { id: string; cluster_id: string; field: Conflict["field"]; sides: string }[];
    return rows.map((r) => ({ id: r.id, clusterId: r.cluster_id, field: r.field, sides: JSON.parse(r.sides) as Conflict["sides"] }));
  }

  async conflicts(p: PageRequest): Promise<Page<Conflict>> {
    const total = (this.db.prepare("SELECT count(*) n FROM conflicts").get() as { n: number }).n;
    return { items: this.conflictRows("", [], `LIMIT ${p.limit} OFFSET ${p.offset}`), total, offset: p.offset, limit: p.limit };
  }

  async promises(p: PageRequest): Promise<Page<PromiseItem>> {
    const total = (this.db.prepare("SELECT count(*) n FROM promises").get() as { n: number }).n;
    const today = new Date().toISOString().slice(0, 10);
    const rows = this.db
      .prepare(`SELECT p.state, p.due_start, p.due_end, p.announced, c.* FROM promises p JOIN clusters c ON c.id = p.cluster_id ORDER BY coalesce(p.due_start, c.first_published), p.cluster_id LIMIT ${p.limit} OFFSET ${p.offset}`)
      .all() as (ClusterRow & { state: string; due_start: string | null; due_end: string | null; announced: string })[];
    const items = rows.map((r): PromiseItem => {
      const announced = JSON.parse(r.announced) as { status: string; published: string | null };
      const state = r.state === "pending" && r.due_end && r.due_end < today ? "overdue" : r.state;
      return {
        cluster: this.toItem(r),
        madeAs: announced.status,
        madeOn: publishedDay(announced.published),
        outcome: KEPT.has(state) ? "kept" : BROKEN.has(state) ? "broken" : "open",
        state,
        due: r.due_start ? { start: r.due_start, end: r.due_end ?? r.due_start } : null,
        history: (JSON.parse(r.history) as StatusStep[]).map((s) => ({ published: s.published, status: s.status, eventId: s.eventId, docId: s.docId, outlet: s.outlet })),
      };
    });
    return { items, total, offset: p.offset, limit: p.limit };
  }

  // ---- search --------------------------------------------------------------------------

  /**
   * Search: the first SEARCH_CAP matching documents and quotes (newest first, by FTS), the events
   * of those documents whose evidence has every word, and entities by name. Facet counts are over
   * these; snippets are made for the returned page only, so a query costs the same at any store size.
   */
  async search(q: string, facets: SearchFacets, p: PageRequest): Promise<SearchResult> {
    const terms = queryTerms(q);
    type Lazy = Omit<SearchHit, "snippet" | "highlights"> & { text: () => string; makeTitle?: () => string; cluster?: () => string | null };
    const hits: Lazy[] = [];
    const match = terms.length ? (this.deps.matchExpression?.(q) ?? literalMatch(q)) : null;
    if (match) {
      const docs = this
        .st(`SELECT d.id, d.title, d.source, d.outlet, d.language, d.published FROM documents d WHERE d.seq IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rowid DESC LIMIT ${SEARCH_CAP}) ORDER BY d.seq DESC`)
        .all(match) as { id: string; title: string | null; source: string; outlet: string | null; language: string; published: string | null }[];
      const textOf = this.st("SELECT text FROM documents WHERE id = ?");
      for (const d of docs) hits.push({ kind: "document", id: d.id, title: d.title ?? d.source, text: () => (textOf.get(d.id) as { text: string }).text, docId: d.id, clusterId: null, outlet: d.outlet, language: d.language, published: d.published, type: null, status: null });
      if (docs.length) {
        // Events of the newest matching documents only (their metadata is already at hand).
        const meta = new Map(docs.slice(0, EVENT_DOCS).map((d) => [d.id, d]));
        // Clusters and titles are looked up for the returned page only (facets do not need them).
        const evs = this.st(`SELECT e.id, e.doc_id, e.type, e.status, e.evidence FROM events e WHERE e.doc_id IN (${[...meta.keys()].map(() => "?").join(",")})`).all(...meta.keys()) as Pick<
          EventRow, "id" | "doc_id" | "type" | "status" | "evidence"
        >[];
        const dataOf = this.st("SELECT data FROM events WHERE doc_id = ? AND id = ?");
        const clusterOf = this.st("SELECT cluster_id FROM event_sources WHERE doc_id = ? AND event_id = ?");
        for (const ev of evs) {
          if (!matchAll(ev.evidence, terms)) continue;
          const e = ev;
          const cluster = () => (clusterOf.get(ev.doc_id, ev.id) as { cluster_id: string } | undefined)?.cluster_id ?? null;
          const d = meta.get(e.doc_id)!;
          const title = () => {
            const data = JSON.parse((dataOf.get(e.doc_id, e.id) as { data: string }).data) as { actors?: string[]; recipients?: string[] };
            return `${e.type} · ${[...(data.actors ?? []), ...(data.recipients ?? [])].map((k) => this.ref(k).name).join(", ")}`;
          };
          hits.push({ kind: "event", id: e.id, title: e.type, makeTitle: title, cluster, text: () => e.evidence, docId: e.doc_id, clusterId: null, outlet: d.outlet, language: d.language, published: d.published, type: e.type, status: e.status });
        }
      }
      const quotes = this
        .st(`SELECT q.id, q.text, q.speaker_key, d.id doc, d.outlet, d.language, d.published FROM quotes q JOIN documents d ON d.id = q.doc_id WHERE q.seq IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? ORDER BY rowid DESC LIMIT ${SEARCH_CAP}) ORDER BY q.seq DESC`)
        .all(match) as { id: string; text: string; speaker_key: string | null; doc: string; outlet: string | null; language: string; published: string | null }[];
      for (const x of quotes) hits.push({ kind: "quote", id: x.id, title: x.speaker_key ? this.ref(x.speaker_key).name : "—", text: () => x.text, docId: x.doc, clusterId: null, outlet: x.outlet, language: x.language, published: x.published, type: null, status: null });
    }
    if (terms.length) {
      const entWhere = terms.map(() => "lower(name) LIKE ? ESCAPE '\\'").join(" AND ");
      const ents = this.st(`SELECT key, name, type FROM entities WHERE ${entWhere} LIMIT 200`).all(...terms.map(like)) as { key: string; name: string; type: string }[];
      for (const n of ents) hits.push({ kind: "entity", id: n.key, title: n.name, text: () => n.name, docId: null, clusterId: null, outlet: null, language: null, published: null, type: n.type, status: null });
    }
    const keys = ["kind", "language", "outlet", "type", "status"] as const;
    const passes = (h: Lazy, skip: string | null) => keys.every((k) => k === skip || !facets[k] || h[k] === facets[k]);
    const counts = Object.fromEntries(keys.map((k) => [k, {} as Record<string, number>])) as SearchResult["facets"];
    for (const k of keys)
      for (const h of hits) {
        const v = h[k];
        if (v && passes(h, k)) counts[k][v] = (counts[k][v] ?? 0) + 1;
      }
    const order: Record<string, number> = { event: 0, entity: 1, document: 2, quote: 3 };
    const filtered = hits.filter((h) => passes(h, null)).sort((a, b) => order[a.kind]! - order[b.kind]!);
    const items = filtered.slice(p.offset, p.offset + p.limit).map(({ text, makeTitle, cluster, ...h }): SearchHit => {
      const t = text();
      return { ...h, ...(makeTitle ? { title: makeTitle() } : {}), ...(cluster ? { clusterId: cluster() } : {}), ...snippet(t, matchAll(t, terms) ?? []) };
    });
    return { items, total: filtered.length, offset: p.offset, limit: p.limit, query: q, facets: counts };
  }

  // ---- ingest --------------------------------------------------------------------------

  async ingest(input: IngestInput, onProgress: (p: IngestProgress) => void): Promise<IngestItemResult[]> {
    const read = await readIngestInput(input, this.deps.inputOptions ?? {});
    onProgress({ type: "start", total: read.length });
    const results: IngestItemResult[] = [];
    for (const r of read) {
      let item: IngestItemResult;
      if ("error" in r) item = { source: r.source, docId: null, title: null, events: 0, error: { code: r.error.code, message: r.error.message } };
      else {
        try {
          const rec = toRecord(processArticle(r.article, this.deps.ctx));
          this.deps.storeRecords([rec]);
          this.writes++;
          item = { source: r.source, docId: rec.document.id, title: rec.document.title, events: rec.events.length, error: null };
        } catch (err) {
          item = { source: r.source, docId: null, title: null, events: 0, error: errorRecord(r.source, err).error };
        }
      }
      results.push(item);
      onProgress({ type: "item", done: results.length, total: read.length, item });
      await new Promise((res) => setImmediate(res));
    }
    this.names.clear();
    const clusters = (this.db.prepare("SELECT count(*) n FROM clusters").get() as { n: number }).n;
    onProgress({ type: "done", documents: results.filter((x) => !x.error).length, failed: results.filter((x) => x.error).length, clusters });
    return results;
  }
}

/**
 * Opens the store file with the Story issue's modules (loaded at run time, so this file builds
 * without them) and returns the queries over it; `dossier serve --db FILE` calls this.
 */
export async function openSqliteQueries(file: string, ctx: Context, inputOptions: InputOptions = {}): Promise<SqliteQueries> {
  const db = openStore(file);
  const phrase = (w: string) => `"${w.replace(/"/g, '""')}"`;
  return new SqliteQueries(db, {
    ctx,
    inputOptions,
    storeRecords: (records) => void ingestRecords(db, ctx, records),
    // The store's own query form: every word as written or by its German or English stem.
    matchExpression: (q: string) => {
      const ws = words(q);
      return ws.length ? ws.map((w) => `(text: ${phrase(w)} OR ${queryStems(w).map((s) => `stemmed: ${phrase(s)}`).join(" OR ")})`).join(" AND ") : null;
    },
  });
}
