// Extraction of one article end to end: clean, build the Document, run the pipeline, serialize.
import { cleanText } from "./clean/clean-text.js";
import type { Context } from "./core/context.js";
import { DossierError, toDossierError } from "./core/errors.js";
import { shortHash } from "./core/hash.js";
import { checkLineLength } from "./core/limits.js";
import { SCHEMA_ID, toRecord, type ErrorRecord, type ExtractionRecord } from "./core/record.js";
import type { Document } from "./core/types.js";
import type { RawArticle } from "./ingest/article.js";
import { detectLanguage } from "./nlp/language.js";
import { pipeline } from "./nlp/pipeline.js";

/** Cleans the article and creates the Document whose text never changes afterwards. */
export function prepare(a: RawArticle, ctx: Context): Document {
  const cleaned = cleanText(a.body);
  let text = cleaned.text;
  if (!text.trim()) throw new DossierError("NO_ARTICLE", `${a.source}: nothing is left after removing boilerplate; is this an article?`);
  checkLineLength(text, a.source);
  if (a.title && !text.slice(0, a.title.length + 40).includes(a.title.trim())) text = `${a.title.trim()}\n\n${text}`;
  const language = (a.language ?? detectLanguage(text)).slice(0, 2).toLowerCase();
  return {
    id: shortHash(text),
    text,
    meta: {
      source: a.source,
      url: a.url,
      title: a.title ?? firstLine(text),
      outlet: a.outlet,
      language,
      published: a.published,
      publishedBasis: "unknown",
      duplicateOf: a.duplicateOf ?? null,
      agencies: cleaned.agencies,
      aiGenerated: cleaned.aiGenerated,
      removed: [...a.removed, ...cleaned.removed],
      genre: a.genre ?? ctx.options.genre ?? null,
    },
    layers: {},
  };
}

function firstLine(text: string): string | null {
  const l = text.split("\n", 1)[0]!.trim();
  return l.length > 0 && l.length <= 200 ? l : null;
}

export function processArticle(a: RawArticle, ctx: Context): Document {
  const doc = prepare(a, ctx);
  const c = a.fileDate ? { ...ctx, options: { ...ctx.options, fileDate: a.fileDate } } : ctx;
  return pipeline.run(doc, c);
}

export function extractArticle(a: RawArticle, ctx: Context): ExtractionRecord | ErrorRecord {
  try {
    return toRecord(processArticle(a, ctx));
  } catch (err) {
    return errorRecord(a.source, err);
  }
}

export function errorRecord(source: string, err: unknown): ErrorRecord {
  const e = toDossierError(err);
  return { schema: SCHEMA_ID, source, error: { code: e.code, message: e.message } };
}
