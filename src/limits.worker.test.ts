// Pathological documents (megabytes of quotes, dates, unclosed marks and tags, deep nesting, inputs that make regexes backtrack) each run in a worker thread that must answer within a generous bound; a runaway is terminated and fails the test.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { Worker } from "node:worker_threads";
import { LIMITS } from "./core/limits.js";
import type { WorkerAnswer, WorkerJob } from "./test/extract-worker.js";

/**
 * Time one document may take before the worker is terminated. Generous on purpose (the machine may be busy
 * with other tests): it catches exponential backtracking and quadratic blow-ups, which take minutes to hours
 * on these inputs, and is no speed measurement (that is `npm run bench`).
 */
const BOUND_MS = 120_000;
const MB = 1 << 20;

const repeat = (piece: string, size: number) => piece.repeat(Math.ceil(size / piece.length)).slice(0, size);
const lines = (size: number, line: (i: number) => string) => {
  const out: string[] = [];
  let n = 0;
  for (let i = 0; n < size; i++) {
    const l = line(i);
    out.push(l);
    n += l.length + 1;
  }
  return out.join("\n");
};

/** Each case: what the document is, and the outcomes it may have (a record, or the coded errors of the limits). */
const CASES: (WorkerJob & { allow: RegExp })[] = [
  // A megabyte of quotes and of dates, as lines of an "article" and as one line.
  { name: "1 MB of quotes", ext: ".txt", allow: /^(ok|TOO_MANY_ANNOTATIONS)$/, text: lines(MB, (i) => `„Wir sind zu Gesprächen Nummer ${i} bereit“, sagte er. "We will meet ${i} times," she said.`) },
  { name: "1 MB of dates", ext: ".txt", allow: /^(ok|TOO_MANY_ANNOTATIONS)$/, text: lines(MB, (i) => `Am ${(i % 28) + 1}. März ${1990 + (i % 30)}, vor ${i} Tagen, on May ${(i % 28) + 1}, ${2000 + (i % 25)} and last week.`) },
  { name: "1 MB line of quote marks", ext: ".txt", allow: /^LINE_TOO_LONG$/, text: repeat("„", MB) },
  { name: "1 MB line of dates", ext: ".txt", allow: /^LINE_TOO_LONG$/, text: repeat("10. Januar 2022 ", MB) },
  // Long lines of one piece: the sentence splitter must cut them, or every sentence-level rule sees all of it.
  // The first three are just under the line limit; the others are long enough to be cut many times.
  ...["„", "said ", "A. ", "«", "“", "'", "…", "...", "Dr. ", "10. ", "2022 ", "sagte, ", "talks ", "trafen sich ", "Präsident Putin ", "a", " x", "-", "(", "1.", "ä", "🙂"].map((p, i) => ({
    name: `line of ${JSON.stringify(p)}`,
    ext: ".txt",
    allow: /^(ok|NO_ARTICLE|TOO_MANY_ANNOTATIONS)$/,
    text: "Putin traf Selenskyj in Genf. " + repeat(p, i < 3 ? LIMITS.maxLineChars - 100 : 30_000),
  })),
  // Classic backtracking shapes: long runs that almost match and fail at the end.
  { name: "letters then a bang", ext: ".txt", allow: /^(ok|NO_ARTICLE)$/, text: `${repeat("a", 90_000)}!` },
  { name: "spaces then a letter", ext: ".txt", allow: /^(ok|NO_ARTICLE|EMPTY_INPUT)$/, text: `Putin sagte.${repeat(" \t", 90_000)}x` },
  { name: "digits and dots", ext: ".txt", allow: /^(ok|NO_ARTICLE|TOO_MANY_ANNOTATIONS)$/, text: repeat("1.2.3.", 90_000) },
  { name: "many short lines", ext: ".txt", allow: /^(ok|TOO_MANY_ANNOTATIONS)$/, text: lines(MB / 4, (i) => `Zeile ${i}: Putin.`) },
  // HTML: deep nesting, unclosed scripts and comments, a tag that never ends, JSON nested deep.
  { name: "1 MB of nested divs", ext: ".html", allow: /^TOO_DEEP$/, text: `<html><body>${repeat("<div>", MB)}` },
  { name: "unclosed scripts", ext: ".html", allow: /^(ok|NO_ARTICLE|TOO_DEEP)$/, text: `<p>Putin traf Selenskyj.</p>${repeat("<script>", MB)}` },
  { name: "unclosed comments", ext: ".html", allow: /^(ok|NO_ARTICLE)$/, text: `<p>Putin traf Selenskyj.</p>${repeat("<!--", MB)}` },
  { name: "a tag without an end", ext: ".html", allow: /^(ok|NO_ARTICLE)$/, text: `<p>Putin traf Selenskyj.</p><a ${repeat("href=x ", MB)}` },
  { name: "unclosed paragraphs", ext: ".html", allow: /^(ok|NO_ARTICLE|TOO_MANY_ANNOTATIONS|LINE_TOO_LONG)$/, text: `<html><body>${repeat("<p>Putin traf Trump. ", MB / 4)}` },
  { name: "JSON nested deep", ext: ".json", allow: /^BAD_RECORD$/, text: `${repeat("[", MB / 2)}${repeat("]", MB / 2)}` },
];

let worker: Worker | null = null;
after(() => worker?.terminate());

/** Sends one job and waits for the answer; past the bound the worker is terminated and the job fails. */
function run(job: WorkerJob): Promise<WorkerAnswer> {
  worker ??= new Worker(new URL("./test/extract-worker.js", import.meta.url));
  const w = worker;
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      w.off("message", onMessage);
      w.off("error", onError);
    };
    const onMessage = (a: WorkerAnswer) => {
      done();
      resolve(a);
    };
    const onError = (e: Error) => {
      done();
      worker = null;
      reject(e);
    };
    const timer = setTimeout(() => {
      done();
      void w.terminate();
      worker = null;
      reject(new Error(`${job.name}: no answer within ${BOUND_MS / 1000} s; the worker was terminated`));
    }, BOUND_MS);
    w.on("message", onMessage);
    w.on("error", onError);
    w.postMessage({ name: job.name, ext: job.ext, text: job.text });
  });
}

for (const c of CASES) {
  test(`pathological input, ${c.name}: answers within the bound, with a record or a limit's coded error`, async () => {
    const a = await run(c);
    assert.deepEqual(a.problems, []);
    assert.ok(a.outcomes.length > 0);
    for (const o of a.outcomes) assert.match(o, c.allow, `${c.name}: ${o}`);
  });
}
