// API latency bench: fills a SQLite store with N synthetic articles (copies of the examples moved in time) and measures timeline and search over loopback.
//
// usage: node dist/bench/api-bench.js [--docs 100000] [--db FILE] [--requests 200] [--concurrency 4]
// A store built by the store bench serves as well: node dist/bench/store.js --records 100000 --articles 0 --db FILE --keep
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
  // Common words are in most copies of the examples; rare ones in one or two of the example articles
  // (so in 1/35 of the store or less) or in none.
  const words = ["Putin", "Treffen", "Gipfel", "Genf", "ceasefire", "Selenskyj", "talks", "Xi", "Nato", "Istanbul"];
  const rare = ["Busan", "Woodside", "Helsinki", "Zypern"];
  const actors = ["person:vladimir-putin", "person:donald-trump", "person:volodymyr-zelensky", "person:joe-biden"];
  // Years the store covers (copies move a week each round: about two years per 3500 articles).
  const y0 = Number((stats.from ?? "2020").slice(0, 4));
  const years = Math.max(1, Number((stats.to ?? "2020").slice(0, 4)) - y0);
  const year = (i: number) => y0 + ((i * 7) % years);
  const kinds: Record<string, (i: number) => string> = {
    "timeline (page)": (i) => `/api/timeline?limit=50&offset=${(i * 997) % Math.max(1, stats.clusters - 50)}`,
    "timeline (actor)": (i) => `/api/timeline?limit=50&actor=${encodeURIComponent(actors[i % actors.length]!)}`,
    "timeline (year window)": (i) => `/api/timeline?limit=500&from=${year(i)}-01-01&to=${year(i)}-12-31`,
    "timeline (actor + year)": (i) => `/api/timeline?limit=50&actor=${encodeURIComponent(actors[i % actors.length]!)}&from=${year(i)}-01-01&to=${year(i)}-12-31`,
    "timeline (type)": (i) => `/api/timeline?limit=50&type=${["CONSULT", "AGREE", "REQUEST"][i % 3]}&offset=${(i * 37) % 500}`,
    "timeline (type + status)": (i) => `/api/timeline?limit=50&type=CONSULT&status=${["held", "planned"][i % 2]}`,
    "search (common)": (i) => `/api/search?q=${encodeURIComponent(words[i % words.length]!)}&limit=20`,
    "search (rare)": (i) => `/api/search?q=${encodeURIComponent(rare[i % rare.length]!)}&limit=20`,
    "search (two words)": (i) => `/api/search?q=${encodeURIComponent(`${words[i % words.length]} ${words[(i + 3) % words.length]}`)}&limit=20`,
  };
  const total = Number(values.requests);
  const conc = Number(values.concurrency);
  console.log(`store: ${stats.documents} documents, ${stats.events} events, ${stats.clusters} clusters; ${total} requests per kind, ${conc} at a time`);
  for (const [name, url] of Object.entries(kinds)) {
    await fetch(server.url + url(0)).then((r) => r.arrayBuffer()); // warm the statement cache
    const times: number[] = [];
    const t0 = performance.now();
    // CPU of this process (server and client alike): on a shared machine wall time also counts the wait for a core.
    const c0 = process.cpuUsage();
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
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(c0);
    times.sort((a, b) => a - b);
    const f = (p: number) => percentile(times, p).toFixed(1).padStart(7);
    console.log(
      `${name.padEnd(26)} p50 ${f(50)} ms   p95 ${f(95)} ms   p99 ${f(99)} ms   max ${times.at(-1)!.toFixed(1).padStart(7)} ms   ${(total / seconds).toFixed(0).padStart(5)} req/s   CPU ${((cpu.user + cpu.system) / 1000 / total).toFixed(1)} ms/req`,
    );
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
