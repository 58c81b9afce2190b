// Every kind of input in one place (files, directories, stdin, .gz, WARC, http(s) URLs and RSS/Atom feeds), for `extract` and `ingest`.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { DossierError, toDossierError } from "../core/errors.js";
import type { DuplicateIndex } from "../clean/duplicates.js";
import { loadLanguageDetector } from "../nlp/language.js";
import { decodeBytes } from "./decode.js";
import { feedItems, isFeed } from "./feed.js";
import { fetchUrl, type FetchOptions } from "./fetch.js";
import type { ReadResult } from "./record-reader.js";
import { isKnownInput, isWarcName, readBytes, readInputs, type ReadOptions } from "./sources.js";
import { readWarc } from "./warc.js";

export interface ReadAllOptions extends ReadOptions, FetchOptions {
  /** At most this many items of each feed are fetched (default 50). */
  maxFeedItems?: number;
  /** When given, each article's `duplicateOf` names the first article with the same or nearly the same body (agency copies). */
  duplicates?: DuplicateIndex;
}

export function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

/** Yields one result per document, in input order; a failing input is an error result and the rest go on. */
export async function* readAllInputs(inputs: string[], opts: ReadAllOptions = {}): AsyncGenerator<ReadResult> {
  // Documents without a declared language get eld's answer rather than function-word counts.
  await loadLanguageDetector();
  for await (const r of readEach(inputs, opts)) {
    if (opts.duplicates && "article" in r) r.article.duplicateOf = opts.duplicates.add(r.source, r.article.body).duplicateOf;
    yield r;
  }
}

async function* readEach(inputs: string[], opts: ReadAllOptions): AsyncGenerator<ReadResult> {
  for (const input of inputs) {
    if (isUrl(input)) yield* readUrl(input, opts);
    else if (isWarcName(input)) yield* readWarc(input, opts);
    else if (input !== "-" && isDir(input)) yield* readEach(listDir(input), opts);
    else yield* readInputs([input], opts);
  }
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function listDir(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .filter((n) => !n.startsWith("."))
    .map((n) => join(dir, n))
    .filter((p) => isDir(p) || isKnownInput(p));
}

/** A page, or a feed whose items are fetched one by one. */
async function* readUrl(url: string, opts: ReadAllOptions): AsyncGenerator<ReadResult> {
  let page;
  try {
    page = await fetchUrl(url, opts);
  } catch (err) {
    yield { source: url, error: toDossierError(err) };
    return;
  }
  let text: string;
  try {
    text = decodeBytes(page.bytes, url, opts.maxBytes, true);
  } catch (err) {
    yield { source: url, error: toDossierError(err) };
    return;
  }
  if (isFeed(page.contentType, text)) {
    const items = feedItems(text, page.url).slice(0, opts.maxFeedItems ?? 50);
    if (!items.length) yield { source: url, error: new DossierError("NO_ARTICLE", `${url} is a feed without item links; check the feed address`) };
    for (const item of items) {
      for await (const r of readUrl(item.url, opts)) {
        if ("article" in r) {
          r.article.published ??= item.published;
          r.article.title ??= item.title;
        }
        yield r;
      }
    }
    return;
  }
  yield* fromPage(url, page, opts);
}

function* fromPage(url: string, page: { url: string; contentType: string; bytes: Uint8Array; fetchedAt: string }, opts: ReadOptions): Generator<ReadResult> {
  const ext = /json/.test(page.contentType) ? ".json" : /text\/plain/.test(page.contentType) ? ".txt" : /markdown/.test(page.contentType) ? ".md" : ".html";
  for (const r of readBytes(page.bytes, url, ext, page.fetchedAt, opts)) {
    if ("article" in r) r.article.url ??= page.url;
    yield r;
  }
}
