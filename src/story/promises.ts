// Plans and promises: what was announced, and whether a later report says it happened, was called off, or is overdue.
import type { ClusterState } from "./cluster.js";
import { PLANNED } from "./status.js";
import { bestDate } from "./summary.js";
import type { SourcedEvent } from "./types.js";

export type PromiseState = "kept" | "cancelled" | "denied" | "rejected" | "pending" | "overdue";

export interface PromiseRow {
  clusterId: string;
  /** The first report of the plan. */
  announced: { eventId: string; docId: string; outlet: string | null; published: string | null; status: string; attribution: string[] };
  /** The day it was planned for, from the plan reports only. */
  due: { start: string; end: string } | null;
  state: PromiseState;
  /** The report that settled it. */
  outcome: { eventId: string; docId: string; outlet: string | null; published: string | null; status: string } | null;
}

const OUTCOME_STATE: Record<string, PromiseState> = { held: "kept", ongoing: "kept", cancelled: "cancelled", denied: "denied", rejected: "rejected" };

const byPublished = (a: SourcedEvent, b: SourcedEvent) => (a.published ?? "9999").localeCompare(b.published ?? "9999") || a.docId.localeCompare(b.docId);

/** The promise of a cluster that holds a plan, or null. `today` (YYYY-MM-DD) decides what is overdue. */
export function promiseOf(c: ClusterState, today: string): PromiseRow | null {
  const ms = [...c.members].sort(byPublished);
  const plans = ms.filter((m) => PLANNED.has(m.status));
  const first = plans[0];
  if (!first) return null;
  const due = bestDate(plans);
  // The settling report is the first outcome published no earlier than the plan (a report of a held
  // meeting published before the announcement is about an earlier meeting that merged, not the outcome).
  const settled = ms.find((m) => OUTCOME_STATE[m.status] && (m.published ?? "") >= (first.published ?? ""));
  let state: PromiseState = settled ? OUTCOME_STATE[settled.status]! : "pending";
  if (state === "pending" && due && due.end < today) state = "overdue";
  return {
    clusterId: c.id,
    announced: { eventId: first.id, docId: first.docId, outlet: first.outlet, published: first.published, status: first.status, attribution: first.attribution },
    due: due ? { start: due.start, end: due.end } : null,
    state,
    outcome: settled ? { eventId: settled.id, docId: settled.docId, outlet: settled.outlet, published: settled.published, status: settled.status } : null,
  };
}
