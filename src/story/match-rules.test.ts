// Table tests for the merging rules tuned on the improved extractor: states vs. leaders, venues, regions, own dates, order in a document.
import assert from "node:assert/strict";
import { test } from "node:test";
import { BIDEN, fixtureRecord as rec, PUTIN, TRUMP, USHAKOV, WITKOFF } from "./fixtures.js";
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

test("within a document the dated report of a meeting claims the cluster before an undated mention of the same two", () => {
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
  assert.notEqual(m.clusterOf(later.document.id, "ev-0"), m.clusterOf(dated.document.id, "ev-0"));
});
