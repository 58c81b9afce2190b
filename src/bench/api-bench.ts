// API latency bench: fills a SQLite store with N synthetic articles (copies of the examples moved in time) and measures timeline and search over loopback.
//
// usage: node dist/bench/api-bench.js [--docs 100000] [--db FILE] [--requests 200] [--concurrency 4]
// Needs the SQLite store (src/store); says so and exits 0 in builds without it.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { makeContext } from "../cli/context.js";
import { EXAMPLES_DIR } from "../core/paths.js";
import { toRecord, type ExtractionRecord } from "../core/record.js";
import { processArticle } from "../extract.js";
import { readInputs } from "../ingest/sources.js";
import { addDays } from "../api/dates.js";
import { startServer } from "../api/server.js";

const HERE = dirname(fileURLToPath(import.meta.url));

/** A copy of a record moved by `shift` days, with ids that cannot collide with other copies. */
function shifted(rec: ExtractionRecord, copy: number, shift: number): ExtractionRecord {
  const move = (d: string | null) => (d && /^\d{4}-\d{2}-\d{2}/.test(d) ? addDays(d.slice(0, 10), shift) + d.slice(10) : d);
  const suffix = `-${copy}`;
  return {
    ...rec,
    document: { ...rec.document, id: rec.document.id + suffix, source: rec.document.source + suffix, published: move(rec.document.published) },
    events: rec.events.map((e) => {
      const ev = e as { id: string; date: { start: string; end: string; text: string } | null };
      return { ...e, id: ev.id + suffix, date: ev.date ? { ...ev.date, start: move(ev.date.start)!, end: move(ev.date.end)! } : null };
    }),
    times: rec.times.map((t) => ({ ...t, range: t.range ? { start: move(t.range.start)!, end: move(t.range.end)! } : null })),
    quotes: rec.quotes.map((q) => ({ ...q, id: q.id + suffix })),
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { docs: { type: "string", default: "100000" }, db: { type: "string" }, requests: { type: "string", default: "200" }, concurrency: { type: "string", default: "4" } } });
  if (!existsSync(join(HERE, "..", "store", "open.js"))) {
    console.log("api-bench: this build has no SQLite store (src/store); nothing to measure");
    return 0;
  }
  const n = Number(values.docs);
  const dir = values.db ? null : mkdtempSync(join(tmpdir(), "dossier-apibench-"));
  const file = values.db ?? join(dir!, "bench.db");
  const ctx = makeContext();
  const load = (m: string) => import(m) as Promise<Record<string, unknown>>;
  const open = await load("../store/open.js");
  const ing = await load("../store/ingest.js");
  const db = (open.openStore as (p: string) => { prepare(s: string): { get(): unknown } })(file);
  const have = (db.prepare("SELECT count(*) n FROM documents").get() as { n: number }).n;
  if (have < n) {
    const base: ExtractionRecord[] = [];
    for (const r of readInputs([join(EXAMPLES_DIR, "corpus")])) if ("article" in r) base.push(toRecord(processArticle(r.article, ctx)));
    const t0 = performance.now();
    const ingestRecords = ing.ingestRecords as (db: unknown, ctx: unknown, recs: Iterable<ExtractionRecord>, opts?: object) => unknown;
    function* records(): Generator<ExtractionRecord> {
      // Each round of copies is one "week" later, so stories repeat over about 50 years of timeline.
      for (let i = have; i < n; i++) yield shifted(base[i % base.length]!, i, Math.floor(i / base.length) * 7);
    }
    ingestRecords(db, ctx, records(), { batchSize: 2000 });
    console.log(`filled ${file}: ${n - have} synthetic articles in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  const { openSqliteQueries } = await import("../api/sqlite-queries.js");
  const queries = await openSqliteQueries(file, ctx);
  const stats = await queries.stats();
  const server = await startServer({ queries, port: 0, webDir: null });
  const words = ["Putin", "Treffen", "Gipfel", "Genf", "ceasefire", "Selenskyj", "talks", "Xi", "Nato", "Istanbul"];
  const actors = ["person:vladimir-putin", "person:donald-trump", "person:volodymyr-zelensky", "person:joe-biden"];
  const kinds: Record<string, (i: number) => string> = {
    "timeline (page)": (i) => `/api/timeline?limit=50&offset=${(i * 997) % Math.max(1, stats.clusters - 50)}`,
    "timeline (actor + dates)": (i) => `/api/timeline?limit=50&actor=${encodeURIComponent(actors[i % actors.length]!)}&from=${2020 + (i % 30)}-01-01&to=${2020 + (i % 30)}-12-31`,
    "timeline (type + status)": (i) => `/api/timeline?limit=50&type=CONSULT&status=${["held", "planned"][i % 2]}`,
    search: (i) => `/api/search?q=${encodeURIComponent(words[i % words.length]!)}&limit=20`,
    "search (two words)": (i) => `/api/search?q=${encodeURIComponent(`${words[i % words.length]} ${words[(i + 3) % words.length]}`)}&limit=20`,
  };
  const total = Number(values.requests);
  const conc = Number(values.concurrency);
  console.log(`store: ${stats.documents} documents, ${stats.events} events, ${stats.clusters} clusters; ${total} requests per kind, ${conc} at a time`);
  for (const [name, url] of Object.entries(kinds)) {
    await fetch(server.url + url(0)).then((r) => r.arrayBuffer()); // warm the statement cache
    const times: number[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: conc }, async () => {
        for (let i = next++; i < total; i = next++) {
          const t = performance.now();
          const res = await fetch(server.url + url(i));
          await res.arrayBuffer();
          if (!res.ok) throw new Error(`${url(i)}: HTTP ${res.status}`);
          times.push(performance.now() - t);
        }
      }),
    );
    times.sort((a, b) => a - b);
    console.log(`${name.padEnd(26)} p50 ${percentile(times, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(times, 95).toFixed(1).padStart(7)} ms   max ${times.at(-1)!.toFixed(1)} ms`);
  }
  await server.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
