// `dossier extract`: one dossier.extraction/1 record per document as JSON Lines, or --explain listings.
import { toRecord } from "../core/record.js";
import { errorRecord, processArticle } from "../extract.js";
import { DuplicateIndex } from "../clean/duplicates.js";
import { readAllInputs } from "../ingest/read-all.js";
import { makeContext } from "./context.js";
import { explain } from "./explain.js";

export interface ExtractFlags {
  explain: boolean;
  genre?: "news" | "narrative";
  kb: string[];
  maxBytes?: number;
}

/** Writes records to `write`; returns the number of documents that failed. Inputs may be paths, "-", .gz, WARC, http(s) URLs or feeds. */
export async function runExtract(inputs: string[], flags: ExtractFlags, write: (line: string) => void): Promise<number> {
  const ctx = makeContext(flags.genre ? { genre: flags.genre } : {}, flags.kb);
  let failed = 0;
  // Agency copies in several outlets are linked to the first one read (document.duplicateOf).
  const duplicates = new DuplicateIndex();
  for await (const r of readAllInputs(inputs, { duplicates, ...(flags.maxBytes ? { maxBytes: flags.maxBytes } : {}) })) {
    if ("error" in r) {
      failed++;
      write(flags.explain ? `# ${r.source}\nerror ${r.error.code}: ${r.error.message}\n` : JSON.stringify(errorRecord(r.source, r.error)));
      continue;
    }
    try {
      const doc = processArticle(r.article, ctx);
      write(flags.explain ? explain(doc) + "\n" : JSON.stringify(toRecord(doc)));
    } catch (err) {
      failed++;
      const e = errorRecord(r.source, err);
      write(flags.explain ? `# ${r.source}\nerror ${e.error.code}: ${e.error.message}\n` : JSON.stringify(e));
    }
  }
  return failed;
}
