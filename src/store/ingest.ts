// Ingest: read, extract and store documents in batches, one transaction per batch, and merge their events.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import type { Context } from "../core/context.js";
import { toDossierError } from "../core/errors.js";
import { shortHash } from "../core/hash.js";
import { toRecord, type ExtractionRecord } from "../core/record.js";
import { processArticle } from "../extract.js";
import type { RawArticle } from "../ingest/article.js";
import type { ReadResult } from "../ingest/record-reader.js";
import { DuplicateIndex } from "../clean/duplicates.js";
import { isUrl, readAllInputs } from "../ingest/read-all.js";
import { kbLookup } from "../story/kb-lookup.js";
import type { Db } from "./open.js";
import { Progress } from "./progress.js";
import { ExtractPool, type Extracted } from "./extract-pool.js";
import { StoreWriter } from "./writer.js";

export interface IngestOptions {
  /** Documents per transaction: a killed ingest loses at most the batch in flight, and the next run redoes it. */
  batchSize?: number;
  maxBytes?: number;
  progress?: NodeJS.WriteStream | null;
  /** The day overdue promises are judged against (YYYY-MM-DD); default today. */
  today?: string;
  /** Called after each committed batch with the number of documents read so far (tests use it to kill mid-way). */
  onBatch?: (read: number) => void;
  /**
   * Extract on this many worker threads (each loads the knowledge base: kbFiles are the extra KB files
   * the context was made with); the main thread reads and writes. Same store as without workers.
   */
  workers?: { count: number; kbFiles: string[] };
}

export interface IngestSummary {
  read: number;
  added: number;
  unchanged: number;
  failed: { source: string; code: string; message: string }[];
  events: number;
  clustersTouched: number;
  seconds: number;
}

/** What the input identifies itself by before cleaning: same bytes and metadata, same hash. */
export function rawHash(a: RawArticle): string {
  return shortHash([a.body, a.title ?? "", a.published ?? "", a.url ?? "", a.outlet ?? "", a.language ?? ""].join("\u0000"), 20);
}

/**
 * Every kind of input (files, folders, stdin, .gz, WARC, http(s) URLs, RSS/Atom feeds) extracted
 * and stored batch by batch; the readers are asynchronous because URLs and feeds are fetched.
 */
export async function ingestInputs(db: Db, ctx: Context, inputs: string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  const total = opts.progress?.isTTY && !inputs.some(isUrl) ? countInputs(inputs) : null;
  const session = ingestSession(db, ctx, opts, total);
  // Agency copies among the inputs of this run carry document.duplicateOf (each is still stored: every source counts).
  const duplicates = new DuplicateIndex();
  const read = readAllInputs(inputs, { duplicates, ...(opts.maxBytes ? { maxBytes: opts.maxBytes } : {}) });
  if (opts.workers && opts.workers.count > 1) await addExtractedInWorkers(session, read, ctx, opts.workers, opts.batchSize ?? 200);
  else for await (const r of read) session.add(r);
  return session.end();
}

/** Articles and plain-text results extracted on worker threads (see IngestOptions.workers). */
export async function ingestArticles(db: Db, ctx: Context, results: AsyncIterable<ReadResult> | Iterable<ReadResult>, opts: IngestOptions = {}): Promise<IngestSummary> {
  const session = ingestSession(db, ctx, opts, null);
  if (opts.workers && opts.workers.count > 1) await addExtractedInWorkers(session, results, ctx, opts.workers, opts.batchSize ?? 200);
  else for await (const r of results) session.add(r);
  return session.end();
}

/**
 * Sends articles to the workers as they are read, at most `inFlight` ahead, and adds the answers in
 * input order, so that batches hold the same documents as a single-threaded ingest would.
 */
async function addExtractedInWorkers(session: Session, results: AsyncIterable<ReadResult> | Iterable<ReadResult>, ctx: Context, workers: { count: number; kbFiles: string[] }, inFlight: number): Promise<void> {
  const pool = new ExtractPool(workers.count, ctx.options, workers.kbFiles);
  const queue: { r: ReadResult; raw: string | null; extracted: Promise<Extracted> | null }[] = [];
  const drain = async (keep: number) => {
    while (queue.length > keep) {
      const q = queue.shift()!;
      session.addExtracted(q.r, q.raw, q.extracted ? await q.extracted : null);
    }
  };
  try {
    for await (const r of results) {
      if ("error" in r) queue.push({ r, raw: null, extracted: null });
      else {
        const raw = rawHash(r.article);
        // Known inputs are skipped without extracting them (the fast path of a repeated ingest).
        queue.push({ r, raw, extracted: session.knownRaw(raw) ? null : pool.extract(r.article) });
      }
      await drain(inFlight);
    }
    await drain(0);
  } finally {
    await pool.close();
  }
}

/** Extracts and stores what readers produced (articles or per-document errors), batch by batch. */
export function ingestResults(db: Db, ctx: Context, results: Iterable<ReadResult>, opts: IngestOptions = {}, total: number | null = null): IngestSummary {
  const session = ingestSession(db, ctx, opts, total);
  for (const r of results) session.add(r);
  return session.end();
}

/** One ingest run: `add` each read result (or `addExtracted` what a worker extracted), `end` commits the last batch and returns the summary. */
interface Session {
  add(r: ReadResult): void;
  addExtracted(r: ReadResult, raw: string | null, extracted: Extracted | null): void;
  knownRaw(raw: string): boolean;
  end(): IngestSummary;
}

function ingestSession(db: Db, ctx: Context, opts: IngestOptions, total: number | null): Session {
  const writer = new StoreWriter(db, kbLookup(ctx.kb), opts.today);
  const bar = opts.progress ? new Progress(opts.progress, total) : null;
  const sum: IngestSummary = { read: 0, added: 0, unchanged: 0, failed: [], events: 0, clustersTouched: 0, seconds: 0 };
  const t0 = performance.now();
  const batchSize = opts.batchSize ?? 200;
  let batch: { rec: ExtractionRecord; raw: string }[] = [];
  let errors: { source: string; code: string; message: string }[] = [];
  const tx = db.transaction(() => {
    const events = [];
    for (const { rec, raw } of batch) {
      const evs = writer.addRecord(rec, raw);
      if (evs) {
        sum.added++;
        events.push(...evs);
      } else sum.unchanged++;
    }
    for (const e of errors) writer.recordError(e.source, e.code, e.message);
    writer.merge(events);
    sum.events += events.length;
    sum.clustersTouched += writer.refresh();
  });
  const commit = () => {
    guarded(writer, tx);
    sum.failed.push(...errors);
    batch = [];
    errors = [];
    opts.onBatch?.(sum.read);
  };
  const add = (r: ReadResult): void => {
    if ("error" in r) return addExtracted(r, null, null);
    const raw = rawHash(r.article);
    if (writer.knownRaw(raw)) return addExtracted(r, raw, null);
    let x: Extracted;
    try {
      x = { record: toRecord(processArticle(r.article, ctx)) };
    } catch (err) {
      const e = toDossierError(err);
      x = { error: { code: e.code, message: e.message } };
    }
    addExtracted(r, raw, x);
  };
  /** A read result with what extraction made of it (null: a read error, or an input stored before). */
  const addExtracted = (r: ReadResult, raw: string | null, x: Extracted | null): void => {
    sum.read++;
    if ("error" in r) errors.push({ source: r.source, code: r.error.code, message: r.error.message });
    else if (!x || raw === null) sum.unchanged++;
    else if ("error" in x) errors.push({ source: r.source, ...x.error });
    else batch.push({ rec: x.record, raw });
    if (batch.length + errors.length >= batchSize) commit();
    bar?.update(sum.read);
  };
  const end = (): IngestSummary => {
    if (batch.length || errors.length) commit();
    bar?.end(sum.read);
    sum.seconds = (performance.now() - t0) / 1000;
    return sum;
  };
  return { add, addExtracted, knownRaw: (raw) => writer.knownRaw(raw), end };
}

/** Stores records that were extracted before (dossier extract --json output, the store-only bench). */
export function ingestRecords(db: Db, ctx: Context | null, records: Iterable<ExtractionRecord>, opts: IngestOptions = {}): IngestSummary {
  const writer = new StoreWriter(db, ctx ? kbLookup(ctx.kb) : undefined, opts.today);
  const sum: IngestSummary = { read: 0, added: 0, unchanged: 0, failed: [], events: 0, clustersTouched: 0, seconds: 0 };
  const t0 = performance.now();
  const batchSize = opts.batchSize ?? 500;
  let batch: ExtractionRecord[] = [];
  const tx = db.transaction(() => {
    const events = [];
    for (const rec of batch) {
      const evs = writer.addRecord(rec, `rec:${rec.document.id}`);
      if (evs) {
        sum.added++;
        events.push(...evs);
      } else sum.unchanged++;
    }
    writer.merge(events);
    sum.events += events.length;
    sum.clustersTouched += writer.refresh();
  });
  for (const rec of records) {
    sum.read++;
    batch.push(rec);
    if (batch.length >= batchSize) {
      guarded(writer, tx);
      batch = [];
      opts.onBatch?.(sum.read);
    }
  }
  if (batch.length) guarded(writer, tx);
  sum.seconds = (performance.now() - t0) / 1000;
  return sum;
}

/** Runs a batch transaction; when it rolls back, the writer's cache of clusters is dropped with it. */
function guarded(writer: StoreWriter, tx: () => void): void {
  try {
    tx();
  } catch (err) {
    writer.resetCache();
    throw err;
  }
}

const KNOWN = new Set([".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".json", ".jsonl", ".ndjson"]);

/** A quick count of the documents behind the inputs, for the progress bar's ETA (JSON Lines count lines). */
export function countInputs(inputs: string[]): number {
  let n = 0;
  for (const p of inputs) {
    if (p === "-") continue;
    try {
      const st = statSync(p);
      if (st.isDirectory()) n += countInputs(readdirSync(p).filter((x) => !x.startsWith(".")).map((x) => join(p, x)));
      else if (/\.(jsonl|ndjson)$/i.test(p)) n += readFileSync(p, "utf8").split("\n").filter((l) => l.trim()).length;
      else if (KNOWN.has(extname(p).toLowerCase()) || inputs.length === 1) n++;
    } catch {
      n++;
    }
  }
  return n;
}
