// Golden test on the five raw seed articles in ../shared (skipped when absent): every junk line removed with its reason, every body sentence kept, agencies and the AI flag as in the gold.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { makeContext } from "../cli/context.js";
import { ROOT } from "../core/paths.js";
import { prepare } from "../extract.js";
import { readInputs } from "../ingest/sources.js";

const SHARED = join(ROOT, "..", "shared");
const RAW = join(SHARED, "corpus", "seeds-raw");
const CLEAN = join(SHARED, "corpus", "seeds");
const GOLD = join(SHARED, "eval", "dev", "gold");

/** Junk expected per seed: a pattern for the removed text and the reason. Patterns name the kind of line, not the article's wording. */
const JUNK: Record<string, [RegExp, string][]> = {
  "000_27daa0a424b22c45": [
    [/^AFP$/, "agency-credit"],
    [/^Heute, \d\d:\d\d · Lesedauer \d+ min$/, "reading-time"],
  ],
  "001_84d475c579978695": [
    [/^Startseite$/, "navigation"],
    [/^Icon Pfeil nach unten$/, "navigation"],
    [/^Panorama$/, "navigation"],
    [/^• \|$/, "separator"],
    [/Foto: [^,]+, dpa$/, "photo-caption"],
    [/^\(Lesen Sie auch: .*\)$/, "read-more"],
    [/^Mehr Nachrichten aus .* lesen hier\.$/, "read-more"],
    [/^Diskutieren Sie mit$/, "comments-share"],
    [/^0 Kommentare$/, "comments-share"],
    [/^Dieser Artikel kann nicht mehr kommentiert werden$/, "comments-share"],
  ],
  "002_af930efa3e3252c0": [
    [/^upday\.com 1 godzina temu$/, "aggregator"],
    [/\(Archivbild\) .*\/dpa$/, "photo-caption"],
    [/^Hinweis: Dieser Artikel wurde mit Künstlicher Intelligenz \(KI\) erstellt\.$/, "ai-disclosure"],
    [/^Idź do oryginalnego materiału$/, "aggregator"],
  ],
  "003_24974ad38bb207f4": [
    [/^© Imago\//i, "photo-credit"],
    [/^© IMAGO\//, "photo-credit"],
    [/^Stand:$/, "timestamp"],
    [/^- (showPaywall|isSubscriber|isPaid):$/, "tracking"],
    [/^- false$/, "tracking"],
  ],
  "004_298167ce2a841506": [
    [/^Mehr zum Thema – /, "read-more"],
    [/^Schreibe einen Kommentar$/, "comments-share"],
  ],
};

const norm = (s: string) => s.replace(/\s+/g, " ").trim();

/** Sentences of a text: split after . ! ? (and a closing quote) before an upper-case letter or opening quote. */
function sentences(line: string): string[] {
  return line.split(/(?<=[.!?]["“”»«]?)\s+(?=[\p{Lu}„"«»“])/u).map(norm).filter((s) => s.length >= 25);
}

for (const [id, junk] of Object.entries(JUNK)) {
  const raw = join(RAW, `${id}.txt`);
  test(`seed ${id}: junk removed with reasons, body kept, agencies and AI flag right`, { skip: !existsSync(raw) && "../shared is absent" }, () => {
    const results = [...readInputs([raw])];
    assert.equal(results.length, 1);
    const r = results[0]!;
    assert.ok("article" in r, "the seed must read as an article");
    const doc = prepare(r.article, makeContext());
    const out = norm(doc.text);

    // Every expected junk line is in `removed` with its reason, and not in the text.
    for (const [re, reason] of junk) {
      const hit = doc.meta.removed.find((x) => re.test(norm(x.text)));
      assert.ok(hit, `${id}: expected a removed line matching ${re}`);
      assert.equal(hit.reason, reason, `${id}: ${re} removed as ${hit.reason}, expected ${reason}`);
    }
    // Nothing else is removed (a removed line outside the list is a body line lost), duplicates aside.
    for (const x of doc.meta.removed) {
      if (x.reason === "duplicate") continue;
      assert.ok(junk.some(([re]) => re.test(norm(x.text))), `${id}: unexpected removal (${x.reason}): ${x.text.slice(0, 80)}`);
    }
    // Every body sentence of the seed (front matter aside, junk lines aside) is in the cleaned text.
    const seed = readFileSync(join(CLEAN, `${id}.txt`), "utf8").replace(/^---\n[\s\S]*?\n---\n/, "");
    for (const line of seed.split("\n")) {
      const l = norm(line);
      if (!l || junk.some(([re]) => re.test(l))) continue;
      for (const s of sentences(l.replace(/\s*\(Lesen Sie auch:[^)]*\)/, "").replace(/^[•-]\s*/, ""))) {
        assert.ok(out.includes(s), `${id}: body sentence lost: ${s.slice(0, 80)}`);
      }
    }
    // The title is the headline, not a kicker, a credit or a navigation line.
    assert.ok(doc.meta.title && doc.meta.title.split(" ").length >= 5 && !junk.some(([re]) => re.test(doc.meta.title!)), `${id}: title ${doc.meta.title}`);
    // Agencies and the machine-writing flag as in the gold.
    const gold = JSON.parse(readFileSync(join(GOLD, `${id}.json`), "utf8")) as { agencies: string[]; aiGenerated: boolean };
    assert.deepEqual([...doc.meta.agencies].sort(), [...gold.agencies].sort(), `${id}: agencies`);
    assert.equal(doc.meta.aiGenerated, gold.aiGenerated, `${id}: aiGenerated`);
  });
}
