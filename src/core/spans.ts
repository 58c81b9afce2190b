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
