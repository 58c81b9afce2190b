// The web app in a real browser (Debian's chromium via playwright-core): timeline, event, actor, search, ingest, XSS.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { EXAMPLES_DIR } from "../core/paths.js";
import { makeContext } from "../cli/context.js";
import type { Cluster, Page as ApiPage, StoryQueries, TimelineItem } from "./contract.js";
import { openSqliteQueries } from "./sqlite-queries.js";
import { startServer, type RunningServer } from "./server.js";
import { WEB_DIR } from "./static.js";

const CHROMIUM = process.env.DOSSIER_CHROMIUM ?? "/usr/bin/chromium";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const skip = !existsSync(CHROMIUM)
  ? `no chromium at ${CHROMIUM} (apt-get install -y chromium, or set DOSSIER_CHROMIUM)`
  : !existsSync(join(WEB_DIR, "index.html"))
    ? "the web app is not built (npm run build:web)"
    : false;
if (skip) console.log(`# browser tests skipped: ${skip}`);

// Our own hostile article: markup in the title, outlet, URL and body must all come out as text.
const HOSTILE = `---
title: "Gipfel <img src=x onerror=\\"window.__xss='title'\\"> in Berlin"
outlet: "<b onmouseover=window.__xss='outlet'>Testblatt</b>"
url: "javascript:window.__xss='url'"
published: 2025-03-03T10:00:00+01:00
---
Berlin – Bundeskanzler Olaf Scholz hat am Montag in Berlin den französischen Präsidenten Emmanuel Macron getroffen. <script>window.__xss='script'</script>

Beide sprachen nach Angaben eines Sprechers über die Ukraine. <img src=x onerror="window.__xss='img'"> <svg onload="window.__xss='svg'"></svg>

„Wir stehen zusammen <iframe src=javascript:window.__xss='iframe'>“, sagte Scholz nach dem Treffen.
`;

let server: RunningServer;
let dbDir: string | null = null;
let browser: Browser;
let page: Page;
let base: string;
const dialogs: string[] = [];

before(async () => {
  if (skip) return;
  dbDir = mkdtempSync(join(tmpdir(), "dossier-browser-"));
  const queries: StoryQueries = await openSqliteQueries(join(dbDir, "t.db"), makeContext());
  const dir = join(EXAMPLES_DIR, "corpus");
  await queries.ingest({ files: readdirSync(dir).map((f) => ({ name: f, bytes: readFileSync(join(dir, f)) })) }, () => undefined);
  server = await startServer({ queries, port: 0 });
  base = server.url;
  const { chromium } = await import("playwright-core");
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (dbDir) rmSync(dbDir, { recursive: true, force: true });
});

async function api<T>(path: string): Promise<T> {
  return (await (await fetch(base + path)).json()) as T;
}

test("the timeline draws every dated cluster, zooms, and imprecise dates as spans", { skip }, async () => {
  await page.goto(`${base}/#/`);
  await page.waitForSelector(".bar");
  const tl = await api<ApiPage<TimelineItem>>("/api/timeline?limit=500");
  const dated = tl.items.filter((i) => i.date);
  assert.equal(await page.locator(".bar").count(), dated.length);
  assert.equal(await page.locator("[data-testid=timeline-list] tbody tr").count(), tl.items.length);
  await page.screenshot({ path: "/tmp/dossier-timeline-start.png" });
  const width = async () => page.locator(".chart-inner").evaluate((el) => el.getBoundingClientRect().width);
  for (let i = 0; i < 3; i++) {
    const w = await width();
    await page.click("[data-testid=zoom-in]");
    await page.waitForFunction(`document.querySelector(".chart-inner").getBoundingClientRect().width > ${w * 1.5}`);
  }
  const month = dated.find((i) => i.date!.precision === "month");
  if (month) {
    const bar = page.locator(`.bar[data-cluster="${month.id}"]`);
    assert.match((await bar.getAttribute("class")) ?? "", /precision-month/);
    const spanWidth = await bar.locator(".span").evaluate((el) => el.getBoundingClientRect().width);
    const dayBar = page.locator(".bar.precision-day .span").first();
    const dayWidth = await dayBar.evaluate((el) => el.getBoundingClientRect().width);
    assert.ok(spanWidth >= dayWidth * 5, `a month (${spanWidth}px) is drawn wider than a day (${dayWidth}px)`);
  }
  await page.screenshot({ path: "/tmp/dossier-timeline.png" });
});

test("an event page shows every source with its evidence highlighted, and the status history", { skip }, async () => {
  const tl = await api<ApiPage<TimelineItem>>("/api/timeline?limit=500");
  const best = [...tl.items].sort((a, b) => b.conflicts - a.conflicts || b.sources - a.sources)[0]!;
  const c = await api<Cluster>(`/api/clusters/${best.id}`);
  await page.goto(`${base}/#/event/${encodeURIComponent(c.id)}`);
  await page.waitForSelector("[data-testid=report]");
  assert.equal(await page.locator("[data-testid=report]").count(), c.reports.length);
  const marked = await page.locator("[data-testid=report] mark.evidence").allTextContents();
  assert.deepEqual(marked, c.reports.map((r) => r.evidence.text));
  assert.equal(await page.locator("[data-testid=history] li").count(), c.history.length);
  assert.equal(await page.locator("[data-testid=conflict]").count(), c.conflictList.length);
  if (c.conflictList.length) assert.ok((await page.locator("[data-testid=conflict] .side").count()) >= 2, "sides are shown next to each other");
  await page.screenshot({ path: "/tmp/dossier-event.png", fullPage: true });
});

test("an actor page lists roles, meetings and quotes", { skip }, async () => {
  await page.goto(`${base}/#/actor/${encodeURIComponent("person:vladimir-putin")}`);
  await page.waitForSelector("[data-testid=actor-view] h1");
  assert.equal(await page.locator("[data-testid=actor-view] h1").textContent(), "Vladimir Putin");
  assert.ok((await page.locator("[data-testid=meetings] tr").count()) > 0);
  assert.match((await page.locator("[data-testid=actor-view]").textContent()) ?? "", /President of Russia/);
  await page.screenshot({ path: "/tmp/dossier-actor.png" });
});

test("search finds hits with highlighted terms and facets narrow them", { skip }, async () => {
  await page.goto(`${base}/#/search`);
  await page.fill("input[name=q]", "Genf");
  await page.press("input[name=q]", "Enter");
  await page.waitForSelector("[data-testid=hit]");
  assert.ok((await page.locator("[data-testid=hit]").count()) > 0);
  const terms = await page.locator(".hit-term").allTextContents();
  assert.ok(terms.length > 0 && terms.every((x) => x.toLowerCase() === "genf"), JSON.stringify(terms.slice(0, 5)));
  await page.locator("[data-facet=kind] label", { hasText: "document" }).locator("input").check();
  await page.waitForFunction(`location.hash.includes("kind=document")`);
  await page.waitForSelector("[data-testid=hit]");
  const kinds = await page.locator("[data-testid=hit] .chip").allTextContents();
  assert.ok(kinds.length > 0 && kinds.every((k) => k === "document"), kinds.join(","));
  await page.screenshot({ path: "/tmp/dossier-search.png" });
});

test("network, map, actors, disagreements and promises board render from the examples", { skip }, async () => {
  await page.goto(`${base}/#/network`);
  await page.waitForSelector("[data-testid=network] .node");
  assert.ok((await page.locator("[data-testid=network] .node").count()) >= 5);
  await page.screenshot({ path: "/tmp/dossier-network.png" });
  await page.goto(`${base}/#/map`);
  await page.waitForSelector("[data-testid=map] circle.place");
  assert.ok((await page.locator("[data-testid=map] path.land").count()) > 100, "the offline world map is drawn");
  await page.screenshot({ path: "/tmp/dossier-map.png" });
  await page.goto(`${base}/#/actors`);
  await page.waitForSelector("[data-testid=actors] tr");
  assert.ok((await page.locator("[data-testid=actors] tr").count()) >= 20);
  await page.goto(`${base}/#/conflicts`);
  await page.waitForSelector("[data-testid=conflicts] h1");
  await page.goto(`${base}/#/promises`);
  await page.waitForSelector("[data-testid=promises] .card");
  await page.screenshot({ path: "/tmp/dossier-promises.png" });
});

test("ingesting a hostile file through the page shows progress, and its markup renders as text without running", { skip }, async () => {
  await page.goto(`${base}/#/ingest`);
  await page.setInputFiles("input[type=file]", { name: "feindlich.md", mimeType: "text/markdown", buffer: Buffer.from(HOSTILE) });
  await page.click("[data-testid=ingest-view] button[type=submit]");
  await page.waitForSelector("[data-testid=ingest-progress][data-state=done]");
  const link = page.locator("[data-testid=ingest-progress] li.ok a");
  assert.equal(await link.count(), 1, (await page.locator("[data-testid=ingest-progress]").textContent()) ?? "");
  await page.screenshot({ path: "/tmp/dossier-ingest.png" });
  await link.click();
  await page.waitForSelector("[data-testid=article-text]");
  const docId = decodeURIComponent(page.url().split("#/doc/")[1]!.split("?")[0]!);
  const doc = await api<{ text: string; title: string }>(`/api/documents/${encodeURIComponent(docId)}`);
  assert.match(doc.text, /<script>/, "the stored text keeps the markup as characters");
  assert.equal(await page.locator("[data-testid=article-text]").textContent(), doc.text, "the article is shown exactly, as text");
  await page.locator("[data-testid=removed] summary").click();
  assert.equal(await page.locator("main script, main img, main iframe, main b, main svg:not(.network):not(.map)").count(), 0, "no element came from the article");
  assert.equal(await page.locator("main a[href^=javascript]").count(), 0);
  assert.match((await page.locator("[data-testid=reader] h1").textContent()) ?? "", /<img src=x onerror=/);
  assert.equal(await page.evaluate("window.__xss"), undefined, "no payload ran");
  assert.deepEqual(dialogs, []);
  await page.screenshot({ path: "/tmp/dossier-reader-xss.png", fullPage: true });
});

test("the hostile article's markup stays text in search hits, highlights and the speaker's quotes", { skip }, async () => {
  await page.goto(`${base}/#/search`);
  await page.fill("input[name=q]", "onerror");
  await page.press("input[name=q]", "Enter");
  await page.waitForSelector("[data-testid=hit]");
  const hits = (await page.locator("[data-testid=hit]").allTextContents()).join(" ");
  assert.match(hits, /onerror/, "the payload is shown as characters");
  await page.goto(`${base}/#/actor/${encodeURIComponent("person:olaf-scholz")}`);
  await page.waitForSelector("[data-testid=actor-view] h1");
  assert.match((await page.locator("[data-testid=actor-view]").textContent()) ?? "", /<iframe src=javascript:/);
  assert.equal(await page.locator("main script, main img, main iframe, main b, main svg:not(.network):not(.map)").count(), 0, "no element came from the article");
  assert.equal(await page.evaluate("window.__xss"), undefined, "no payload ran");
  assert.deepEqual(dialogs, []);
});

test("the interface switches between English and German", { skip }, async () => {
  await page.goto(`${base}/#/`);
  await page.waitForSelector("header.top nav a");
  const before = await page.locator("header.top nav a").first().textContent();
  await page.click("header.top .lang");
  const after = await page.locator("header.top nav a").first().textContent();
  assert.deepEqual(new Set([before, after]), new Set(["Timeline", "Zeitleiste"]));
});
