// Quotes of a document: direct quotes in every quote style, then reported speech, with speakers and media.
import type { Document, Quote } from "../../core/types.js";
import type { KnowledgeBase } from "../../kb/kb.js";
import { findDirectQuotes } from "./direct.js";
import { findIndirectQuotes } from "./indirect.js";
import { quoteLex } from "./lex.js";
import { findMarked } from "./marks.js";
import { buildReferents, type SpeakerCtx } from "./speaker.js";

export function findQuotes(doc: Document, kb: KnowledgeBase | null): Quote[] {
  const lex = quoteLex(doc.meta.language);
  const mentions = (doc.layers.mentions ?? []).filter((m) => m.form !== "adjective" && m.form !== "prefix" && m.form !== "pronoun");
  const base = { doc, kb, lex, mentions };
  const marked = findMarked(doc.text);
  const c: SpeakerCtx = { ...base, referents: buildReferents(base, marked) };
  const direct = findDirectQuotes(c, marked);
  const indirect = findIndirectQuotes(c, direct);
  return [...direct, ...indirect].sort((a, b) => a.start - b.start);
}
