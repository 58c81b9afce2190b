// Cleaning benchmark (trafilatura's 990 pages in ../shared): our HTML reader + line cleaning vs readability-lxml, side by side, with F1 from the benchmark's scorer.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { makeContext } from "../cli/context.js";
import { ROOT } from "../core/paths.js";
import { prepare } from "../extract.js";
import { decodeBytes } from "../ingest/decode.js";
import { readHtml } from "../ingest/html-reader.js";

const BENCH = join(ROOT, "..", "shared", "eval", "external", "cleaning");

export interface CleanBench {
  pages: number;
  seconds: number;
  pagesPerSecond: number;
  /** CPU time (user + system) of the extraction loop: steadier than wall time on a shared machine. */
  cpuSeconds: number;
  pagesPerCpuSecond: number;
  f1: number | null;
  precision: number | null;
  recall: number | null;
  readabilityLxml: { pagesPerSecond: number; pagesPerCpuSecond: number; f1: number | null } | null;
}

/** Runs the benchmark; null when ../shared is absent. `out` receives the JSONL records. */
export function runCleanBench(opts: { out?: string; baseline?: boolean; limit?: number } = {}): CleanBench | null {
  const pagesDir = join(BENCH, "pages");
  if (!existsSync(pagesDir)) return null;
  const names = readdirSync(pagesDir).filter((n) => n.endsWith(".html")).sort().slice(0, opts.limit ?? Infinity);
  const files = names.map((n) => ({ name: n, bytes: readFileSync(join(pagesDir, n)) }));
  const ctx = makeContext();
  const lines: string[] = [];
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  for (const f of files) {
    const source = `pages/${f.name}`;
    try {
      const a = readHtml(decodeBytes(f.bytes, source, 50 * 1024 * 1024, true), source);
      const doc = prepare(a, ctx);
      lines.push(JSON.stringify({ document: { source, text: doc.text } }));
    } catch (err) {
      lines.push(JSON.stringify({ document: { source, text: "" }, error: String((err as Error).message ?? err) }));
    }
  }
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const out = opts.out ?? "/tmp/dossier-clean-bench.jsonl";
  writeFileSync(out, lines.join("\n") + "\n");
  const score = scoreFile(out);
  let readabilityLxml: CleanBench["readabilityLxml"] = null;
  if (opts.baseline !== false) readabilityLxml = runReadabilityLxml(pagesDir, names, out + ".lxml.jsonl");
  return {
    pages: files.length,
    seconds: +seconds.toFixed(2),
    pagesPerSecond: +(files.length / seconds).toFixed(1),
    cpuSeconds: +cpuSeconds.toFixed(2),
    pagesPerCpuSecond: +(files.length / cpuSeconds).toFixed(1),
    f1: score?.f1 ?? null,
    precision: score?.precision ?? null,
    recall: score?.recall ?? null,
    readabilityLxml,
  };
}

function scoreFile(file: string): { f1: number; precision: number; recall: number } | null {
  const r = spawnSync(process.execPath, [join(BENCH, "score-clean.mjs"), "--pred", file, "--json"], { encoding: "utf8" });
  if (r.status !== 0) return null;
  try {
    return JSON.parse(r.stdout) as { f1: number; precision: number; recall: number };
  } catch {
    return null;
  }
}

// Debian's python3-readability (apt install python3-readability), timed in the same way: files in memory, one process.
const PY = `
import sys, json, time, re
from readability import Document
import lxml.html
names = json.loads(sys.stdin.read())
docs = []
for path in names:
    b = open(path, 'rb').read()
    try: t = b.decode('utf-8')
    except UnicodeDecodeError:
        m = re.search(rb'charset=["\\']?([\\w-]+)', b[:10000])
        enc = m.group(1).decode() if m else 'cp1252'
        if enc.lower() in ('iso-8859-1', 'latin-1', 'ascii', 'us-ascii'): enc = 'cp1252'
        try: t = b.decode(enc, 'replace')
        except LookupError: t = b.decode('cp1252', 'replace')
    docs.append((path, t))
out = []
t0 = time.time()
c0 = time.process_time()
for path, html in docs:
    try:
        s = Document(html).summary()
        txt = lxml.html.document_fromstring(s).text_content() if s.strip() else ''
    except Exception:
        txt = ''
    out.append((path, txt))
dt = time.time() - t0
dc = time.process_time() - c0
for path, txt in out: print(json.dumps({'document': {'source': path, 'text': txt}}))
print(json.dumps({'seconds': dt, 'cpu': dc}), file=sys.stderr)
`;

function runReadabilityLxml(pagesDir: string, names: string[], out: string): CleanBench["readabilityLxml"] {
  const py = "/usr/bin/python3";
  if (!existsSync(py)) return null;
  const r = spawnSync(py, ["-c", PY], {
    input: JSON.stringify(names.map((n) => join(pagesDir, n))),
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });
  if (r.status !== 0) return null;
  const m = /\{"seconds": ([\d.]+), "cpu": ([\d.]+)\}/.exec(r.stderr);
  if (!m) return null;
  writeFileSync(out, r.stdout);
  const seconds = Number(m[1]);
  const cpu = Number(m[2]);
  return { pagesPerSecond: +(names.length / seconds).toFixed(1), pagesPerCpuSecond: +(names.length / cpu).toFixed(1), f1: scoreFile(out)?.f1 ?? null };
}

/** Runs the benchmark and prints JSON and a table with the speed ratio; `npm run bench` calls this. */
export function printCleanBench(opts: { out?: string; baseline?: boolean; limit?: number } = {}): void {
  const r = runCleanBench(opts);
  if (!r) {
    console.log("\ncleaning benchmark not found (../shared/eval/external/cleaning); skipped");
    return;
  }
  console.log(JSON.stringify({ cleaning: r }));
  const b = r.readabilityLxml;
  console.log(`\n| cleaning benchmark (${r.pages} pages) | F1 | pages/s (wall) | pages per CPU-second |\n|---|---|---|---|`);
  console.log(`| dossier (HTML reader + line cleaning) | ${r.f1} | ${r.pagesPerSecond} | ${r.pagesPerCpuSecond} |`);
  if (b) {
    console.log(`| readability-lxml (python3-readability), same pages, same run | ${b.f1} | ${b.pagesPerSecond} | ${b.pagesPerCpuSecond} |`);
    console.log(`| speed ratio | | ${(r.pagesPerSecond / b.pagesPerSecond).toFixed(1)}x | ${(r.pagesPerCpuSecond / b.pagesPerCpuSecond).toFixed(1)}x |`);
  } else if (opts.baseline === false) console.log("| readability-lxml | not run (--no-baseline) | | |");
  else console.log("| readability-lxml | not installed (apt install python3-readability); BASELINES.md: F1 0.843 at 24.0 pages/s | | |");
}

if (process.argv[1]?.endsWith("bench/clean.js")) {
  const args = process.argv.slice(2);
  const outIdx = args.indexOf("--out");
  const limIdx = args.indexOf("--limit");
  printCleanBench({
    ...(outIdx >= 0 ? { out: args[outIdx + 1]! } : {}),
    ...(limIdx >= 0 ? { limit: Number(args[limIdx + 1]) } : {}),
    baseline: !args.includes("--no-baseline"),
  });
}
