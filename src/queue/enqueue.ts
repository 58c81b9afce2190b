// `dossier ingest --queue`: reads the inputs and adds one graphile-worker job per document not stored yet.
import { makeWorkerUtils } from "graphile-worker";
import { DuplicateIndex } from "../clean/duplicates.js";
import { readAllInputs } from "../ingest/read-all.js";
import type { ReadResult } from "../ingest/record-reader.js";
import { rawHash } from "../store/ingest.js";
import { knownRaws, storeBatch } from "../store/pg/ingest.js";
import { migratePg } from "../store/pg/migrate.js";
import { connectPg } from "../store/pg/store.js";
import { queueLogger } from "./logger.js";
import { INGEST_TASK, MAX_ATTEMPTS, type IngestPayload } from "./names.js";

export interface EnqueueSummary {
  read: number;
  queued: number;
  /** Already stored (same raw input): no job. */
  known: number;
  /** Unreadable inputs, recorded in ingest_errors right away. */
  failed: { source: string; code: string; message: string }[];
}

export interface EnqueueOptions {
  maxBytes?: number;
  today?: string;
  verbose?: boolean;
  batchSize?: number;
}

/** Files, folders, URLs and feeds as `dossier ingest` reads them, one job per new document. */
export function enqueueInputs(url: string, inputs: string[], opts: EnqueueOptions = {}): Promise<EnqueueSummary> {
  return enqueueResults(url, readAllInputs(inputs, { duplicates: new DuplicateIndex(), ...(opts.maxBytes ? { maxBytes: opts.maxBytes } : {}) }), opts);
}

/** Read results (articles, or unreadable inputs) to jobs; the bench queues synthetic articles this way. */
export async function enqueueResults(url: string, results: AsyncIterable<ReadResult> | Iterable<ReadResult>, opts: EnqueueOptions = {}): Promise<EnqueueSummary> {
  const pool = await connectPg(url, 2);
  const utils = await makeWorkerUtils({ connectionString: url, logger: queueLogger(opts.verbose ?? false) });
  const sum: EnqueueSummary = { read: 0, queued: 0, known: 0, failed: [] };
  try {
    await migratePg(pool);
    await utils.migrate();
    let pending: IngestPayload[] = [];
    const flush = async () => {
      const raws = pending.map((p) => rawHash(p.article));
      const known = await knownRaws(pool, raws);
      const jobs = pending.flatMap((payload, i) =>
        known.has(raws[i]!)
          ? []
          : // The raw hash as job key: queueing the same input again while its job waits adds no second job.
            [{ identifier: INGEST_TASK, payload, jobKey: `raw:${raws[i]}`, maxAttempts: MAX_ATTEMPTS }],
      );
      sum.known += pending.length - jobs.length;
      if (jobs.length) await utils.addJobs(jobs);
      sum.queued += jobs.length;
      pending = [];
    };
    for await (const r of results) {
      sum.read++;
      if ("error" in r) sum.failed.push({ source: r.source, code: r.error.code, message: r.error.message });
      else pending.push({ article: r.article, ...(opts.today ? { today: opts.today } : {}) });
      if (pending.length >= (opts.batchSize ?? 500)) await flush();
    }
    await flush();
    if (sum.failed.length) await storeBatch(pool, [], sum.failed, undefined, opts.today);
    return sum;
  } finally {
    await utils.release();
    await pool.end();
  }
}
