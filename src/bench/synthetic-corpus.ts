// Synthetic corpus for the store bench: copies of our example articles (or their records), each copy moved in time.
import { shortHash } from "../core/hash.js";
import type { ExtractionRecord } from "../core/record.js";
import type { RawArticle } from "../ingest/article.js";
import { addDays } from "../story/days.js";

/**
 * Copy g of the corpus lies g * SPACING_DAYS later. A week apart, neighbouring copies still meet in
 * the merge windows, so the store sees busy stories (many candidate clusters), not isolated ones.
 */
export const SPACING_DAYS = 7;

/** Moves the date at the start of an ISO string (2025-08-16 or 2025-08-16T10:00:00+02:00) by `days`. */
export function shiftIso(s: string, days: number): string {
  return /^\d{4}-\d{2}-\d{2}/.test(s) ? addDays(s.slice(0, 10), days) + s.slice(10) : s;
}

/** A copy marker that changes the text (and so the document id) without adding words. */
const marker = (g: number, i: number) => `\n\n#${g}.${i}`;

/** n records: the base records over and over, copy g shifted by g weeks, each with its own text and id. */
export function* syntheticRecords(base: ExtractionRecord[], n: number): Generator<ExtractionRecord> {
  for (let i = 0; i < n; i++) {
    const b = base[i % base.length]!;
    const g = Math.floor(i / base.length);
    const days = g * SPACING_DAYS;
    const text = b.document.text + marker(g, i);
    const events = (b.events as { date?: { start: string; end: string; text: string } | null }[]).map((e) => ({
      ...e,
      date: e.date ? { ...e.date, start: shiftIso(e.date.start, days), end: shiftIso(e.date.end, days) } : null,
    }));
    yield {
      ...b,
      document: { ...b.document, id: shortHash(text), source: `synthetic/${g}/${b.document.source.split("/").pop()}`, published: b.document.published ? shiftIso(b.document.published, days) : null, text },
      events,
      times: b.times.map((t) => ({ ...t, value: t.value ? shiftIso(t.value, days) : t.value, range: t.range ? { start: shiftIso(t.range.start, days), end: shiftIso(t.range.end, days) } : null })),
    };
  }
}

/** n plain-text articles built the same way from the example articles, for the end-to-end rate. */
export function* syntheticArticles(base: RawArticle[], n: number): Generator<{ source: string; article: RawArticle }> {
  for (let i = 0; i < n; i++) {
    const b = base[i % base.length]!;
    const g = Math.floor(i / base.length);
    const source = `synthetic/${g}/${b.source.split("/").pop()}`;
    yield { source, article: { ...b, source, body: b.body + marker(g, i), published: b.published ? shiftIso(b.published, g * SPACING_DAYS) : null, removed: [...b.removed] } };
  }
}
