// `dossier worker`: takes ingest jobs from the queue, extracts each document and stores and merges it.
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { makeWorkerUtils, run, runOnce, type Task } from "graphile-worker";
import type { Context } from "../core/context.js";
import { rawHash } from "../store/ingest.js";
import { extractArticle, knownRaws, storeBatch } from "../store/pg/ingest.js";
import { migratePg } from "../store/pg/migrate.js";
import { connectPg } from "../store/pg/store.js";
import { kbLookup } from "../story/kb-lookup.js";
import { holdLiveness, reclaimDeadWorkers, WORKER_PREFIX } from "./liveness.js";
import { queueLogger } from "./logger.js";
import { INGEST_TASK, type IngestPayload } from "./names.js";

export interface WorkerOptions {
  /** Work until the queue is empty, then exit (batch runs, tests, the bench); otherwise run until SIGINT/SIGTERM. */
  once?: boolean;
  verbose?: boolean;
  /** Called after each job with the document's source and what happened (the kill test watches these). */
  onJob?: (source: string, outcome: "added" | "unchanged" | "failed") => void;
  /** How often a running worker looks for dead workers' jobs, ms. */
  reclaimEveryMs?: number;
}

export async function runWorker(url: string, ctx: Context, opts: WorkerOptions = {}): Promise<{ jobs: number }> {
  const pool = await connectPg(url, 3);
  const logger = queueLogger(opts.verbose ?? false);
  const utils = await makeWorkerUtils({ connectionString: url, logger });
  const live = await pool.connect();
  const workerId = `${WORKER_PREFIX}${hostname()}-${process.pid}-${randomBytes(4).toString("hex")}`;
  const lookup = kbLookup(ctx.kb);
  let jobs = 0;
  let timer: NodeJS.Timeout | undefined;
  try {
    await migratePg(pool);
    await utils.migrate();
    await holdLiveness(live, workerId);
    const reclaim = async () => {
      const dead = await reclaimDeadWorkers(live, utils, workerId);
      if (dead.length) process.stderr.write(`released the jobs of ${dead.length} stopped worker(s): ${dead.join(", ")}\n`);
    };
    await reclaim();

    // Idempotent: a document stored before (by an earlier attempt that died after its commit, or
    // another worker) is skipped; everything else happens in one transaction that a crash rolls back.
    const ingest: Task = async (payload) => {
      const { article, today } = payload as IngestPayload;
      jobs++;
      const raw = rawHash(article);
      if ((await knownRaws(pool, [raw])).has(raw)) return void opts.onJob?.(article.source, "unchanged");
      const x = extractArticle({ source: article.source, article }, ctx);
      const r = "rec" in x ? await storeBatch(pool, [x], [], lookup, today) : await storeBatch(pool, [], [x], lookup, today);
      opts.onJob?.(article.source, "rec" in x ? (r.added ? "added" : "unchanged") : "failed");
    };
    const options = { connectionString: url, logger, workerId, noHandleSignals: true, pollInterval: 1000, taskList: { [INGEST_TASK]: ingest } };
    if (opts.once) await runOnce(options);
    else {
      const runner = await run({ ...options, concurrency: 1 });
      timer = setInterval(() => void reclaim().catch((e: Error) => logger.error(e.message)), opts.reclaimEveryMs ?? 10_000);
      const stop = () => void runner.stop();
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      await runner.promise;
    }
    return { jobs };
  } finally {
    if (timer) clearInterval(timer);
    live.release();
    await utils.release();
    await pool.end();
  }
}
