// `dossier ingest PATH…`: extract and store documents, merge their events; idempotent and restartable (--queue: leave the work to `dossier worker`).
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { DossierError } from "../core/errors.js";
import type { ExtractionRecord } from "../core/record.js";
import { DB_OPTION, todayOption } from "../store/cli-options.js";
import { isPostgresUrl, redactUrl } from "../store/backend.js";
import type { IngestSummary } from "../store/ingest.js";
import { openBackend } from "../store/open-backend.js";
import { makeContext } from "./context.js";

export async function runIngest(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...DB_OPTION,
      kb: { type: "string", multiple: true, default: [] },
      batch: { type: "string" },
      "max-bytes": { type: "string" },
      records: { type: "boolean", default: false },
      today: { type: "string" },
      quiet: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      "log-batches": { type: "boolean", default: false },
      feed: { type: "string", multiple: true, default: [] },
      workers: { type: "string" },
      queue: { type: "boolean", default: false },
    },
  });
  // --feed URL is an RSS/Atom feed: every item it links is fetched and ingested (a plain URL argument works too).
  positionals.push(...(values.feed ?? []));
  if (!positionals.length) throw new DossierError("USAGE", "ingest needs at least one PATH (files, folders, .jsonl, .gz, .warc, http(s) URLs, --feed URL, or - for stdin)");
  const batchSize = values.batch ? Number(values.batch) : undefined;
  if (batchSize !== undefined && !(batchSize >= 1)) throw new DossierError("USAGE", "--batch must be a positive number of documents");
  const workers = values.workers ? Number(values.workers) : 1;
  if (!(Number.isInteger(workers) && workers >= 1)) throw new DossierError("USAGE", "--workers must be a whole number of threads (1: extract on the main thread)");
  if (values.queue) return queue(values.db, positionals, values);
  const store = await openBackend(values.db);
  try {
    const ctx = makeContext({}, values.kb ?? []);
    const opts = {
      ...(batchSize ? { batchSize } : {}),
      ...(values["max-bytes"] ? { maxBytes: Number(values["max-bytes"]) } : {}),
      today: todayOption(values.today),
      ...(workers > 1 ? { workers: { count: workers, kbFiles: values.kb ?? [] } } : {}),
      progress: values.quiet || values.json ? null : process.stderr,
      // One line per committed batch on stderr: what a supervisor (or the kill-safety test) can watch.
      ...(values["log-batches"] ? { onBatch: (read: number) => process.stderr.write(`committed ${read}\n`) } : {}),
    };
    const sum = values.records ? await store.ingestRecords(ctx, readRecords(positionals), opts) : await store.ingestInputs(ctx, positionals, opts);
    if (values.json) console.log(JSON.stringify({ ...sum, store: await store.counts() }));
    else if (!values.quiet) printSummary(sum, store.label);
    return sum.failed.length ? 1 : 0;
  } finally {
    await store.close();
  }
}

/** --queue: one job per new document on the PostgreSQL queue; `dossier worker` processes them. */
async function queue(db: string, paths: string[], values: { records?: boolean; json?: boolean; quiet?: boolean; today?: string; "max-bytes"?: string }): Promise<number> {
  if (!isPostgresUrl(db)) throw new DossierError("USAGE", "--queue needs a PostgreSQL store: --db postgres://user@host/db (the queue lives in the same database)");
  if (values.records) throw new DossierError("USAGE", "--queue takes articles, not extracted --records; ingest records directly with --db");
  const { enqueueInputs } = await import("../queue/enqueue.js");
  const sum = await enqueueInputs(db, paths, {
    ...(values["max-bytes"] ? { maxBytes: Number(values["max-bytes"]) } : {}),
    ...(values.today ? { today: todayOption(values.today) } : {}),
  });
  if (values.json) console.log(JSON.stringify(sum));
  else if (!values.quiet) {
    console.error(`${sum.read} documents read: ${sum.queued} queued, ${sum.known} already stored, ${sum.failed.length} failed → ${redactUrl(db)}; run dossier worker --db URL to process them`);
    for (const f of sum.failed.slice(0, 20)) console.error(`  error ${f.code} ${f.source}: ${f.message}`);
  }
  return sum.failed.length ? 1 : 0;
}

/** Extraction records as `dossier extract --json` writes them (JSON Lines); error records are skipped. */
function* readRecords(paths: string[]): Generator<ExtractionRecord> {
  for (const p of paths) {
    const text = readFileSync(p === "-" ? 0 : p, "utf8");
    for (const line of text.split("\n")) {
      if (!line.trim()) continue;
      const r = JSON.parse(line) as ExtractionRecord | { error: unknown };
      if ("error" in r) continue;
      yield r;
    }
  }
}

function printSummary(s: IngestSummary, db: string): void {
  const rate = s.seconds > 0 ? (s.read / s.seconds).toFixed(1) : "-";
  console.error(
    `${s.read} documents read: ${s.added} added, ${s.unchanged} already stored, ${s.failed.length} failed; ${s.events} events merged, ${s.clustersTouched} clusters updated; ${s.seconds.toFixed(1)} s (${rate}/s) → ${db}`,
  );
  for (const f of s.failed.slice(0, 20)) console.error(`  error ${f.code} ${f.source}: ${f.message}`);
  if (s.failed.length > 20) console.error(`  … and ${s.failed.length - 20} more (table ingest_errors)`);
}
