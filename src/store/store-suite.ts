// The store test suite every backend must pass (SQLite in store.test.ts, PostgreSQL in pg/pg-store.test.ts).
import assert from "node:assert/strict";
import { test } from "node:test";
import { fixtureRecord as rec, PUTIN, TRUMP, USHAKOV, ZELENSKY } from "../story/fixtures.js";
import type { Store } from "./backend.js";
import { exportStore } from "./export.js";

export const plan = rec({
  name: "plan", published: "2025-08-09", outlet: "Wire A", language: "de",
  text: "Trump und Putin wollen sich am Freitag in Alaska treffen. Die Gespräche sollen mehrere Stunden dauern.",
  events: [{ status: "planned", date: ["2025-08-15", "2025-08-15"], place: "Alaska", actors: [TRUMP], recipients: [PUTIN] }],
});
export const held = rec({
  name: "held", published: "2025-08-16", outlet: "Wire B",
  text: "Trump and Putin talked for three hours in Alaska. \"We made progress,\" Trump said.",
  events: [{ status: "held", place: "Alaska", actors: [PUTIN], recipients: [TRUMP] }],
  quotes: [{ speaker: TRUMP, text: "We made progress," }],
});
const agreed = rec({ name: "agreed", published: "2025-08-18", outlet: "Wire C", events: [{ mode: "multilateral", status: "planned", actors: [TRUMP], recipients: [PUTIN, ZELENSKY], attribution: [TRUMP], evidence: "Trump says a meeting of the three has been agreed." }] });
const denied = rec({ name: "denied", published: "2025-08-19", outlet: "Wire D", events: [{ mode: "multilateral", status: "denied", actors: [TRUMP, PUTIN], recipients: [ZELENSKY], attribution: [USHAKOV], evidence: "Ushakov says a meeting of the three was not discussed." }] });

/**
 * Registers the suite for one backend. `open` gives a new empty store per test; `skip` (a reason)
 * skips every test, e.g. when no PostgreSQL server is configured.
 */
export function storeSuite(backend: string, open: () => Promise<Store>, skip: string | false = false): void {
  const t = (name: string, fn: (s: Store) => Promise<void>) =>
    test(`${backend}: ${name}`, { skip }, async () => {
      const s = await open();
      try {
        await fn(s);
      } finally {
        await s.close();
      }
    });

  t("ingesting the same records twice changes nothing", async (s) => {
    const first = await s.ingestRecords(null, [plan, held, agreed, denied]);
    assert.equal(first.added, 4);
    const before = await s.counts();
    const second = await s.ingestRecords(null, [plan, held, agreed, denied, plan]);
    assert.equal(second.added, 0);
    assert.equal(second.unchanged, 5);
    assert.deepEqual(await s.counts(), before);
  });

  t("incremental: a later report joins the stored cluster, which keeps its id and gains a source and an outcome", async (s) => {
    await s.ingestRecords(null, [plan], { today: "2025-08-10" });
    const [c0] = await s.timeline();
    assert.equal(c0!.sources, 1);
    assert.equal((await s.promises("2025-08-10"))[0]!.state, "pending");
    assert.equal((await s.promises("2025-08-20"))[0]!.state, "overdue");
    await s.ingestRecords(null, [held]);
    const rows = await s.timeline();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.id, c0!.id);
    assert.equal(rows[0]!.sources, 2);
    assert.equal(rows[0]!.status, "held");
    assert.deepEqual(rows[0]!.outlets, ["Wire A", "Wire B"]);
    assert.deepEqual(rows[0]!.date, { start: "2025-08-15", end: "2025-08-15" });
    const p = (await s.promises("2025-08-20"))[0]!;
    assert.equal(p.state, "kept");
    assert.equal(p.outcome?.outlet, "Wire B");
    const d = await s.eventDetail(c0!.id);
    assert.deepEqual(d.reports.map((r) => r.status), ["planned", "held"]);
    assert.equal((await s.eventDetail("ev-0")).id, c0!.id, "an event id finds its cluster");
    assert.equal(d.promise?.state, "kept");
    await assert.rejects(s.eventDetail("c-nothing"), { code: "NOT_FOUND" });
  });

  t("a disagreement between two sources is stored with both sides, their outlets and evidence", async (s) => {
    await s.ingestRecords(null, [agreed, denied]);
    const ks = await s.conflicts();
    assert.equal(ks.length, 1);
    assert.equal(ks[0]!.field, "status");
    assert.deepEqual(ks[0]!.sides.map((x) => [x.value, x.events[0]!.outlet]), [["denied", "Wire D"], ["planned", "Wire C"]]);
    assert.match(ks[0]!.sides[0]!.events[0]!.evidence, /not discussed/);
    assert.deepEqual(await s.conflicts(ks[0]!.clusterId), ks);
    assert.equal((await s.timeline())[0]!.conflicts, 1);
    assert.equal((await s.timeline({ actor: "Volodymyr Zelensky" })).length, 1);
    assert.equal((await s.timeline({ actor: "zelensky" })).length, 1, "part of a name, any case");
    assert.equal((await s.timeline({ actor: "nobody at all" })).length, 0);
    assert.equal((await s.timeline({ status: "denied" })).length, 1);
    assert.equal((await s.timeline({ from: "2026-01-01" })).length, 0);
  });

  t("search finds German and English inflections, and quotes with their speaker", async (s) => {
    await s.ingestRecords(null, [plan, held]);
    assert.deepEqual((await s.search("Gespräch")).map((h) => h.title), ["plan"]);
    assert.deepEqual((await s.search("talks")).filter((h) => h.kind === "document").map((h) => h.title), ["held"]);
    assert.deepEqual((await s.search("talking")).filter((h) => h.kind === "document").map((h) => h.title), ["held"]);
    assert.deepEqual((await s.search("Alaska Stunden")).map((h) => h.title), ["plan"], "every word must match");
    const q = (await s.search("progress")).find((h) => h.kind === "quote");
    assert.equal(q?.speaker, "Donald Trump");
    assert.equal(q?.snippet, "We made progress,");
    assert.deepEqual(await s.search("Moskau"), []);
    await assert.rejects(s.search("?!"), { code: "USAGE" });
  });

  t("counts, and the stored report and entities exports read", async (s) => {
    await s.ingestRecords(null, [plan, held]);
    const n = await s.counts();
    assert.deepEqual([n.documents, n.events, n.event_sources, n.clusters, n.quotes, n.promises, n.ingest_errors], [2, 2, 2, 1, 1, 1, 0]);
    const r = await s.report((await s.eventDetail("ev-0")).reports[0]!.docId, "ev-0");
    assert.equal(r?.language, "de");
    assert.equal(r?.publication, "Wire A");
    assert.equal(await s.report("nothing", "ev-0"), null);
    const trump = (await s.timeline())[0]!.participants.find((p) => p.name === "Donald Trump")!.key;
    const e = await s.entities([trump, trump, "person:nobody"]);
    assert.deepEqual([...e], [[trump, { name: "Donald Trump", type: "person" }]]);
  });

  t("exports: JSON, JSON Lines, CSV, PLOVER and iCalendar", async (s) => {
    await s.ingestRecords(null, [plan, held, agreed, denied]);
    const json = JSON.parse(await exportStore(s, "json", "2025-09-01")) as { events: unknown[]; conflicts: unknown[]; promises: unknown[] };
    assert.equal(json.events.length, 2);
    assert.equal(json.conflicts.length, 1);
    assert.equal((await exportStore(s, "jsonl", "2025-09-01")).trim().split("\n").length, 2);
    const csv = (await exportStore(s, "csv", "2025-09-01")).split("\r\n");
    assert.equal(csv[0], "id,date_start,date_end,type,mode,status,participants,location,sources,outlets,conflicts");
    assert.ok(csv.some((l) => l.includes(",2025-08-15,2025-08-15,CONSULT,,held,") && l.includes("Wire A; Wire B")));
    const plover = JSON.parse(await exportStore(s, "plover", "2025-09-01")) as Record<string, unknown>[];
    for (const r of plover) for (const f of ["id", "date", "source", "target", "event", "mode", "context", "text", "language", "publication"]) assert.ok(f in r, f);
    assert.equal(plover[0]!.event, "CONSULT");
    const ics = await exportStore(s, "ics", "2025-09-01");
    assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
    assert.match(ics, /DTSTART;VALUE=DATE:20250815\r\nDTEND;VALUE=DATE:20250816\r\n/);
    assert.match(ics, /STATUS:CONFIRMED/);
    for (const line of ics.split("\r\n")) assert.ok(Buffer.byteLength(line) <= 75, line);
  });
}
