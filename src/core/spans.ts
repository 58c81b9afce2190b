// Lookups over sorted, disjoint span layers.
import type { Span } from "./types.js";

/** The span containing offset `pos` (binary search; `spans` sorted and disjoint, e.g. sentences). */
export function spanAt<T extends Span>(spans: readonly T[], pos: number): T | undefined {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid]!;
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/**
 * A flag per token: 1 when the token overlaps any of `spans` (in any order, overlaps allowed).
 * One sweep over both sorted lists, so marking is linear in tokens + spans.
 */
export function coveredTokens(tokens: readonly Span[], spans: readonly Span[], into = new Uint8Array(tokens.length)): Uint8Array {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let first = 0;
  for (const s of sorted) {
    // Tokens ending before this span also end before every later one (sorted by start): skip them for good.
    while (first < tokens.length && tokens[first]!.end <= s.start) first++;
    for (let k = first; k < tokens.length && tokens[k]!.start < s.end; k++) into[k] = 1;
  }
  return into;
}
