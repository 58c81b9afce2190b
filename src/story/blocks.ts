// Blocking keys for merging: two reports can only be one event if they share a type and two participants.
import { participants } from "./match.js";
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

/**
 * One key per pair of participants: merging needs two shared participants (match.ts), so a
 * matching cluster always shares one of these keys, and popular single actors (a president
 * in every article) do not drag thousands of candidates into every comparison.
 */
export function pairKeys(e: SourcedEvent, lookup?: EntityLookup): number[] {
  const ps = [...participants(e, lookup)].sort();
  const out: number[] = [];
  for (let i = 0; i < ps.length; i++) for (let j = i + 1; j < ps.length; j++) out.push(hash53(`${e.type}|${ps[i]}|${ps[j]}`));
  return out;
}
