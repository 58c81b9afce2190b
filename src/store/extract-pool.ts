// Extraction on worker threads for `dossier ingest --workers N`: the main thread only reads and writes the store.
import { Worker } from "node:worker_threads";
import type { Options } from "../core/context.js";
import type { ExtractionRecord } from "../core/record.js";
import type { RawArticle } from "../ingest/article.js";

export type Extracted = { record: ExtractionRecord } | { error: { code: string; message: string } };

/**
 * N workers, each with its own knowledge base, taking articles in turn. Answers come back in any
 * order; callers await them in input order, so batches (and so the store) are the same as without workers.
 */
export class ExtractPool {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, (r: Extracted) => void>();
  private next = 0;
  private failure: string | null = null;

  constructor(count: number, options: Options, kbFiles: string[]) {
    this.workers = Array.from({ length: count }, () => {
      const w = new Worker(new URL("./extract-worker.js", import.meta.url), { workerData: { options, kbFiles } });
      w.on("message", (m: { id: number } & Extracted) => {
        const done = this.waiting.get(m.id);
        this.waiting.delete(m.id);
        done?.("record" in m ? { record: m.record } : { error: m.error });
      });
      w.on("error", (err) => {
        // A worker that dies fails what it was given and what comes after; the ingest records those as per-document errors.
        this.failure = `extraction worker failed: ${err.message}`;
        for (const [id, done] of this.waiting) {
          this.waiting.delete(id);
          done({ error: { code: "INTERNAL", message: this.failure } });
        }
      });
      return w;
    });
  }

  extract(article: RawArticle): Promise<Extracted> {
    const id = this.next++;
    if (this.failure) return Promise.resolve({ error: { code: "INTERNAL", message: this.failure } });
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.workers[id % this.workers.length]!.postMessage({ id, article });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
