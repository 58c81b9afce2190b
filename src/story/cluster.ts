// Merges sourced events into clusters of one real-world event, incrementally and in any store.
import { shortHash } from "../core/hash.js";
import { blockKeys } from "./blocks.js";
import { span } from "./days.js";
import { pairScore, sameReport, window } from "./match.js";
import type { EntityLookup, SourcedEvent } from "./types.js";

/** A candidate cluster must score above this to be the same event (the same two people, undated, score 1; a plan known only to the month 0.8). */
export const MERGE_THRESHOLD = 0.9;
/** What a same-document mention already in a cluster adds to its score (see bestCluster). */
const SIBLING_BONUS = 0.3;

export interface ClusterState {
  id: string;
  type: string;
  members: SourcedEvent[];
}

/** A stable cluster id: the hash of the event that founded it, so ids never change when later reports join. */
export function clusterIdFor(founder: SourcedEvent): string {
  return `c-${shortHash(`${founder.docId}:${founder.id}`, 12)}`;
}

/**
 * The best cluster for an event among candidates, or null. A second event of a document already in
 * the cluster joins only as the same event told twice (sameReport: the headline and the lead), and
 * the event must be compatible with every member (complete link), so that single links cannot
 * chain a week of calls into one.
 */
export function bestCluster(e: SourcedEvent, candidates: Iterable<ClusterState>, lookup?: EntityLookup): ClusterState | null {
  let best: ClusterState | null = null;
  let bestScore = MERGE_THRESHOLD;
  for (const c of candidates) {
    if (c.type !== e.type) continue;
    // Complete link: the event must be compatible with every member, so that one noisy report
    // cannot chain two real events (the Alaska summit and the White House meeting) together.
    let sum = 0;
    let fits = true;
    let sibling = false;
    for (const m of c.members) {
      const s = m.docId === e.docId ? sameReport(e, m, lookup) : pairScore(e, m, lookup);
      if (s === null) {
        fits = false;
        break;
      }
      sum += s;
      if (m.docId === e.docId) sibling = true;
    }
    const fit = sum / c.members.length;
    if (!fits || fit <= MERGE_THRESHOLD) continue;
    // Among clusters it fits, the one where the article itself ties the two mentions together (its claim and
    // the denial of it) outweighs how well another cluster's reports happen to fit.
    const mean = fit + (sibling ? SIBLING_BONUS : 0);
    // Ties go to the smaller id, so that the result does not depend on the order candidates come in.
    if (mean > bestScore || (mean === bestScore && (!best || c.id < best.id))) {
      best = c;
      bestScore = mean;
    }
  }
  return best;
}


/** Clusters held in memory (the eval, tests, small batches); the store keeps the same in SQLite. */
export class StoryIndex {
  readonly clusters = new Map<string, ClusterState>();
  readonly clusterOf = new Map<string, string>();
  private readonly blocks = new Map<number, Set<string>>();
  constructor(private readonly lookup?: EntityLookup) {}

  add(e: SourcedEvent): string {
    const keys = blockKeys(e, this.lookup);
    const cands = new Set<ClusterState>();
    for (const k of keys) for (const id of this.blocks.get(k) ?? []) cands.add(this.clusters.get(id)!);
    let c = bestCluster(e, cands, this.lookup);
    if (!c) {
      c = { id: clusterIdFor(e), type: e.type, members: [] };
      this.clusters.set(c.id, c);
    }
    c.members.push(e);
    this.clusterOf.set(`${e.docId}:${e.id}`, c.id);
    for (const k of keys) {
      let s = this.blocks.get(k);
      if (!s) this.blocks.set(k, (s = new Set()));
      s.add(c.id);
    }
    return c.id;
  }
}

/**
 * Order in which events are merged: by publication, then document, so the founder is the earliest report.
 * Within a document the narrowest window goes first: a cluster takes one event per document, and the
 * report that names the day is the better claim to it than an undated mention of the same two sides.
 */
export function byPublication(a: SourcedEvent, b: SourcedEvent): number {
  return (
    DEFAULT_ORDER.compare(a.published ?? "9999", b.published ?? "9999") ||
    DEFAULT_ORDER.compare(a.docId, b.docId) ||
    windowWidth(a) - windowWidth(b) ||
    NUMERIC_ORDER.compare(a.id, b.id)
  );
}

// The collators localeCompare would build on every call (the same orders; a batch sorts thousands of events).
const DEFAULT_ORDER = new Intl.Collator();
const NUMERIC_ORDER = new Intl.Collator("en", { numeric: true });

function windowWidth(e: SourcedEvent): number {
  const w = window(e);
  return w ? span(w) : Number.MAX_SAFE_INTEGER;
}
