// `node dist/eval/spkatt.js [DIR]`: runs the quote finder on SpkAtt-2023 (GePaDe dev) and reports cue and source F1.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { makeContext } from "../cli/context.js";
import { DossierError } from "../core/errors.js";
import { shortHash } from "../core/hash.js";
import { ROOT } from "../core/paths.js";
import type { Document } from "../core/types.js";
import { pipeline } from "../nlp/pipeline.js";
import { cuesIn } from "../nlp/quotes/frames.js";
import { quoteLex } from "../nlp/quotes/lex.js";
import { readSpeech, tokensIn, type Speech, type TokId } from "./spkatt-data.js";
import { scoreSpkAtt, type PredEvent } from "./spkatt-score.js";

const DEFAULT_DIR = join(ROOT, "..", "shared", "eval", "external", "spkatt2023", "data", "dev", "task1");

/**
 * Published full-task (1a) results for comparison. Only the combined role/cue score is available offline: the
 * best system ("Politics, BERTed", GePaBERT) reports SpkAtt-F1 82.8 on the test set and match-F1 84.8 on dev
 * (its repository README); per-role cue and source F1 are in the shared-task overview (KONVENS 2023).
 */
export const PUBLISHED = { system: "Politics, BERTed (GePaBERT), task 1a", testSpkAttF1: 0.828, devMatchF1: 0.848 };

/** Our speech events for one speech: each quote's cue and speaker words as token ids. */
export function predictSpeech(sp: Speech, ctx = makeContext(), mode: "quotes" | "lexicon" = "quotes"): PredEvent[] {
  const doc: Document = {
    id: shortHash(sp.text),
    text: sp.text,
    meta: {
      source: sp.name,
      url: null,
      title: null,
      outlet: null,
      language: "de",
      published: sp.date,
      publishedBasis: sp.date ? "metadata" : "unknown",
      agencies: [],
      aiGenerated: false,
      removed: [],
      genre: "news",
    },
    layers: {},
  };
  const done = pipeline.run(doc, ctx);
  const out: PredEvent[] = [];
  if (mode === "lexicon") {
    // Every reporting word the lexicon knows, quote or not: how much of SpkAtt's cue vocabulary we cover.
    const l = quoteLex("de");
    for (const s of done.layers.sentences ?? []) for (const c of cuesIn(sp.text, s.start, s.end, l)) out.push({ Cue: tokensIn(sp, c.start, c.end), Source: [], Message: [] });
    return out;
  }
  for (const q of done.layers.quotes ?? []) {
    if (!q.cueSpan) continue;
    out.push({
      Cue: tokensIn(sp, q.cueSpan.start, q.cueSpan.end),
      Source: q.speakerSpan ? tokensIn(sp, q.speakerSpan.start, q.speakerSpan.end) : [],
      Message: tokensIn(sp, q.start, q.end),
    });
  }
  return out;
}

function main(): void {
  const dir = process.argv[2] ?? DEFAULT_DIR;
  if (!existsSync(dir)) throw new DossierError("USAGE", `SpkAtt-2023 data not found at ${dir}; pass the folder of task1 JSON files (…/spkatt2023/data/dev/task1)`);
  const ctx = makeContext();
  const gold: Record<string, Record<string, TokId[]>[]> = {};
  const pred: Record<string, PredEvent[]> = {};
  const lex: Record<string, PredEvent[]> = {};
  for (const f of readdirSync(dir).filter((x) => x.endsWith(".json")).sort()) {
    const sp = readSpeech(join(dir, f), f);
    gold[f] = sp.events;
    pred[f] = predictSpeech(sp, ctx);
    lex[f] = predictSpeech(sp, ctx, "lexicon");
  }
  const rl = scoreSpkAtt(gold, lex);
  const r = scoreSpkAtt(gold, pred);
  const fmt = (x: { precision: number; recall: number; f1: number }) => `P ${x.precision.toFixed(3)}  R ${x.recall.toFixed(3)}  F1 ${x.f1.toFixed(3)}`;
  console.log(`SpkAtt-2023 dev: ${Object.keys(gold).length} speeches, ${r.goldEvents} gold speech events, ${r.predEvents} predicted`);
  console.log(`cue tokens     ${fmt(r.cue)}`);
  console.log(`cue events     ${fmt(r.cueEvents)}   (an event matches when its cue tokens overlap)`);
  console.log(`source tokens  ${fmt(r.source)}   (over all events; a missed event's source counts as missed)`);
  console.log(`source | cue   ${fmt(r.sourceGivenCue)}   (only events whose cue was found)`);
  console.log(`lexicon cues   ${fmt(rl.cue)}   (every reporting word of lexicons/de, quote or not)`);
  console.log(`published: ${PUBLISHED.system}: SpkAtt-F1 ${PUBLISHED.testSpkAttF1} (test), match-F1 ${PUBLISHED.devMatchF1} (dev), all roles and cues combined`);
}

if (process.argv[1] && /spkatt\.js$/.test(process.argv[1])) main();
