// Scores predicted speech events against SpkAtt-2023 gold: cue and source token F1, events matched by cue overlap.
import type { TokId } from "./spkatt-data.js";

export interface PredEvent {
  Cue: TokId[];
  Source: TokId[];
  Message: TokId[];
}

export interface PRF {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

const prf = (tp: number, fp: number, fn: number): PRF => {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return { tp, fp, fn, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
};

export function scoreSpkAtt(gold: Record<string, Record<string, TokId[]>[]>, pred: Record<string, PredEvent[]>) {
  const cue = { tp: 0, fp: 0, fn: 0 };
  const ev = { tp: 0, fp: 0, fn: 0 };
  const src = { tp: 0, fp: 0, fn: 0 };
  const srcCue = { tp: 0, fp: 0, fn: 0 };
  let goldEvents = 0;
  let predEvents = 0;
  for (const [f, gEvents] of Object.entries(gold)) {
    const gs = gEvents.filter((g) => (g.Cue ?? []).length);
    const ps = pred[f] ?? [];
    goldEvents += gs.length;
    predEvents += ps.length;
    // Cue tokens over the whole speech.
    const gCue = new Set(gs.flatMap((g) => g.Cue ?? []));
    const pCue = new Set(ps.flatMap((p) => p.Cue));
    for (const t of pCue) if (gCue.has(t)) cue.tp++; else cue.fp++;
    for (const t of gCue) if (!pCue.has(t)) cue.fn++;
    // Events: greedy one-to-one by cue overlap.
    const used = new Set<number>();
    const pairOf = new Map<number, number>();
    gs.forEach((g, gi) => {
      const pi = ps.findIndex((p, i) => !used.has(i) && p.Cue.some((t) => (g.Cue ?? []).includes(t)));
      if (pi >= 0) {
        used.add(pi);
        pairOf.set(gi, pi);
      }
    });
    ev.tp += pairOf.size;
    ev.fn += gs.length - pairOf.size;
    ev.fp += ps.length - pairOf.size;
    gs.forEach((g, gi) => {
      const gSrc = new Set(g.Source ?? []);
      const pi = pairOf.get(gi);
      const pSrc = new Set(pi === undefined ? [] : ps[pi]!.Source);
      let tp = 0;
      for (const t of pSrc) if (gSrc.has(t)) tp++;
      const fp = pSrc.size - tp;
      const fn = gSrc.size - tp;
      src.tp += tp;
      src.fp += fp;
      src.fn += fn;
      if (pi !== undefined) {
        srcCue.tp += tp;
        srcCue.fp += fp;
        srcCue.fn += fn;
      }
    });
    // Sources of unmatched predictions are false alarms.
    ps.forEach((p, i) => {
      if (!used.has(i)) src.fp += p.Source.length;
    });
  }
  return {
    goldEvents,
    predEvents,
    cue: prf(cue.tp, cue.fp, cue.fn),
    cueEvents: prf(ev.tp, ev.fp, ev.fn),
    source: prf(src.tp, src.fp, src.fn),
    sourceGivenCue: prf(srcCue.tp, srcCue.fp, srcCue.fn),
  };
}
