// WARC archives (plain or gzipped, e.g. Common Crawl's news crawl) via warcio: one article per HTML or text response record.
import { createReadStream } from "node:fs";
import { WARCParser } from "warcio";
import { DossierError, toDossierError } from "../core/errors.js";
import type { ReadResult } from "./record-reader.js";
import { readBytes, type ReadOptions } from "./sources.js";

/** Reads every response/resource record whose payload is HTML or plain text; other records are skipped. */
export async function* readWarc(path: string, opts: ReadOptions = {}): AsyncGenerator<ReadResult> {
  let n = 0;
  try {
    const parser = new WARCParser(createReadStream(path));
    for await (const record of parser) {
      const type = record.warcType;
      if (type !== "response" && type !== "resource" && type !== "conversion") continue;
      const ct = (record.httpHeaders?.headers.get("content-type") ?? record.warcHeaders.headers.get("content-type") ?? "").toLowerCase();
      const ext = /html|xhtml/.test(ct) ? ".html" : /text\/plain/.test(ct) ? ".txt" : null;
      if (!ext) continue;
      if (record.httpHeaders && !/^2\d\d$/.test(String(record.httpHeaders.statusCode ?? "200"))) continue;
      n++;
      const url = record.warcTargetURI ?? `${path}#${n}`;
      const bytes = await record.readFully(true);
      for (const r of readBytes(bytes, url, ext, null, opts)) {
        if ("article" in r) {
          r.article.url ??= record.warcTargetURI ?? null;
          // The crawl date anchors relative dates ("vor 2 Stunden") like a file's modification time.
          r.article.fileDate = record.warcDate ?? null;
        }
        yield r;
      }
    }
  } catch (err) {
    yield { source: path, error: err instanceof DossierError ? err : new DossierError("READ_FAILED", `${path} is not a readable WARC file (${toDossierError(err).message}); check the file`) };
    return;
  }
  if (n === 0) yield { source: path, error: new DossierError("NO_ARTICLE", `${path} holds no HTML or text response records; is it a WARC of pages?`) };
}
