// Finds the publication date when metadata has none: a timestamp line, else the latest full date in the text.
import type { Document, TimeExpr } from "../../core/types.js";
import type { Inferred } from "./infer.js";
import { alt, loadTimeLexicon } from "./lexicon.js";
import { tagTimes } from "./tagger.js";
import { datelineDay } from "./dateline.js";

const NUMERIC = /(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s*(\d{1,2})[:.](\d{2}))?/;
const ISO = /(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/;

/** "Stand:", "Updated" (before a date) and "Heute, 19:11" (a clock time today), from both languages' lexicons: pages mix them. */
let cuePatterns: { published: RegExp; clockToday: RegExp } | null = null;
function cues(): { published: RegExp; clockToday: RegExp } {
  if (!cuePatterns) {
    const lex = ["de", "en"].map(loadTimeLexicon);
    cuePatterns = {
      published: new RegExp(`(?:${alt(lex.flatMap((l) => l.publishedCues))})`, "iu"),
      clockToday: new RegExp(`^(?:${alt(lex.flatMap((l) => l.todayWords))})(?![\\p{L}])[^0-9]{0,4}(\\d{1,2})[:.](\\d{2})`, "iu"),
    };
  }
  return cuePatterns;
}

/** The widest inferred window (in days) still used as the reference date. */
export const MAX_INFERRED_WIDTH_DAYS = 31;

/** Normalizes a metadata date to ISO 8601, or null when it cannot be read. */
export function normalizePublished(s: string | null): string | null {
  if (!s) return null;
  const t = s.trim();
  if (ISO.test(t)) {
    const d = new Date(t);
    return isNaN(d.getTime()) ? t.slice(0, 10) : t;
  }
  const m = NUMERIC.exec(t);
  if (m) return `${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}${m[4] ? `T${m[4].padStart(2, "0")}:${m[5]}:00` : ""}`;
  const d = new Date(t);
  return isNaN(d.getTime()) ? null : d.toISOString();
}

/** Sets meta.published and publishedBasis when missing; returns the reference day (YYYY-MM-DD) or null. */
/** The content's estimate of the publication day; given candidate days, the best of those. */
export type ContentEstimate = (only?: readonly string[]) => Inferred | null;

export function inferPublished(doc: Document, bare: TimeExpr[], fromContent: ContentEstimate = () => null, fileDate?: string): string | null {
  const meta = doc.meta;
  if (meta.published) {
    const n = normalizePublished(meta.published);
    meta.published = n;
    if (n) {
      meta.publishedBasis = "metadata";
      return n.slice(0, 10);
    }
  }
  // A timestamp line the cleaner removed: "Stand: 16.08.2025 14:05 Uhr", "Heute, 19:11".
  for (const r of meta.removed) {
    if (r.reason !== "timestamp") continue;
    const m = NUMERIC.exec(r.text) ?? null;
    if (m) {
      meta.published = `${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}${m[4] ? `T${m[4].padStart(2, "0")}:${m[5]}:00` : ""}`;
      meta.publishedBasis = "text";
      return meta.published.slice(0, 10);
    }
    // Written out: "Published 10 January 2022, 21:47 GMT", "Veröffentlicht am 3. März 2025".
    const day = tagTimes(r.text, [{ start: 0, end: r.text.length, paragraph: 0, provenance: { stage: "times", rule: "published:timestamp-line" } }], doc.meta.language, null).find((t) => t.value && /^\d{4}-\d{2}-\d{2}$/.test(t.value));
    if (day?.value) {
      meta.published = day.value;
      meta.publishedBasis = "text";
      return day.value;
    }
  }
  const stand = NUMERIC.exec(doc.text.slice(0, 600));
  if (stand && cues().published.test(doc.text.slice(Math.max(0, stand.index - 30), stand.index))) {
    meta.published = `${stand[3]}-${stand[2]!.padStart(2, "0")}-${stand[1]!.padStart(2, "0")}`;
    meta.publishedBasis = "text";
    return meta.published;
  }
  // "Heute, 19:11": today is the day the file was saved, when the reader knows it and the content allows that day
  // (a file copied years later says nothing about the day its page was printed).
  let content: Inferred | null | undefined;
  const estimate = () => (content === undefined ? (content = fromContent()) : content);
  const clock = clockToday(meta.removed);
  if (clock && fileDate && /^\d{4}-\d{2}-\d{2}/.test(fileDate) && plausible(fileDate.slice(0, 10), estimate())) {
    meta.published = `${fileDate.slice(0, 10)}${clock}`;
    meta.publishedBasis = "text";
    return meta.published.slice(0, 10);
  }
  // A dateline ("WOODSIDE, Calif., Nov. 15 (Reuters) -") names the day the report was filed; without its year,
  // the year whose day fits the content best (its weekdays, tenses, the offices of the people named).
  const dl = datelineDay(doc.text, bare);
  if (dl && !dl.startsWith("X")) {
    meta.published = dl;
    meta.publishedBasis = "text";
    return dl;
  }
  if (dl) {
    const years = candidateYears(estimate(), bare);
    const best = years.length ? fromContent(years.map((y) => `${y}${dl.slice(4)}`)) : null;
    if (best) {
      meta.published = best.day;
      meta.publishedBasis = "inferred";
      meta.publishedRange = best.range;
      return best.day;
    }
  }
  // Otherwise the latest fully specified day the text names: reports follow their events closely.
  let latest: string | null = null;
  for (const t of bare) {
    if (t.value && /^\d{4}-\d{2}-\d{2}$/.test(t.value) && (!latest || t.value > latest)) latest = t.value;
  }
  if (latest) {
    meta.published = latest;
    meta.publishedBasis = "inferred";
    return latest;
  }
  // Else inferred from the content (offices of the people named, tensed dates, weekdays), never today.
  const inferred = estimate();
  // The window is kept either way: it says honestly how far the estimate can be trusted.
  if (inferred) meta.publishedRange = inferred.range;
  // A wide window (months, years) is no reference: resolving weekdays against a guess would invent dates.
  if (inferred && (Date.parse(inferred.range.end) - Date.parse(inferred.range.start)) / 86400000 <= MAX_INFERRED_WIDTH_DAYS) {
    meta.published = inferred.day;
    meta.publishedBasis = "inferred";
    return inferred.day;
  }
  meta.publishedBasis = "unknown";
  return null;
}

/** The clock time of a removed "Heute, 19:11" line ("T19:11:00"), or "" when there is none. */
export function clockToday(removed: readonly { text: string; reason: string }[]): string {
  for (const r of removed) {
    const m = cues().clockToday.exec(r.text.trim());
    if (m) return `T${m[1]!.padStart(2, "0")}:${m[2]}:00`;
  }
  return "";
}

/** Whether a day fits the content's window (with a day's slack for time zones); no window allows any day. */
function plausible(day: string, content: Inferred | null): boolean {
  if (!content) return true;
  const d = Date.parse(day);
  return d >= Date.parse(content.range.start) - 86400000 && d <= Date.parse(content.range.end) + 86400000;
}

/** Years a dateline without one may belong to: those of the content's window (and the year before its start, for a
 * window that opens just after the day), else those of the absolute dates the text names and the year after. */
function candidateYears(content: Inferred | null, bare: TimeExpr[]): number[] {
  let lo: number;
  let hi: number;
  if (content) {
    lo = +content.range.start.slice(0, 4) - 1;
    hi = +content.range.end.slice(0, 4);
  } else {
    const ys = bare.map((t) => (t.value && /^\d{4}/.test(t.value) ? +t.value.slice(0, 4) : NaN)).filter((y) => y > 1900);
    if (!ys.length) return [];
    lo = Math.min(...ys);
    hi = Math.max(...ys) + 1;
  }
  const out: number[] = [];
  for (let y = lo; y <= hi && out.length < 5; y++) out.push(y);
  return out;
}
