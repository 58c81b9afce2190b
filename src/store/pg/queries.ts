// Read side of the PostgreSQL store: the same answers as the SQLite queries, with PostgreSQL text search.
import type { Pool } from "pg";
import { DossierError } from "../../core/errors.js";
import type { Conflict } from "../../story/types.js";
import { clusterConditions, reportOf, snippet, timelineRow, type ClusterRow, type EventDetail, type ReportRow, type PromiseView, type SearchHit, type TimelineFilter, type TimelineRow } from "../queries.js";
import { words } from "../stem.js";

/** `?` placeholders (as the shared condition builder writes them) to PostgreSQL's `$1, $2, …`. */
export function numbered(sql: string): string {
  let i = 0;
  return sql.replace(/\?/g, () => `$${++i}`);
}

interface PgClusterRow extends ClusterRow {
  outlets: string[];
  conflicts: number;
}

/** Clusters with their outlets and conflict count in one query (no round trip per row). */
const CLUSTER_SELECT = `SELECT c.id, c.type, c.mode, c.status, c.date_start, c.date_end, c.location, c.participants, c.history, c.sources, c.first_published,
  array(SELECT DISTINCT coalesce(d.outlet, d.source) o FROM event_sources s JOIN documents d ON d.id = s.doc_id WHERE s.cluster_id = c.id ORDER BY o) outlets,
  (SELECT count(*)::int FROM conflicts k WHERE k.cluster_id = c.id) conflicts
  FROM clusters c`;

async function names(pool: Pool, keys: string[]): Promise<Map<string, string>> {
  if (!keys.length) return new Map();
  const r = await pool.query<{ key: string; name: string }>("SELECT key, name FROM entities WHERE key = ANY($1::text[])", [[...new Set(keys)]]);
  return new Map(r.rows.map((x) => [x.key, x.name]));
}

async function toRows(pool: Pool, rows: PgClusterRow[]): Promise<TimelineRow[]> {
  const n = await names(pool, rows.flatMap((r) => JSON.parse(r.participants) as string[]));
  return rows.map((r) => timelineRow(r, (k) => n.get(k) ?? k, r.outlets, r.conflicts));
}

/** Entity keys matching an --actor value: a key, or a name (case-insensitive, whole or part). */
export async function pgResolveActor(pool: Pool, actor: string): Promise<string[]> {
  const exact = await pool.query<{ key: string }>("SELECT key FROM entities WHERE key = $1 OR lower(name) = lower($1)", [actor]);
  if (exact.rows.length) return exact.rows.map((r) => r.key);
  const like = await pool.query<{ key: string }>("SELECT key FROM entities WHERE strpos(lower(name), lower($1)) > 0 LIMIT 50", [actor]);
  return like.rows.map((r) => r.key);
}

export async function pgTimeline(pool: Pool, f: TimelineFilter = {}): Promise<TimelineRow[]> {
  const { actor, ...rest } = f;
  const actorKeys = actor ? await pgResolveActor(pool, actor) : undefined;
  if (actorKeys && !actorKeys.length) return [];
  const { where, args } = clusterConditions({ ...rest, ...(actorKeys ? { actorKeys } : {}) });
  const sql = `${CLUSTER_SELECT} ${where.length ? "WHERE " + where.join(" AND ") : ""} ORDER BY coalesce(c.date_start, c.first_published, '9999'), c.id`;
  const r = await pool.query<PgClusterRow>(numbered(sql), args);
  return toRows(pool, r.rows);
}

export async function pgEventDetail(pool: Pool, id: string): Promise<EventDetail> {
  let r = await pool.query<PgClusterRow>(`${CLUSTER_SELECT} WHERE c.id = $1`, [id]);
  if (!r.rows.length) r = await pool.query<PgClusterRow>(`${CLUSTER_SELECT} WHERE c.id = (SELECT cluster_id FROM event_sources WHERE event_id = $1 ORDER BY doc_id LIMIT 1)`, [id]);
  const row = r.rows[0];
  if (!row) throw new DossierError("NOT_FOUND", `no event or cluster "${id}" in the store; dossier timeline lists the ids`);
  const reports = await pool.query<ReportRow>(
    `SELECT e.doc_id "docId", e.id "eventId", d.source, d.outlet, d.published, e.status, e.date_start, e.date_end, e.location, e.evidence
     FROM event_sources s JOIN events e ON e.doc_id = s.doc_id AND e.id = s.event_id JOIN documents d ON d.id = e.doc_id
     WHERE s.cluster_id = $1 ORDER BY coalesce(d.published, '9999'), d.id`,
    [row.id],
  );
  const [base] = await toRows(pool, [row]);
  return {
    ...base!,
    reports: reports.rows.map(reportOf),
    conflictList: await pgConflicts(pool, row.id),
    promise: (await pgPromises(pool, "0000-01-01", row.id))[0] ?? null,
  };
}

export async function pgConflicts(pool: Pool, clusterId?: string): Promise<Conflict[]> {
  const r = clusterId
    ? await pool.query("SELECT * FROM conflicts WHERE cluster_id = $1 ORDER BY field, id", [clusterId])
    : await pool.query("SELECT k.* FROM conflicts k JOIN clusters c ON c.id = k.cluster_id ORDER BY coalesce(c.date_start, c.first_published), k.cluster_id, k.field");
  return (r.rows as { id: string; cluster_id: string; field: Conflict["field"]; sides: string }[]).map((x) => ({ id: x.id, clusterId: x.cluster_id, field: x.field, sides: JSON.parse(x.sides) as Conflict["sides"] }));
}

/** Plans and promises with their outcome; a pending one whose day has passed (before `today`) is overdue. */
export async function pgPromises(pool: Pool, today: string, clusterId?: string): Promise<PromiseView[]> {
  const r = await pool.query<{ cluster_id: string; state: string; due_start: string | null; due_end: string | null; announced: string; outcome: string | null }>(
    `SELECT p.* FROM promises p JOIN clusters c ON c.id = p.cluster_id ${clusterId ? "WHERE p.cluster_id = $1" : ""} ORDER BY coalesce(p.due_start, c.first_published), p.cluster_id`,
    clusterId ? [clusterId] : [],
  );
  return r.rows.map((x) => ({
    clusterId: x.cluster_id,
    state: x.state === "pending" && x.due_end && x.due_end < today ? "overdue" : x.state,
    due: x.due_start ? { start: x.due_start, end: x.due_end ?? x.due_start } : null,
    announced: JSON.parse(x.announced) as PromiseView["announced"],
    outcome: x.outcome ? (JSON.parse(x.outcome) as PromiseView["outcome"]) : null,
  }));
}

/**
 * A tsquery where every query word must match, by its German, English or unstemmed form: the
 * stored tsvector holds each document's words stemmed by its own language's configuration.
 */
const TSQUERY = (n: number) =>
  Array.from({ length: n }, (_, i) => `(plainto_tsquery('german', $${i + 1}) || plainto_tsquery('english', $${i + 1}) || plainto_tsquery('simple', $${i + 1}))`).join(" && ");

/** Full-text search over articles and quotes with PostgreSQL's German and English text search configurations. */
export async function pgSearch(pool: Pool, query: string, limit = 20): Promise<SearchHit[]> {
  const ws = query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (!ws.length) throw new DossierError("USAGE", "search needs at least one word");
  const q = TSQUERY(ws.length);
  const lim = `$${ws.length + 1}`;
  const docs = await pool.query<{ id: string; title: string | null; source: string; published: string | null; text: string }>(
    `WITH q AS (SELECT ${q} AS q) SELECT d.id, d.title, d.source, d.published, d.text FROM documents d, q WHERE d.tsv @@ q.q ORDER BY ts_rank(d.tsv, q.q) DESC, d.seq LIMIT ${lim}`,
    [...ws, limit],
  );
  const quotes = await pool.query<{ qtext: string; speaker: string | null; id: string; title: string | null; source: string; published: string | null }>(
    `WITH q AS (SELECT ${q} AS q) SELECT qt.text qtext, coalesce(en.name, qt.speaker_key) speaker, d.id, d.title, d.source, d.published
     FROM quotes qt JOIN documents d ON d.id = qt.doc_id LEFT JOIN entities en ON en.key = qt.speaker_key, q WHERE qt.tsv @@ q.q ORDER BY ts_rank(qt.tsv, q.q) DESC, qt.seq LIMIT ${lim}`,
    [...ws, limit],
  );
  const folded = words(query);
  return [
    ...docs.rows.map((d) => ({ kind: "document" as const, docId: d.id, title: d.title, source: d.source, published: d.published, snippet: snippet(d.text, folded), speaker: null })),
    ...quotes.rows.map((x) => ({ kind: "quote" as const, docId: x.id, title: x.title, source: x.source, published: x.published, snippet: x.qtext, speaker: x.speaker })),
  ];
}

export const COUNTED = ["documents", "entities", "mentions", "events", "event_sources", "quotes", "times", "clusters", "conflicts", "promises", "ingest_errors"];

export async function pgCounts(pool: Pool): Promise<Record<string, number>> {
  const r = await pool.query<Record<string, number>>(`SELECT ${COUNTED.map((t) => `(SELECT count(*)::int FROM ${t}) ${t}`).join(", ")}`);
  return { ...r.rows[0]! };
}
