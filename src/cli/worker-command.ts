// `dossier worker --db postgres://…`: process queued documents (from dossier ingest --queue); run one per core, on any machine.
import { parseArgs } from "node:util";
import { DossierError } from "../core/errors.js";
import { isPostgresUrl } from "../store/backend.js";
import type { JobTimes } from "../queue/worker.js";
import { makeContext } from "./context.js";

/** `job <outcome> <source>`, with where the time went: `[extract 80.1 store 3.2 wait 0.0 merge 2.5 ms]`. */
function logJob(source: string, outcome: string, ms?: JobTimes): void {
  const t = ms ? ` [extract ${ms.extract.toFixed(1)} store ${ms.store.toFixed(1)} wait ${ms.lockWait.toFixed(1)} merge ${ms.merge.toFixed(1)} ms]` : "";
  process.stderr.write(`job ${outcome} ${source}${t}\n`);
}

export async function runWorkerCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: "string", default: process.env.DOSSIER_DB },
      kb: { type: "string", multiple: true, default: [] },
      once: { type: "boolean", default: false },
      verbose: { type: "boolean", default: false },
      "log-jobs": { type: "boolean", default: false },
    },
  });
  if (!values.db || !isPostgresUrl(values.db)) throw new DossierError("USAGE", "worker needs the PostgreSQL store that holds the queue: --db postgres://user@host/db (or DOSSIER_DB)");
  const { runWorker } = await import("../queue/worker.js");
  const ctx = makeContext({}, values.kb ?? []);
  const t0 = performance.now();
  const { jobs } = await runWorker(values.db, ctx, {
    once: values.once,
    verbose: values.verbose,
    // One line per finished job on stderr: what a supervisor (or the kill-safety test) can watch.
    ...(values["log-jobs"] ? { onJob: logJob, onReady: () => process.stderr.write("worker ready\n") } : {}),
  });
  if (values.verbose || values.once) console.error(`worker: ${jobs} jobs in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return 0;
}
