// The SQLite store: migrations, WAL, and the shared store suite (idempotence, incremental merge, conflicts, search, exports).
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import Database from "better-sqlite3";
import { foldIcsLine } from "./export.js";
import { ingestRecords } from "./ingest.js";
import { MIGRATIONS } from "./migrations.js";
import { openStore } from "./open.js";
import { counts } from "./queries.js";
import { openSqliteStore } from "./sqlite-backend.js";
import { held, plan, storeSuite } from "./store-suite.js";
import { fixtureRecord as rec, PUTIN, TRUMP } from "../story/fixtures.js";
import { timeline } from "./queries.js";

const dir = mkdtempSync(join(tmpdir(), "dossier-store-"));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
storeSuite("sqlite", async () => openSqliteStore(join(dir, `t${n++}.db`)));

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
  const db = openStore(join(dir, `t${n++}.db`));
  ingestRecords(db, ctx, records);
  const stored = timeline(db).map((r) => r.sources).sort();
  const memory = [...mergeRecords(records, kbLookup(ctx.kb)).index.clusters.values()].map((c) => summarize(c).sources).sort();
  // Two clusters: the council's session from two outlets, and the meeting told twice by one.
  assert.deepEqual(stored, [1, 2]);
  assert.deepEqual(memory, stored);
  db.close();
});
