// Finds a news dateline ("WOODSIDE, Calif., Nov. 15 (Reuters) -"): the day at the head of a report is the day it was filed.
import type { TimeExpr } from "../../core/types.js";

/** How far into the text a dateline may start: it opens the report, after the headline and teaser. */
const DATELINE_WITHIN = 1500;

/**
 * Before the date: the place in capitals at the start of a line, optionally a region ("WOODSIDE, Calif.,",
 * "KYIV,", "NEW YORK,"). Structure only, no words: capitals, commas, abbreviation dots.
 */
const BEFORE = /(?:^|\n)[ \t]*\p{Lu}[\p{Lu}\-' .]*\p{Lu}\.?(?:,[ \t]*[\p{L}. ]{2,20})?,[ \t]*$/u;
/** After the date: an optional agency in brackets, then a dash that opens the report. */
const AFTER = /^[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?[-–—]/u;

/** The date of the report's dateline: a full day ("2023-11-15") or a day without its year ("XXXX-11-15"), or null. */
export function datelineDay(text: string, times: readonly TimeExpr[]): string | null {
  for (const t of times) {
    if (t.start > DATELINE_WITHIN) continue;
    if (!t.value || !/^(?:\d{4}|XXXX)-\d{2}-\d{2}$/.test(t.value)) continue;
    const lineStart = text.lastIndexOf("\n", t.start - 1) + 1;
    if (BEFORE.test(text.slice(Math.max(0, lineStart - 1), t.start)) && AFTER.test(text.slice(t.end, t.end + 50))) return t.value;
  }
  return null;
}
