// Finds where the sources of one cluster disagree: date, place, participants, status.
import { shortHash } from "../core/hash.js";
import { overlaps } from "./days.js";
import type { ClusterState } from "./cluster.js";
import { isPrecise, participants, placeRelation } from "./match.js";
import { contradicts } from "./status.js";
import type { Conflict, EntityLookup, SourcedEvent } from "./types.js";

const side = (value: string, ms: SourcedEvent[]) => ({
  value,
  events: ms.map((m) => ({ eventId: m.id, docId: m.docId, outlet: m.outlet, evidence: m.evidence.text })),
});

function conflict(clusterId: string, field: Conflict["field"], a: [string, SourcedEvent[]], b: [string, SourcedEvent[]]): Conflict {
  const [x, y] = a[0] < b[0] ? [a, b] : [b, a];
  return { id: `k-${shortHash(`${clusterId}|${field}|${x[0]}|${y[0]}`, 12)}`, clusterId, field, sides: [side(x[0], x[1]), side(y[0], y[1])] };
}

/** Groups members by a value; the groups come in first-seen order. */
function groups(members: SourcedEvent[], value: (m: SourcedEvent) => string | null): [string, SourcedEvent[]][] {
  const out = new Map<string, SourcedEvent[]>();
  for (const m of members) {
    const v = value(m);
    if (v === null) continue;
    const list = out.get(v) ?? [];
    list.push(m);
    out.set(v, list);
  }
  return [...out.entries()];
}

/** Every pair of groups that cannot both be right gives one conflict. */
function pairs<T>(gs: [string, SourcedEvent[]][], clash: (a: [string, SourcedEvent[]], b: [string, SourcedEvent[]]) => boolean, make: (a: [string, SourcedEvent[]], b: [string, SourcedEvent[]]) => T): T[] {
  const out: T[] = [];
  for (let i = 0; i < gs.length; i++) for (let j = i + 1; j < gs.length; j++) if (clash(gs[i]!, gs[j]!)) out.push(make(gs[i]!, gs[j]!));
  return out;
}

export function detectConflicts(c: ClusterState, lookup?: EntityLookup): Conflict[] {
  const ms = c.members;
  const out: Conflict[] = [];
  const make = (field: Conflict["field"]) => (a: [string, SourcedEvent[]], b: [string, SourcedEvent[]]) => conflict(c.id, field, a, b);
  // Date: two precise days that do not overlap ("Donnerstag" vs "Freitag"); vague ones ("im August") only bound the day.
  const dates = groups(ms, (m) => (isPrecise(m) ? (m.date!.start === m.date!.end ? m.date!.start : `${m.date!.start}..${m.date!.end}`) : null));
  const rangeOf = (v: string) => ({ start: v.slice(0, 10), end: v.slice(-10) });
  out.push(...pairs(dates, (a, b) => !overlaps(rangeOf(a[0]), rangeOf(b[0])), make("date")));
  // Place: places that cannot both be the venue (Geneva vs Istanbul; not Anchorage vs Alaska).
  const places = groups(ms, (m) => m.location?.name ?? null);
  out.push(...pairs(places, (a, b) => placeRelation(a[1][0]!.location, b[1][0]!.location, lookup) === "different", make("place")));
  // Participants: two lists of people of which neither contains the other; a shorter list is an omission, not a disagreement.
  const people = groups(ms, (m) => {
    const ps = participants(m, lookup).filter((k) => (lookup?.(k)?.type ?? "person") === "person");
    return ps.length >= 2 ? [...ps].sort().join(",") : null;
  });
  out.push(
    ...pairs(
      people,
      (a, b) => {
        const x = a[0].split(",");
        const y = b[0].split(",");
        return x.some((p) => !y.includes(p)) && y.some((p) => !x.includes(p));
      },
      make("participants"),
    ),
  );
  // Status: held vs denied or cancelled, agreed/planned vs denied ("Trump: agreed" / "Ushakov: not discussed").
  const statuses = groups(ms, (m) => m.status);
  out.push(...pairs(statuses, (a, b) => contradicts(a[0], b[0]), make("status")));
  return out;
}
