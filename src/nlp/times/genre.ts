// Detects whether a text is news (relative dates count from publication) or a narrative about the past (they count from the story's dates).
import type { Document, TimeExpr } from "../../core/types.js";
import type { Genre } from "./tagger.js";

/**
 * A text without a publication date from its metadata or its own timestamp, whose explicit years span a decade or more,
 * reads as history: HeidelTime's narrative mode. Anything else is news.
 */
export function detectGenre(doc: Document, bare: TimeExpr[]): Genre {
  if (doc.meta.publishedBasis === "metadata" || doc.meta.publishedBasis === "text") return "news";
  const years = new Set<number>();
  for (const t of bare) {
    const m = t.value ? /^(\d{4})(?:-|$)/.exec(t.value) : null;
    if (m) years.add(+m[1]!);
  }
  if (years.size < 4) return "news";
  const list = [...years];
  return Math.max(...list) - Math.min(...list) >= 10 ? "narrative" : "news";
}
