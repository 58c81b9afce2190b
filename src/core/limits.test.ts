// The limits: each gives its coded error with a fix-it message at its documented default, and real articles stay far below them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { makeContext } from "../cli/context.js";
import { extractArticle } from "../extract.js";
import { emptyArticle } from "../ingest/article.js";
import { readHtml } from "../ingest/html-reader.js";
import { readBytes } from "../ingest/sources.js";
import { splitSentences } from "../nlp/sentences/split.js";
import { PROPERTY_RUNS } from "../test/arbitraries.js";
import { DossierError } from "./errors.js";
import { checkAnnotationCount, checkDepth, checkLineLength, LIMITS } from "./limits.js";
import { EXAMPLES_DIR } from "./paths.js";

const ctx = makeContext();
const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof DossierError, String(e));
    assert.match(e.message, /limit|deep/);
    return e.code;
  }
  return null;
};

test("a line over the limit is LINE_TOO_LONG; at the limit it is read", () => {
  const ok = `Putin traf Trump. ${"x".repeat(LIMITS.maxLineChars - 18)}`;
  assert.equal(codeOf(() => checkLineLength(ok, "a")), null);
  assert.equal(codeOf(() => checkLineLength(`Titel\n\n${ok}y`, "a")), "LINE_TOO_LONG");
  const rec = extractArticle(emptyArticle("long.txt", `Titel\n\n${"Putin traf Trump. ".repeat(LIMITS.maxLineChars / 10)}`, "text"), ctx);
  assert.ok("error" in rec && rec.error.code === "LINE_TOO_LONG");
});

test("a document over the byte limit is TOO_LARGE before it is decoded", () => {
  const [r] = [...readBytes(new Uint8Array(LIMITS.maxInputBytes + 1).fill(65), "big.txt", ".txt", null, {})];
  assert.ok(r && "error" in r && r.error.code === "TOO_LARGE");
});

test("HTML nested over the limit is TOO_DEEP, by the rough count before parsing and by the tree after", () => {
  const nest = (n: number) => `<html><body>${"<div>".repeat(n)}<p>Putin traf Trump in Genf.</p>${"</div>".repeat(n)}</body></html>`;
  assert.equal(codeOf(() => readHtml(nest(LIMITS.maxHtmlDepth - 10), "ok.html")), null);
  assert.equal(codeOf(() => readHtml(nest(LIMITS.maxHtmlDepth + 10), "deep.html")), "TOO_DEEP");
  assert.equal(codeOf(() => readHtml(nest(LIMITS.maxHtmlDepth * 8), "deeper.html")), "TOO_DEEP");
  // Unclosed paragraphs and list items are no nesting (their end tags may be left out).
  assert.equal(codeOf(() => readHtml(`<html><body>${"<p>Putin traf Trump in Genf. ".repeat(3000)}<ul>${"<li>Punkt".repeat(3000)}</ul></body></html>`, "flat.html")), null);
  let deep: { children: object[] } = { children: [] };
  for (let i = 0; i < 100_000; i++) deep = { children: [deep] };
  assert.equal(codeOf(() => checkDepth(deep, "tree")), "TOO_DEEP", "the depth check itself is iterative");
});

test("more annotations in a layer than the limit is TOO_MANY_ANNOTATIONS, named by stage and layer", () => {
  const span = { start: 0, end: 1, text: "x", value: null, range: null, provenance: { stage: "t", rule: "t" } };
  const doc = { id: "d", text: "x", meta: { source: "many.txt" }, layers: { times: Array(LIMITS.maxAnnotationsPerLayer + 1).fill(span) } } as never;
  assert.equal(codeOf(() => checkAnnotationCount(doc, "times")), "TOO_MANY_ANNOTATIONS");
  // Every line differs: the cleaner drops repeated lines.
  const lines = Array.from({ length: LIMITS.maxAnnotationsPerLayer + 10 }, (_, i) => `Am ${(i % 28) + 1}. März ${1950 + (i % 70)} war es ${i} Grad warm.`).join("\n");
  const rec = extractArticle(emptyArticle("dates.txt", lines, "text"), ctx);
  assert.ok("error" in rec && rec.error.code === "TOO_MANY_ANNOTATIONS" && /stage "times"/.test(rec.error.message), JSON.stringify("error" in rec ? rec.error : null));
});

test("a run without end marks is cut into sentences of at most the limit, at spaces", () => {
  const text = "wort ".repeat(3000);
  const s = splitSentences(text, "de");
  assert.ok(s.length >= 7);
  for (const x of s) {
    assert.ok(x.end - x.start <= LIMITS.maxSentenceChars);
    assert.ok(text.slice(x.start, x.end).endsWith("wort"));
  }
  assert.ok(s.slice(0, -1).every((x) => x.rule === "length-limit"));
});

test("the example articles are far below every limit", () => {
  const dir = join(EXAMPLES_DIR, "corpus");
  for (const f of ["de-ot-05-biden-xi-bali.txt", "en-01-biden-putin-call.txt"]) {
    const rec = extractArticle(emptyArticle(f, readFileSync(join(dir, f), "utf8"), "text"), ctx);
    assert.ok(!("error" in rec), f);
    for (const layer of [rec.times, rec.quotes, rec.events]) assert.ok(layer.length * 20 < LIMITS.maxAnnotationsPerLayer);
  }
});

test("one test run generates at least 10,000 property cases, each property with a fixed seed", () => {
  const total = Object.values(PROPERTY_RUNS).reduce((a, b) => a + b, 0);
  assert.ok(total >= 10_000, `${total}`);
});
