// `npm run bench`: extraction cost per stage and articles per CPU second on the bundled examples, peak RSS, as JSON and tables; `-- --workers 1,2,4` runs the PostgreSQL queue bench.
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { makeContext } from "../cli/context.js";
import { EXAMPLES_DIR } from "../core/paths.js";
import { processArticle } from "../extract.js";
import { readInputs } from "../ingest/sources.js";
import { findAliasCandidates, tokenKeys } from "../nlp/mentions/find.js";
import type { RawArticle } from "../ingest/article.js";
import { benchStages, printStageBench } from "./stages.js";

// --workers 1,2,4: the PostgreSQL queue bench instead (see workers.ts).
if (process.argv.includes("--workers")) {
  await (await import("./workers.js")).runWorkersBench(process.argv.slice(2));
  process.exit(0);
}

// `npm run bench -- DIR…` measures other corpora; `--extract-only` skips the date, cleaning and store benchmarks.
const argv = process.argv.slice(2);
const extractOnly = argv.includes("--extract-only");
const dirs = argv.filter((a) => !a.startsWith("--"));
const t0 = performance.now();
const c0 = process.cpuUsage();
const ctx = makeContext();
const kbLoadMs = performance.now() - t0;
// CPU time as well: on a shared machine wall time mostly measures the wait for a core.
const kbLoadCpu = process.cpuUsage(c0);
const articles: RawArticle[] = [];
for (const r of readInputs(dirs.length ? dirs : [join(EXAMPLES_DIR, "corpus")])) if ("article" in r) articles.push(r.article);
const bytes = articles.reduce((n, a) => n + Buffer.byteLength(a.body), 0);

// Per stage, CPU time: a cold first pass, three CPU seconds of warm-up, then three measured CPU seconds.
const stages = benchStages(articles, ctx, Number(process.env.DOSSIER_BENCH_CPU_MS ?? 3000), Number(process.env.DOSSIER_BENCH_WARMUP_MS ?? 3000));

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
  corpus: dirs.length ? dirs.join(" ") : "examples/corpus",
  articles: articles.length,
  meanArticleKB: +(bytes / articles.length / 1024).toFixed(1),
  extract: { coldCpuMsPerArticle: stages.coldMsPerArticle, articlesPerCpuSecond: stages.articlesPerCpuSecond, cpuMsPerArticle: stages.cpuMsPerArticle, articlesPerWallSecond: stages.articlesPerWallSecond, processed: stages.rounds * stages.articles },
  stages: Object.fromEntries(stages.stages.map((s) => [s.stage, s.ms])),
  kbLoadMs: +kbLoadMs.toFixed(0),
  kbLoadCpuMs: +((kbLoadCpu.user + kbLoadCpu.system) / 1000).toFixed(0),
  kbLookupMsPerSentence: +lookupMsPerSentence.toFixed(4),
  peakRssMB: +(process.resourceUsage().maxRSS / 1024).toFixed(0),
};
console.log(JSON.stringify(result));
console.log(`\n| measure | value |\n|---|---|`);
console.log(`| articles in corpus | ${result.articles} (mean ${result.meanArticleKB} KB) |`);
console.log(`| extract, articles per CPU second (one core) | ${result.extract.articlesPerCpuSecond} (wall ${result.extract.articlesPerWallSecond}) |`);
console.log(`| knowledge base load | ${result.kbLoadMs} ms (CPU ${result.kbLoadCpuMs} ms) |`);
console.log(`| knowledge base lookup per sentence (CPU) | ${result.kbLookupMsPerSentence} ms |`);
console.log(`| peak RSS | ${result.peakRssMB} MB |`);
printStageBench(stages);
if (extractOnly) process.exit(0);
await import("./dates.js").then((m) => m.runDateBench());
(await import("./clean.js")).printCleanBench();
await import("./store.js").then(async (m) =>
  m.printStoreBench(await m.runStoreBench(Number(process.env.DOSSIER_BENCH_RECORDS ?? 2000), Number(process.env.DOSSIER_BENCH_ARTICLES ?? 100), undefined, false, Number(process.env.DOSSIER_BENCH_WORKERS ?? 1))),
);
