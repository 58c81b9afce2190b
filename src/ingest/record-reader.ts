// JSON and JSON Lines records: {id?, url?, title?, published?, text | html}.
import { DossierError } from "../core/errors.js";
import { emptyArticle, type RawArticle } from "./article.js";
import { readHtml } from "./html-reader.js";
import { applyMeta } from "./text-reader.js";
import { checkText } from "./decode.js";

export type ReadResult = { source: string; article: RawArticle } | { source: string; error: DossierError };

/** One record to an article; `fallbackSource` names it when the record has no id. */
export function readRecord(rec: unknown, fallbackSource: string): ReadResult {
  if (!rec || typeof rec !== "object" || Array.isArray(rec))
    return { source: fallbackSource, error: new DossierError("BAD_RECORD", `${fallbackSource}: a record must be a JSON object with "text" or "html"`) };
  const r = rec as Record<string, unknown>;
  const source = typeof r.id === "string" && r.id ? r.id : typeof r.id === "number" ? String(r.id) : fallbackSource;
  try {
    let a: RawArticle;
    if (typeof r.text === "string") a = emptyArticle(source, checkText(r.text, source), "record");
    else if (typeof r.html === "string") a = readHtml(checkText(r.html, source), source);
    else throw new DossierError("BAD_RECORD", `${source}: the record has neither "text" nor "html" (a string); add one of them`);
    applyMeta(a, r);
    return { source, article: a };
  } catch (err) {
    if (err instanceof DossierError) return { source, error: err };
    throw err;
  }
}

/** A .json file: one record or an array of records. */
export function readJsonFile(text: string, source: string): ReadResult[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return [{ source, error: new DossierError("BAD_RECORD", `${source} is not valid JSON: ${(err as Error).message}`) }];
  }
  if (Array.isArray(data)) return data.map((r, i) => readRecord(r, `${source}#${i + 1}`));
  return [readRecord(data, source)];
}

/** A .jsonl file: one record per non-empty line; a bad line is an error for that line only. */
export function readJsonLines(text: string, source: string): ReadResult[] {
  const out: ReadResult[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const where = `${source}#${i + 1}`;
    let rec: unknown;
    try {
      rec = JSON.parse(line);
    } catch (err) {
      out.push({ source: where, error: new DossierError("BAD_RECORD", `${where} is not valid JSON: ${(err as Error).message}`) });
      return;
    }
    out.push(readRecord(rec, where));
  });
  return out;
}
