// Names shared by the producer (dossier ingest --queue) and the consumers (dossier worker) of the ingest queue.
import type { RawArticle } from "../ingest/article.js";

/** The graphile-worker task that extracts, stores and merges one document. */
export const INGEST_TASK = "dossier_ingest";

/** A job's payload: the article as read, so a worker on another machine needs no access to the input files. */
export interface IngestPayload {
  article: RawArticle;
  /** The day overdue promises are judged against, when the producer fixed one (YYYY-MM-DD). */
  today?: string;
}

/** Attempts per job: a job fails only on store errors (a lost connection, a deadlock), which are worth retrying. */
export const MAX_ATTEMPTS = 10;
