// Property tests of the whole extraction: any text, HTML or bytes gives a valid record with exact offsets or a coded error record, never an exception, and the same output twice.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { makeContext } from "./cli/context.js";
import { recordProblems } from "./core/validate.js";
import { emptyArticle, type RawArticle } from "./ingest/article.js";
import { extractArticle } from "./extract.js";
import { readBytes } from "./ingest/sources.js";
import { anyString, htmlText, newsText, runs, truncatedUtf8 } from "./test/arbitraries.js";

const ctx = makeContext();

/** extractArticle never throws: it answers a record or an error record; both must be valid, and equal on a second run. */
function extractTwice(a: () => RawArticle): void {
  const first = extractArticle(a(), ctx);
  assert.deepEqual(recordProblems(first), []);
  if ("error" in first) assert.notEqual(first.error.code, "INTERNAL", first.error.message);
  assert.deepEqual(extractArticle(a(), ctx), first, "the same input gives the same record");
}

test("news-like text: a valid record with exact offsets or a coded error; deterministic", () => {
  fc.assert(
    fc.property(newsText, fc.constantFrom<string | null>("de", "en", null), fc.option(fc.constantFrom("2022-01-10", "2025-08-15T09:00:00Z")), (text, language, published) =>
      extractTwice(() => ({ ...emptyArticle("prop", text, "text"), language, published })),
    ),
    runs("extract:news"),
  );
});

test("any string, lone surrogates and control characters included: a valid record or a coded error; deterministic", () => {
  fc.assert(
    fc.property(anyString, (text) => extractTwice(() => emptyArticle("prop", text, "text"))),
    runs("extract:any-string"),
  );
});

/** Reads bytes as a file with the extension, then extracts every document read; read errors must be coded. */
function readAndExtract(bytes: Uint8Array, ext: string): void {
  for (const r of readBytes(bytes, `prop${ext}`, ext, null, {})) {
    if ("error" in r) assert.notEqual(r.error.code, "INTERNAL", r.error.message);
    else extractTwice(() => structuredClone(r.article));
  }
}

test("random HTML pages: read and extracted into valid records or coded errors", () => {
  fc.assert(
    fc.property(htmlText, (html) => readAndExtract(new TextEncoder().encode(html), ".html")),
    runs("extract:html"),
  );
});

test("any bytes and truncated UTF-8 under any extension: valid records or coded errors", () => {
  const bytes = fc.oneof(truncatedUtf8, fc.uint8Array({ maxLength: 300 }));
  fc.assert(
    fc.property(bytes, fc.constantFrom(".txt", ".md", ".html", ".json", ".jsonl", ""), (b, ext) => readAndExtract(b, ext)),
    runs("extract:bytes"),
  );
});
