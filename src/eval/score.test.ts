// Our scorer gives the same figures as the reference scorer (../shared/eval/score.mjs) on the same predictions.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";
import { cli, hasShared, jsonLines, SHARED } from "../test/helpers.js";
import { bcubed, score, type AliasTable, type Gold } from "./score.js";

test("same figures as the reference scorer on the seeds", { skip: !hasShared && "../shared not present" }, () => {
  const seeds = readdirSync(join(SHARED, "corpus", "seeds")).map((f) => join(SHARED, "corpus", "seeds", f));
  const r = cli(["extract", "--json", ...seeds]);
  const file = join(mkdtempSync(join(tmpdir(), "dossier-score-")), "pred.jsonl");
  writeFileSync(file, r.stdout);
  const ref = JSON.parse(
    spawnSync(process.execPath, [join(SHARED, "eval", "score.mjs"), "--gold", join(SHARED, "eval", "dev", "gold"), "--pred", file, "--json"], { encoding: "utf8" }).stdout,
  );
  const gold = new Map<string, Gold>();
  for (const f of readdirSync(join(SHARED, "eval", "dev", "gold"))) gold.set(basename(f, ".json"), JSON.parse(readFileSync(join(SHARED, "eval", "dev", "gold", f), "utf8")));
  const preds = new Map(jsonLines(r.stdout).map((x) => [basename(x.document.source, extname(x.document.source)), x]));
  const aliases = JSON.parse(readFileSync(join(SHARED, "eval", "aliases.json"), "utf8")) as AliasTable;
  const ours = score(gold, preds, aliases).result;
  for (const k of ["consult", "events", "persons", "directQuotes", "indirectQuotes", "eventAttributes", "quoteSpeaker", "agencies", "aiGenerated"] as const)
    assert.deepEqual(ours[k], ref[k], k);
});

test("B³: perfect, all-in-one and all-singleton clusterings", () => {
  const gold = ["a", "a", "b", "c"];
  assert.equal(bcubed(gold.map((g) => ({ gold: g, pred: g }))).f1, 1);
  const one = bcubed(gold.map((g) => ({ gold: g, pred: "x" })));
  assert.equal(one.recall, 1);
  assert.equal(one.precision, 0.375); // (2/4 + 2/4 + 1/4 + 1/4) / 4
  const single = bcubed(gold.map((g, i) => ({ gold: g, pred: String(i) })));
  assert.equal(single.precision, 1);
  assert.equal(single.recall, 0.75);
});
