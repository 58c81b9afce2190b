// `dossier worker`: takes ingest jobs from the queue, extracts each document and stores and merges it.
import { EventEmitter } from "node:events";
import { makeWorkerUtils, run, runOnce, type Task, type WorkerEvents } from "graphile-worker";
import type { Context } from "../core/context.js";
import { rawHash } from "../store/ingest.js";
import { extractArticle, knownRaws, storeBatch } from "../store/pg/ingest.js";
import { migratePg } from "../store/pg/migrate.js";
import { connectPg } from "../store/pg/store.js";
import { ClusterMemory } from "../store/pg/writer.js";
import { kbLookup } from "../story/kb-lookup.js";
import { holdLiveness, reclaimDeadWorkers } from "./liveness.js";
import { queueLogger } from "./logger.js";
import { INGEST_TASK, type IngestPayload } from "./names.js";

/** Where a job's time went, in milliseconds; only `merge` runs one worker at a time. */
export interface JobTimes {
  extract: number;
  store: number;
  lockWait: number;
  merge: number;
}

export interface WorkerOptions {
  /** Work until the queue is empty, then exit (batch runs, tests, the bench); otherwise run until SIGINT/SIGTERM. */
  once?: boolean;
  verbose?: boolean;
  /** Called after each job with the document's source and what happened (the kill test watches these). */
  onJob?: (source: string, outcome: "started" | "added" | "unchanged" | "failed", ms?: JobTimes) => void;
  /** Called once the worker listens for jobs (not with once). */
  onReady?: () => void;
  /** How often a running worker looks for dead workers' jobs, ms. */
  reclaimEveryMs?: number;
}

export async function runWorker(url: string, ctx: Context, opts: WorkerOptions = {}): Promise<{ jobs: number }> {
  const pool = await connectPg(url, 3);
  const logger = queueLogger(opts.verbose ?? false);
  const utils = await makeWorkerUtils({ connectionString: url, logger });
  const live = await pool.connect();
  // The pools graphile-worker creates in this process, and their liveness locks (see liveness.ts).
  const own = new Set<string>();
  let held: Promise<void> = Promise.resolve();
  const events = new EventEmitter() as WorkerEvents;
  events.on("pool:create", ({ workerPool }) => {
    own.add(workerPool.id);
    const lock = holdLiveness(live, workerPool.id);
    held = Promise.all([held, lock]).then(() => undefined);
  });
  const lookup = kbLookup(ctx.kb);
  const memory = new ClusterMemory();
  let jobs = 0;
  let timer: NodeJS.Timeout | undefined;
  try {
    await migratePg(pool);
    await utils.migrate();
    const reclaim = async () => {
      const dead = await reclaimDeadWorkers(live, utils, INGEST_TASK, own);
      if (dead.length) process.stderr.write(`released the jobs of ${dead.length} stopped worker(s): ${dead.join(", ")}\n`);
      return dead.length;
    };
    await reclaim();

    // Idempotent: a document stored before (by an earlier attempt that died after its commit, or
    // another worker) is skipped; everything else happens in one transaction that a crash rolls back.
    const ingest: Task = async (payload) => {
      const { article, today } = payload as IngestPayload;
      await held;
      jobs++;
      opts.onJob?.(article.source, "started");
      const raw = rawHash(article);
      if ((await knownRaws(pool, [raw])).has(raw)) return void opts.onJob?.(article.source, "unchanged");
      const t0 = performance.now();
      const x = extractArticle({ source: article.source, article }, ctx);
      const extract = performance.now() - t0;
      const r = "rec" in x ? await storeBatch(pool, [x], [], lookup, today, memory) : await storeBatch(pool, [], [x], lookup, today);
      opts.onJob?.(article.source, "rec" in x ? (r.added ? "added" : "unchanged") : "failed", { extract, ...r.ms });
    };
    const options = { connectionString: url, logger, events, noHandleSignals: true, pollInterval: 1000, taskList: { [INGEST_TASK]: ingest } };
    if (opts.once) {
      // A worker killed just now may still look alive (its server connection closes a moment later):
      // look again when the queue seems empty, and run again if that released jobs.
      await runOnce(options);
      while ((await reclaim()) > 0) await runOnce(options);
    }
    else {
      const runner = await run({ ...options, concurrency: 1 });
      opts.onReady?.();
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
