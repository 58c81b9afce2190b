// NER tagger: BIO decoding, perceptron training on a toy task, the GermEval reader, and the shipped model in the pipeline.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeContext } from "../../cli/context.js";
import { EXAMPLES_DIR } from "../../core/paths.js";
import { processArticle } from "../../extract.js";
import { emptyArticle } from "../../ingest/article.js";
import { nameLexicon } from "../mentions/name-lexicon.js";
import { tokenKeys } from "../mentions/find.js";
import { readGermEval } from "./corpora.js";
import { sentenceRows } from "./feature-ids.js";
import { sentenceFeatures, tokenInfos } from "./features.js";
import { nerModel } from "./model.js";
import { exportModel, importModel, lookup, PerceptronTrainer, spansOf, TAGS, viterbi } from "./perceptron.js";

const tag = (t: string) => TAGS.indexOf(t as (typeof TAGS)[number]);

test("spansOf turns BIO tags into [first, last, class] spans", () => {
  const cases: [string[], [number, number, string][]][] = [
    [["O", "B-PER", "I-PER", "O"], [[1, 2, "PER"]]],
    [["B-LOC", "B-LOC", "O", "B-ORG", "I-ORG", "I-ORG"], [[0, 0, "LOC"], [1, 1, "LOC"], [3, 5, "ORG"]]],
    [["O", "O"], []],
  ];
  for (const [tags, want] of cases) assert.deepEqual(spansOf(tags.map(tag)), want);
});

test("the perceptron learns a toy tagging task, decodes only well-formed BIO, and survives export", () => {
  // Capitalized word after "Herr" is a person; after "in" a place; "und" joins nothing.
  const sent = (words: string[], tags: string[]) => ({ feats: words.map((w, i) => [`w=${w}`, `l=${words[i - 1] ?? "<s>"}`, `cap=${/^[A-Z]/.test(w)}`]), gold: tags.map(tag) });
  const data = [
    sent(["Herr", "Meier", "wohnt", "in", "Ulm"], ["O", "B-PER", "O", "O", "B-LOC"]),
    sent(["Herr", "Huber", "und", "Herr", "Meier"], ["O", "B-PER", "O", "O", "B-PER"]),
    sent(["in", "Bonn", "wohnt", "Herr", "Kurz"], ["O", "B-LOC", "O", "O", "B-PER"]),
    sent(["Anna", "Huber", "kam"], ["B-PER", "I-PER", "O"]),
  ];
  const trainer = new PerceptronTrainer();
  trainer.train(data, 30, 7);
  const model = importModel(exportModel(trainer.averaged(), 0, 1000));
  // An averaged perceptron need not fit every training token; nearly all is enough here.
  let right = 0;
  let all = 0;
  for (const d of data) viterbi(model, d.feats.map((f) => lookup(model, f))).forEach((t, i) => ((right += +(t === d.gold[i])), all++));
  assert.ok(right / all >= 0.9, `${right}/${all} training tokens right`);
  const unseen = sent(["Herr", "Schmid", "in", "Ulm"], ["O", "B-PER", "O", "B-LOC"]);
  assert.deepEqual(viterbi(model, unseen.feats.map((f) => lookup(model, f))), unseen.gold);
  // Whatever the weights, an I- tag never follows O or another class.
  const noisy = [["w=und"], ["w=Huber"], ["w=kam"], ["l=Anna"]].map((f) => lookup(model, f));
  const tags = viterbi(model, noisy).map((i) => TAGS[i]!);
  tags.forEach((t, i) => {
    if (t.startsWith("I-")) assert.equal((tags[i - 1] ?? "O").slice(2), t.slice(2), tags.join(" "));
  });
});

test("readGermEval keeps PER/LOC/ORG outer chunks and leaves OTH, -deriv and -part outside", () => {
  const dir = mkdtempSync(join(tmpdir(), "germeval-"));
  const file = join(dir, "mini.tsv");
  writeFileSync(
    file,
    ["#\thttp://x\t[2010-01-01]", "1\tAngela\tB-PER\tO", "2\tMerkel\tI-PER\tO", "3\tbesucht\tO\tO", "4\tdeutsche\tB-LOCderiv\tO", "5\tSAP-Werke\tB-ORGpart\tO", "6\tin\tO\tO", "7\tWalldorf\tB-LOC\tO", "", ""].join("\n"),
  );
  const [s] = readGermEval(file, "mini");
  assert.equal(s!.text, "Angela Merkel besucht deutsche SAP-Werke in Walldorf");
  assert.deepEqual(
    s!.spans.map((x) => [s!.text.slice(x.start, x.end), x.cls]),
    [
      ["Angela Merkel", "PER"],
      ["Walldorf", "LOC"],
    ],
  );
});

test("the shipped model adds an organization the rules miss in German text, and leaves English alone", () => {
  const ctx = makeContext();
  const run = (lang: string, text: string) =>
    processArticle({ ...emptyArticle("ner-test", text, "text"), language: lang, published: "2025-08-20" }, ctx).layers.mentions!.map((m) => `${m.text}|${m.type}|${m.provenance.rule}`);
  assert.ok(run("de", "Die Stadtwerke Eberswalde GmbH erhöhen die Preise.").includes("Stadtwerke Eberswalde GmbH|organization|ner"));
  assert.ok(run("en", "The Stadtwerke Eberswalde GmbH raised its prices.").every((m) => !m.endsWith("|ner")));
});

test("the tagger's cached feature ids are exactly the looked-up feature strings, token by token, on the German examples", () => {
  const ctx = makeContext();
  const model = nerModel()!;
  const names = nameLexicon("de");
  const dir = join(EXAMPLES_DIR, "corpus");
  const files = readdirSync(dir).filter((f) => f.startsWith("de-"));
  assert.ok(files.length > 0);
  // Twice: the second pass reads every id list from the caches.
  for (let pass = 0; pass < 2; pass++) {
    for (const f of files) {
      const doc = processArticle({ ...emptyArticle(f, readFileSync(join(dir, f), "utf8"), "text"), language: "de", published: "2025-08-20" }, ctx);
      const tokens = doc.layers.tokens!;
      const infos = tokenInfos(doc, tokenKeys(doc), doc.layers.mentions!, ctx.kb, names);
      for (let from = 0; from < tokens.length; ) {
        let to = from + 1;
        while (to < tokens.length && tokens[to]!.sentence === tokens[from]!.sentence) to++;
        assert.deepEqual(sentenceRows(model, doc, infos, from, to), sentenceFeatures(doc, infos, from, to).map((x) => lookup(model, x)), `${f} tokens ${from}-${to}`);
        from = to;
      }
    }
  }
});
