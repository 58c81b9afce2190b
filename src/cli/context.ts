// Builds the shared extraction context (knowledge base once per process).
import type { Context, Options } from "../core/context.js";
import { loadKnowledgeBase } from "../kb/kb.js";

export function makeContext(options: Options = {}, kbFiles: string[] = []): Context {
  return { kb: loadKnowledgeBase(kbFiles), options };
}
