// `npm run bench -- --workers 1,2,4`: queue throughput on PostgreSQL with 1, 2, 4 … `dossier worker` processes.
//
// Each round gets a fresh database; the workers start, load the knowledge base and do a few warm-up
// jobs first, then the articles are queued and the clock runs until every job is done. Wall time on a shared machine mostly
// measures the wait for a core, so the CPU time of the workers (from /proc) and the load average are
// reported alongside. Needs a server: DOSSIER_BENCH_PG or DOSSIER_TEST_PG (an admin URL), otherwise a
// throwaway cluster is started with .ci/pg and removed afterwards.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { EXAMPLES_DIR, ROOT } from "../core/paths.js";
import type { RawArticle } from "../ingest/article.js";
import { readInputs } from "../ingest/sources.js";
import { enqueueResults } from "../queue/enqueue.js";
import { withPgClient } from "../store/pg/store.js";
import { syntheticArticles } from "./synthetic-corpus.js";

export interface WorkersRow {
  workers: number;
  articles: number;
  seconds: number;
  articlesPerSecond: number;
  /** Throughput relative to the first row (usually one worker). */
  ratio: number;
  /** CPU seconds the worker processes used per article (user + system). */
  workerCpuMsPerArticle: number;
  /** CPU seconds the PostgreSQL backends of this database used per article (when the server runs on this machine; else 0). */
  serverCpuMsPerArticle: number;
  /** One-minute load average when the round ended (2 cores: above 2 means others wait for a core). */
  load: number;
  /** Per article, ms: extraction and storing run in parallel; merging holds the lock. */
  ms: { extract: number; store: number; lockWait: number; merge: number };
  /** Share of a job's time spent merging (holding the locks of its keys and clusters): only this part can make workers wait for each other. */
  mergeShare: number;
}

/** User + system CPU seconds of a process so far (Linux /proc; 0 elsewhere). */
function cpuOf(pid: number | undefined): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return 0;
  }
}

async function round(adminUrl: string, k: number, base: RawArticle[], n: number, warm: number): Promise<Omit<WorkersRow, "ratio">> {
  const name = `dossier_bench_${process.pid}_${k}`;
  await withPgClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name}`).then(() => c.query(`CREATE DATABASE ${name}`)));
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  const children: ChildProcess[] = [];
  const sums = [0, 0, 0, 0];
  let ready = 0;
  let done = 0;
  let wake: () => void = () => undefined;
  try {
    for (let i = 0; i < k; i++) {
      // Each worker in its own session, as on its own machine or as its own service: Linux's autogroup
      // scheduling gives every session one share of a busy machine, so workers started in the bench's
      // session would split a single share between them however many cores there are.
      const child = spawn(process.execPath, [join(ROOT, "bin", "dossier.js"), "worker", "--db", url, "--log-jobs"], { stdio: ["ignore", "ignore", "pipe"], detached: true });
      let buf = "";
      child.stderr!.on("data", (d: Buffer) => {
        buf += d.toString();
        const lines = buf.split("\n");
        buf = lines.pop()!;
        for (const l of lines) {
          if (l === "worker ready") ready++;
          else if (/^job (added|unchanged|failed) /.test(l)) {
            done++;
            const m = /\[extract ([\d.]+) store ([\d.]+) wait ([\d.]+) merge ([\d.]+) ms\]$/.exec(l);
            if (m) [1, 2, 3, 4].forEach((g, j) => (sums[j]! += Number(m[g])));
          }
          else if (!l.startsWith("job started ")) process.stderr.write(`worker ${i}: ${l}\n`);
        }
        wake();
      });
      children.push(child);
    }
    const until = (ok: () => boolean) =>
      new Promise<void>((resolve) => {
        wake = () => ok() && resolve();
        wake();
      });
    await until(() => ready === k);
    // Warm-up: a few jobs per worker first (JIT, caches), so that the round measures steady work, not k cold starts.
    const all = [...syntheticArticles(base, n + warm * k)];
    await enqueueResults(url, all.slice(0, warm * k));
    await until(() => done >= warm * k);
    done = 0;
    sums.fill(0);
    // The server's backends for this database (the workers' connections), read from /proc when the server is local.
    const backends = async () => (await withPgClient(url, (c) => c.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"))).rows.map((r) => r.pid);
    const before = new Map((await backends()).map((pid) => [pid, cpuOf(pid)]));
    const cpu0 = children.reduce((s, c) => s + cpuOf(c.pid), 0);
    const t0 = performance.now();
    await enqueueResults(url, all.slice(warm * k));
    await until(() => done >= n);
    const seconds = (performance.now() - t0) / 1000;
    const cpu = children.reduce((s, c) => s + cpuOf(c.pid), 0) - cpu0;
    const serverCpu = (await backends()).reduce((s, pid) => s + cpuOf(pid) - (before.get(pid) ?? 0), 0);
    const [extract, store, lockWait, merge] = sums.map((x) => +(x / n).toFixed(1)) as [number, number, number, number];
    return {
      workers: k, articles: n, seconds: +seconds.toFixed(2), articlesPerSecond: +(n / seconds).toFixed(2), workerCpuMsPerArticle: +((cpu / n) * 1000).toFixed(1), serverCpuMsPerArticle: +((serverCpu / n) * 1000).toFixed(1), load: +loadavg()[0]!.toFixed(2),
      ms: { extract, store, lockWait, merge }, mergeShare: +(merge / (extract + store + merge || 1)).toFixed(3),
    };
  } finally {
    await Promise.all(children.map((c) => new Promise((ok) => (c.exitCode !== null ? ok(null) : (c.once("close", ok), c.kill("SIGTERM"))))));
    await withPgClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  }
}

export async function runWorkersBench(args: string[]): Promise<WorkersRow[]> {
  const { values } = parseArgs({ args, options: { workers: { type: "string", default: "1,2,4" }, articles: { type: "string", default: "210" }, warmup: { type: "string", default: "10" }, json: { type: "boolean", default: false } }, allowPositionals: true });
  const counts = values.workers.split(",").map(Number);
  if (counts.some((k) => !(k >= 1))) throw new Error("--workers must be a list of worker counts like 1,2,4");
  const n = Number(values.articles);
  const base: RawArticle[] = [];
  for (const r of readInputs([join(EXAMPLES_DIR, "corpus")])) if ("article" in r) base.push(r.article);

  let adminUrl = process.env.DOSSIER_BENCH_PG || process.env.DOSSIER_TEST_PG || "";
  let cluster: string | null = null;
  if (!adminUrl) {
    cluster = mkdtempSync(join(tmpdir(), "dossier-bench-pg-"));
    const r = spawnSync(join(ROOT, ".ci", "pg"), ["start", cluster], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
    if (r.status !== 0) throw new Error("could not start a throwaway PostgreSQL (.ci/pg start); set DOSSIER_BENCH_PG=postgres://… instead");
    adminUrl = r.stdout.trim();
  }
  try {
    const rows: WorkersRow[] = [];
    for (const k of counts) {
      const r = await round(adminUrl, k, base, n, Number(values.warmup));
      rows.push({ ...r, ratio: rows.length ? +(r.articlesPerSecond / rows[0]!.articlesPerSecond).toFixed(2) : 1 });
    }
    if (values.json) console.log(JSON.stringify(rows));
    else {
      console.log(`queue throughput on PostgreSQL, ${n} articles (examples/corpus copies, after ${values.warmup} warm-up jobs per worker), ${counts.join("/")} workers\n`);
      console.log("| workers | seconds | articles/s | vs first | CPU ms/article: workers + server | extract / store / lock wait / merge ms per article | merge share | load (1 min) |\n|---|---|---|---|---|---|---|---|");
      for (const r of rows)
        console.log(`| ${r.workers} | ${r.seconds} | ${r.articlesPerSecond} | ${r.ratio}× | ${r.workerCpuMsPerArticle} + ${r.serverCpuMsPerArticle} | ${r.ms.extract} / ${r.ms.store} / ${r.ms.lockWait} / ${r.ms.merge} | ${r.mergeShare} | ${r.load} |`);
      console.log(
        `\n${cpus().length} cores. Merges lock only the blocking keys and clusters they touch, so only merges of one story wait for each other (lock wait); ` +
          "times are wall clock per job, so a load above the core count (other processes) stretches every column. " +
          "CPU per article (workers + server) is what the machine's cores divide: while it stays flat as workers are added, throughput grows with free cores.",
      );
    }
    return rows;
  } finally {
    if (cluster) spawnSync(join(ROOT, ".ci", "pg"), ["stop", cluster], { stdio: "inherit" });
  }
}
