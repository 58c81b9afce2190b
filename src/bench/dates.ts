// `npm run bench` (dates part): accuracy and speed of our time tagger and of python3-dateparser on the same expression table.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseIso } from "../nlp/times/calendar.js";
import { TABLES, type Row } from "../nlp/times/tagger-table.js";
import { tagTimes } from "../nlp/times/tagger.js";
import type { Sentence } from "../core/types.js";

interface Case {
  lang: string;
  ref: string;
  sentence: string;
  start: number;
  end: number;
  value: string;
}

/** Values dateparser can express (a day, a month or a year); durations, sets and vague references it cannot. */
const CALENDAR = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

// News rows only: dateparser has no narrative mode. Negative rows (value null) are left out.
const CASES: Case[] = TABLES.filter((t) => t.genre === "news" && t.ref).flatMap((t) =>
  t.rows
    .filter((r): r is Row & [string, string, string] => r[2] !== null)
    .map(([sentence, expr, value]) => ({ lang: t.lang, ref: t.ref!, sentence, start: sentence.indexOf(expr), end: sentence.indexOf(expr) + expr.length, value })),
);

const whole = (s: string): Sentence[] => [{ start: 0, end: s.length, paragraph: 0, provenance: { stage: "bench", rule: "whole" } }];

/** Whether a predicted value names the expected calendar value (dateparser gives datetimes: compare at the expected granularity). */
const sameAt = (expected: string, got: string | null) => !!got && got.slice(0, expected.length) === expected && (got.length === expected.length || /^[T ]/.test(got.slice(expected.length)) || expected.length < 10);

function ours(): { spanValue: number; value: number; calendar: number; msPerCase: number } {
  let spanValue = 0;
  let value = 0;
  let calendar = 0;
  for (const c of CASES) {
    const got = tagTimes(c.sentence, whole(c.sentence), c.lang, parseIso(c.ref));
    if (got.some((t) => t.start === c.start && t.end === c.end && t.value === c.value)) spanValue++;
    const overlap = got.find((t) => t.start < c.end && c.start < t.end);
    if (overlap && overlap.value === c.value) value++;
    if (CALENDAR.test(c.value) && overlap && sameAt(c.value, overlap.value)) calendar++;
  }
  // Speed: the whole table, repeated for at least a second after a warm-up.
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < 1000) {
    for (const c of CASES) tagTimes(c.sentence, whole(c.sentence), c.lang, parseIso(c.ref));
    n += CASES.length;
  }
  return { spanValue, value, calendar, msPerCase: (performance.now() - t0) / n };
}

// The Python side, written to a temporary file at run time: search_dates over each sentence with the same reference date.
const PY = `
import json, sys, time, datetime, warnings
warnings.filterwarnings("ignore")
from dateparser.search import search_dates
cases = json.load(sys.stdin)
def run(c):
    ref = datetime.datetime.fromisoformat(c["ref"])
    try:
        return search_dates(c["sentence"], languages=[c["lang"]], settings={"RELATIVE_BASE": ref, "PREFER_DATES_FROM": "past"}) or []
    except Exception:
        return []
out = []
for c in cases:
    found = run(c)
    spans = []
    pos = 0
    for text, dt in found:
        i = c["sentence"].find(text, pos)
        if i < 0:
            i = c["sentence"].find(text)
        spans.append([i, i + len(text), dt.isoformat()])
        if i >= 0:
            pos = i + len(text)
    out.append(spans)
t0 = time.perf_counter()
n = 0
while time.perf_counter() - t0 < 1.0:
    for c in cases:
        run(c)
    n += len(cases)
print(json.dumps({"results": out, "msPerCase": (time.perf_counter() - t0) * 1000 / n}))
`;

/** The first interpreter that can import dateparser (Debian installs it for /usr/bin/python3), or null. */
function findPython(): string | null {
  for (const py of ["python3", "/usr/bin/python3"]) {
    const r = spawnSync(py, ["-c", "import dateparser"], { encoding: "utf8" });
    if (r.status === 0) return py;
  }
  return null;
}

function dateparser(py: string): { spanValue: number; value: number; calendar: number; msPerCase: number } | { error: string } {
  const dir = mkdtempSync(join(tmpdir(), "dossier-bench-"));
  try {
    const file = join(dir, "dateparser_bench.py");
    writeFileSync(file, PY);
    const r = spawnSync(py, [file], { input: JSON.stringify(CASES), encoding: "utf8", maxBuffer: 64 << 20, timeout: 300_000 });
    if (r.status !== 0) return { error: (r.stderr || "failed").split("\n").slice(-3).join(" ") };
    const { results, msPerCase } = JSON.parse(r.stdout) as { results: [number, number, string][][]; msPerCase: number };
    let spanValue = 0;
    let value = 0;
    let calendar = 0;
    CASES.forEach((c, i) => {
      const found = results[i] ?? [];
      const overlap = found.find(([s, e]) => s < c.end && c.start < e);
      if (!overlap || !CALENDAR.test(c.value)) return;
      const ok = sameAt(c.value, overlap[2]);
      if (ok) {
        calendar++;
        value++;
        if (overlap[0] === c.start && overlap[1] === c.end) spanValue++;
      }
    });
    return { spanValue, value, calendar, msPerCase };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)}% (${n}/${d})`;

export function runDateBench(): void {
  const total = CASES.length;
  const calendarTotal = CASES.filter((c) => CALENDAR.test(c.value)).length;
  const a = ours();
  const py = findPython();
  const b = py ? dateparser(py) : { error: "python3-dateparser is not installed (apt-get install python3-dateparser); skipped" };
  const result = { cases: total, calendarCases: calendarTotal, dossier: a, dateparser: b };
  console.log(JSON.stringify({ dates: result }));
  console.log(`\n| dates (${total} news expressions, de+en, fixed reference days) | Dossier times | python3-dateparser search_dates |\n|---|---|---|`);
  const row = (label: string, f: (x: { spanValue: number; value: number; calendar: number; msPerCase: number }) => string) =>
    console.log(`| ${label} | ${f(a)} | ${"error" in b ? b.error : f(b)} |`);
  row("exact span and value", (x) => pct(x.spanValue, total));
  row("right value (overlapping span)", (x) => pct(x.value, total));
  row(`calendar values only (${calendarTotal}: days, months, years)`, (x) => pct(x.calendar, calendarTotal));
  row("time per sentence", (x) => `${x.msPerCase.toFixed(3)} ms`);
}

if (import.meta.url === `file://${process.argv[1]}`) runDateBench();
