// `dossier ingest PATH…`: extract and store documents, merge their events; idempotent and restartable.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { DossierError } from "../core/errors.js";
import type { ExtractionRecord } from "../core/record.js";
import { DB_OPTION, todayOption } from "../store/cli-options.js";
import { ingestInputs, ingestRecords, type IngestSummary } from "../store/ingest.js";
import { openStore } from "../store/open.js";
import { counts } from "../store/queries.js";
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
    },
  });
  // --feed URL is an RSS/Atom feed: every item it links is fetched and ingested (a plain URL argument works too).
  positionals.push(...(values.feed ?? []));
  if (!positionals.length) throw new DossierError("USAGE", "ingest needs at least one PATH (files, folders, .jsonl, .gz, .warc, http(s) URLs, --feed URL, or - for stdin)");
  const batchSize = values.batch ? Number(values.batch) : undefined;
  if (batchSize !== undefined && !(batchSize >= 1)) throw new DossierError("USAGE", "--batch must be a positive number of documents");
  const workers = values.workers ? Number(values.workers) : 1;
  if (!(Number.isInteger(workers) && workers >= 1)) throw new DossierError("USAGE", "--workers must be a whole number of threads (1: extract on the main thread)");
  const db = openStore(values.db);
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
    const sum = values.records ? ingestRecords(db, ctx, readRecords(positionals), opts) : await ingestInputs(db, ctx, positionals, opts);
    if (values.json) console.log(JSON.stringify({ ...sum, store: counts(db) }));
    else if (!values.quiet) printSummary(sum, values.db);
    return sum.failed.length ? 1 : 0;
  } finally {
    db.close();
  }
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
