// Properties of merging: never throws, one cluster per report, two reports of one document in a cluster only as one event told twice; day arithmetic matches Date.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { runs } from "../test/arbitraries.js";
import { addDays, dayNumber, fromDayNumber } from "./days.js";
import { fixtureRecord } from "./fixtures.js";
import { sameReport } from "./match.js";
import { mergeRecords } from "./merge-records.js";

test("fromDayNumber is the inverse of dayNumber and agrees with Date for years 1000-9999", () => {
  fc.assert(
    fc.property(fc.integer({ min: -354_000, max: 2_900_000 }), (n) => {
      const iso = fromDayNumber(n);
      assert.equal(iso, new Date(n * 86_400_000).toISOString().slice(0, 10));
      assert.equal(dayNumber(iso), n);
      assert.equal(addDays(iso, 1), fromDayNumber(n + 1));
    }),
    runs("story:days"),
  );
});

const people = ["person:a-one", "person:b-two", "person:c-three", "person:d-four"];
const day = fc.integer({ min: 0, max: 60 }).map((d) => addDays("2025-07-01", d));
const event = fc.record({
  type: fc.constantFrom("CONSULT", "AGREE"),
  mode: fc.constantFrom(null, "phone", "visit", "multilateral"),
  status: fc.constantFrom("held", "planned", "promised", "denied", "cancelled", "unknown"),
  date: fc.option(fc.tuple(day, fc.integer({ min: 0, max: 40 })).map(([d, n]) => [d, addDays(d, n)] as [string, string])),
  place: fc.constantFrom(null, "Geneva", "place:istanbul"),
  actors: fc.subarray(people, { minLength: 1 }),
  recipients: fc.subarray(people),
});
const record = fc.record({ published: fc.option(day), events: fc.array(event, { maxLength: 4 }) });

test("merging any reports never throws, puts every report in one cluster, and two reports of one document together only as one event told twice", () => {
  fc.assert(
    fc.property(fc.array(record, { maxLength: 8 }), (rs) => {
      const records = rs.map((r, i) => fixtureRecord({ name: `doc${i}`, published: r.published, events: r.events }));
      const m = mergeRecords(records);
      for (const r of records) for (const e of r.events) assert.ok(m.clusterOf(r.document.id, e.id as string));
      for (const c of m.index.clusters.values())
        for (const x of c.members) for (const y of c.members) if (x !== y && x.docId === y.docId) assert.notEqual(sameReport(x, y), null);
    }),
    runs("story:merge"),
  );
});
