// Expands command-line inputs (files, directories, "-") into articles or per-document errors.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { gunzipSync } from "node:zlib";
import { DossierError, toDossierError } from "../core/errors.js";
import { decodeBytes, DEFAULT_MAX_BYTES } from "./decode.js";
import { readHtml } from "./html-reader.js";
import { readJsonFile, readJsonLines, type ReadResult } from "./record-reader.js";
import { readText } from "./text-reader.js";

const KNOWN = new Set([".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".json", ".jsonl", ".ndjson"]);

/** A file name Dossier reads from a directory: a known format, optionally gzipped, or a WARC archive. */
export function isKnownInput(name: string): boolean {
  const n = name.toLowerCase();
  if (isWarcName(n)) return true;
  return KNOWN.has(extname(n.endsWith(".gz") ? n.slice(0, -3) : n));
}

export function isWarcName(name: string): boolean {
  return /\.warc(\.gz)?$/i.test(name);
}

export interface ReadOptions {
  maxBytes?: number;
}

/** Yields one result per document, in a stable order (directories sorted). */
export function* readInputs(inputs: string[], opts: ReadOptions = {}): Generator<ReadResult> {
  for (const input of inputs) {
    if (input === "-") {
      yield* readBytes(readFileSync(0), "-", "", null, opts);
      continue;
    }
    let st;
    try {
      st = statSync(input);
    } catch {
      yield { source: input, error: new DossierError("NOT_FOUND", `${input} does not exist; check the path`) };
      continue;
    }
    if (st.isDirectory()) yield* readInputs(listDir(input), opts);
    else yield* readFile(input, st.mtime.toISOString(), opts);
  }
}

function listDir(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith(".")) continue;
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) out.push(p);
    else if (isKnownInput(name) && !isWarcName(name)) out.push(p); // WARC needs the async reader (readAllInputs)
  }
  return out;
}

function* readFile(path: string, mtime: string, opts: ReadOptions): Generator<ReadResult> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    yield { source: path, error: new DossierError("READ_FAILED", `${path} could not be read: ${(err as Error).message}`) };
    return;
  }
  if (path.toLowerCase().endsWith(".gz")) {
    // Any format gzipped: unpack with the same size limit, then read by the inner extension.
    const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: max });
    } catch (err) {
      const tooBig = (err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE";
      yield {
        source: path,
        error: tooBig
          ? new DossierError("TOO_LARGE", `${path} unpacks to more than ${max} bytes; split it or raise --max-bytes`)
          : new DossierError("READ_FAILED", `${path} is not a valid gzip file (${(err as Error).message}); check the file`),
      };
      return;
    }
    yield* readBytes(bytes, path, extname(basename(path).slice(0, -3)).toLowerCase(), mtime, opts);
    return;
  }
  yield* readBytes(bytes, path, extname(path).toLowerCase(), mtime, opts);
}

export function* readBytes(bytes: Uint8Array, source: string, ext: string, mtime: string | null, opts: ReadOptions): Generator<ReadResult> {
  let results: ReadResult[];
  try {
    const text = decodeBytes(bytes, source, opts.maxBytes ?? DEFAULT_MAX_BYTES, ext === ".html" || ext === ".htm" || ext === ".xhtml");
    const kind = ext && KNOWN.has(ext) ? ext : sniff(text);
    results = parseAs(kind, text, source);
  } catch (err) {
    results = [{ source, error: toDossierError(err) }];
  }
  for (const r of results) {
    if ("article" in r && mtime) r.article.fileDate = mtime;
    yield r;
  }
}

function parseAs(kind: string, text: string, source: string): ReadResult[] {
  switch (kind) {
    case ".html":
    case ".htm":
    case ".xhtml":
      return [{ source, article: readHtml(text, source) }];
    case ".json":
      return readJsonFile(text, source);
    case ".jsonl":
    case ".ndjson":
      return readJsonLines(text, source);
    case ".md":
    case ".markdown":
      return [{ source, article: readText(text, source, true) }];
    default:
      return [{ source, article: readText(text, source) }];
  }
}

/** Guesses the format of stdin or an unknown extension from its first characters. */
function sniff(text: string): string {
  const head = text.trimStart().slice(0, 200).toLowerCase();
  if (head.startsWith("<!doctype html") || head.startsWith("<html") || /^<(head|body|div|article|p)\b/.test(head)) return ".html";
  if (head.startsWith("[")) return ".json";
  if (head.startsWith("{")) {
    const firstLine = text.trimStart().split("\n", 1)[0]!.trim();
    return firstLine.endsWith("}") && text.trim().includes("\n") ? ".jsonl" : ".json";
  }
  return ".txt";
}
