// GermEval 2014 NER runner: extracts the sentences of ../shared/eval/external/germeval2014 and scores them with its scorer.
// Usage: node dist/eval/germeval.js [dev|test] [--explain]   (tune on dev; measure on test only at the end)
import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { makeContext } from "../cli/context.js";
import { DossierError } from "../core/errors.js";
import { ROOT } from "../core/paths.js";
import { extractArticle } from "../extract.js";
import { readInputs } from "../ingest/sources.js";

const split = process.argv[2] === "test" ? "test" : "dev";
const dir = join(ROOT, "..", "shared", "eval", "external", "germeval2014");
const input = join(dir, "inputs", `${split}.jsonl`);
if (!existsSync(input)) throw new DossierError("NOT_FOUND", `${input} is missing; GermEval 2014 lives in ../shared/eval/external/germeval2014`);
const ctx = makeContext();
const lines: string[] = [];
for (const r of readInputs([input])) {
  if ("article" in r) lines.push(JSON.stringify(extractArticle({ ...r.article, language: "de" }, ctx)));
}
const pred = join("/tmp", `dossier-germeval-${split}.jsonl`);
writeFileSync(pred, lines.join("\n") + "\n");
const args = [join(dir, "score-ner.mjs"), "--gold", join(dir, `NER-de-${split}.tsv`), "--pred", pred, ...process.argv.slice(3)];
const res = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
process.stdout.write(res.stdout);
process.stderr.write(res.stderr);
process.exitCode = res.status ?? 1;
