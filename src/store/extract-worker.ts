// Worker thread of the ingest: extracts articles it is sent and answers with their records (or per-document errors).
import { parentPort, workerData } from "node:worker_threads";
import { makeContext } from "../cli/context.js";
import type { Options } from "../core/context.js";
import { toDossierError } from "../core/errors.js";
import { toRecord } from "../core/record.js";
import { processArticle } from "../extract.js";
import type { RawArticle } from "../ingest/article.js";

const { options, kbFiles } = workerData as { options: Options; kbFiles: string[] };
const ctx = makeContext(options, kbFiles);

parentPort!.on("message", (m: { id: number; article: RawArticle }) => {
  try {
    parentPort!.postMessage({ id: m.id, record: toRecord(processArticle(m.article, ctx)) });
  } catch (err) {
    const e = toDossierError(err);
    parentPort!.postMessage({ id: m.id, error: { code: e.code, message: e.message } });
  }
});
