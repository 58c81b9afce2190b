// Ingest into PostgreSQL: extract outside the transaction, then store a batch and merge it under the locks of its stories.
import type { Pool } from "pg";
import type { Context } from "../../core/context.js";
import { toDossierError } from "../../core/errors.js";
import { toRecord, type ExtractionRecord } from "../../core/record.js";
import { processArticle } from "../../extract.js";
import { DuplicateIndex } from "../../clean/duplicates.js";
import type { ReadResult } from "../../ingest/record-reader.js";
import { isUrl, readAllInputs } from "../../ingest/read-all.js";
import { kbLookup } from "../../story/kb-lookup.js";
import type { EntityLookup } from "../../story/types.js";
import { countInputs, rawHash, type IngestOptions, type IngestSummary } from "../ingest.js";
import { Progress } from "../progress.js";
import { ClusterMemory, PgWriter } from "./writer.js";

export interface Extracted {
  rec: ExtractionRecord;
  raw: string;
}

export interface IngestError {
  source: string;
  code: string;
  message: string;
}

export interface BatchResult {
  added: number;
  unchanged: number;
  events: number;
  clustersTouched: number;
  /** Milliseconds: storing the records (parallel), waiting for the merge locks of their keys, and merging while holding them. */
  ms: { store: number; lockWait: number; merge: number };
}

/**
 * One transaction: store the records (in parallel with other workers), then take the locks of their
 * stories and merge their events. A failure rolls everything back, so a retry starts from a clean slate.
 */
export async function storeBatch(pool: Pool, items: Extracted[], errors: IngestError[], lookup: EntityLookup | undefined, today: string | undefined, memory?: ClusterMemory): Promise<BatchResult> {
  const client = await pool.connect();
  const out: BatchResult = { added: 0, unchanged: 0, events: 0, clustersTouched: 0, ms: { store: 0, lockWait: 0, merge: 0 } };
  let t = performance.now();
  const lap = () => {
    const now = performance.now();
    const d = now - t;
    t = now;
    return d;
  };
  try {
    await client.query("BEGIN");
    const w = new PgWriter(client, lookup, today, memory);
    const events = [];
    for (const { rec, raw } of items) {
      const evs = await w.addRecord(rec, raw);
      if (evs) {
        out.added++;
        events.push(...evs);
      } else out.unchanged++;
    }
    for (const e of errors) await w.recordError(e.source, e.code, e.message);
    out.ms.store = lap();
    if (events.length) {
      await w.lockFor(events);
      out.ms.lockWait = lap();
      await w.merge(events);
      out.clustersTouched = await w.refresh();
    }
    out.events = events.length;
    await client.query("COMMIT");
    w.committed();
    out.ms.merge = lap();
    return out;
  } catch (err) {
    memory?.clear();
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** The raw hashes among these that are stored already. */
export async function knownRaws(pool: Pool, hashes: string[]): Promise<Set<string>> {
  if (!hashes.length) return new Set();
  const r = await pool.query<{ raw_hash: string }>("SELECT DISTINCT raw_hash FROM documents WHERE raw_hash = ANY($1::text[])", [hashes]);
  return new Set(r.rows.map((x) => x.raw_hash));
}

/** Extracts one article into a record, or the error that makes it unusable. */
export function extractArticle(r: ReadResult, ctx: Context): Extracted | IngestError {
  if ("error" in r) return { source: r.source, code: r.error.code, message: r.error.message };
  try {
    return { rec: toRecord(processArticle(r.article, ctx)), raw: rawHash(r.article) };
  } catch (err) {
    const e = toDossierError(err);
    return { source: r.source, code: e.code, message: e.message };
  }
}

const emptySummary = (): IngestSummary => ({ read: 0, added: 0, unchanged: 0, failed: [], events: 0, clustersTouched: 0, seconds: 0 });

function addUp(sum: IngestSummary, b: BatchResult, errors: IngestError[]): void {
  sum.added += b.added;
  sum.unchanged += b.unchanged;
  sum.events += b.events;
  sum.clustersTouched += b.clustersTouched;
  sum.failed.push(...errors);
}

/** Every kind of input, read, extracted and stored batch by batch (the PostgreSQL twin of ingestInputs). */
export async function pgIngestInputs(pool: Pool, ctx: Context, inputs: string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  const total = opts.progress?.isTTY && !inputs.some(isUrl) ? countInputs(inputs) : null;
  const bar = opts.progress ? new Progress(opts.progress, total) : null;
  const lookup = kbLookup(ctx.kb);
  const memory = new ClusterMemory();
  const sum = emptySummary();
  const t0 = performance.now();
  const batchSize = opts.batchSize ?? 200;
  let pending: ReadResult[] = [];
  const commit = async () => {
    const known = await knownRaws(pool, pending.flatMap((r) => ("article" in r ? [rawHash(r.article)] : [])));
    const items: Extracted[] = [];
    const errors: IngestError[] = [];
    for (const r of pending) {
      if ("article" in r && known.has(rawHash(r.article))) {
        sum.unchanged++;
        continue;
      }
      const x = extractArticle(r, ctx);
      if ("rec" in x) items.push(x);
      else errors.push(x);
    }
    addUp(sum, await storeBatch(pool, items, errors, lookup, opts.today, memory), errors);
    pending = [];
    opts.onBatch?.(sum.read);
  };
  const duplicates = new DuplicateIndex();
  for await (const r of readAllInputs(inputs, { duplicates, ...(opts.maxBytes ? { maxBytes: opts.maxBytes } : {}) })) {
    sum.read++;
    pending.push(r);
    if (pending.length >= batchSize) await commit();
    bar?.update(sum.read);
  }
  if (pending.length) await commit();
  bar?.end(sum.read);
  sum.seconds = (performance.now() - t0) / 1000;
  return sum;
}

/** Records extracted before, stored batch by batch (the PostgreSQL twin of ingestRecords). */
export async function pgIngestRecords(pool: Pool, ctx: Context | null, records: Iterable<ExtractionRecord>, opts: IngestOptions = {}): Promise<IngestSummary> {
  const lookup = ctx ? kbLookup(ctx.kb) : undefined;
  const memory = new ClusterMemory();
  const sum = emptySummary();
  const t0 = performance.now();
  const batchSize = opts.batchSize ?? 500;
  let batch: Extracted[] = [];
  const commit = async () => {
    addUp(sum, await storeBatch(pool, batch, [], lookup, opts.today, memory), []);
    batch = [];
    opts.onBatch?.(sum.read);
  };
  for (const rec of records) {
    sum.read++;
    batch.push({ rec, raw: `rec:${rec.document.id}` });
    if (batch.length >= batchSize) await commit();
  }
  if (batch.length) await commit();
  sum.seconds = (performance.now() - t0) / 1000;
  return sum;
}
