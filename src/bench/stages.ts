// `npm run bench` (extraction part): CPU cost per pipeline stage and articles/s on one core, stage by stage over a corpus.
import { performance } from "node:perf_hooks";
import type { Context } from "../core/context.js";
import { toRecord } from "../core/record.js";
import type { Document } from "../core/types.js";
import { prepare } from "../extract.js";
import type { RawArticle } from "../ingest/article.js";
import { STAGES } from "../nlp/pipeline.js";

export interface StageCost {
  stage: string;
  /** CPU milliseconds per article. */
  ms: number;
  share: number;
}

export interface StageBench {
  articles: number;
  /** Rounds over the corpus before measuring, until the JIT has optimized the hot code (see benchStages). */
  warmupRounds: number;
  /** CPU milliseconds per article of the very first pass: what a one-off `dossier extract` of a few files pays. */
  coldMsPerArticle: number;
  rounds: number;
  /** CPU milliseconds per article, all stages. */
  cpuMsPerArticle: number;
  /** 1000 / cpuMsPerArticle: what one core sustains when it is not shared. */
  articlesPerCpuSecond: number;
  /** Wall clock, for comparison: on a loaded machine it mostly measures the wait for a core. */
  articlesPerWallSecond: number;
  stages: StageCost[];
}

/** Articles to process before measuring: on the bundled examples the cost per article stops falling after ~450. */
const WARMUP_ARTICLES = 600;

/** CPU microseconds of this process (user + system): unlike wall time, waiting for a shared core does not count. */
function cpuNow(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

/**
 * Runs the corpus stage by stage (every article through one stage, then the next) so that each stage is timed with
 * two clock reads per round instead of two per article. The first pass is reported on its own (cold); then rounds
 * run unmeasured for `warmupCpuMs` and at least WARMUP_ARTICLES articles (V8 optimizes hot functions only after many calls: the first few hundred articles
 * cost two to six times the steady state), then measured until `minCpuMs` of CPU time have been spent.
 */
export function benchStages(articles: RawArticle[], ctx: Context, minCpuMs = 3000, warmupCpuMs = 3000): StageBench {
  const names = ["prepare", ...STAGES.map((s) => s.name), "record"];
  const spent = new Map<string, number>(names.map((n) => [n, 0]));
  const ctxOf = articles.map((a) => (a.fileDate ? { ...ctx, options: { ...ctx.options, fileDate: a.fileDate } } : ctx));
  const round = (timed: boolean) => {
    let t = cpuNow();
    const lap = (name: string) => {
      const now = cpuNow();
      if (timed) spent.set(name, spent.get(name)! + now - t);
      t = now;
    };
    let docs: Document[] = articles.map((a, i) => prepare({ ...a }, ctxOf[i]!));
    lap("prepare");
    for (const stage of STAGES) {
      docs = docs.map((d, i) => stage.run(d, ctxOf[i]!));
      lap(stage.name);
    }
    for (const d of docs) toRecord(d);
    lap("record");
  };
  // Warm-up: lexicons, regex compilation and the JIT are one-off costs, not per-article ones.
  const k0 = cpuNow();
  round(false);
  const coldMsPerArticle = (cpuNow() - k0) / 1000 / articles.length;
  let warmupRounds = 1;
  while (cpuNow() - k0 < warmupCpuMs * 1000 || warmupRounds * articles.length < WARMUP_ARTICLES) {
    round(false);
    warmupRounds++;
  }
  let rounds = 0;
  const c0 = cpuNow();
  const w0 = performance.now();
  while (cpuNow() - c0 < minCpuMs * 1000 || rounds < 2) {
    round(true);
    rounds++;
  }
  const wallS = (performance.now() - w0) / 1000;
  const n = rounds * articles.length;
  const total = [...spent.values()].reduce((a, b) => a + b, 0) / 1000 / n;
  return {
    articles: articles.length,
    warmupRounds,
    coldMsPerArticle: +coldMsPerArticle.toFixed(3),
    rounds,
    cpuMsPerArticle: +total.toFixed(3),
    articlesPerCpuSecond: +(1000 / total).toFixed(1),
    articlesPerWallSecond: +(n / wallS).toFixed(1),
    stages: names.map((stage) => {
      const ms = spent.get(stage)! / 1000 / n;
      return { stage, ms: +ms.toFixed(3), share: +(ms / total).toFixed(3) };
    }),
  };
}

export function printStageBench(b: StageBench): void {
  console.log(`\n| stage | CPU ms / article | share |\n|---|---|---|`);
  for (const s of b.stages) console.log(`| ${s.stage} | ${s.ms.toFixed(3)} | ${(s.share * 100).toFixed(1)} % |`);
  console.log(`| **all** | **${b.cpuMsPerArticle.toFixed(3)}** | ${b.articles} articles × ${b.rounds} rounds, after ${b.warmupRounds} warm-up rounds |`);
  console.log(`\nextract on one core, warm: **${b.articlesPerCpuSecond} articles per CPU second** (target 1,000); wall clock ${b.articlesPerWallSecond} articles/s`);
  console.log(`first pass (cold: lexicons, regex compilation, unoptimized code): ${b.coldMsPerArticle.toFixed(1)} CPU ms per article`);
}
