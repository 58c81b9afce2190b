// Trains the German NER tagger on GermEval 2014 dev and DFKI SmartData v3 (../shared/eval/external) and writes kb/models/ner-de.json.gz.
// Usage: node dist/nlp/ner/train.js [--holdout | --fold K] [--epochs N] [--smartdata] [--out FILE]
//   --holdout: trains without every fifth GermEval dev sentence and reports span F1 on them per epoch (model selection);
//   --fold K holds out the sentences whose index mod 5 is K instead of 4 (cross-validation).
//   --smartdata: also trains on SmartData v3 (traffic/industry news); off by default, as it did not help on held-out GermEval.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { makeContext } from "../../cli/context.js";
import { DossierError } from "../../core/errors.js";
import { KB_DIR, ROOT } from "../../core/paths.js";
import type { Document } from "../../core/types.js";
import { tokenKeys } from "../mentions/find.js";
import { nameLexicon } from "../mentions/name-lexicon.js";
import { STAGES } from "../pipeline.js";
import { readGermEval, readSmartData, type GoldText } from "./corpora.js";
import { sentenceFeatures, tokenInfos } from "./features.js";
import { withoutNer } from "./finder.js";
import { MODEL_FILE } from "./model.js";
import { exportModel, lookup, PerceptronTrainer, spansOf, TAGS, viterbi, type Example, type LinearModel } from "./perceptron.js";

const args = process.argv.slice(2);
const flag = (n: string) => args.includes(n);
const opt = (n: string, d: string) => (args.includes(n) ? args[args.indexOf(n) + 1]! : d);
const holdout = flag("--holdout") || args.includes("--fold");
/** Which fifth of GermEval dev is held out (sentence index mod 5); 4 unless --fold says otherwise. */
const fold = +opt("--fold", "4");
const epochs = +opt("--epochs", "6");
const out = opt("--out", join(KB_DIR, "models", MODEL_FILE));
const ext = join(ROOT, "..", "shared", "eval", "external");

const ctx = makeContext();

const names = nameLexicon("de");
const STOP_BEFORE = new Set(["quotes", "events"]);

/** Runs the pipeline up to the mentions stage with the tagger off, then makes one example per sentence. */
function examples(g: GoldText): Example[] {
  const doc: Document = {
    id: g.id,
    text: g.text,
    meta: { source: g.id, url: null, title: null, outlet: null, language: "de", published: null, publishedBasis: "unknown", agencies: [], aiGenerated: false, removed: [], genre: null },
    layers: {},
  };
  withoutNer(() => {
    for (const s of STAGES) if (!STOP_BEFORE.has(s.name)) s.run(doc, ctx);
  });
  const tokens = doc.layers.tokens!;
  const keys = tokenKeys(doc);
  const infos = tokenInfos(doc, keys, doc.layers.mentions!, ctx.kb, names);
  // Gold tag per token: a token inside a gold span gets B at the span's first token, I after.
  const gold = new Array<number>(tokens.length).fill(0);
  let k = 0;
  for (const s of g.spans) {
    while (k < tokens.length && tokens[k]!.end <= s.start) k++;
    let first = true;
    for (let j = k; j < tokens.length && tokens[j]!.start < s.end; j++) {
      if (tokens[j]!.start < s.start || tokens[j]!.end > s.end) continue;
      gold[j] = TAGS.indexOf(`${first ? "B" : "I"}-${s.cls}` as (typeof TAGS)[number]);
      first = false;
    }
  }
  const ex: Example[] = [];
  for (let from = 0; from < tokens.length; ) {
    let to = from + 1;
    while (to < tokens.length && tokens[to]!.sentence === tokens[from]!.sentence) to++;
    ex.push({ feats: sentenceFeatures(doc, infos, from, to), gold: gold.slice(from, to) });
    from = to;
  }
  return ex;
}

function spanF1(model: LinearModel, data: Example[]): string {
  const per: Record<string, [number, number, number]> = { PER: [0, 0, 0], LOC: [0, 0, 0], ORG: [0, 0, 0] };
  for (const e of data) {
    const pred = spansOf(viterbi(model, e.feats.map((f) => lookup(model, f)))).map((s) => s.join(","));
    const gold = new Set(spansOf(e.gold).map((s) => s.join(",")));
    for (const p of pred) per[p.split(",")[2]!]![gold.has(p) ? 0 : 1]++;
    const ps = new Set(pred);
    for (const g of gold) if (!ps.has(g)) per[g.split(",")[2]!]![2]++;
  }
  const f = ([tp, fp, fn]: [number, number, number]) => (2 * tp) / (2 * tp + fp + fn || 1);
  const all = Object.values(per).reduce((a, b) => [a[0] + b[0], a[1] + b[1], a[2] + b[2]] as [number, number, number], [0, 0, 0]);
  return `micro ${f(all).toFixed(3)}  PER ${f(per.PER!).toFixed(3)}  LOC ${f(per.LOC!).toFixed(3)}  ORG ${f(per.ORG!).toFixed(3)}`;
}

const train: Example[] = [];
const held: Example[] = [];
const t0 = Date.now();
const ge = readGermEval(join(ext, "germeval2014", "NER-de-dev.tsv"), "dev");
ge.forEach((g, i) => (holdout && i % 5 === fold ? held : train).push(...examples(g)));
if (flag("--smartdata")) for (const f of ["dev.json.gz", "test.json.gz"]) for (const g of readSmartData(join(ext, "smartdata_v3", f))) train.push(...examples(g));
if (!train.length) throw new DossierError("NOT_FOUND", "no training sentences: is ../shared/eval/external/germeval2014/NER-de-dev.tsv there?");
console.log(`${train.length} training sentences, ${held.length} held out (${Date.now() - t0} ms to featurize)`);

// Several shuffles, their averaged weights averaged again: steadier than one order on so little data.
const runs = +opt("--seeds", "5");
const models: LinearModel[] = [];
for (let r = 0; r < runs; r++) {
  const trainer = new PerceptronTrainer();
  trainer.train(train, epochs, 20141 + r, (ep) => {
    if (holdout && runs === 1) console.log(`epoch ${ep}: held-out ${spanF1(trainer.averaged(), held)}`);
  });
  models.push(trainer.averaged());
}
const model = models[0]!;
for (const m of models.slice(1)) {
  for (let i = 0; i < model.weights.length; i++) model.weights[i] = model.weights[i]! + m.weights[i]!;
  for (let i = 0; i < model.transitions.length; i++) model.transitions[i] = model.transitions[i]! + m.transitions[i]!;
}
for (let i = 0; i < model.weights.length; i++) model.weights[i] = model.weights[i]! / runs;
for (let i = 0; i < model.transitions.length; i++) model.transitions[i] = model.transitions[i]! / runs;
if (holdout && runs > 1) console.log(`epoch ${epochs}: held-out ${spanF1(model, held)} (mean of ${runs} shuffles)`);
const file = exportModel(model, +opt("--min-weight", "0.05"), 100);
file.note =
  `Weights of Dossier's own averaged perceptron (${epochs} epochs, mean of ${runs} shuffles, seeds from 20141), trained on GermEval 2014 NER dev${holdout ? " without every fifth sentence" : ""} ` +
  "(Benikova, Biemann, Reznicek, LREC 2014; CC BY 4.0)" +
  (flag("--smartdata") ? " and DFKI SmartData corpus v3 dev/test (Schiersch et al., LREC 2018; CC BY 4.0)" : "") +
  ". Feature names include words and word pairs of that data; no sentence is stored. See kb/models/README.md.";
mkdirSync(dirname(out), { recursive: true });
const gz = gzipSync(JSON.stringify(file), { level: 9 });
writeFileSync(out, gz);
console.log(`${file.features.length} of ${model.index.size} features kept, ${(gz.length / 1024).toFixed(0)} KiB -> ${out}`);
