// Naive cross-article clustering for the in-memory store: same type, shared participants, compatible dates.
//
// This is a development stand-in for src/story (the real merger); it only has to be good enough
// to give the UI and tests several reports per event on the examples.
import { shortHash } from "../core/hash.js";
import type { Conflict, StatusStep } from "./contract.js";
import { addDays, lengthDays, overlaps, publishedDay } from "./dates.js";

export interface MemEvent {
  id: string;
  docId: string;
  outlet: string | null;
  published: string | null;
  type: string;
  mode: string | null;
  status: string;
  date: { start: string; end: string; text: string } | null;
  location: { name: string; entity: string | null; text: string } | null;
  actors: string[];
  recipients: string[];
  attribution: string[];
  evidence: { start: number; end: number; text: string };
}

export interface MemCluster {
  id: string;
  type: string;
  members: MemEvent[];
}

/** Days around publication an undated report may refer to. */
const UNDATED_SLACK = 7;

function window(e: MemEvent): { start: string; end: string } | null {
  if (e.date) return e.date;
  const day = publishedDay(e.published);
  return day ? { start: addDays(day, -UNDATED_SLACK), end: addDays(day, UNDATED_SLACK) } : null;
}

function participants(e: MemEvent): Set<string> {
  return new Set([...e.actors, ...e.recipients]);
}

/** Two reports can be one event: same type, overlapping participants, dates that overlap. */
function compatible(a: MemEvent, b: MemEvent): boolean {
  if (a.type !== b.type || a.docId === b.docId) return false;
  const pa = participants(a);
  const pb = participants(b);
  if (!pa.size || !pb.size) return false;
  let shared = 0;
  for (const p of pa) if (pb.has(p)) shared++;
  if (shared / Math.min(pa.size, pb.size) < 1 && shared / Math.max(pa.size, pb.size) < 0.5) return false;
  const wa = window(a);
  const wb = window(b);
  return !wa || !wb || overlaps(wa, wb, 1);
}

function byPublished(a: MemEvent, b: MemEvent): number {
  return (a.published ?? "9999").localeCompare(b.published ?? "9999") || a.docId.localeCompare(b.docId) || a.id.localeCompare(b.id);
}

/** Complete-link greedy clustering in publication order; ids are the hash of the first report. */
export function clusterEvents(events: MemEvent[]): MemCluster[] {
  const clusters: MemCluster[] = [];
  const byType = new Map<string, MemCluster[]>();
  for (const e of [...events].sort(byPublished)) {
    const candidates = byType.get(e.type) ?? [];
    const home = candidates.find((c) => c.members.every((m) => compatible(e, m)));
    if (home) home.members.push(e);
    else {
      const c: MemCluster = { id: `c-${shortHash(`${e.docId}:${e.id}`, 12)}`, type: e.type, members: [e] };
      candidates.push(c);
      byType.set(e.type, candidates);
      clusters.push(c);
    }
  }
  return clusters;
}

/** The date most reports agree with; among equals the narrowest, then the earliest. */
export function bestDate(c: MemCluster): MemEvent | null {
  const dated = c.members.filter((m) => m.date);
  let best: MemEvent | null = null;
  let bestKey: [number, number, string] | null = null;
  for (const m of dated) {
    const support = dated.filter((o) => overlaps(m.date!, o.date!)).length;
    const key: [number, number, string] = [support, -lengthDays(m.date!), m.date!.start];
    if (!bestKey || key[0] > bestKey[0] || (key[0] === bestKey[0] && (key[1] > bestKey[1] || (key[1] === bestKey[1] && key[2] < bestKey[2])))) {
      best = m;
      bestKey = key;
    }
  }
  return best;
}

/** Status changes in publication order; repeated statuses collapse into the first report of each. */
export function statusHistory(c: MemCluster): StatusStep[] {
  const steps: StatusStep[] = [];
  for (const m of [...c.members].sort(byPublished)) {
    if (steps.at(-1)?.status === m.status) continue;
    steps.push({ published: m.published, status: m.status, eventId: m.id, docId: m.docId, outlet: m.outlet });
  }
  return steps;
}

/** The latest report decides; on the same day a report that it happened wins over a plan. */
export function currentStatus(c: MemCluster): string {
  const sorted = [...c.members].sort(byPublished);
  const last = sorted.at(-1)!;
  const lastDay = publishedDay(last.published);
  const sameDay = sorted.filter((m) => publishedDay(m.published) === lastDay);
  return sameDay.find((m) => m.status === "held")?.status ?? last.status;
}

const NEGATIONS = new Set(["denied", "cancelled", "rejected"]);
const REALIZED = new Set(["held", "ongoing"]);

/** Names for entity ids in conflict values; the identity when none is given. */
export type Namer = (id: string) => string;

export function conflictsOf(c: MemCluster, name: Namer = (id) => id): Conflict[] {
  const out: Conflict[] = [];
  const side = (m: MemEvent) => ({ eventId: m.id, docId: m.docId, outlet: m.outlet, evidence: m.evidence.text });
  const group = (field: Conflict["field"], valueOf: (m: MemEvent) => string | null, disagree: (values: string[]) => boolean) => {
    const sides = new Map<string, MemEvent[]>();
    for (const m of c.members) {
      const v = valueOf(m);
      if (v === null) continue;
      sides.set(v, [...(sides.get(v) ?? []), m]);
    }
    if (sides.size > 1 && disagree([...sides.keys()]))
      out.push({
        id: `x-${shortHash(`${c.id}:${field}`, 10)}`,
        clusterId: c.id,
        field,
        sides: [...sides].map(([value, ms]) => ({ value, events: ms.map(side) })),
      });
  };
  // Dates conflict only when two reports cannot both be right (a month and a day in it agree).
  group("date", (m) => (m.date ? (m.date.start === m.date.end ? m.date.start : `${m.date.start}..${m.date.end}`) : null), (vals) => {
    const ranges = vals.map((v) => ({ start: v.slice(0, 10), end: v.slice(-10) }));
    return ranges.some((a) => ranges.some((b) => !overlaps(a, b)));
  });
  group("place", (m) => (m.location ? (m.location.entity ? name(m.location.entity) : m.location.name) : null), () => true);
  group("status", (m) => m.status, (vals) => vals.some((v) => REALIZED.has(v)) && vals.some((v) => NEGATIONS.has(v)));
  group("participants", (m) => [...participants(m)].map(name).sort().join(" + "), (vals) => {
    // Naming fewer participants is not a disagreement; naming a different one is.
    const sets = vals.map((v) => new Set(v.split(" + ")));
    return sets.some((a) => sets.some((b) => [...a].some((x) => !b.has(x)) && [...b].some((x) => !a.has(x))));
  });
  return out;
}
