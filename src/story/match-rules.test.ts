// Table tests for the merging rules tuned on the improved extractor: states vs. leaders, venues, regions, own dates, order in a document.
import assert from "node:assert/strict";
import { test } from "node:test";
import { BIDEN, fixtureRecord as rec, PUTIN, TRUMP, USHAKOV, WITKOFF, ZELENSKY } from "./fixtures.js";
import { placeRelation } from "./match.js";
import { mergeRecords } from "./merge-records.js";
import type { EntityLookup, EntityFacts } from "./types.js";

const US = "country:us";
const RU = "country:ru";
/** What merging reads from the KB, for the people, states and places below (coordinates rounded). */
const FACTS: Record<string, EntityFacts> = {
  [TRUMP]: { type: "person", country: US },
  [BIDEN]: { type: "person", country: US },
  [WITKOFF]: { type: "person", country: US },
  [PUTIN]: { type: "person", country: RU },
  [USHAKOV]: { type: "person", country: RU },
  [US]: { type: "country", country: null },
  [RU]: { type: "country", country: null },
  "org:kremlin": { type: "organization", country: RU, kind: "institution" },
  "org:nato-russia-council": { type: "organization", country: null, kind: "international" },
  "org:osce": { type: "organization", country: null, kind: "international" },
  "place:moscow": { type: "location", country: RU, kind: "city", lat: 55.75, lon: 37.62 },
  "place:washington": { type: "location", country: US, kind: "city", lat: 38.9, lon: -77.04 },
  "place:alaska": { type: "location", country: US, kind: "region", lat: 64.2, lon: -149.49 },
  "place:anchorage": { type: "location", country: US, kind: "city", lat: 61.22, lon: -149.9 },
};
const lookup: EntityLookup = (k) => FACTS[k];
const at = (key: string) => ({ name: key.slice(key.indexOf(":") + 1), key, text: key });

test("places: a region holds the places near its centre, an institution fits the places of its state", () => {
  const rows: [string, string, string][] = [
    ["place:alaska", "place:anchorage", "compatible"],
    ["place:alaska", "place:washington", "different"],
    ["org:kremlin", "place:moscow", "compatible"],
    ["org:kremlin", "place:washington", "different"],
    [US, "place:anchorage", "compatible"],
    ["place:moscow", "place:washington", "different"],
  ];
  for (const [a, b, want] of rows) assert.equal(placeRelation(at(a), at(b), lookup), want, `${a} / ${b}`);
});

test("a report naming the states joins the report naming their leaders; two people of one state are two meetings", () => {
  const m = mergeRecords(
    [
      rec({ name: "leaders", published: "2021-12-31", events: [{ mode: "phone", status: "held", date: ["2021-12-30", "2021-12-30"], actors: [BIDEN], recipients: [PUTIN] }] }),
      rec({ name: "states", published: "2021-12-31", events: [{ mode: "phone", status: "held", date: ["2021-12-30", "2021-12-30"], actors: [US], recipients: [RU] }] }),
      rec({ name: "envoy-putin", published: "2025-08-06", events: [{ status: "held", date: ["2025-08-06", "2025-08-06"], place: "place:moscow", actors: [WITKOFF], recipients: [PUTIN] }] }),
      rec({ name: "envoy-aide", published: "2025-08-06", events: [{ status: "held", date: ["2025-08-06", "2025-08-06"], place: "place:moscow", actors: [WITKOFF], recipients: [USHAKOV] }] }),
    ],
    lookup,
  );
  const c = (name: string) => {
    const e = m.events.find((x) => x.source === `${name}.txt`)!;
    return m.clusterOf(e.docId, e.id);
  };
  assert.equal(c("leaders"), c("states"));
  assert.notEqual(c("envoy-putin"), c("envoy-aide"));
});

test("a report's own date of ten days stands: a call on the 12th reported in the next month still fits", () => {
  const m = mergeRecords(
    [
      rec({ name: "day", published: "2025-02-13", events: [{ mode: "phone", status: "held", date: ["2025-02-12", "2025-02-12"], actors: [TRUMP], recipients: [PUTIN] }] }),
      rec({ name: "mid-month", published: "2025-03-01", events: [{ mode: "phone", status: "held", date: ["2025-02-11", "2025-02-20"], actors: [TRUMP], recipients: [PUTIN] }] }),
    ],
    lookup,
  );
  assert.equal(m.index.clusters.size, 1);
});

test("within a document the dated report of a meeting claims the cluster, and an undated mention of the same two joins it as the same meeting told twice", () => {
  const dated = rec({ name: "first", published: "2025-08-16", events: [{ status: "held", date: ["2025-08-15", "2025-08-15"], place: "place:anchorage", actors: [TRUMP], recipients: [PUTIN] }] });
  const later = rec({
    name: "second",
    published: "2025-08-20",
    events: [
      { status: "held", actors: [TRUMP], recipients: [PUTIN] },
      { status: "held", date: ["2025-08-15", "2025-08-15"], place: "place:alaska", actors: [PUTIN], recipients: [TRUMP] },
    ],
  });
  const m = mergeRecords([dated, later], lookup);
  assert.equal(m.clusterOf(later.document.id, "ev-1"), m.clusterOf(dated.document.id, "ev-0"));
  assert.equal(m.clusterOf(later.document.id, "ev-0"), m.clusterOf(dated.document.id, "ev-0"));
});

test("one article: a plan and a held meeting of the same two, or two named days, stay two events; a claim and its denial are one", () => {
  const doc = (events: Parameters<typeof rec>[0]["events"]) => {
    const r = rec({ name: "doc", published: "2025-08-20", events });
    const m = mergeRecords([r], lookup);
    return m.clusterOf(r.document.id, "ev-0") === m.clusterOf(r.document.id, "ev-1");
  };
  assert.equal(doc([{ status: "held", actors: [TRUMP], recipients: [PUTIN] }, { status: "planned", actors: [TRUMP], recipients: [PUTIN] }]), false);
  assert.equal(doc([{ status: "held", date: ["2025-08-15", "2025-08-15"], actors: [TRUMP], recipients: [PUTIN] }, { status: "held", date: ["2025-08-16", "2025-08-16"], actors: [TRUMP], recipients: [PUTIN] }]), false);
  assert.equal(doc([{ status: "held", actors: [TRUMP], recipients: [PUTIN] }, { status: "held", actors: [TRUMP], recipients: [ZELENSKY] }]), false);
  assert.equal(doc([{ mode: "multilateral", status: "proposed", actors: [TRUMP], recipients: [PUTIN, ZELENSKY] }, { mode: "multilateral", status: "denied", actors: [PUTIN], recipients: [ZELENSKY] }]), true);
});

test("a body that meets in sessions, named by two reports for the same day, is one session; a shared person alone is not", () => {
  const NRC = "org:nato-russia-council";
  const pair = (x: Parameters<typeof rec>[0]["events"][0], y: Parameters<typeof rec>[0]["events"][0]) => {
    const a = rec({ name: "a", published: "2022-01-10", events: [x] });
    const b = rec({ name: "b", published: "2022-01-11", events: [y] });
    const m = mergeRecords([a, b], lookup);
    return m.clusterOf(a.document.id, "ev-0") === m.clusterOf(b.document.id, "ev-0");
  };
  const day = (d: string): [string, string] => [d, d];
  assert.equal(pair({ status: "planned", date: day("2022-01-12"), actors: [NRC], recipients: ["org:osce"] }, { status: "planned", date: day("2022-01-12"), actors: [NRC] }), true);
  assert.equal(pair({ status: "planned", date: day("2022-01-12"), actors: [NRC] }, { status: "planned", date: day("2022-01-13"), actors: [NRC] }), false);
  assert.equal(pair({ status: "planned", actors: [NRC] }, { status: "planned", actors: [NRC] }), false);
  assert.equal(pair({ status: "held", date: day("2022-01-12"), actors: [TRUMP] }, { status: "held", date: day("2022-01-12"), actors: [TRUMP] }), false);
});
