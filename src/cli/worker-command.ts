// `dossier worker --db postgres://…`: process queued documents (from dossier ingest --queue); run one per core, on any machine.
import { parseArgs } from "node:util";
import { DossierError } from "../core/errors.js";
import { isPostgresUrl } from "../store/backend.js";
import { makeContext } from "./context.js";

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
    ...(values["log-jobs"] ? { onJob: (source: string, outcome: string) => process.stderr.write(`job ${outcome} ${source}\n`) } : {}),
  });
  if (values.verbose || values.once) console.error(`worker: ${jobs} jobs in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return 0;
}
