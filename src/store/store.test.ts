// The store on records we write ourselves: migrations, idempotence, incremental merge, conflicts, search, exports.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import Database from "better-sqlite3";
import { fixtureRecord as rec, PUTIN, TRUMP, USHAKOV, ZELENSKY } from "../story/fixtures.js";
import { exportStore, foldIcsLine } from "./export.js";
import { ingestRecords } from "./ingest.js";
import { MIGRATIONS } from "./migrations.js";
import { openStore } from "./open.js";
import { conflictsOf, counts, eventDetail, promises, search, timeline } from "./queries.js";

const dir = mkdtempSync(join(tmpdir(), "dossier-store-"));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fresh = () => openStore(join(dir, `t${n++}.db`));

const plan = rec({
  name: "plan", published: "2025-08-09", outlet: "Wire A", language: "de",
  text: "Trump und Putin wollen sich am Freitag in Alaska treffen. Die Gespräche sollen mehrere Stunden dauern.",
  events: [{ status: "planned", date: ["2025-08-15", "2025-08-15"], place: "Alaska", actors: [TRUMP], recipients: [PUTIN] }],
});
const held = rec({
  name: "held", published: "2025-08-16", outlet: "Wire B",
  text: "Trump and Putin talked for three hours in Alaska. \"We made progress,\" Trump said.",
  events: [{ status: "held", place: "Alaska", actors: [PUTIN], recipients: [TRUMP] }],
  quotes: [{ speaker: TRUMP, text: "We made progress," }],
});
const agreed = rec({ name: "agreed", published: "2025-08-18", outlet: "Wire C", events: [{ mode: "multilateral", status: "planned", actors: [TRUMP], recipients: [PUTIN, ZELENSKY], attribution: [TRUMP], evidence: "Trump says a meeting of the three has been agreed." }] });
const denied = rec({ name: "denied", published: "2025-08-19", outlet: "Wire D", events: [{ mode: "multilateral", status: "denied", actors: [TRUMP, PUTIN], recipients: [ZELENSKY], attribution: [USHAKOV], evidence: "Ushakov says a meeting of the three was not discussed." }] });

test("a new store is migrated to the latest schema in WAL mode, and reopening changes nothing", () => {
  const path = join(dir, "m.db");
  const db = openStore(path);
  assert.equal(db.pragma("user_version", { simple: true }), MIGRATIONS.at(-1)!.version);
  assert.equal(db.pragma("journal_mode", { simple: true }), "wal");
  db.close();
  const again = openStore(path);
  assert.equal(again.pragma("user_version", { simple: true }), MIGRATIONS.at(-1)!.version);
  again.close();
});

test("a version-1 store is migrated and its merge index backfilled", () => {
  const path = join(dir, "v1.db");
  // Make a version-1 store holding one report: store it, then take away what version 2 added.
  const db = openStore(path);
  ingestRecords(db, null, [plan]);
  db.exec("DROP TABLE cluster_pairs");
  db.pragma("user_version = 1");
  db.close();
  const raw = new Database(path, { readonly: true });
  assert.equal(raw.pragma("user_version", { simple: true }), 1);
  raw.close();
  const re = openStore(path);
  assert.equal((re.prepare("SELECT count(*) n FROM cluster_pairs").get() as { n: number }).n, 1);
  ingestRecords(re, null, [held]);
  assert.equal(counts(re).clusters, 1, "the report merged through the backfilled index");
  re.close();
});

test("ingesting the same records twice changes nothing", () => {
  const db = fresh();
  const first = ingestRecords(db, null, [plan, held, agreed, denied]);
  assert.equal(first.added, 4);
  const before = counts(db);
  const second = ingestRecords(db, null, [plan, held, agreed, denied, plan]);
  assert.equal(second.added, 0);
  assert.equal(second.unchanged, 5);
  assert.deepEqual(counts(db), before);
  db.close();
});

test("incremental: a later report joins the stored cluster, which keeps its id and gains a source and an outcome", () => {
  const db = fresh();
  ingestRecords(db, null, [plan], { today: "2025-08-10" });
  const [c0] = timeline(db);
  assert.equal(c0!.sources, 1);
  assert.equal(promises(db, "2025-08-10")[0]!.state, "pending");
  assert.equal(promises(db, "2025-08-20")[0]!.state, "overdue");
  ingestRecords(db, null, [held]);
  const rows = timeline(db);
  assert.equal(rows.length, 1);
  assert.equal(rows[0]!.id, c0!.id);
  assert.equal(rows[0]!.sources, 2);
  assert.equal(rows[0]!.status, "held");
  assert.deepEqual(rows[0]!.outlets, ["Wire A", "Wire B"]);
  assert.deepEqual(rows[0]!.date, { start: "2025-08-15", end: "2025-08-15" });
  const p = promises(db, "2025-08-20")[0]!;
  assert.equal(p.state, "kept");
  assert.equal(p.outcome?.outlet, "Wire B");
  const d = eventDetail(db, c0!.id);
  assert.deepEqual(d.reports.map((r) => r.status), ["planned", "held"]);
  assert.equal(eventDetail(db, "ev-0").id, c0!.id, "an event id finds its cluster");
  db.close();
});

test("a disagreement between two sources is stored with both sides, their outlets and evidence", () => {
  const db = fresh();
  ingestRecords(db, null, [agreed, denied]);
  const ks = conflictsOf(db);
  assert.equal(ks.length, 1);
  assert.equal(ks[0]!.field, "status");
  assert.deepEqual(ks[0]!.sides.map((s) => [s.value, s.events[0]!.outlet]), [["denied", "Wire D"], ["planned", "Wire C"]]);
  assert.match(ks[0]!.sides[0]!.events[0]!.evidence, /not discussed/);
  assert.equal(timeline(db)[0]!.conflicts, 1);
  assert.equal(timeline(db, { actor: "Volodymyr Zelensky" }).length, 1);
  assert.equal(timeline(db, { actor: "nobody at all" }).length, 0);
  db.close();
});

test("search finds German and English inflections through the stemmed column, and quotes", () => {
  const db = fresh();
  ingestRecords(db, null, [plan, held]);
  assert.deepEqual(search(db, "Gespräch").map((h) => h.title), ["plan"]);
  assert.deepEqual(search(db, "talks").filter((h) => h.kind === "document").map((h) => h.title), ["held"]);
  assert.deepEqual(search(db, "talking").filter((h) => h.kind === "document").map((h) => h.title), ["held"]);
  const q = search(db, "progress").find((h) => h.kind === "quote");
  assert.equal(q?.speaker, "Donald Trump");
  assert.deepEqual(search(db, "Moskau"), []);
  db.close();
});

test("exports: JSON, JSON Lines, CSV, PLOVER and iCalendar", () => {
  const db = fresh();
  ingestRecords(db, null, [plan, held, agreed, denied]);
  const json = JSON.parse(exportStore(db, "json", "2025-09-01")) as { events: unknown[]; conflicts: unknown[]; promises: unknown[] };
  assert.equal(json.events.length, 2);
  assert.equal(json.conflicts.length, 1);
  assert.equal(exportStore(db, "jsonl", "2025-09-01").trim().split("\n").length, 2);
  const csv = exportStore(db, "csv", "2025-09-01").split("\r\n");
  assert.equal(csv[0], "id,date_start,date_end,type,mode,status,participants,location,sources,outlets,conflicts");
  assert.ok(csv.some((l) => l.includes(",2025-08-15,2025-08-15,CONSULT,,held,") && l.includes("Wire A; Wire B")));
  const plover = JSON.parse(exportStore(db, "plover", "2025-09-01")) as Record<string, unknown>[];
  for (const r of plover) for (const f of ["id", "date", "source", "target", "event", "mode", "context", "text", "language", "publication"]) assert.ok(f in r, f);
  assert.equal(plover[0]!.event, "CONSULT");
  const ics = exportStore(db, "ics", "2025-09-01");
  assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
  assert.match(ics, /DTSTART;VALUE=DATE:20250815\r\nDTEND;VALUE=DATE:20250816\r\n/);
  assert.match(ics, /STATUS:CONFIRMED/);
  for (const line of ics.split("\r\n")) assert.ok(Buffer.byteLength(line) <= 75, line);
  db.close();
});

test("iCalendar lines fold at 75 octets without splitting a character", () => {
  const line = "SUMMARY:" + "Gespräch über Sicherheitsgarantien ".repeat(5);
  const folded = foldIcsLine(line);
  for (const l of folded.split("\r\n")) assert.ok(Buffer.byteLength(l) <= 75);
  assert.equal(folded.replace(/\r\n /g, ""), line);
});

test("the store merges as the in-memory merger does: one session of a council, one meeting told twice in one article", async () => {
  const { makeContext } = await import("../cli/context.js");
  const { kbLookup } = await import("../story/kb-lookup.js");
  const { mergeRecords } = await import("../story/merge-records.js");
  const { summarize } = await import("../story/summary.js");
  const ctx = makeContext();
  const NRC = "org:nato-russia-council";
  const day = (d: string): [string, string] => [d, d];
  const records = [
    // The report naming the council alone comes second: it must still look for the session (writer.ts).
    rec({ name: "nrc-a", published: "2022-01-11", events: [{ status: "planned", date: day("2022-01-12"), place: "Brussels", actors: [NRC] }] }),
    rec({ name: "nrc-b", published: "2022-01-10", events: [{ status: "planned", date: day("2022-01-12"), actors: [NRC], recipients: ["org:osce"] }] }),
    rec({ name: "twice", published: "2025-08-16", events: [{ status: "held", date: day("2025-08-15"), actors: [TRUMP], recipients: [PUTIN] }, { status: "held", place: "Alaska", actors: [PUTIN], recipients: [TRUMP] }] }),
  ];
  const db = fresh();
  ingestRecords(db, ctx, records);
  const stored = timeline(db).map((r) => r.sources).sort();
  const memory = [...mergeRecords(records, kbLookup(ctx.kb)).index.clusters.values()].map((c) => summarize(c).sources).sort();
  // Two clusters: the council's session from two outlets, and the meeting told twice by one.
  assert.deepEqual(stored, [1, 2]);
  assert.deepEqual(memory, stored);
  db.close();
});
