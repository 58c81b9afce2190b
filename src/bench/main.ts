// `npm run bench`: extraction throughput on the bundled examples (articles/s, one core) and peak RSS, as JSON and a table; `-- --workers 1,2,4` runs the PostgreSQL queue bench.
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { makeContext } from "../cli/context.js";
import { EXAMPLES_DIR } from "../core/paths.js";
import { toRecord } from "../core/record.js";
import { processArticle } from "../extract.js";
import { readInputs } from "../ingest/sources.js";
import { findAliasCandidates, tokenKeys } from "../nlp/mentions/find.js";
import type { RawArticle } from "../ingest/article.js";

// --workers 1,2,4: the PostgreSQL queue bench instead (see workers.ts).
if (process.argv.includes("--workers")) {
  await (await import("./workers.js")).runWorkersBench(process.argv.slice(2));
  process.exit(0);
}

const t0 = performance.now();
const c0 = process.cpuUsage();
const ctx = makeContext();
const kbLoadMs = performance.now() - t0;
// CPU time as well: on a shared machine wall time mostly measures the wait for a core.
const kbLoadCpu = process.cpuUsage(c0);
const articles: RawArticle[] = [];
for (const r of readInputs([join(EXAMPLES_DIR, "corpus")])) if ("article" in r) articles.push(r.article);
const bytes = articles.reduce((n, a) => n + Buffer.byteLength(a.body), 0);

// Warm up once, then repeat the corpus until at least two seconds have passed.
for (const a of articles) toRecord(processArticle({ ...a }, ctx));
let done = 0;
const start = performance.now();
while (performance.now() - start < 2000) {
  for (const a of articles) toRecord(processArticle({ ...a }, ctx));
  done += articles.length;
}
const seconds = (performance.now() - start) / 1000;

// KB lookup alone: token keys and the alias trie scan over every sentence of the processed corpus.
const docs = articles.map((a) => processArticle({ ...a }, ctx));
const sentences = docs.reduce((n, d) => n + d.layers.sentences!.length, 0);
const l0 = performance.now();
const lc0 = process.cpuUsage();
let lookupRounds = 0;
while (performance.now() - l0 < 500) {
  for (const d of docs) findAliasCandidates(d, ctx.kb, tokenKeys(d));
  lookupRounds++;
}
const lookupCpu = process.cpuUsage(lc0);
const lookupMsPerSentence = (lookupCpu.user + lookupCpu.system) / 1000 / lookupRounds / sentences;
const result = {
  corpus: "examples/corpus",
  articles: articles.length,
  meanArticleKB: +(bytes / articles.length / 1024).toFixed(1),
  extract: { articlesPerSecond: +(done / seconds).toFixed(1), processed: done, seconds: +seconds.toFixed(2) },
  kbLoadMs: +kbLoadMs.toFixed(0),
  kbLoadCpuMs: +((kbLoadCpu.user + kbLoadCpu.system) / 1000).toFixed(0),
  kbLookupMsPerSentence: +lookupMsPerSentence.toFixed(4),
  peakRssMB: +(process.resourceUsage().maxRSS / 1024).toFixed(0),
};
console.log(JSON.stringify(result));
console.log(`\n| measure | value |\n|---|---|`);
console.log(`| articles in corpus | ${result.articles} (mean ${result.meanArticleKB} KB) |`);
console.log(`| extract, articles/s (one core) | ${result.extract.articlesPerSecond} |`);
console.log(`| knowledge base load | ${result.kbLoadMs} ms (CPU ${result.kbLoadCpuMs} ms) |`);
console.log(`| knowledge base lookup per sentence (CPU) | ${result.kbLookupMsPerSentence} ms |`);
console.log(`| peak RSS | ${result.peakRssMB} MB |`);
await import("./dates.js").then((m) => m.runDateBench());
(await import("./clean.js")).printCleanBench();
await import("./store.js").then((m) => m.printStoreBench(m.runStoreBench(Number(process.env.DOSSIER_BENCH_RECORDS ?? 2000), Number(process.env.DOSSIER_BENCH_ARTICLES ?? 100))));
