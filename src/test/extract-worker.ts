// Worker thread for the pathological-input test: reads and extracts each document it is sent and answers with the outcome, so the test can bound every document's time and terminate a runaway.
import { parentPort } from "node:worker_threads";
import { makeContext } from "../cli/context.js";
import { recordProblems } from "../core/validate.js";
import { extractArticle } from "../extract.js";
import { readBytes } from "../ingest/sources.js";

export interface WorkerJob {
  name: string;
  ext: string;
  text: string;
}

export interface WorkerAnswer {
  name: string;
  /** Error codes of the documents read, or "ok" per valid record. */
  outcomes: string[];
  /** Offset or schema problems of the records; must be empty. */
  problems: string[];
  ms: number;
}

// Loaded as a test file by `node --test dist/` too: only a real worker has a parent port.
if (parentPort) {
  const port = parentPort;
  const ctx = makeContext();
  port.on("message", (job: WorkerJob) => {
    const t0 = performance.now();
    const outcomes: string[] = [];
    const problems: string[] = [];
    try {
      for (const r of readBytes(Buffer.from(job.text, "utf8"), `${job.name}${job.ext}`, job.ext, null, {})) {
        if ("error" in r) {
          outcomes.push(r.error.code);
          continue;
        }
        const rec = extractArticle(r.article, ctx);
        if ("error" in rec) outcomes.push(rec.error.code);
        else {
          outcomes.push("ok");
          problems.push(...recordProblems(rec));
        }
      }
    } catch (e) {
      problems.push(`exception: ${(e as Error)?.stack ?? String(e)}`);
    }
    port.postMessage({ name: job.name, outcomes, problems, ms: Math.round(performance.now() - t0) } satisfies WorkerAnswer);
  });
}
