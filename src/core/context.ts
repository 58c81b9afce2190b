// What every stage can read besides the document: options and the loaded knowledge base.
import type { KnowledgeBase } from "../kb/kb.js";

export interface Options {
  /** Force the genre when the document does not say: news anchors on `published`, narrative on story time. */
  genre?: "news" | "narrative";
  /** Fallback reference date for documents without any date (ISO), e.g. a file's modification time. */
  fileDate?: string;
}

export interface Context {
  kb: KnowledgeBase;
  options: Options;
}
