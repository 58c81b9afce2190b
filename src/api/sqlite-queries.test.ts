// The API over the SQLite store: every read endpoint in its documented shape, search syntax inert.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv } from "ajv";
import { makeContext } from "../cli/context.js";
import { EXAMPLES_DIR } from "../core/paths.js";
import type { Cluster, DocumentDetail, Page, PromiseItem, SearchResult, TimelineItem } from "./contract.js";
import { buildOpenApi } from "./openapi.js";
import { createApp } from "./server.js";
import type { SqliteQueries } from "./sqlite-queries.js";

const FILES = ["de-ot-05-biden-xi-bali.txt", "de-ot-06-biden-xi-woodside.md", "de-ot-07-trump-xi-busan.txt", "en-01-biden-putin-call.txt"].filter((f) => existsSync(join(EXAMPLES_DIR, "corpus", f)));

let dir: string;
let q: SqliteQueries;
let app: ReturnType<typeof createApp>;
const ajv = new Ajv({ strict: false, validateFormats: false });

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "dossier-sqlite-"));
  const { openSqliteQueries } = await import("./sqlite-queries.js");
  q = await openSqliteQueries(join(dir, "t.db"), makeContext());
  const items = await q.ingest({ files: FILES.map((f) => ({ name: f, bytes: readFileSync(join(EXAMPLES_DIR, "corpus", f)) })) }, () => undefined);
  assert.ok(items.every((i) => i.docId), JSON.stringify(items));
  app = createApp({ queries: q, webDir: null });
  ajv.addSchema(buildOpenApi(), "api");
});
after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function get<T>(path: string, schema: string | null, status = 200): Promise<T> {
  const res = await app.request(path, { headers: { host: "127.0.0.1" } });
  assert.equal(res.status, status, path);
  const body = (await res.json()) as T;
  if (schema) {
    const v = ajv.compile({ $ref: `api#/components/schemas/${schema}` });
    assert.ok(v(body), `${path}: ${JSON.stringify(v.errors?.slice(0, 3))}`);
  }
  return body;
}

test("every read endpoint answers in the documented shape over the store", async () => {
  const tl = await get<Page<TimelineItem>>("/api/timeline?limit=500", "PageTimelineItem");
  assert.ok(tl.total > 0);
  const page2 = await get<Page<TimelineItem>>("/api/timeline?limit=2&offset=2", "PageTimelineItem");
  assert.deepEqual(page2.items.map((i) => i.id), tl.items.slice(2, 4).map((i) => i.id));
  const c = await get<Cluster>(`/api/clusters/${tl.items[0]!.id}`, "Cluster");
  for (const r of c.reports) {
    const d = await get<DocumentDetail>(`/api/documents/${r.docId}`, "DocumentDetail");
    assert.equal(d.text.slice(r.evidence.start, r.evidence.end), r.evidence.text);
    for (const l of d.layers) assert.ok(l.start >= 0 && l.start < l.end && l.end <= d.text.length);
  }
  await get("/api/events?limit=10", "PageEvent");
  await get("/api/documents?limit=10", "PageDocumentSummary");
  await get("/api/entities?limit=10", "PageEntitySummary");
  await get("/api/entities/person%3Ajoe-biden", "EntityDetail");
  await get("/api/network", "Network");
  await get("/api/conflicts", "PageConflict");
  await get<Page<PromiseItem>>("/api/promises", "PagePromiseItem");
  await get("/api/stats", "Stats");
  await get("/api/clusters/nope", "ApiError", 404);
});

test("search over the store finds words and stems, facets narrow, and FTS syntax is inert", async () => {
  const r = await get<SearchResult>("/api/search?q=Xi", "SearchResult");
  assert.ok(r.total > 0);
  const docs = await get<SearchResult>("/api/search?q=Xi&kind=document", "SearchResult");
  assert.equal(docs.total, r.facets.kind["document"]);
  for (const hostile of ['"', "NEAR(a b)", "a OR b)", "* AND -x", "'; DROP TABLE documents; --", "text: Xi"]) await get<SearchResult>(`/api/search?q=${encodeURIComponent(hostile)}`, "SearchResult");
  const stats = await get<{ documents: number }>("/api/stats", "Stats");
  assert.equal(stats.documents, FILES.length);
});

test("timeline date windows and actor filters list exactly the clusters that meet them, in order, page by page", async () => {
  const all = (await get<Page<TimelineItem>>("/api/timeline?limit=500", "PageTimelineItem")).items;
  const days = [...new Set(all.flatMap((i) => (i.date ? [i.date.start, i.date.end] : [i.firstPublished!.slice(0, 10)])))].sort();
  const windows: [string | null, string | null][] = [[days[0]!, days.at(-1)!], [null, days[1]!], [days[2]!, null]];
  for (let i = 0; i + 1 < days.length; i += 3) windows.push([days[i]!, days[i + 1]!]);
  const actors = [...new Set(all.flatMap((i) => i.participants.map((p) => p.id)))].slice(0, 3);
  // Deep offsets start from checkpoints every markStride clusters: a small stride reaches them here.
  q.markStride = 3;
  for (const [from, to] of windows)
    for (const actor of [null, ...actors]) {
      const want = all.filter(
        (i) =>
          (!from || (i.date?.end ?? i.firstPublished!) >= from) &&
          (!to || (i.date?.start ?? i.firstPublished!) <= to) &&
          (!actor || i.participants.some((p) => p.id === actor)),
      );
      const query = `${from ? `&from=${from}` : ""}${to ? `&to=${to}` : ""}${actor ? `&actor=${encodeURIComponent(actor)}` : ""}`;
      const got: string[] = [];
      for (let offset = 0; ; offset += 2) {
        const page = await get<Page<TimelineItem>>(`/api/timeline?limit=2&offset=${offset}${query}`, null);
        assert.equal(page.total, want.length, query);
        got.push(...page.items.map((i) => i.id));
        if (page.items.length < 2) break;
      }
      assert.deepEqual(got, want.map((i) => i.id), query);
    }
  q.markStride = 1000;
});
