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
import { dateFromEvents } from "./nlp/times/event-dated.js";
import { clockToday } from "./nlp/times/published.js";
import { datedEvents } from "./kb/dated-events.js";

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
  const c = a.fileDate ? { ...ctx, options: { ...ctx.options, fileDate: a.fileDate } } : ctx;
  const doc = pipeline.run(prepare(a, ctx), c);
  return redateByEvents(a, doc, c) ?? doc;
}

/** A file date older than this after every event the text reports is a copy's date, not the page's. */
const STALE_FILE_DAYS = 31;

/**
 * A text without a publication date (or dated only by "Heute" and a file saved long after) is dated by the
 * real-world events it reports, then run again against that day so its times and events resolve; texts with a
 * date cost nothing extra. Returns null when nothing changes.
 */
function redateByEvents(a: RawArticle, doc: Document, c: Context): Document | null {
  const meta = doc.meta;
  const fileDay = c.options.fileDate?.slice(0, 10);
  // Only "Heute, 19:11" read with the file's day: a date the text itself gives ("Stand: ...") is never second-guessed.
  // Dated by metadata (most documents): nothing to look for.
  if (meta.publishedBasis !== "unknown" && (meta.publishedBasis !== "text" || !fileDay)) return null;
  const clock = clockToday(meta.removed);
  const fromFile = meta.publishedBasis === "text" && !!fileDay && !!clock && meta.published === fileDay + clock;
  if (meta.publishedBasis !== "unknown" && !fromFile) return null;
  const hit = dateFromEvents(doc, datedEvents(), c.kb, fromFile ? undefined : meta.publishedRange);
  if (!hit) return null;
  if (fromFile && (Date.parse(fileDay!) - Date.parse(hit.day)) / 86400000 <= STALE_FILE_DAYS) return null;
  // The clock time of "Heute, 19:11" still holds on the day the events give.
  const again = pipeline.run(prepare({ ...a, published: hit.day + clock }, c), c);
  again.meta.publishedBasis = "inferred";
  again.meta.publishedRange = hit.range;
  return again;
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
