// Merging, conflicts and promises on small records we write ourselves (fixed dates, no KB).
import assert from "node:assert/strict";
import { test } from "node:test";
import { detectConflicts } from "./conflicts.js";
import { BIDEN, fixtureRecord as rec, PUTIN, RUBIO, TRUMP, USHAKOV, WITKOFF, ZELENSKY } from "./fixtures.js";
import { mergeRecords } from "./merge-records.js";
import { promiseOf } from "./promises.js";
import { summarize } from "./summary.js";
import type { EntityLookup } from "./types.js";

const GENEVA = "place:geneva";
const ISTANBUL = "place:istanbul";
const ANKARA = "place:ankara";
const ANCHORAGE = "place:anchorage";
const ALASKA = "place:alaska";
/** The facts merging reads from the KB, for five places (coordinates rounded). */
const PLACE_FACTS: Record<string, ReturnType<EntityLookup>> = {
  [GENEVA]: { type: "location", country: "country:ch", kind: "city", lat: 46.2, lon: 6.14 },
  [ISTANBUL]: { type: "location", country: "country:tr", kind: "city", lat: 41.01, lon: 28.98 },
  [ANKARA]: { type: "location", country: "country:tr", kind: "city", lat: 39.93, lon: 32.86 },
  [ANCHORAGE]: { type: "location", country: "country:us", kind: "city", lat: 61.22, lon: -149.9 },
  [ALASKA]: { type: "location", country: "country:us", kind: "region", lat: 64.2, lon: -149.49 },
};
const places: EntityLookup = (k) => PLACE_FACTS[k];

const clustersOf = (records: ReturnType<typeof rec>[]) => {
  const m = mergeRecords(records);
  return { m, ids: records.map((r) => m.clusterOf(r.document.id, "ev-0")!) };
};

test("one call reported by three outlets is one cluster; an earlier call of the same two is another", () => {
  const { m, ids } = clustersOf([
    rec({ name: "a", published: "2021-12-29", outlet: "A", events: [{ mode: "phone", status: "planned", date: ["2021-12-30", "2021-12-30"], actors: [BIDEN], recipients: [PUTIN] }] }),
    rec({ name: "b", published: "2021-12-31", outlet: "B", events: [{ mode: "phone", status: "held", actors: [BIDEN], recipients: [PUTIN] }] }),
    rec({ name: "c", published: "2021-12-31", outlet: "C", events: [{ mode: "phone", status: "held", date: ["2021-12-30", "2021-12-30"], actors: [PUTIN], recipients: [BIDEN] }] }),
    rec({ name: "d", published: "2021-12-29", outlet: "D", events: [{ mode: "phone", status: "held", date: ["2021-12-07", "2021-12-07"], actors: [BIDEN], recipients: [PUTIN] }] }),
  ]);
  assert.equal(ids[0], ids[1]);
  assert.equal(ids[0], ids[2]);
  assert.notEqual(ids[0], ids[3]);
  const s = summarize(m.index.clusters.get(ids[0]!)!);
  assert.equal(s.sources, 3);
  assert.deepEqual(s.date && [s.date.start, s.date.end], ["2021-12-30", "2021-12-30"]);
  assert.deepEqual(s.history.map((h) => h.status), ["planned", "held", "held"]);
  assert.equal(s.status, "held");
});

test("the cluster id is the hash of its earliest report and does not change when later reports join", () => {
  const first = rec({ name: "a", published: "2025-08-09", events: [{ status: "planned", date: ["2025-08-15", "2025-08-15"], place: "Alaska", actors: [TRUMP], recipients: [PUTIN] }] });
  const later = rec({ name: "b", published: "2025-08-16", events: [{ status: "held", actors: [TRUMP, PUTIN], place: "Alaska" }] });
  const alone = mergeRecords([first]).clusterOf(first.document.id, "ev-0");
  const both = mergeRecords([later, first]);
  assert.equal(both.clusterOf(first.document.id, "ev-0"), alone);
  assert.equal(both.clusterOf(later.document.id, "ev-0"), alone);
});

test("never merged: one shared participant, other types, a phone call and a meeting, far-apart places, undatable reports", () => {
  const base = { published: "2025-08-16", status: "held" };
  const cases: [Parameters<typeof rec>[0], Parameters<typeof rec>[0]][] = [
    [{ name: "a", ...base, events: [{ status: "held", actors: [TRUMP], recipients: [PUTIN] }] }, { name: "b", ...base, events: [{ status: "held", actors: [TRUMP], recipients: [ZELENSKY] }] }],
    [{ name: "a", ...base, events: [{ status: "held", actors: [TRUMP], recipients: [PUTIN] }] }, { name: "b", ...base, events: [{ type: "THREATEN", status: "held", actors: [TRUMP], recipients: [PUTIN] }] }],
    [{ name: "a", ...base, events: [{ mode: "phone", status: "held", actors: [TRUMP], recipients: [PUTIN] }] }, { name: "b", ...base, events: [{ mode: "third-party", status: "held", actors: [TRUMP], recipients: [PUTIN] }] }],
    [{ name: "a", ...base, events: [{ status: "held", place: GENEVA, actors: [TRUMP], recipients: [PUTIN] }] }, { name: "b", ...base, events: [{ status: "held", place: ISTANBUL, actors: [TRUMP], recipients: [PUTIN] }] }],
    [{ name: "a", published: null, events: [{ status: "held", actors: [TRUMP], recipients: [PUTIN] }] }, { name: "b", ...base, events: [{ status: "held", actors: [TRUMP], recipients: [PUTIN] }] }],
    [{ name: "a", ...base, events: [{ status: "held", date: ["2025-02-12", "2025-02-12"], actors: [TRUMP], recipients: [PUTIN] }] }, { name: "b", ...base, events: [{ status: "held", date: ["2025-08-15", "2025-08-15"], actors: [TRUMP], recipients: [PUTIN] }] }],
  ];
  for (const [a, b] of cases) {
    const m = mergeRecords([rec(a), rec(b)], places);
    const ids = [rec(a), rec(b)].map((r) => m.clusterOf(r.document.id, "ev-0"));
    assert.notEqual(ids[0], ids[1], JSON.stringify([a.events[0], b.events[0]]));
  }
});

test("complete link: a report that fits one member but not another does not chain two meetings", () => {
  const { ids } = clustersOf([
    rec({ name: "a", published: "2025-08-16", events: [{ status: "held", date: ["2025-08-15", "2025-08-15"], actors: [TRUMP], recipients: [PUTIN] }] }),
    rec({ name: "b", published: "2025-08-17", events: [{ status: "held", date: ["2025-08-15", "2025-08-15"], actors: [TRUMP], recipients: [PUTIN, ZELENSKY] }] }),
    rec({ name: "c", published: "2025-08-18", events: [{ status: "held", date: ["2025-08-15", "2025-08-15"], actors: [ZELENSKY], recipients: [TRUMP] }] }),
  ]);
  assert.equal(ids[0], ids[1]);
  assert.notEqual(ids[2], ids[0]);
});

test("conflicts: agreed vs not discussed, held vs denied, neighbouring days, different venues, different delegations", () => {
  const trilateral = mergeRecords([
    rec({ name: "trump", published: "2025-08-16", outlet: "A", events: [{ mode: "multilateral", status: "planned", actors: [TRUMP], recipients: [PUTIN, ZELENSKY], attribution: [TRUMP], evidence: "Trump said a meeting of the three had been agreed." }] }),
    rec({ name: "kremlin", published: "2025-08-16", outlet: "B", events: [{ mode: "multilateral", status: "denied", actors: [TRUMP, PUTIN], recipients: [ZELENSKY], attribution: [USHAKOV], evidence: "Ushakov said a meeting of the three was not discussed." }] }),
  ]);
  const [c] = [...trilateral.index.clusters.values()];
  assert.equal(trilateral.index.clusters.size, 1);
  const ks = detectConflicts(c!);
  assert.deepEqual(ks.map((k) => k.field), ["status"]);
  assert.deepEqual(ks[0]!.sides.map((s) => s.value), ["denied", "planned"]);
  assert.match(ks[0]!.sides[0]!.events[0]!.evidence, /not discussed/);
  assert.equal(ks[0]!.sides[1]!.events[0]!.outlet, "A");

  const days = mergeRecords([
    rec({ name: "a", published: "2025-08-17", events: [{ status: "held", date: ["2025-08-15", "2025-08-15"], place: ANCHORAGE, actors: [TRUMP], recipients: [PUTIN] }] }),
    rec({ name: "b", published: "2025-08-17", events: [{ status: "held", date: ["2025-08-16", "2025-08-16"], place: ANCHORAGE, actors: [TRUMP], recipients: [PUTIN] }] }),
  ], places);
  assert.equal(days.index.clusters.size, 1);
  assert.deepEqual(detectConflicts([...days.index.clusters.values()][0]!, places).map((k) => k.field), ["date"]);

  const delegations = mergeRecords([
    rec({ name: "a", published: "2025-08-17", events: [{ status: "held", date: ["2025-08-15", "2025-08-15"], place: ANCHORAGE, actors: [TRUMP], recipients: [PUTIN, RUBIO] }] }),
    rec({ name: "b", published: "2025-08-17", events: [{ status: "held", date: ["2025-08-15", "2025-08-15"], place: ALASKA, actors: [TRUMP], recipients: [PUTIN, WITKOFF] }] }),
  ], places);
  assert.equal(delegations.index.clusters.size, 1);
  assert.deepEqual(detectConflicts([...delegations.index.clusters.values()][0]!, places).map((k) => k.field), ["participants"]);

  const venue = mergeRecords([
    rec({ name: "a", published: "2025-05-16", events: [{ status: "held", date: ["2025-05-16", "2025-05-16"], place: ISTANBUL, actors: [RUBIO], recipients: [USHAKOV] }] }),
    rec({ name: "b", published: "2025-05-16", events: [{ status: "cancelled", date: ["2025-05-16", "2025-05-16"], place: ANKARA, actors: [RUBIO], recipients: [USHAKOV] }] }),
  ], places);
  assert.equal(venue.index.clusters.size, 1);
  assert.deepEqual(detectConflicts([...venue.index.clusters.values()][0]!, places).map((k) => k.field).sort(), ["place", "status"]);
});

test("a shorter list of participants or a plan followed by a report is not a conflict", () => {
  const m = mergeRecords([
    rec({ name: "a", published: "2025-08-09", events: [{ status: "planned", date: ["2025-08-15", "2025-08-15"], actors: [TRUMP], recipients: [PUTIN] }] }),
    rec({ name: "b", published: "2025-08-16", events: [{ status: "held", date: ["2025-08-15", "2025-08-15"], actors: [TRUMP], recipients: [PUTIN, RUBIO] }] }),
  ]);
  assert.equal(m.index.clusters.size, 1);
  assert.deepEqual(detectConflicts([...m.index.clusters.values()][0]!), []);
});

test("promises: kept, cancelled, pending, overdue", () => {
  const plan = (name: string, due: string) => rec({ name, published: "2025-08-09", outlet: "P", events: [{ status: "promised", date: [due, due], actors: [PUTIN], recipients: [ZELENSKY], attribution: [TRUMP] }] });
  const kept = mergeRecords([plan("p1", "2025-08-20"), rec({ name: "r1", published: "2025-08-21", events: [{ status: "held", date: ["2025-08-20", "2025-08-20"], actors: [ZELENSKY], recipients: [PUTIN] }] })]);
  const p1 = promiseOf([...kept.index.clusters.values()][0]!, "2025-09-01")!;
  assert.equal(p1.state, "kept");
  assert.equal(p1.outcome?.status, "held");
  // Without a knowledge base, entities are keyed by type and name.
  assert.deepEqual(p1.announced.attribution, ["name:person:donald-trump"]);

  const called = mergeRecords([plan("p2", "2025-08-20"), rec({ name: "r2", published: "2025-08-19", events: [{ status: "cancelled", actors: [ZELENSKY], recipients: [PUTIN] }] })]);
  assert.equal(promiseOf([...called.index.clusters.values()][0]!, "2025-09-01")!.state, "cancelled");

  const open = mergeRecords([plan("p3", "2025-08-20")]);
  const c = [...open.index.clusters.values()][0]!;
  assert.equal(promiseOf(c, "2025-08-19")!.state, "pending");
  assert.equal(promiseOf(c, "2025-09-01")!.state, "overdue");
  assert.deepEqual(promiseOf(c, "2025-09-01")!.due, { start: "2025-08-20", end: "2025-08-20" });

  const held = mergeRecords([rec({ name: "h", published: "2025-08-16", events: [{ status: "held", actors: [TRUMP], recipients: [PUTIN] }] })]);
  assert.equal(promiseOf([...held.index.clusters.values()][0]!, "2025-09-01"), null);
});
