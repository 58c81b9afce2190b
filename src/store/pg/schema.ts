// Versioned schema of the PostgreSQL store: the SQLite tables, with PostgreSQL's own German/English text search.
//
// Text columns use the "C" collation: ids, dates and names then sort bytewise, as in SQLite, whatever
// locale the cluster was created with (the timeline's order must not depend on the server).

const T = 'text COLLATE "C"';

/** The text search configuration of a document's language: PostgreSQL's Snowball stemmers for German and English. */
export const TS_CONFIG = `CASE language WHEN 'de' THEN 'german'::regconfig WHEN 'en' THEN 'english'::regconfig ELSE 'simple'::regconfig END`;

export interface PgMigration {
  version: number;
  about: string;
  sql: string;
}

export const PG_MIGRATIONS: PgMigration[] = [
  {
    version: 1,
    about: "documents, entities, mentions, events, clusters, merge index, conflicts, promises, quotes, times; tsvector columns",
    sql: `
CREATE TABLE documents (
  seq bigserial PRIMARY KEY,
  id ${T} NOT NULL UNIQUE,
  raw_hash ${T} NOT NULL,
  source ${T} NOT NULL,
  url ${T}, title ${T}, outlet ${T},
  language ${T} NOT NULL,
  published ${T}, published_basis ${T},
  agencies ${T} NOT NULL,
  ai_generated integer NOT NULL,
  text ${T} NOT NULL,
  removed ${T} NOT NULL,
  ingested_at ${T} NOT NULL,
  -- Words and stems in the document's language, kept by PostgreSQL itself.
  tsv tsvector GENERATED ALWAYS AS (to_tsvector(${TS_CONFIG}, text)) STORED
);
CREATE INDEX documents_raw ON documents(raw_hash);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_tsv ON documents USING gin(tsv);

CREATE TABLE ingest_errors (
  source ${T} PRIMARY KEY,
  code ${T} NOT NULL,
  message ${T} NOT NULL,
  at ${T} NOT NULL
);

CREATE TABLE entities (
  key ${T} PRIMARY KEY,
  name ${T} NOT NULL,
  type ${T} NOT NULL,
  wikidata ${T}
);

CREATE TABLE mentions (
  entity_key ${T} NOT NULL REFERENCES entities(key),
  doc_id ${T} NOT NULL REFERENCES documents(id),
  role ${T},
  spans ${T} NOT NULL,
  PRIMARY KEY (entity_key, doc_id)
);

CREATE TABLE events (
  doc_id ${T} NOT NULL REFERENCES documents(id),
  id ${T} NOT NULL,
  type ${T} NOT NULL, mode ${T}, status ${T} NOT NULL,
  date_start ${T}, date_end ${T}, date_text ${T},
  location ${T}, location_key ${T},
  duration_minutes integer,
  evidence_start integer NOT NULL, evidence_end integer NOT NULL, evidence ${T} NOT NULL,
  data ${T} NOT NULL,
  PRIMARY KEY (doc_id, id)
);

CREATE TABLE clusters (
  id ${T} PRIMARY KEY,
  type ${T} NOT NULL, mode ${T},
  date_start ${T}, date_end ${T}, date_event ${T},
  location ${T}, location_key ${T},
  status ${T} NOT NULL,
  participants ${T} NOT NULL,
  history ${T} NOT NULL,
  first_published ${T}, last_published ${T},
  sources integer NOT NULL,
  win_start ${T}, win_end ${T}
);
CREATE INDEX clusters_date ON clusters(date_start);

CREATE TABLE event_sources (
  cluster_id ${T} NOT NULL REFERENCES clusters(id),
  doc_id ${T} NOT NULL,
  event_id ${T} NOT NULL,
  PRIMARY KEY (doc_id, event_id)
);
CREATE INDEX event_sources_cluster ON event_sources(cluster_id);
CREATE INDEX event_sources_event ON event_sources(event_id);

CREATE TABLE cluster_participants (
  entity_key ${T} NOT NULL,
  cluster_id ${T} NOT NULL REFERENCES clusters(id),
  PRIMARY KEY (entity_key, cluster_id)
);

CREATE TABLE cluster_pairs (
  pair bigint NOT NULL,
  cluster_id ${T} NOT NULL REFERENCES clusters(id),
  PRIMARY KEY (pair, cluster_id)
);

CREATE TABLE conflicts (
  id ${T} PRIMARY KEY,
  cluster_id ${T} NOT NULL REFERENCES clusters(id),
  field ${T} NOT NULL,
  sides ${T} NOT NULL
);
CREATE INDEX conflicts_cluster ON conflicts(cluster_id);

CREATE TABLE promises (
  cluster_id ${T} PRIMARY KEY REFERENCES clusters(id),
  state ${T} NOT NULL,
  due_start ${T}, due_end ${T},
  announced ${T} NOT NULL,
  outcome ${T}
);

CREATE TABLE quotes (
  seq bigserial PRIMARY KEY,
  doc_id ${T} NOT NULL REFERENCES documents(id),
  id ${T} NOT NULL,
  speaker_key ${T},
  text ${T} NOT NULL, kind ${T} NOT NULL,
  start integer NOT NULL, "end" integer NOT NULL,
  cue ${T},
  language ${T} NOT NULL,
  tsv tsvector GENERATED ALWAYS AS (to_tsvector(${TS_CONFIG}, text)) STORED
);
CREATE INDEX quotes_doc ON quotes(doc_id);
CREATE INDEX quotes_speaker ON quotes(speaker_key);
CREATE INDEX quotes_tsv ON quotes USING gin(tsv);

CREATE TABLE times (
  doc_id ${T} NOT NULL REFERENCES documents(id),
  start integer NOT NULL, "end" integer NOT NULL,
  text ${T} NOT NULL, value ${T},
  range_start ${T}, range_end ${T}
);
CREATE INDEX times_doc ON times(doc_id);
`,
  },
];

export const PG_LATEST = PG_MIGRATIONS.at(-1)!.version;
