// One line of the timeline per cluster: best date, place, participants, status history.
import { span, overlaps } from "./days.js";
import type { ClusterState } from "./cluster.js";
import { participants, window } from "./match.js";
import { OCCURRED, PLANNED } from "./status.js";
import type { ClusterSummary, EntityLookup, SourcedEvent } from "./types.js";

const byPublished = (a: SourcedEvent, b: SourcedEvent) => (a.published ?? "9999").localeCompare(b.published ?? "9999") || a.docId.localeCompare(b.docId);

/**
 * The date most sources agree on, and among those the most precise: "am 15. August"
 * beats "Mitte August" when both hold, but one outlier day loses to three agreeing reports.
 */
export function bestDate(members: SourcedEvent[]): ClusterSummary["date"] {
  let best: { m: SourcedEvent; agree: number } | null = null;
  for (const m of members) {
    if (!m.date) continue;
    let agree = 0;
    for (const o of members) {
      if (o === m) continue;
      const w = o.date ?? window(o);
      if (w && overlaps(w, m.date)) agree++;
    }
    const better =
      !best ||
      agree > best.agree ||
      (agree === best.agree && span(m.date) < span(best.m.date!)) ||
      (agree === best.agree && span(m.date) === span(best.m.date!) && OCCURRED.has(m.status) && !OCCURRED.has(best.m.status));
    if (better) best = { m, agree };
  }
  return best ? { start: best.m.date!.start, end: best.m.date!.end, eventId: best.m.id } : null;
}

function mostCommon<T>(values: T[], key: (v: T) => string): T | null {
  const counts = new Map<string, { v: T; n: number }>();
  for (const v of values) {
    const k = key(v);
    const c = counts.get(k);
    if (c) c.n++;
    else counts.set(k, { v, n: 1 });
  }
  let best: { v: T; n: number } | null = null;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best?.v ?? null;
}

/** The status now: the latest report's, except that a later mention of a plan does not undo a report that it happened. */
export function currentStatus(history: { status: string }[]): string {
  let status = "unknown";
  for (const h of history) {
    if (h.status === "unknown") continue;
    if (OCCURRED.has(status) && PLANNED.has(h.status)) continue;
    status = h.status;
  }
  return status;
}

export function summarize(c: ClusterState, lookup?: EntityLookup): ClusterSummary {
  const members = [...c.members].sort(byPublished);
  const counts = new Map<string, number>();
  for (const m of members) for (const p of participants(m, lookup)) counts.set(p, (counts.get(p) ?? 0) + 1);
  const history = members.map((m) => ({ published: m.published, status: m.status, eventId: m.id, docId: m.docId, outlet: m.outlet, source: m.source }));
  const loc = mostCommon(
    members.flatMap((m) => (m.location ? [m.location] : [])),
    (l) => l.key ?? l.name.toLowerCase(),
  );
  return {
    id: c.id,
    type: c.type,
    mode: mostCommon(members.flatMap((m) => (m.mode ? [m.mode] : [])), (x) => x),
    participants: [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k),
    date: bestDate(members),
    location: loc ? { name: loc.name, key: loc.key } : null,
    status: currentStatus(history),
    history,
    firstPublished: members[0]?.published ?? null,
    lastPublished: members.at(-1)?.published ?? null,
    sources: new Set(members.map((m) => m.docId)).size,
    members: members.map((m) => `${m.docId}:${m.id}`),
  };
}
