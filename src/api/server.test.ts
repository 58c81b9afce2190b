// The HTTP API over loopback: endpoints, pagination, errors, OpenAPI agreement, token, origin and size limits, ingest with SSE.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv } from "ajv";
import { EXAMPLES_DIR } from "../core/paths.js";
import { makeContext } from "../cli/context.js";
import type { Cluster, DocumentDetail, EntityDetail, Page, SearchResult, TimelineItem } from "./contract.js";
import { isPrivateAddress, safeFileName } from "./ingest-input.js";
import { openSqliteQueries, type SqliteQueries } from "./sqlite-queries.js";
import { buildOpenApi } from "./openapi.js";
import { createApp, startServer, type RunningServer } from "./server.js";

// A handful of examples keeps this file fast; the browser test loads them all.
const FILES = ["de-ot-05-biden-xi-bali.txt", "de-ot-06-biden-xi-woodside.md", "de-ot-07-trump-xi-busan.txt", "de-ot-08-nato-gipfel-madrid.txt"];
const ARTICLE = "Berlin – Bundeskanzler Olaf Scholz hat am Montag in Berlin den französischen Präsidenten Emmanuel Macron getroffen. Das sagte ein Regierungssprecher.";

let queries: SqliteQueries;
let dbDir: string;
let server: RunningServer;
let base: string;

before(async () => {
  dbDir = mkdtempSync(join(tmpdir(), "dossier-api-"));
  queries = await openSqliteQueries(join(dbDir, "t.db"), makeContext(), { allowPrivateUrls: true });
  await queries.ingest({ files: FILES.map((f) => ({ name: f, bytes: readFileSync(join(EXAMPLES_DIR, "corpus", f)) })) }, () => undefined);
  server = await startServer({ queries, port: 0, webDir: null });
  base = server.url;
});
after(async () => {
  await server.close();
  rmSync(dbDir, { recursive: true, force: true });
});

async function get<T>(path: string, status = 200): Promise<T> {
  const res = await fetch(base + path);
  assert.equal(res.status, status, `${path}: ${res.status}`);
  assert.match(res.headers.get("content-type") ?? "", /application\/json/);
  return (await res.json()) as T;
}

test("server binds loopback and sets security headers", async () => {
  assert.match(base, /^http:\/\/127\.0\.0\.1:\d+$/);
  const res = await fetch(`${base}/api/health`);
  assert.equal(res.headers.get("x-content-type-options"), "nosniff");
  assert.match(res.headers.get("content-security-policy") ?? "", /script-src 'self'/);
});

test("timeline pages are disjoint and their totals agree", async () => {
  const all = await get<Page<TimelineItem>>("/api/timeline?limit=500");
  assert.ok(all.total >= 5, `only ${all.total} clusters`);
  assert.equal(all.items.length, all.total);
  const p1 = await get<Page<TimelineItem>>("/api/timeline?limit=3&offset=0");
  const p2 = await get<Page<TimelineItem>>("/api/timeline?limit=3&offset=3");
  assert.equal(p1.items.length, 3);
  assert.equal(p1.total, all.total);
  assert.deepEqual([...p1.items, ...p2.items].map((i) => i.id), all.items.slice(0, 6).map((i) => i.id));
  const dated = all.items.filter((i) => i.date).map((i) => i.date!.start);
  assert.deepEqual(dated, [...dated].sort(), "timeline is in date order");
});

test("timeline filters by actor, type and date range", async () => {
  const xi = await get<Page<TimelineItem>>("/api/timeline?actor=person%3Axi-jinping&limit=500");
  assert.ok(xi.total > 0);
  for (const i of xi.items) assert.ok(i.participants.some((p) => p.id === "person:xi-jinping"));
  const consult = await get<Page<TimelineItem>>("/api/timeline?type=CONSULT&from=2022-11-01&to=2022-11-30&limit=500");
  assert.ok(consult.total > 0, "the Bali meeting of November 2022");
  for (const i of consult.items) {
    assert.equal(i.type, "CONSULT");
    // A dated cluster meets the range by its date; an undated one by its first report (as in the CLI's timeline).
    const start = i.date?.start ?? i.firstPublished?.slice(0, 10);
    const end = i.date?.end ?? i.firstPublished?.slice(0, 10);
    assert.ok(start && end && start <= "2022-11-30" && end >= "2022-11-01", JSON.stringify(i));
  }
});

test("bad parameters and unknown ids answer JSON errors with codes", async () => {
  const cases: [string, number, string][] = [
    ["/api/timeline?limit=abc", 400, "BAD_REQUEST"],
    ["/api/timeline?limit=100000", 400, "BAD_REQUEST"],
    ["/api/timeline?from=2022-13-45", 400, "BAD_REQUEST"],
    ["/api/timeline?from=yesterday", 400, "BAD_REQUEST"],
    ["/api/clusters/c-000000000000", 404, "NOT_FOUND"],
    ["/api/documents/nope", 404, "NOT_FOUND"],
    ["/api/entities/person%3Anobody", 404, "NOT_FOUND"],
    ["/api/no-such-route", 404, "NOT_FOUND"],
  ];
  for (const [path, status, code] of cases) {
    const body = await get<{ error: { code: string; message: string } }>(path, status);
    assert.equal(body.error.code, code, path);
    assert.ok(body.error.message.length > 5, path);
  }
});

test("a cluster lists its sources with evidence inside their documents", async () => {
  const tl = await get<Page<TimelineItem>>("/api/timeline?limit=500");
  const multi = tl.items.find((i) => i.sources > 1) ?? tl.items[0]!;
  const c = await get<Cluster>(`/api/clusters/${multi.id}`);
  assert.equal(c.id, multi.id);
  assert.ok(c.reports.length >= c.sources);
  assert.ok(c.history.length >= 1);
  for (const r of c.reports) {
    const d = await get<DocumentDetail>(`/api/documents/${r.docId}`);
    assert.equal(d.text.slice(r.evidence.start, r.evidence.end), r.evidence.text);
    assert.ok(d.text.slice(0, r.evidence.start).endsWith(r.context.before));
  }
});

test("a document's layers are valid spans and its removed boilerplate is kept", async () => {
  const docs = await get<Page<{ id: string }>>("/api/documents?limit=2");
  assert.equal(docs.items.length, 2);
  assert.equal(docs.total, FILES.length);
  for (const { id } of docs.items) {
    const d = await get<DocumentDetail>(`/api/documents/${id}`);
    assert.ok(d.layers.length > 0);
    for (const l of d.layers) assert.ok(l.start >= 0 && l.start < l.end && l.end <= d.text.length, JSON.stringify(l));
    assert.ok(Array.isArray(d.removed));
  }
});

test("an entity page has roles, clusters and quotes; ids with colons work", async () => {
  const e = await get<EntityDetail>("/api/entities/person%3Ajoe-biden");
  assert.equal(e.name, "Joe Biden");
  assert.ok(e.roles.includes("President of the United States"));
  assert.ok(e.clusterList.length > 0);
  for (const m of e.meetings) assert.notEqual(m.with.id, e.id);
});

test("search finds words regardless of accents and case, with highlights and facets", async () => {
  const r = await get<SearchResult>(`/api/search?q=${encodeURIComponent("xi")}&limit=5`);
  assert.ok(r.total > 0);
  for (const h of r.items) for (const x of h.highlights) assert.equal(h.snippet.slice(x.start, x.end).toLowerCase(), "xi");
  assert.ok((r.facets.kind["document"] ?? 0) > 0);
  const onlyDocs = await get<SearchResult>(`/api/search?q=xi&kind=document&limit=500`);
  assert.equal(onlyDocs.total, r.facets.kind["document"]);
  assert.ok(onlyDocs.items.every((h) => h.kind === "document"));
  const accent = await get<SearchResult>(`/api/search?q=${encodeURIComponent("GIPFEL")}&limit=1`);
  assert.ok(accent.total > 0);
  const none = await get<SearchResult>(`/api/search?q=${encodeURIComponent("'; DROP TABLE documents; --")}`);
  assert.equal(none.total, 0);
});

test("the OpenAPI document describes every route and the answers match its schemas", async () => {
  const doc = await get<Record<string, any>>("/api/openapi.json");
  assert.equal(doc.openapi, "3.1.0");
  const app = createApp({ queries, webDir: null });
  const routes = new Set(
    app.routes.filter((r) => r.path.startsWith("/api/") && !r.path.includes("*") && r.method !== "ALL").map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, "{$1}")}`),
  );
  const documented = new Set(Object.entries(doc.paths as Record<string, object>).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`)));
  assert.deepEqual([...routes].sort(), [...documented].sort());
  // Every $ref resolves.
  const refs = JSON.stringify(doc).match(/#\/components\/schemas\/\w+/g) ?? [];
  for (const r of refs) assert.ok(doc.components.schemas[r.split("/").pop()!], r);
  const ajv = new Ajv({ strict: false, validateFormats: false });
  ajv.addSchema(buildOpenApi(), "api");
  const check = async (path: string, schema: string) => {
    const v = ajv.compile({ $ref: `api#/components/schemas/${schema}` });
    const body = await get<unknown>(path);
    assert.ok(v(body), `${path}: ${JSON.stringify(v.errors?.slice(0, 3))}`);
  };
  const first = (await get<Page<TimelineItem>>("/api/timeline?limit=1")).items[0]!;
  const docId = (await get<Page<{ id: string }>>("/api/documents?limit=1")).items[0]!.id;
  await check("/api/timeline?limit=20", "PageTimelineItem");
  await check(`/api/clusters/${first.id}`, "Cluster");
  await check("/api/events?limit=20", "PageEvent");
  await check(`/api/documents/${docId}`, "DocumentDetail");
  await check("/api/entities?limit=20", "PageEntitySummary");
  await check("/api/entities/person%3Ajoe-biden", "EntityDetail");
  await check("/api/network", "Network");
  await check("/api/conflicts", "PageConflict");
  await check("/api/promises", "PagePromiseItem");
  await check("/api/search?q=Biden", "SearchResult");
  await check("/api/stats", "Stats");
  const err = await get<unknown>("/api/timeline?from=bad", 400);
  assert.ok(ajv.compile({ $ref: "api#/components/schemas/ApiError" })(err));
});

test("writes need the token when one is set, and are refused beyond loopback without one", async () => {
  const body = JSON.stringify({ files: [{ name: "a.txt", text: ARTICLE }] });
  const headers = { "content-type": "application/json", host: "127.0.0.1" };
  const withToken = createApp({ queries, token: "s3cret-token", webDir: null });
  assert.equal((await withToken.request("/api/ingest", { method: "POST", body, headers })).status, 401);
  const wrong = await withToken.request("/api/ingest", { method: "POST", body, headers: { ...headers, authorization: "Bearer nope" } });
  assert.equal(wrong.status, 401);
  assert.equal(((await wrong.json()) as { error: { code: string } }).error.code, "UNAUTHORIZED");
  const ok = await withToken.request("/api/ingest", { method: "POST", body, headers: { ...headers, authorization: "Bearer s3cret-token" } });
  assert.equal(ok.status, 202);
  assert.equal((await withToken.request("/api/stats", { headers })).status, 200, "reads stay open");
  const open = createApp({ queries, host: "0.0.0.0", webDir: null });
  const refused = await open.request("/api/ingest", { method: "POST", body, headers: { ...headers, host: "example.org" } });
  assert.equal(refused.status, 403);
  assert.equal(((await refused.json()) as { error: { code: string } }).error.code, "WRITES_DISABLED");
});

test("cross-site writes and foreign Host headers are refused", async () => {
  const cross = await fetch(`${base}/api/ingest`, { method: "POST", headers: { "content-type": "application/json", origin: "http://evil.example" }, body: "{}" });
  assert.equal(cross.status, 403);
  const app = createApp({ queries, webDir: null });
  const rebound = await app.request("/api/stats", { headers: { host: "evil.example:4173" } });
  assert.equal(rebound.status, 403);
});

test("request bodies over the limit are refused with 413", async () => {
  const small = await startServer({ queries, port: 0, webDir: null, maxBodyBytes: 2000 });
  try {
    const res = await fetch(`${small.url}/api/ingest`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ files: [{ name: "big.txt", text: "x".repeat(10_000) }] }) });
    assert.equal(res.status, 413);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, "PAYLOAD_TOO_LARGE");
    const wrongType = await fetch(`${small.url}/api/ingest`, { method: "POST", headers: { "content-type": "text/plain" }, body: "hello" });
    assert.equal(wrongType.status, 415);
  } finally {
    await small.close();
  }
});

async function ingestAndWait(form: FormData | string): Promise<{ events: string; result: { source: string; docId: string | null; error: { code: string } | null }[] }> {
  const init: RequestInit = typeof form === "string" ? { method: "POST", headers: { "content-type": "application/json" }, body: form } : { method: "POST", body: form };
  const res = await fetch(`${base}/api/ingest`, init);
  assert.equal(res.status, 202);
  const { events } = (await res.json()) as { events: string };
  const sse = await fetch(base + events);
  assert.match(sse.headers.get("content-type") ?? "", /text\/event-stream/);
  const text = await sse.text(); // the stream ends after the "end" event
  const end = text.split("\n\n").find((b) => b.startsWith("event: end"))!;
  return { events: text, result: JSON.parse(end.split("\ndata: ")[1]!).result };
}

test("ingest of an uploaded file reports progress by server-sent events and stores the document", async () => {
  const form = new FormData();
  form.append("files", new Blob([ARTICLE], { type: "text/plain" }), "../../../etc/scholz-macron.txt");
  form.append("files", new Blob([new Uint8Array([0, 1, 2, 3, 0, 0, 255])]), "binary.txt");
  const { events, result } = await ingestAndWait(form);
  assert.match(events, /event: start/);
  assert.equal((events.match(/event: item/g) ?? []).length, 2);
  assert.match(events, /event: done/);
  const good = result.find((r) => r.docId)!;
  assert.equal(good.source, "upload:scholz-macron.txt");
  const bad = result.find((r) => !r.docId)!;
  assert.equal(bad.error?.code, "BINARY_INPUT");
  const d = await get<DocumentDetail>(`/api/documents/${good.docId}`);
  assert.match(d.text, /Scholz/);
  assert.ok(!existsSync("/etc/scholz-macron.txt"));
});

test("ingest of a URL reads it over HTTP; private addresses need the opt-in", async () => {
  const site = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<html><head><title>Treffen in Berlin</title></head><body><article><h1>Treffen in Berlin</h1><p>${ARTICLE}</p><p>${ARTICLE}</p></article></body></html>`);
  });
  await new Promise<void>((r) => site.listen(0, "127.0.0.1", r));
  try {
    const url = `http://127.0.0.1:${(site.address() as { port: number }).port}/artikel.html`;
    const { result } = await ingestAndWait(JSON.stringify({ urls: [url, "file:///etc/passwd"] }));
    assert.equal(result[0]!.source, url);
    assert.ok(result[0]!.docId, JSON.stringify(result[0]));
    assert.equal(result[1]!.error?.code, "USAGE");
    const strict = await openSqliteQueries(join(dbDir, "strict.db"), makeContext(), {});
    const refused = await strict.ingest({ urls: [url] }, () => undefined);
    assert.match(refused[0]!.error?.message ?? "", /private network/);
  } finally {
    site.close();
  }
});

test("upload names cannot leave the upload folder; private addresses are recognized", () => {
  for (const name of ["../../etc/passwd", "..", ".", "", "a/b\\c.txt", ".hidden", "x".repeat(500)]) {
    const safe = safeFileName(name, 3);
    assert.ok(!safe.includes("/") && !safe.includes("\\") && !safe.startsWith("."), safe);
    assert.ok(safe.length <= 130);
  }
  for (const ip of ["127.0.0.1", "10.1.2.3", "192.168.0.1", "172.16.5.5", "169.254.1.1", "::1", "fd00::1", "::ffff:127.0.0.1", "0.0.0.0"]) assert.ok(isPrivateAddress(ip), ip);
  for (const ip of ["8.8.8.8", "172.32.0.1", "2001:4860::8888"]) assert.ok(!isPrivateAddress(ip), ip);
});

test("the static app server never serves files outside its folder", async () => {
  const dir = mkdtempSync(join(tmpdir(), "dossier-web-"));
  writeFileSync(join(dir, "index.html"), "<!doctype html><title>app</title>");
  const app = createApp({ queries, webDir: dir });
  for (const path of ["/../package.json", "/%2e%2e/package.json", "/..%2fpackage.json", "/timeline/anything"]) {
    const res = await app.request(path, { headers: { host: "127.0.0.1" } });
    const text = await res.text();
    assert.equal(text, "<!doctype html><title>app</title>", path);
  }
});
