// Blocking keys for merging: two reports can only be one event if they share a type and two participants.
import { dayNumber } from "./days.js";
import { isForum, isPrecise, participants, sides, window } from "./match.js";
import type { EntityLookup, SourcedEvent } from "./types.js";

/** FNV-1a over the string, two 32-bit lanes folded into one integer below 2^53 (a safe SQLite/JS integer). */
export function hash53(s: string): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return (h1 >>> 0) * 0x200000 + ((h2 >>> 0) & 0x1fffff);
}

/** Width of the time buckets of the merge index, in days. */
export const BUCKET_DAYS = 30;
/** The day of slack match.ts allows between two precise dates. */
const SLACK_DAYS = 1;

/**
 * Blocking keys of a report: one per pair of participants (or of the states they act for) and 30-day bucket of its window.
 * Merging needs two shared participants and compatible windows (match.ts), so a matching
 * cluster always shares one of these keys; a president in every article and a story that
 * runs for years do not drag thousands of candidates into every comparison. A report
 * without a window never merges and has no keys.
 */
export function blockKeys(e: SourcedEvent, lookup?: EntityLookup): number[] {
  const w = window(e);
  if (!w) return [];
  const ps = [...new Set([...participants(e, lookup), ...sides(e, lookup)])].sort();
  const first = Math.floor((dayNumber(w.start) - SLACK_DAYS) / BUCKET_DAYS);
  const last = Math.floor((dayNumber(w.end) + SLACK_DAYS) / BUCKET_DAYS);
  const out: number[] = [];
  for (let i = 0; i < ps.length; i++)
    for (let j = i + 1; j < ps.length; j++) for (let b = first; b <= last; b++) out.push(hash53(`${e.type}|${ps[i]}|${ps[j]}|${b}`));
  // A body that meets in sessions matches on its own when both reports name the day (match.ts): one key for it alone.
  if (isPrecise(e)) for (const k of ps) if (isForum(k, lookup)) for (let b = first; b <= last; b++) out.push(hash53(`${e.type}|${k}|${b}`));
  return out;
}
