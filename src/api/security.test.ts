// Hostile input against the API: gzip bombs by upload and by URL, any search string (FTS syntax, SQL), any upload name, oversized and unauthorized writes; all answered with JSON errors and a store left intact.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, sep } from "node:path";
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { makeContext } from "../cli/context.js";
import { LIMITS } from "../core/limits.js";
import { EXAMPLES_DIR } from "../core/paths.js";
import { anyString, runs } from "../test/arbitraries.js";
import type { IngestItemResult, SearchResult } from "./contract.js";
import { safeFileName } from "./ingest-input.js";
import { createApp } from "./server.js";
import { openSqliteQueries, type SqliteQueries } from "./sqlite-queries.js";

const FILES = ["de-ot-05-biden-xi-bali.txt", "en-01-biden-putin-call.txt"];
const ARTICLE = "Berlin – Bundeskanzler Olaf Scholz hat am Montag in Berlin den französischen Präsidenten Emmanuel Macron getroffen. Das sagte ein Regierungssprecher.";
/** Compresses to a few kilobytes, unpacks to more than the per-document limit. */
const BOMB = gzipSync(Buffer.alloc(LIMITS.maxInputBytes + 1024 * 1024, "a"));

let dir: string;
let q: SqliteQueries;
let app: ReturnType<typeof createApp>;
const H = { host: "127.0.0.1" };

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "dossier-sec-"));
  q = await openSqliteQueries(join(dir, "t.db"), makeContext(), { allowPrivateUrls: true });
  await q.ingest({ files: FILES.map((f) => ({ name: f, bytes: readFileSync(join(EXAMPLES_DIR, "corpus", f)) })) }, () => undefined);
  app = createApp({ queries: q, webDir: null });
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** Posts an ingest and polls its job until it is done; returns the per-document results. */
async function ingest(a: ReturnType<typeof createApp>, init: RequestInit): Promise<IngestItemResult[]> {
  const res = await a.request("/api/ingest", { method: "POST", ...init, headers: { ...H, ...(init.headers as Record<string, string>) } });
  assert.equal(res.status, 202, await res.clone().text());
  const { job } = (await res.json()) as { job: string };
  for (;;) {
    const s = (await (await a.request(`/api/ingest/${job}`, { headers: H })).json()) as { done: boolean; result: IngestItemResult[] | null; error: unknown };
    if (s.done) {
      assert.equal(s.error, null);
      return s.result!;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

test("a gzip bomb uploaded as .txt.gz is refused as too large, and the other files of the upload are stored", async () => {
  const form = new FormData();
  form.append("files", new Blob([BOMB]), "bomb.txt.gz");
  form.append("files", new Blob([ARTICLE]), "good.txt");
  const result = await ingest(app, { body: form });
  assert.equal(result.length, 2);
  assert.equal(result[0]!.error?.code, "TOO_LARGE", JSON.stringify(result[0]));
  assert.ok(result[1]!.docId, JSON.stringify(result[1]));
});

test("a URL that answers with a gzip bomb (Content-Encoding) is cut off at the limit", async () => {
  const site = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/plain; charset=utf-8", "content-encoding": "gzip" });
    res.end(BOMB);
  });
  await new Promise<void>((r) => site.listen(0, "127.0.0.1", r));
  try {
    const url = `http://127.0.0.1:${(site.address() as { port: number }).port}/bomb.txt`;
    const result = await ingest(app, { headers: { "content-type": "application/json" }, body: JSON.stringify({ urls: [url] }) });
    assert.equal(result[0]!.error?.code, "TOO_LARGE", JSON.stringify(result[0]));
  } finally {
    site.closeAllConnections();
    site.close();
  }
});

/** Every UTF-8 byte percent-encoded (encodeURIComponent throws on lone surrogates; a client sends their replacement). */
const percentEncode = (s: string) => [...Buffer.from(s, "utf8")].map((b) => `%${b.toString(16).padStart(2, "0")}`).join("");

const FTS = ['"', '""', "'", "NEAR(", "NEAR(a b, 2)", "*", "a*", "^a", "-", "+", "(", ")", ":", "text:", "stemmed:", "OR", "AND", "NOT", "{a b}", "'; DROP TABLE documents; --", "\\", "%", "_", "\0", "Xi", "Biden"];

test("any search string answers 200 with results in the documented shape, and the store is unchanged afterwards", async () => {
  const before = (await (await app.request("/api/stats", { headers: H })).json()) as Record<string, number>;
  const query = fc.oneof(anyString.map((s) => s.slice(0, 200)), fc.array(fc.constantFrom(...FTS), { maxLength: 6 }).map((a) => a.join(" ")), fc.array(fc.constantFrom(...FTS), { maxLength: 6 }).map((a) => a.join("")));
  await fc.assert(
    fc.asyncProperty(query, async (s) => {
      const res = await app.request(`/api/search?q=${percentEncode(s)}`, { headers: H });
      assert.equal(res.status, 200, `${JSON.stringify(s)}: ${res.status} ${await res.clone().text()}`);
      const body = (await res.json()) as SearchResult;
      assert.ok(Array.isArray(body.items) && typeof body.total === "number");
    }),
    runs("api:search"),
  );
  // Broken percent-encoding and invalid UTF-8 in the raw query string.
  for (const raw of ["%", "%zz", "%FF%FE", "%ED%A0%80", "%C0%AF", "a%00b", "%22%20OR%201%3D1"]) {
    const res = await app.request(`/api/search?q=${raw}`, { headers: H });
    assert.ok(res.status === 200 || res.status === 400, `${raw}: ${res.status}`);
    assert.match(res.headers.get("content-type") ?? "", /application\/json/);
  }
  const afterwards = (await (await app.request("/api/stats", { headers: H })).json()) as Record<string, number>;
  assert.deepEqual(afterwards, before);
});

test("no upload name leaves the upload folder", () => {
  const root = resolve(tmpdir(), "dossier-upload-names");
  const name = fc.oneof(anyString, fc.array(fc.constantFrom("..", ".", "/", "\\", "a", "%2e", "\0", ":", "~", "C:"), { maxLength: 12 }).map((a) => a.join("")));
  fc.assert(
    fc.property(name, fc.nat({ max: 9999 }), (n, i) => {
      const safe = safeFileName(n, i);
      const path = resolve(root, safe);
      assert.ok(path.startsWith(root + sep), `${JSON.stringify(n)} -> ${path}`);
      assert.ok(!/[\\/\0]/.test(safe) && !safe.startsWith("."), safe);
    }),
    runs("api:upload-names"),
  );
});

test("writes: 401 JSON without the token when DOSSIER_TOKEN is set, 413 JSON over the body limit; reads stay open", async () => {
  const guarded = createApp({ queries: q, token: "t0ken", webDir: null, maxBodyBytes: 4096 });
  const json = { ...H, "content-type": "application/json" };
  const body = JSON.stringify({ files: [{ name: "a.txt", text: ARTICLE }] });
  const noToken = await guarded.request("/api/ingest", { method: "POST", headers: json, body });
  assert.equal(noToken.status, 401);
  assert.deepEqual(Object.keys(((await noToken.json()) as { error: object }).error).sort(), ["code", "message"]);
  const big = await guarded.request("/api/ingest", { method: "POST", headers: { ...json, authorization: "Bearer t0ken" }, body: JSON.stringify({ files: [{ name: "a.txt", text: "x".repeat(10_000) }] }) });
  assert.equal(big.status, 413);
  assert.equal(((await big.json()) as { error: { code: string } }).error.code, "PAYLOAD_TOO_LARGE");
  assert.equal((await guarded.request("/api/search?q=Xi", { headers: H })).status, 200);
});
