// Store bench: ingest rate into SQLite (store only, from extracted records; and end to end, from plain text) and peak RSS.
// Usage: node dist/bench/store.js [--records N] [--articles N] [--workers N] [--db PATH] [--keep] [--json]
// --keep leaves the store-only database at --db (e.g. the 100k store for the API bench: api-bench.js --db PATH).
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { makeContext } from "../cli/context.js";
import { EXAMPLES_DIR } from "../core/paths.js";
import { toRecord, type ExtractionRecord } from "../core/record.js";
import { processArticle } from "../extract.js";
import type { RawArticle } from "../ingest/article.js";
import { readInputs } from "../ingest/sources.js";
import { ingestArticles, ingestRecords, ingestResults } from "../store/ingest.js";
import { openStore } from "../store/open.js";
import { counts } from "../store/queries.js";
import { syntheticArticles, syntheticRecords } from "./synthetic-corpus.js";

export interface StoreBench {
  /** articlesPerSecond is wall clock; perCpuSecond divides by the CPU time this process used (user + system), which other load on the machine does not change. */
  storeOnly: { articles: number; seconds: number; articlesPerSecond: number; cpuSeconds: number; perCpuSecond: number; events: number; clusters: number; dbMB: number };
  endToEnd: { articles: number; workers: number; seconds: number; articlesPerSecond: number; cpuSeconds: number; perCpuSecond: number } | null;
  peakRssMB: number;
}

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1e6;
};
const rssMB = () => +(process.resourceUsage().maxRSS / 1024).toFixed(0);

export async function runStoreBench(records: number, articles: number, dbPath?: string, keep = false, workers = 1): Promise<StoreBench> {
  const ctx = makeContext();
  const base: RawArticle[] = [];
  for (const r of readInputs([join(EXAMPLES_DIR, "corpus")])) if ("article" in r) base.push(r.article);
  const baseRecords: ExtractionRecord[] = base.map((a) => toRecord(processArticle({ ...a }, ctx)));

  const path = dbPath ?? join(tmpdir(), `dossier-bench-${process.pid}.db`);
  const clean = () => {
    for (const s of ["", "-wal", "-shm"]) rmSync(path + s, { force: true });
  };
  clean();
  let db = openStore(path);
  const cpu0 = process.cpuUsage();
  const s = ingestRecords(db, ctx, syntheticRecords(baseRecords, records), { batchSize: 1000 });
  const cpuS = cpuSeconds(cpu0);
  const c = counts(db);
  db.pragma("wal_checkpoint(TRUNCATE)");
  const size = (db.prepare("SELECT page_count * page_size b FROM pragma_page_count(), pragma_page_size()").get() as { b: number }).b;
  db.close();
  if (!keep) clean();

  let endToEnd: StoreBench["endToEnd"] = null;
  if (articles > 0) {
    const e2e = keep ? `${path}.e2e` : path;
    const cleanE2e = () => {
      for (const s of ["", "-wal", "-shm"]) rmSync(e2e + s, { force: true });
    };
    cleanE2e();
    db = openStore(e2e);
    const c0 = process.cpuUsage();
    // CPU time here counts every thread of the process (workers included).
    const e = workers > 1 ? await ingestArticles(db, ctx, syntheticArticles(base, articles), { batchSize: 200, workers: { count: workers, kbFiles: [] } }) : ingestResults(db, ctx, syntheticArticles(base, articles), { batchSize: 200 });
    const ce = cpuSeconds(c0);
    db.close();
    cleanE2e();
    endToEnd = { articles: e.added, workers, seconds: +e.seconds.toFixed(2), articlesPerSecond: +(e.added / e.seconds).toFixed(1), cpuSeconds: +ce.toFixed(2), perCpuSecond: +(e.added / ce).toFixed(1) };
  }
  return {
    storeOnly: { articles: s.added, seconds: +s.seconds.toFixed(2), articlesPerSecond: +(s.added / s.seconds).toFixed(1), cpuSeconds: +cpuS.toFixed(2), perCpuSecond: +(s.added / cpuS).toFixed(1), events: c.events ?? 0, clusters: c.clusters ?? 0, dbMB: +(size / 1048576).toFixed(0) },
    endToEnd,
    peakRssMB: rssMB(),
  };
}

export function printStoreBench(r: StoreBench): void {
  console.log(`\n| store measure | value |\n|---|---|`);
  console.log(`| store only (extracted records → SQLite), articles/s | ${r.storeOnly.articlesPerSecond} wall, ${r.storeOnly.perCpuSecond} per CPU second (${r.storeOnly.articles} articles, ${r.storeOnly.events} events → ${r.storeOnly.clusters} clusters, ${r.storeOnly.seconds} s, ${r.storeOnly.dbMB} MB) |`);
  if (r.endToEnd) console.log(`| end to end (plain text → extract → SQLite), articles/s | ${r.endToEnd.articlesPerSecond} wall, ${r.endToEnd.perCpuSecond} per CPU second (${r.endToEnd.articles} articles, ${r.endToEnd.workers} extraction thread(s), ${r.endToEnd.seconds} s) |`);
  console.log(`| peak RSS | ${r.peakRssMB} MB |`);
}

if (process.argv[1] && /bench[\\/]store\.js$/.test(process.argv[1])) {
  const { values } = parseArgs({ options: { records: { type: "string", default: "20000" }, articles: { type: "string", default: "1000" }, db: { type: "string" }, keep: { type: "boolean", default: false }, json: { type: "boolean", default: false }, workers: { type: "string", default: "1" } } });
  const r = await runStoreBench(Number(values.records), Number(values.articles), values.db, values.keep && !!values.db, Number(values.workers));
  console.log(JSON.stringify(r));
  if (!values.json) printStoreBench(r);
}
