// Readers: gzip, WARC, http(s) pages and RSS/Atom feeds from a local server (127.0.0.1 only), with size limit, timeout and user agent.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { readAllInputs } from "./read-all.js";
import { readInputs } from "./sources.js";
import type { ReadResult } from "./record-reader.js";

const PAGE = (title: string) => `<!doctype html><html lang="de"><head><title>${title} | Beispielblatt</title>
<meta property="og:site_name" content="Beispielblatt"><meta property="article:published_time" content="2025-08-19T19:11:00+02:00"></head>
<body><nav><a href="/">Startseite</a> <a href="/politik">Politik</a></nav>
<article><h1>${title}</h1><div class="article-body">
<p>Die Außenminister beider Länder trafen sich am Dienstag in Genf zu einem mehrstündigen Gespräch über die Lage in der Region.</p>
<p>Nach dem Treffen sprachen beide Seiten von einem offenen Austausch, konkrete Vereinbarungen wurden jedoch nicht bekannt gegeben.</p>
<p>Ein weiteres Treffen soll nach Angaben von Diplomaten im kommenden Monat stattfinden, der Ort steht noch nicht fest.</p>
</div></article><footer>Impressum · Datenschutz</footer></body></html>`;

async function collect(gen: AsyncGenerator<ReadResult>): Promise<ReadResult[]> {
  const out: ReadResult[] = [];
  for await (const r of gen) out.push(r);
  return out;
}

function tmp(): string {
  return mkdtempSync(join(tmpdir(), "dossier-readers-"));
}

test(".gz of any format is unpacked and read by its inner extension", () => {
  const d = tmp();
  writeFileSync(join(d, "a.html.gz"), gzipSync(PAGE("Gespräch in Genf")));
  writeFileSync(join(d, "b.txt.gz"), gzipSync("Gespräch in Genf\n\nDie Minister trafen sich am Dienstag."));
  writeFileSync(join(d, "c.txt.gz"), Buffer.from("not gzip at all"));
  const rs = [...readInputs([d])];
  assert.equal(rs.length, 3);
  assert.ok("article" in rs[0]! && rs[0].article.body.includes("mehrstündigen Gespräch"));
  assert.ok("article" in rs[1]! && rs[1].article.body.includes("Dienstag"));
  assert.ok("error" in rs[2]! && rs[2].error.code === "READ_FAILED");
});

test("WARC: one article per HTML response record, with URL and crawl date", async () => {
  const d = tmp();
  const html = Buffer.from(PAGE("Gespräch in Genf"));
  const http = Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: ${html.length}\r\n\r\n`), html]);
  const rec = (type: string, uri: string, ct: string, body: Buffer) =>
    Buffer.concat([
      Buffer.from(
        `WARC/1.0\r\nWARC-Type: ${type}\r\nWARC-Target-URI: ${uri}\r\nWARC-Date: 2025-08-19T17:11:00Z\r\nWARC-Record-ID: <urn:uuid:${crypto.randomUUID()}>\r\nContent-Type: ${ct}\r\nContent-Length: ${body.length}\r\n\r\n`,
      ),
      body,
      Buffer.from("\r\n\r\n"),
    ]);
  const warc = Buffer.concat([
    rec("request", "https://example.org/a", "application/http; msgtype=request", Buffer.from("GET /a HTTP/1.1\r\nHost: example.org\r\n\r\n")),
    rec("response", "https://example.org/a", "application/http; msgtype=response", http),
  ]);
  writeFileSync(join(d, "crawl.warc"), warc);
  writeFileSync(join(d, "crawl2.warc.gz"), gzipSync(warc));
  for (const f of ["crawl.warc", "crawl2.warc.gz"]) {
    const rs = await collect(readAllInputs([join(d, f)]));
    assert.equal(rs.length, 1, f);
    const r = rs[0]!;
    assert.ok("article" in r, f);
    assert.equal(r.article.url, "https://example.org/a");
    assert.equal(r.article.fileDate, "2025-08-19T17:11:00Z");
    assert.ok(r.article.body.includes("Ein weiteres Treffen"));
  }
});

test("http(s): page, feed items, size limit, timeout, HTTP errors, user agent (local server only)", async () => {
  const agents: string[] = [];
  const server: Server = createServer((req, res) => {
    agents.push(String(req.headers["user-agent"]));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    if (req.url === "/a.html" || req.url === "/b.html") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(PAGE(req.url === "/a.html" ? "Gespräch in Genf" : "Treffen in Wien"));
    } else if (req.url === "/feed.xml") {
      res.writeHead(200, { "content-type": "application/rss+xml" });
      res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Beispielblatt</title>
<item><title>Gespräch in Genf</title><link>${base}/a.html</link><pubDate>Tue, 19 Aug 2025 17:11:00 GMT</pubDate></item>
<item><title>Treffen in Wien</title><link>/b.html</link></item></channel></rss>`);
    } else if (req.url === "/atom.xml") {
      res.writeHead(200, { "content-type": "application/xml" });
      res.end(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>B</title><entry><title>Genf</title><link rel="alternate" href="/a.html"/><updated>2025-08-19T17:11:00Z</updated></entry></feed>`);
    } else if (req.url === "/big") {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<p>" + "x".repeat(20000) + "</p>");
    } else if (req.url === "/slow") {
      // Never answers: the client's timeout must end the request.
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  try {
    const [page] = await collect(readAllInputs([`${base}/a.html`]));
    assert.ok(page && "article" in page);
    assert.equal(page.article.url, `${base}/a.html`);
    assert.equal(page.article.outlet, "Beispielblatt");
    assert.ok(page.article.fileDate, "the fetch time anchors relative dates");
    assert.ok(!page.article.body.includes("Impressum"));

    const feed = await collect(readAllInputs([`${base}/feed.xml`]));
    assert.equal(feed.length, 2);
    assert.ok(feed.every((r) => "article" in r));
    assert.deepEqual(feed.map((r) => r.source), [`${base}/a.html`, `${base}/b.html`]);

    const atom = await collect(readAllInputs([`${base}/atom.xml`]));
    assert.equal(atom.length, 1);
    assert.ok("article" in atom[0]!);

    const codes = async (url: string, opts = {}) => (await collect(readAllInputs([url], opts))).map((r) => ("error" in r ? r.error.code : "ok"));
    assert.deepEqual(await codes(`${base}/big`, { maxBytes: 1000 }), ["TOO_LARGE"]);
    assert.deepEqual(await codes(`${base}/slow`, { timeoutMs: 200 }), ["READ_FAILED"]);
    assert.deepEqual(await codes(`${base}/missing`), ["READ_FAILED"]);
    assert.ok(agents.every((a) => a.startsWith("Dossier/")));
    const custom = await collect(readAllInputs([`${base}/a.html`], { userAgent: "TestAgent/1" }));
    assert.ok("article" in custom[0]!);
    assert.equal(agents[agents.length - 1], "TestAgent/1");
  } finally {
    server.closeAllConnections();
    server.close();
  }
});
