// The ingest queue on PostgreSQL: idempotent jobs, a worker killed mid-job, several workers merging at once.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import type { Client } from "pg";
import { makeContext } from "../cli/context.js";
import { ROOT } from "../core/paths.js";
import { partition, writeMeetingCorpus } from "../store/meeting-corpus.js";
import { openStore } from "../store/open.js";
import { ingestInputs } from "../store/ingest.js";
import { withPgClient } from "../store/pg/store.js";
import { dropPgDatabases, freshPgDatabase, PG_SKIP } from "../test/pg.js";
import { enqueueInputs } from "./enqueue.js";

const dir = mkdtempSync(join(tmpdir(), "dossier-queue-"));
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await dropPgDatabases();
});

type Partition = string[];
const SOURCES = "SELECT cluster_id, doc_id, event_id FROM event_sources";

/** The partition a sequential SQLite ingest of the same folder gives: what concurrent workers must match. */
async function sequentialPartition(folder: string): Promise<Partition> {
  const db = openStore(join(dir, `seq-${Math.random().toString(36).slice(2)}.db`));
  try {
    await ingestInputs(db, makeContext(), [folder], { batchSize: 1 });
    return partition(db.prepare(SOURCES).all() as { cluster_id: string; doc_id: string; event_id: string }[]);
  } finally {
    db.close();
  }
}

const one = async (c: Client, sql: string) => Number((await c.query(sql)).rows[0].n);

/** Every event in exactly one cluster, summaries current, nothing half-stored, the queue empty. */
async function consistentPg(url: string): Promise<Partition> {
  return withPgClient(url, async (c) => {
    assert.equal(await one(c, "SELECT count(*) n FROM events e LEFT JOIN event_sources s ON s.doc_id = e.doc_id AND s.event_id = e.id WHERE s.cluster_id IS NULL"), 0, "every event is in a cluster");
    assert.equal(await one(c, "SELECT count(*) n FROM event_sources s LEFT JOIN clusters c ON c.id = s.cluster_id WHERE c.id IS NULL"), 0, "no dangling cluster");
    assert.equal(await one(c, "SELECT count(*) n FROM clusters c WHERE sources != (SELECT count(DISTINCT doc_id) FROM event_sources s WHERE s.cluster_id = c.id)"), 0, "cluster summaries are current");
    assert.equal(await one(c, "SELECT count(*) n FROM documents d WHERE NOT EXISTS (SELECT 1 FROM times t WHERE t.doc_id = d.id) AND NOT EXISTS (SELECT 1 FROM events e WHERE e.doc_id = d.id)"), 0, "no document without its annotations");
    assert.equal(await one(c, "SELECT count(*) n FROM graphile_worker.jobs"), 0, "no job left over");
    return partition((await c.query<{ cluster_id: string; doc_id: string; event_id: string }>(SOURCES)).rows);
  });
}

interface Worker {
  done: Promise<{ code: number | null; signal: string | null }>;
  kill(): void;
}

/** Runs `dossier worker`; `onLine` sees each stderr line (job started/added/unchanged …). */
function worker(url: string, args: string[], onLine: (l: string, w: Worker) => void = () => undefined): Worker {
  const child = spawn(process.execPath, [join(ROOT, "bin", "dossier.js"), "worker", "--db", url, "--log-jobs", ...args], { stdio: ["ignore", "ignore", "pipe"] });
  const w: Worker = {
    done: new Promise((ok, fail) => {
      child.on("error", fail);
      child.on("close", (code, signal) => ok({ code, signal }));
    }),
    kill: () => child.kill("SIGKILL"),
  };
  let buf = "";
  child.stderr.on("data", (d: Buffer) => {
    buf += d.toString();
    const lines = buf.split("\n");
    buf = lines.pop()!;
    for (const l of lines) onLine(l, w);
  });
  return w;
}

test("queueing is idempotent: the same inputs twice give one job each, stored inputs none", { skip: PG_SKIP }, async () => {
  const folder = join(dir, "idem");
  writeMeetingCorpus(folder, 8);
  const url = await freshPgDatabase();
  const first = await enqueueInputs(url, [folder]);
  assert.deepEqual([first.read, first.queued, first.known], [8, 8, 0]);
  await enqueueInputs(url, [folder]);
  assert.equal(await withPgClient(url, (c) => one(c, "SELECT count(*) n FROM graphile_worker.jobs")), 8, "a waiting job is not queued twice");
  assert.equal((await worker(url, ["--once"]).done).code, 0);
  const again = await enqueueInputs(url, [folder]);
  assert.deepEqual([again.queued, again.known], [0, 8]);
  assert.equal(await withPgClient(url, (c) => one(c, "SELECT count(*) n FROM documents")), 8);
  assert.deepEqual(await consistentPg(url), await sequentialPartition(folder));
});

test("a worker killed mid-job loses nothing and duplicates nothing: the next worker releases and redoes its job", { skip: PG_SKIP }, async () => {
  const folder = join(dir, "kill");
  writeMeetingCorpus(folder, 24);
  const url = await freshPgDatabase();
  assert.equal((await enqueueInputs(url, [folder])).queued, 24);
  let started = 0;
  const a = worker(url, [], (l, w) => {
    // Killed as it starts its fourth job: that job is taken (locked) and not finished.
    if (l.startsWith("job started ") && ++started === 4) w.kill();
  });
  assert.equal((await a.done).signal, "SIGKILL");
  const mid = await withPgClient(url, async (c) => [await one(c, "SELECT count(*) n FROM graphile_worker.jobs WHERE locked_by IS NOT NULL"), await one(c, "SELECT count(*) n FROM documents")]);
  assert.equal(mid[0], 1, "the killed worker held one job");
  assert.ok(mid[1]! >= 3 && mid[1]! < 24, `some documents stored before the kill (${mid[1]})`);
  let released = false;
  const b = worker(url, ["--once"], (l) => {
    if (l.startsWith("released the jobs of 1 stopped worker")) released = true;
  });
  assert.equal((await b.done).code, 0);
  assert.ok(released, "the second worker released the dead worker's job");
  assert.equal(await withPgClient(url, (c) => one(c, "SELECT count(*) n FROM documents")), 24);
  assert.deepEqual(await consistentPg(url), await sequentialPartition(folder));
});

test("three workers at once merge the reports of each meeting into one cluster, as one process would", { skip: PG_SKIP }, async () => {
  const folder = join(dir, "many");
  writeMeetingCorpus(folder, 48);
  const url = await freshPgDatabase();
  await enqueueInputs(url, [folder]);
  const counts = [0, 0, 0];
  const ws = counts.map((_, i) =>
    worker(url, ["--once"], (l) => {
      if (l.startsWith("job added ")) counts[i]!++;
    }),
  );
  for (const w of ws) assert.equal((await w.done).code, 0);
  assert.equal(counts.reduce((x, y) => x + y), 48, "each document stored once");
  assert.ok(counts.filter((n) => n > 0).length >= 2, `the work was shared (${counts.join(", ")})`);
  const part = await consistentPg(url);
  assert.deepEqual(part, await sequentialPartition(folder));
  assert.equal(part.filter((m) => m.split(",").length === 8).length, 6, "six meetings, eight reports each");
});
