// Ingest from files: per-document errors, idempotence, and a kill -9 in the middle leaves a consistent store.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { makeContext } from "../cli/context.js";
import { ROOT } from "../core/paths.js";
import { ingestInputs } from "./ingest.js";
import { writeMeetingCorpus } from "./meeting-corpus.js";
import { openStore, type Db } from "./open.js";
import { counts } from "./queries.js";

const dir = mkdtempSync(join(tmpdir(), "dossier-ingest-"));
after(() => rmSync(dir, { recursive: true, force: true }));

function consistent(db: Db): void {
  assert.equal((db.pragma("integrity_check", { simple: true }) as string), "ok");
  const q = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  assert.equal(q("SELECT count(*) n FROM events e LEFT JOIN event_sources s ON s.doc_id = e.doc_id AND s.event_id = e.id WHERE s.cluster_id IS NULL"), 0, "every event is in a cluster");
  assert.equal(q("SELECT count(*) n FROM event_sources s LEFT JOIN clusters c ON c.id = s.cluster_id WHERE c.id IS NULL"), 0, "no dangling cluster");
  assert.equal(q("SELECT count(*) n FROM clusters c WHERE sources != (SELECT count(DISTINCT doc_id) FROM event_sources s WHERE s.cluster_id = c.id)"), 0, "cluster summaries are current");
  assert.equal(q("SELECT count(*) n FROM documents d WHERE NOT EXISTS (SELECT 1 FROM times t WHERE t.doc_id = d.id) AND NOT EXISTS (SELECT 1 FROM events e WHERE e.doc_id = d.id)"), 0, "no document without its annotations");
}

test("bad documents get an error record, the batch goes on, and a second ingest changes nothing", async () => {
  const folder = join(dir, "mixed");
  writeMeetingCorpus(folder, 6);
  writeFileSync(join(folder, "empty.txt"), "");
  const db = openStore(join(dir, "mixed.db"));
  const ctx = makeContext();
  const first = await ingestInputs(db, ctx, [folder], { batchSize: 4 });
  assert.equal(first.read, 7);
  assert.equal(first.added, 6);
  assert.deepEqual(first.failed.map((f) => f.code), ["EMPTY_INPUT"]);
  const before = counts(db);
  assert.equal(before.ingest_errors, 1);
  assert.equal(before.documents, 6);
  const second = await ingestInputs(db, ctx, [folder], { batchSize: 4 });
  assert.equal(second.added, 0);
  assert.equal(second.unchanged, 6);
  assert.deepEqual(counts(db), before);
  consistent(db);
  db.close();
});

/** Runs `dossier ingest`; with killAfter, sends SIGKILL once that many batches have been committed. */
function runIngest(db: string, folder: string, killAfter?: number): Promise<{ code: number | null; signal: string | null; batches: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, "bin", "dossier.js"), "ingest", "--db", db, "--batch", "3", "--log-batches", "--quiet", folder], { stdio: ["ignore", "ignore", "pipe"] });
    let batches = 0;
    let buf = "";
    child.stderr.on("data", (d: Buffer) => {
      buf += d.toString();
      const lines = buf.split("\n");
      buf = lines.pop()!;
      for (const l of lines)
        if (l.startsWith("committed ")) {
          batches++;
          if (killAfter !== undefined && batches === killAfter) child.kill("SIGKILL");
        }
    });
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, batches }));
  });
}

test("killing ingest with SIGKILL mid-way and starting again loses and duplicates nothing", async () => {
  const folder = join(dir, "kill");
  writeMeetingCorpus(folder, 60);
  const clean = join(dir, "clean.db");
  const killed = join(dir, "killed.db");
  const full = await runIngest(clean, folder);
  assert.equal(full.code, 0);
  assert.equal(full.batches, 20);

  const cut = await runIngest(killed, folder, 2);
  assert.equal(cut.signal, "SIGKILL", "the first run must be killed before it ends");
  const mid = openStore(killed);
  consistent(mid);
  const part = counts(mid).documents ?? 0;
  assert.ok(part >= 6 && part < 60 && part % 3 === 0, `only whole batches are stored (${part})`);
  mid.close();

  const rest = await runIngest(killed, folder);
  assert.equal(rest.code, 0);
  const a = openStore(clean);
  const b = openStore(killed);
  consistent(b);
  assert.deepEqual(counts(b), counts(a));
  const ids = (db: Db) => (db.prepare("SELECT id FROM clusters ORDER BY id").all() as { id: string }[]).map((r) => r.id);
  assert.deepEqual(ids(b), ids(a));
  a.close();
  b.close();
});

test("ingest reads a feed over http: every linked article is stored once, a second run changes nothing", async () => {
  const { createServer } = await import("node:http");
  const page = (place: string) =>
    `<html><head><title>Talks in ${place}</title><meta property="og:site_name" content="Loopback Wire"></head><body><article><h1>Talks in ${place}</h1>` +
    `<p>Donald Trump and Vladimir Putin met in ${place} on Friday for about two hours, officials said on Saturday in a statement.</p>` +
    `<p>Both sides described the meeting as constructive and agreed to continue the talks at a later date.</p></article></body></html>`;
  const server = createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    if (req.url === "/feed.xml") {
      res.writeHead(200, { "content-type": "application/rss+xml" });
      res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback Wire</title>` +
        `<item><title>Geneva</title><link>${base}/geneva.html</link><pubDate>Sat, 15 Mar 2025 09:00:00 GMT</pubDate></item>` +
        `<item><title>Vienna</title><link>${base}/vienna.html</link><pubDate>Sat, 22 Mar 2025 09:00:00 GMT</pubDate></item></channel></rss>`);
    } else if (req.url === "/geneva.html" || req.url === "/vienna.html") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(page(req.url === "/geneva.html" ? "Geneva" : "Vienna"));
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/feed.xml`;
  try {
    const db = openStore(join(dir, "feed.db"));
    const ctx = makeContext();
    const first = await ingestInputs(db, ctx, [url]);
    assert.equal(first.read, 2);
    assert.equal(first.added, 2, JSON.stringify(first.failed));
    const before = counts(db);
    const second = await ingestInputs(db, ctx, [url]);
    assert.equal(second.added, 0);
    assert.deepEqual(counts(db), before);
    consistent(db);
    db.close();
  } finally {
    server.closeAllConnections();
    server.close();
  }
});

test("extracting on worker threads stores the same documents, events and clusters as the main thread", async () => {
  const folder = join(dir, "workers-corpus");
  writeMeetingCorpus(folder, 24);
  writeFileSync(join(folder, "empty.txt"), "");
  const ctx = makeContext();
  const stores = [];
  for (const workers of [1, 2]) {
    const db = openStore(join(dir, `workers-${workers}.db`));
    const sum = await ingestInputs(db, ctx, [folder], { batchSize: 5, today: "2025-06-01", ...(workers > 1 ? { workers: { count: workers, kbFiles: [] } } : {}) });
    const again = await ingestInputs(db, ctx, [folder], { batchSize: 5, today: "2025-06-01", ...(workers > 1 ? { workers: { count: workers, kbFiles: [] } } : {}) });
    consistent(db);
    const rows = (sql: string) => db.prepare(sql).all();
    stores.push({
      sum: { read: sum.read, added: sum.added, failed: sum.failed.map((f) => f.code), again: again.added },
      counts: counts(db),
      clusters: rows("SELECT id, status, sources, participants, date_start, date_end FROM clusters ORDER BY id"),
      sources: rows("SELECT cluster_id, doc_id, event_id FROM event_sources ORDER BY doc_id, event_id"),
    });
    db.close();
  }
  assert.equal(stores[0]!.sum.added, 24);
  assert.equal(stores[0]!.sum.again, 0);
  assert.deepEqual(stores[1], stores[0]);
});
