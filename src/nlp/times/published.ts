// Finds the publication date when metadata has none: a timestamp line, else the latest full date in the text.
import type { Document, TimeExpr } from "../../core/types.js";
import type { Inferred } from "./infer.js";
import { alt, loadTimeLexicon } from "./lexicon.js";
import { tagTimes } from "./tagger.js";

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
export function inferPublished(doc: Document, bare: TimeExpr[], fromContent: () => Inferred | null = () => null, fileDate?: string): string | null {
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
  // "Heute, 19:11": today is the day the file was saved, when the reader knows it.
  const CLOCK_TODAY = cues().clockToday;
  for (const r of meta.removed) {
    const m = CLOCK_TODAY.exec(r.text.trim());
    if (m && fileDate && /^\d{4}-\d{2}-\d{2}/.test(fileDate)) {
      meta.published = `${fileDate.slice(0, 10)}T${m[1]!.padStart(2, "0")}:${m[2]}:00`;
      meta.publishedBasis = "text";
      return meta.published.slice(0, 10);
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
  const inferred = fromContent();
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
