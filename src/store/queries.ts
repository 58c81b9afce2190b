// Read side of the store: timeline, one event with its sources, conflicts, promises, search.
import { DossierError } from "../core/errors.js";
import type { Conflict, StatusStep } from "../story/types.js";
import type { Db } from "./open.js";
import { queryStems, words } from "./stem.js";

export interface TimelineFilter {
  actor?: string;
  type?: string;
  status?: string;
  from?: string;
  to?: string;
  /** Only clusters reported by at least this many documents. */
  minSources?: number;
}

export interface TimelineRow {
  id: string;
  type: string;
  mode: string | null;
  status: string;
  date: { start: string; end: string } | null;
  location: string | null;
  participants: { key: string; name: string }[];
  sources: number;
  outlets: string[];
  conflicts: number;
  history: StatusStep[];
  /** Publication day of the first report: where an undated event sits in the timeline. */
  firstReported: string | null;
}

export interface ClusterRow {
  id: string;
  type: string;
  mode: string | null;
  status: string;
  date_start: string | null;
  date_end: string | null;
  location: string | null;
  participants: string;
  history: string;
  sources: number;
  first_published: string | null;
}

/** Entity keys matching an --actor value: a key, or a name (case-insensitive, whole or part). */
export function resolveActor(db: Db, actor: string): string[] {
  const rows = db.prepare("SELECT key FROM entities WHERE key = ? OR lower(name) = lower(?)").all(actor, actor) as { key: string }[];
  if (rows.length) return rows.map((r) => r.key);
  return (db.prepare("SELECT key FROM entities WHERE lower(name) LIKE ? LIMIT 50").all(`%${actor.toLowerCase()}%`) as { key: string }[]).map((r) => r.key);
}

export class Names {
  private readonly cache = new Map<string, string>();
  private readonly stmt;
  constructor(db: Db) {
    this.stmt = db.prepare("SELECT name FROM entities WHERE key = ?");
  }
  of(key: string): string {
    let n = this.cache.get(key);
    if (n === undefined) {
      n = (this.stmt.get(key) as { name: string } | undefined)?.name ?? key;
      this.cache.set(key, n);
    }
    return n;
  }
}

/** What the timeline, CLI and API alike, may filter clusters by; `actorKeys` are entity keys (any of them). */
export interface ClusterFilter {
  type?: string;
  status?: string;
  from?: string;
  to?: string;
  minSources?: number;
  actorKeys?: string[];
}

/** SQL conditions over `clusters c` for a filter, with their arguments in order. */
export function clusterConditions(f: ClusterFilter): { where: string[]; args: unknown[] } {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.type) {
    where.push("c.type = ?");
    args.push(f.type.toUpperCase());
  }
  if (f.status) {
    where.push("c.status = ?");
    args.push(f.status);
  }
  // A cluster is in [from, to] when its best date (or, without one, its first report) meets the range.
  if (f.from) {
    where.push("coalesce(c.date_end, c.first_published) >= ?");
    args.push(f.from);
  }
  if (f.to) {
    where.push("coalesce(c.date_start, c.first_published) <= ?");
    args.push(f.to);
  }
  if (f.minSources) {
    where.push("c.sources >= ?");
    args.push(f.minSources);
  }
  if (f.actorKeys) {
    where.push(`c.id IN (SELECT cluster_id FROM cluster_participants WHERE entity_key IN (${f.actorKeys.map(() => "?").join(",") || "NULL"}))`);
    args.push(...f.actorKeys);
  }
  return { where, args };
}

export function timeline(db: Db, f: TimelineFilter = {}): TimelineRow[] {
  const { actor, ...rest } = f;
  const actorKeys = actor ? resolveActor(db, actor) : undefined;
  if (actorKeys && !actorKeys.length) return [];
  const { where, args } = clusterConditions({ ...rest, ...(actorKeys ? { actorKeys } : {}) });
  const rows = db
    .prepare(`SELECT c.* FROM clusters c ${where.length ? "WHERE " + where.join(" AND ") : ""} ORDER BY coalesce(c.date_start, c.first_published, '9999'), c.id`)
    .all(...args) as ClusterRow[];
  return rows.map((r) => toRow(db, r, new Names(db)));
}

function toRow(db: Db, r: ClusterRow, names: Names): TimelineRow {
  const outlets = db
    .prepare("SELECT DISTINCT coalesce(d.outlet, d.source) o FROM event_sources s JOIN documents d ON d.id = s.doc_id WHERE s.cluster_id = ? ORDER BY o")
    .all(r.id) as { o: string }[];
  const conflicts = (db.prepare("SELECT count(*) n FROM conflicts WHERE cluster_id = ?").get(r.id) as { n: number }).n;
  return timelineRow(r, (k) => names.of(k), outlets.map((o) => o.o), conflicts);
}

/** A stored cluster as a timeline row (every backend): its outlets and conflict count are read by the caller. */
export function timelineRow(r: ClusterRow, nameOf: (key: string) => string, outlets: string[], conflicts: number): TimelineRow {
  return {
    id: r.id,
    type: r.type,
    mode: r.mode,
    status: r.status,
    date: r.date_start ? { start: r.date_start, end: r.date_end ?? r.date_start } : null,
    location: r.location,
    participants: (JSON.parse(r.participants) as string[]).map((k) => ({ key: k, name: nameOf(k) })),
    sources: r.sources,
    outlets,
    conflicts,
    history: JSON.parse(r.history) as StatusStep[],
    firstReported: r.first_published,
  };
}

/** The fields of a report that the stored row and the event detail share. */
interface ReportBase {
  docId: string;
  eventId: string;
  source: string;
  outlet: string | null;
  published: string | null;
  status: string;
  location: string | null;
  evidence: string;
}

export interface EventDetail extends TimelineRow {
  reports: (ReportBase & { date: string | null })[];
  conflictList: Conflict[];
  promise: PromiseView | null;
}

/** One report of a cluster as the event-detail query reads it (every backend). */
export interface ReportRow extends ReportBase {
  date_start: string | null;
  date_end: string | null;
}

export function reportOf(r: ReportRow): EventDetail["reports"][number] {
  return {
    docId: r.docId, eventId: r.eventId, source: r.source, outlet: r.outlet, published: r.published, status: r.status,
    date: r.date_start ? (r.date_start === r.date_end ? r.date_start : `${r.date_start}..${r.date_end}`) : null, location: r.location, evidence: r.evidence,
  };
}

/** One cluster with every report of it; ID may also be an event id, which shows its cluster. */
export function eventDetail(db: Db, id: string): EventDetail {
  let row = db.prepare("SELECT * FROM clusters WHERE id = ?").get(id) as ClusterRow | undefined;
  if (!row) {
    const s = db.prepare("SELECT cluster_id FROM event_sources WHERE event_id = ? LIMIT 1").get(id) as { cluster_id: string } | undefined;
    if (s) row = db.prepare("SELECT * FROM clusters WHERE id = ?").get(s.cluster_id) as ClusterRow;
  }
  if (!row) throw new DossierError("NOT_FOUND", `no event or cluster "${id}" in the store; dossier timeline lists the ids`);
  const names = new Names(db);
  const reports = db
    .prepare(
      `SELECT e.doc_id docId, e.id eventId, d.source, d.outlet, d.published, e.status, e.date_start, e.date_end, e.location, e.evidence
       FROM event_sources s JOIN events e ON e.doc_id = s.doc_id AND e.id = s.event_id JOIN documents d ON d.id = e.doc_id
       WHERE s.cluster_id = ? ORDER BY coalesce(d.published, '9999'), d.id`,
    )
    .all(row.id) as ReportRow[];
  return {
    ...toRow(db, row, names),
    reports: reports.map(reportOf),
    conflictList: conflictsOf(db, row.id),
    promise: promises(db, "0000-01-01").find((p) => p.clusterId === row.id) ?? null,
  };
}

export function conflictsOf(db: Db, clusterId?: string): Conflict[] {
  const rows = (clusterId
    ? db.prepare("SELECT * FROM conflicts WHERE cluster_id = ? ORDER BY field, id").all(clusterId)
    : db.prepare("SELECT k.* FROM conflicts k JOIN clusters c ON c.id = k.cluster_id ORDER BY coalesce(c.date_start, c.first_published), k.cluster_id, k.field").all()) as { id: string; cluster_id: string; field: Conflict["field"]; sides: string }[];
  return rows.map((r) => ({ id: r.id, clusterId: r.cluster_id, field: r.field, sides: JSON.parse(r.sides) as Conflict["sides"] }));
}

export interface PromiseView {
  clusterId: string;
  state: string;
  due: { start: string; end: string } | null;
  announced: { eventId: string; docId: string; outlet: string | null; published: string | null; status: string; attribution: string[] };
  outcome: { eventId: string; docId: string; outlet: string | null; published: string | null; status: string } | null;
}

/** Plans and promises with their outcome; a pending one whose day has passed (before `today`) is overdue. */
export function promises(db: Db, today: string): PromiseView[] {
  const rows = db
    .prepare("SELECT p.* FROM promises p JOIN clusters c ON c.id = p.cluster_id ORDER BY coalesce(p.due_start, c.first_published), p.cluster_id")
    .all() as { cluster_id: string; state: string; due_start: string | null; due_end: string | null; announced: string; outcome: string | null }[];
  return rows.map((r) => ({
    clusterId: r.cluster_id,
    state: r.state === "pending" && r.due_end && r.due_end < today ? "overdue" : r.state,
    due: r.due_start ? { start: r.due_start, end: r.due_end ?? r.due_start } : null,
    announced: JSON.parse(r.announced) as PromiseView["announced"],
    outcome: r.outcome ? (JSON.parse(r.outcome) as PromiseView["outcome"]) : null,
  }));
}

export interface SearchHit {
  kind: "document" | "quote";
  docId: string;
  title: string | null;
  source: string;
  published: string | null;
  snippet: string;
  speaker: string | null;
}

const phrase = (w: string) => `"${w.replace(/"/g, '""')}"`;

/**
 * Full-text search over articles and quotes. Every query word must match, as written or by its
 * German or English stem ("Gespräche" finds "Gesprächen", "talks" finds "talked").
 */
export function search(db: Db, query: string, limit = 20): SearchHit[] {
  const ws = words(query);
  if (!ws.length) throw new DossierError("USAGE", "search needs at least one word");
  const match = ws.map((w) => `(text: ${phrase(w)} OR ${queryStems(w).map((s) => `stemmed: ${phrase(s)}`).join(" OR ")})`).join(" AND ");
  const docs = db
    .prepare(
      `SELECT d.id, d.title, d.source, d.published, d.text FROM documents_fts f JOIN documents d ON d.seq = f.rowid
       WHERE documents_fts MATCH ? ORDER BY bm25(documents_fts) LIMIT ?`,
    )
    .all(match, limit) as { id: string; title: string | null; source: string; published: string | null; text: string }[];
  const quotes = db
    .prepare(
      `SELECT q.text qtext, q.speaker_key, d.id, d.title, d.source, d.published FROM quotes_fts f JOIN quotes q ON q.seq = f.rowid JOIN documents d ON d.id = q.doc_id
       WHERE quotes_fts MATCH ? ORDER BY bm25(quotes_fts) LIMIT ?`,
    )
    .all(match, limit) as { qtext: string; speaker_key: string | null; id: string; title: string | null; source: string; published: string | null }[];
  const names = new Names(db);
  return [
    ...docs.map((d) => ({ kind: "document" as const, docId: d.id, title: d.title, source: d.source, published: d.published, snippet: snippet(d.text, ws), speaker: null })),
    ...quotes.map((q) => ({ kind: "quote" as const, docId: q.id, title: q.title, source: q.source, published: q.published, snippet: q.qtext, speaker: q.speaker_key ? names.of(q.speaker_key) : null })),
  ];
}

/** About 160 characters around the first place a query word (or its first four letters) occurs. */
export function snippet(text: string, ws: string[]): string {
  const lower = text.toLowerCase();
  let at = -1;
  for (const w of ws) {
    const i = lower.indexOf(w.length > 5 ? w.slice(0, Math.max(4, w.length - 3)) : w);
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  const start = Math.max(0, at - 60);
  const s = text.slice(start, start + 160).replace(/\s+/g, " ").trim();
  return (start > 0 ? "…" : "") + s + (start + 160 < text.length ? "…" : "");
}

export function counts(db: Db): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of ["documents", "entities", "mentions", "events", "event_sources", "quotes", "times", "clusters", "conflicts", "promises", "ingest_errors"])
    out[t] = (db.prepare(`SELECT count(*) n FROM ${t}`).get() as { n: number }).n;
  return out;
}
