// Versioned schema of the embedded store: each migration runs once, in order, recorded in PRAGMA user_version.
import type { Database } from "better-sqlite3";
import { blockKeys } from "../story/blocks.js";
import type { SourcedEvent } from "../story/types.js";

type Db = Database;

export interface Migration {
  version: number;
  about: string;
  sql: string;
  /** Data changes SQL cannot express, run after `sql` in the same transaction. */
  up?: (db: Db) => void;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    about: "documents, entities, mentions, events, event sources, quotes, times, clusters, conflicts, promises, full-text search",
    sql: `
CREATE TABLE documents (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,            -- the record's document id: a hash of the cleaned text
  raw_hash TEXT NOT NULL,             -- hash of the input as read, to skip known inputs before cleaning
  source TEXT NOT NULL,
  url TEXT, title TEXT, outlet TEXT,
  language TEXT NOT NULL,
  published TEXT, published_basis TEXT,
  agencies TEXT NOT NULL,             -- JSON array
  ai_generated INTEGER NOT NULL,
  text TEXT NOT NULL,
  removed TEXT NOT NULL,              -- JSON array
  ingested_at TEXT NOT NULL
);
CREATE INDEX documents_raw ON documents(raw_hash);
CREATE INDEX documents_published ON documents(published);

CREATE TABLE ingest_errors (
  source TEXT PRIMARY KEY,
  code TEXT NOT NULL,
  message TEXT NOT NULL,
  at TEXT NOT NULL
);

CREATE TABLE entities (
  key TEXT PRIMARY KEY,               -- KB id, or name:<type>:<normalized name> for names the KB does not know
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  wikidata TEXT
);

CREATE TABLE mentions (               -- one row per entity and document: where the document names it
  entity_key TEXT NOT NULL REFERENCES entities(key),
  doc_id TEXT NOT NULL REFERENCES documents(id),
  role TEXT,                          -- the office it held at the document's date
  spans TEXT NOT NULL,                -- JSON [[start, end, text], ...] into documents.text
  PRIMARY KEY (entity_key, doc_id)
) WITHOUT ROWID;

CREATE TABLE events (
  doc_id TEXT NOT NULL REFERENCES documents(id),
  id TEXT NOT NULL,
  type TEXT NOT NULL, mode TEXT, status TEXT NOT NULL,
  date_start TEXT, date_end TEXT, date_text TEXT,
  location TEXT, location_key TEXT,
  duration_minutes INTEGER,
  evidence_start INTEGER NOT NULL, evidence_end INTEGER NOT NULL, evidence TEXT NOT NULL,
  data TEXT NOT NULL,                 -- the sourced event as JSON (global entity keys), what merging reads
  PRIMARY KEY (doc_id, id)
);

CREATE TABLE clusters (
  id TEXT PRIMARY KEY,                -- c-<hash of the founding report>: stable while reports join
  type TEXT NOT NULL, mode TEXT,
  date_start TEXT, date_end TEXT, date_event TEXT,
  location TEXT, location_key TEXT,
  status TEXT NOT NULL,
  participants TEXT NOT NULL,         -- JSON array of entity keys, most reported first
  history TEXT NOT NULL,              -- JSON array of status steps in publication order
  first_published TEXT, last_published TEXT,
  sources INTEGER NOT NULL,
  win_start TEXT, win_end TEXT        -- the days its reports allow: candidate filter for merging
);
CREATE INDEX clusters_date ON clusters(date_start);

CREATE TABLE event_sources (
  cluster_id TEXT NOT NULL REFERENCES clusters(id),
  doc_id TEXT NOT NULL,
  event_id TEXT NOT NULL,
  PRIMARY KEY (doc_id, event_id)
);
CREATE INDEX event_sources_cluster ON event_sources(cluster_id);

CREATE TABLE cluster_participants (
  entity_key TEXT NOT NULL,
  cluster_id TEXT NOT NULL REFERENCES clusters(id),
  PRIMARY KEY (entity_key, cluster_id)
) WITHOUT ROWID;

CREATE TABLE conflicts (
  id TEXT PRIMARY KEY,
  cluster_id TEXT NOT NULL REFERENCES clusters(id),
  field TEXT NOT NULL,
  sides TEXT NOT NULL                 -- JSON: [{value, events: [{eventId, docId, outlet, evidence}]}] x2
);
CREATE INDEX conflicts_cluster ON conflicts(cluster_id);

CREATE TABLE promises (
  cluster_id TEXT PRIMARY KEY REFERENCES clusters(id),
  state TEXT NOT NULL,                -- kept | cancelled | denied | rejected | pending (overdue is decided when read)
  due_start TEXT, due_end TEXT,
  announced TEXT NOT NULL,            -- JSON
  outcome TEXT                        -- JSON or null
);

CREATE TABLE quotes (
  seq INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL REFERENCES documents(id),
  id TEXT NOT NULL,
  speaker_key TEXT,
  text TEXT NOT NULL, kind TEXT NOT NULL,
  start INTEGER NOT NULL, "end" INTEGER NOT NULL,
  cue TEXT
);
CREATE INDEX quotes_doc ON quotes(doc_id);
CREATE INDEX quotes_speaker ON quotes(speaker_key);

CREATE TABLE times (
  doc_id TEXT NOT NULL REFERENCES documents(id),
  start INTEGER NOT NULL, "end" INTEGER NOT NULL,
  text TEXT NOT NULL, value TEXT,
  range_start TEXT, range_end TEXT
);
CREATE INDEX times_doc ON times(doc_id);

-- Full text: the words as written and their stems (German or English by the document's language).
-- Contentless: the text itself lives once, in documents and quotes; rowid = documents.seq / quotes.seq.
-- detail=column: words and columns, no positions (searches are per word; a quarter less work per article).
CREATE VIRTUAL TABLE documents_fts USING fts5(text, stemmed, content='', detail=column, tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE quotes_fts USING fts5(text, stemmed, content='', detail=column, tokenize='unicode61 remove_diacritics 2');
`,
  },
  {
    version: 2,
    about: "blocking for merging: one row per (type, participant pair, 30-day bucket) hash and cluster",
    sql: `
CREATE TABLE cluster_pairs (
  pair INTEGER NOT NULL,              -- hash53("TYPE|entity a|entity b|30-day bucket"), see src/story/blocks.ts
  cluster_id TEXT NOT NULL REFERENCES clusters(id),
  PRIMARY KEY (pair, cluster_id)
) WITHOUT ROWID;
`,
    // Backfill from the stored reports; without the KB every participant counts, which only adds candidates.
    up(db) {
      const put = db.prepare("INSERT OR IGNORE INTO cluster_pairs (pair, cluster_id) VALUES (?, ?)");
      const page = db.prepare(
        "SELECT s.rowid r, s.cluster_id, e.data FROM event_sources s JOIN events e ON e.doc_id = s.doc_id AND e.id = s.event_id WHERE s.rowid > ? ORDER BY s.rowid LIMIT 5000",
      );
      // Pages, not one cursor: better-sqlite3 cannot write while a read on the same connection is open.
      for (let last = 0; ; ) {
        const rows = page.all(last) as { r: number; cluster_id: string; data: string }[];
        if (!rows.length) break;
        for (const row of rows) for (const k of blockKeys(JSON.parse(row.data) as SourcedEvent)) put.run(k, row.cluster_id);
        last = rows.at(-1)!.r;
      }
    },
  },
  {
    version: 3,
    about: "indexes for merging and reading at 100k articles: cluster windows by id, the timeline's order, by type and status",
    sql: `
-- Merging filters candidate clusters by type and window; a cluster's row carries its history (kilobytes for
-- a busy story, in overflow pages before the window columns), so the filter reads this narrow index instead.
CREATE INDEX IF NOT EXISTS clusters_merge ON clusters(id, type, win_start, win_end);
-- The timeline's order, so that a page or a date window costs the same at any store size.
CREATE INDEX IF NOT EXISTS clusters_timeline ON clusters(coalesce(date_start, first_published, '9999'), id);
-- The timeline by type (and status) in its order, and their counts without reading cluster rows.
CREATE INDEX IF NOT EXISTS clusters_type ON clusters(type, status, coalesce(date_start, first_published, '9999'), id);
`,
  },
  {
    version: 4,
    about: "the timeline by type alone in its order",
    // clusters_type puts status before the order, so a filter by type alone sorted every cluster of that type.
    sql: "CREATE INDEX IF NOT EXISTS clusters_type_order ON clusters(type, coalesce(date_start, first_published, '9999'), id);",
  },
  {
    version: 5,
    about: "the timeline order with each cluster's dates: a date window is filtered on the index",
    // A date window's test reads date_start, date_end and first_published; with them in the index a
    // window's page and total are read off it (a year at 100k articles: 12 -> 2 ms) instead of from cluster rows.
    // It leads with the timeline order and id, so it serves everything clusters_timeline did.
    sql: `
CREATE INDEX IF NOT EXISTS clusters_window ON clusters(coalesce(date_start, first_published, '9999'), id, date_start, date_end, first_published);
DROP INDEX IF EXISTS clusters_timeline;
`,
  },
];
