// `dossier extract` end to end: every input format, schema-valid records, per-document errors and exit codes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXAMPLES_DIR } from "../core/paths.js";
import { recordProblems } from "../core/validate.js";
import { cli, hasShared, jsonLines, SHARED } from "../test/helpers.js";

const tmp = () => mkdtempSync(join(tmpdir(), "dossier-test-"));
const ARTICLE = "Putin und Trump trafen sich am Freitag in Alaska. Das Gespräch dauerte rund drei Stunden, sagte ein Sprecher.";

test("every example article gives a schema-valid record with exact offsets", () => {
  const r = cli(["extract", "--json", join(EXAMPLES_DIR, "corpus")]);
  assert.equal(r.code, 0, r.stderr);
  const recs = jsonLines(r.stdout);
  assert.ok(recs.length >= 30, `only ${recs.length} records`);
  for (const rec of recs) assert.deepEqual(recordProblems(rec), [], rec.document?.source);
});

test("the seeds give 5 valid records that the reference scorer reads", { skip: !hasShared && "../shared not present" }, () => {
  const r = cli(["extract", "--json", ...["000_27daa0a424b22c45", "001_84d475c579978695", "002_af930efa3e3252c0", "003_24974ad38bb207f4", "004_298167ce2a841506"].map((f) => join(SHARED, "corpus", "seeds", `${f}.txt`))]);
  assert.equal(r.code, 0, r.stderr);
  const recs = jsonLines(r.stdout);
  assert.equal(recs.length, 5);
  for (const rec of recs) assert.deepEqual(recordProblems(rec), []);
});

test("front matter, Markdown, HTML, JSON and JSONL inputs and directories are read", () => {
  const d = tmp();
  writeFileSync(join(d, "a.txt"), `---\npublished: 2025-08-16T10:00:00+02:00\nlanguage: de\ntitle: Gipfel in Alaska\nurl: https://example.org/a\n---\n${ARTICLE}\n`);
  writeFileSync(join(d, "b.md"), `# Gipfel\n\n**${ARTICLE}**\n`);
  writeFileSync(join(d, "c.html"), `<html lang="de"><head><title>T</title><meta property="og:site_name" content="Rhein-Kurier"><meta property="article:published_time" content="2025-08-16T08:00:00Z"></head><body><nav>Startseite</nav><article><h1>Gipfel in Alaska</h1><p>${ARTICLE}</p><p>${ARTICLE}</p></article></body></html>`);
  writeFileSync(join(d, "d.json"), JSON.stringify({ id: "rec-1", title: "Gipfel", published: "2025-08-16", text: ARTICLE }));
  writeFileSync(join(d, "e.jsonl"), [JSON.stringify({ id: "rec-2", text: ARTICLE }), JSON.stringify({ id: "rec-3", html: `<p>${ARTICLE}</p>` })].join("\n"));
  mkdirSync(join(d, "sub"));
  writeFileSync(join(d, "sub", "f.txt"), ARTICLE);
  const r = cli(["extract", "--json", d]);
  assert.equal(r.code, 0, r.stderr + r.stdout);
  const recs = jsonLines(r.stdout);
  assert.equal(recs.length, 7);
  for (const rec of recs) assert.deepEqual(recordProblems(rec), []);
  const by = new Map(recs.map((x) => [x.document.source.split("/").pop(), x]));
  assert.equal(by.get("a.txt").document.published, "2025-08-16T10:00:00+02:00");
  assert.equal(by.get("a.txt").document.publishedBasis, "metadata");
  assert.equal(by.get("a.txt").document.url, "https://example.org/a");
  assert.equal(by.get("c.html").document.outlet, "Rhein-Kurier");
  assert.ok(by.get("rec-1"), "a JSON record's id is its source");
  assert.ok(by.get("rec-2") && by.get("rec-3"));
  assert.ok(!by.get("b.md").document.text.includes("**"), "Markdown emphasis is stripped");
});

test("stdin is read with -", () => {
  const r = cli(["extract", "--json", "-"], ARTICLE);
  assert.equal(r.code, 0, r.stderr);
  const [rec] = jsonLines(r.stdout);
  assert.equal(rec.document.source, "-");
  assert.deepEqual(recordProblems(rec), []);
});

test("empty, binary and undecodable files give coded error records; Latin-1 is decoded; the others are still processed; exit code 1", () => {
  const d = tmp();
  writeFileSync(join(d, "1-empty.txt"), "");
  writeFileSync(join(d, "2-binary.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2, 3]));
  writeFileSync(join(d, "3-latin1.txt"), Buffer.from("Gespr\xe4ch in Genf, sagte er.", "latin1"));
  writeFileSync(join(d, "4-good.txt"), ARTICLE);
  writeFileSync(join(d, "5-undecodable.txt"), Buffer.from([0x47, 0x81, 0x8d, 0x90, 0x9d, 0x8f, 0x20, 0x81, 0x8d, 0x0a]));
  const r = cli(["extract", "--json", d]);
  assert.equal(r.code, 1);
  const recs = jsonLines(r.stdout);
  assert.equal(recs.length, 5);
  const codes = recs.map((x) => x.error?.code ?? "ok");
  assert.deepEqual(codes, ["EMPTY_INPUT", "BINARY_INPUT", "ok", "ok", "INVALID_UTF8"]);
  for (const rec of recs) assert.deepEqual(recordProblems(rec), []);
  assert.match(recs[0].source, /1-empty\.txt$/);
  assert.ok(recs[2].document.text.includes("Gespräch"));
  assert.ok(recs[4].error.message.includes("UTF-8"));
});

test("a missing path is an error record, not a crash", () => {
  const r = cli(["extract", "--json", "/nonexistent/x.txt"]);
  assert.equal(r.code, 1);
  assert.equal(jsonLines(r.stdout)[0].error.code, "NOT_FOUND");
});

test("--explain names the rule behind every annotation", () => {
  const r = cli(["extract", "--explain", "-"], `---\npublished: 2025-08-16\nlanguage: de\n---\n${ARTICLE}`);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /mention .*"Putin" → person:vladimir-putin .* by alias/);
  assert.match(r.stdout, /time .*"am Freitag" = 2025-08-15 by weekday/);
  assert.match(r.stdout, /event +CONSULT .* by trigger:/);
});

test("usage errors exit 2", () => {
  assert.equal(cli(["extract"]).code, 2);
  assert.equal(cli(["frobnicate"]).code, 2);
});

test("an agency copy in a second outlet is linked to the first (document.duplicateOf); an undated text keeps its inferred window", () => {
  const d = tmp();
  const body = `${ARTICLE} Beide Seiten wollen die Gespräche in den kommenden Wochen fortsetzen, hieß es aus Diplomatenkreisen.`;
  writeFileSync(join(d, "a.txt"), `---\noutlet: Rhein-Kurier\npublished: 2025-08-16\n---\n${body}\n`);
  writeFileSync(join(d, "b.txt"), `---\noutlet: Elbe-Bote\npublished: 2025-08-17\n---\n${body}\n`);
  writeFileSync(join(d, "c.txt"), "Bundeskanzler Friedrich Merz und Präsident Emmanuel Macron trafen sich in Paris. Sie sprachen über die Ukraine.");
  const r = cli(["extract", "--json", join(d, "a.txt"), join(d, "b.txt"), join(d, "c.txt")]);
  assert.equal(r.code, 0, r.stderr);
  const [a, b, c] = jsonLines(r.stdout);
  assert.equal(a.document.duplicateOf, undefined);
  assert.equal(b.document.duplicateOf, join(d, "a.txt"));
  assert.deepEqual(recordProblems(b), []);
  const range = c.document.publishedRange;
  // Merz and Macron both in office: the window must hold a day when that was true.
  assert.ok(range && range.start <= "2025-06-01" && range.end >= "2025-06-01", JSON.stringify(c.document));
  assert.deepEqual(recordProblems(c), []);
});

test("front matter that YAML rejects is still read line by line; a written-out timestamp line gives the publication date", () => {
  const d = tmp();
  writeFileSync(join(d, "a.txt"), `---\npublished: 2025-08-16T20:15:00+00:00\ntitle: No deal yet: leaders to meet again\noutlet: Harbour Gazette\n---\n${ARTICLE}\n`);
  writeFileSync(join(d, "b.txt"), `Talks in Geneva\nPublished 10 January 2022, 21:47 GMT\n\nUS and Russian negotiators met in Geneva on Monday for about eight hours, officials said.\n`);
  const r = cli(["extract", "--json", join(d, "a.txt"), join(d, "b.txt")]);
  assert.equal(r.code, 0, r.stderr);
  const [a, b] = jsonLines(r.stdout);
  assert.equal(a.document.title, "No deal yet: leaders to meet again");
  assert.equal(a.document.outlet, "Harbour Gazette");
  assert.equal(a.document.publishedBasis, "metadata");
  assert.ok(!a.document.text.includes("outlet:"));
  assert.equal(b.document.published, "2022-01-10");
  assert.equal(b.document.publishedBasis, "text");
});
