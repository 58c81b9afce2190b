// Averaged structured perceptron over BIO tags: first-order Viterbi decoding, training updates, compact export.

/** The tag set: O, then B-/I- for each entity class. Index 0 is O. */
export const TAGS = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"] as const;
export type Tag = (typeof TAGS)[number];
const T = TAGS.length;

/** I-X may only follow B-X or I-X: an illegal transition is never decoded, so every span is well formed. */
const ALLOWED: boolean[][] = TAGS.map((prev) =>
  TAGS.map((cur) => !cur.startsWith("I-") || (prev !== "O" && prev.slice(2) === cur.slice(2))),
);
/** ALLOWED flattened (prev * T + cur) for the decoder's inner loop. */
const ALLOWED_FLAT = Uint8Array.from(ALLOWED.flatMap((row) => row.map((a) => (a ? 1 : 0))));
/** At sentence start only O and B-X are allowed. */
const ALLOWED_START: boolean[] = TAGS.map((t) => !t.startsWith("I-"));

/** Feature weights as rows of T floats plus a (T+1)×T transition matrix (row T = sentence start). */
export interface LinearModel {
  /** Feature string → row index into `weights`. */
  index: Map<string, number>;
  weights: Float32Array | Float64Array;
  transitions: Float64Array;
}

/** The feature ids of one token that the model knows (unknown features score zero and are skipped). */
export function lookup(model: LinearModel, feats: string[]): number[] {
  const out: number[] = [];
  for (const f of feats) {
    const r = model.index.get(f);
    if (r !== undefined) out.push(r);
  }
  return out;
}

/** How much more a token's own features favour `tag` than O (transitions left out): a span's confidence. */
export function margin(model: LinearModel, rows: number[], tag: number): number {
  let m = 0;
  for (const r of rows) m += model.weights[r * T + tag]! - model.weights[r * T]!;
  return m;
}

/** Best tag sequence (tag indices) for tokens given as feature-row lists. */
export function viterbi(model: LinearModel, rows: number[][]): number[] {
  const n = rows.length;
  if (!n) return [];
  const w = model.weights;
  const tr = model.transitions;
  const score = new Float64Array(n * T);
  const back = new Int8Array(n * T);
  // One emission buffer for all tokens, summed in row order as before (float sums depend on order).
  const em = new Float64Array(T);
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    if (T === 7) {
      // The tag set's seven sums in locals: the same additions in the same order, without a store per feature and tag.
      let e0 = 0, e1 = 0, e2 = 0, e3 = 0, e4 = 0, e5 = 0, e6 = 0;
      for (let k = 0; k < row.length; k++) {
        const o = row[k]! * 7;
        e0 += w[o]!;
        e1 += w[o + 1]!;
        e2 += w[o + 2]!;
        e3 += w[o + 3]!;
        e4 += w[o + 4]!;
        e5 += w[o + 5]!;
        e6 += w[o + 6]!;
      }
      em[0] = e0;
      em[1] = e1;
      em[2] = e2;
      em[3] = e3;
      em[4] = e4;
      em[5] = e5;
      em[6] = e6;
    } else {
      em.fill(0);
      for (let k = 0; k < row.length; k++) {
        const o = row[k]! * T;
        for (let t = 0; t < T; t++) em[t] = em[t]! + w[o + t]!;
      }
    }
    for (let t = 0; t < T; t++) {
      if (i === 0) {
        score[t] = ALLOWED_START[t] ? em[t]! + tr[T * T + t]! : -Infinity;
        continue;
      }
      let best = -Infinity;
      let arg = 0;
      const prev = (i - 1) * T;
      for (let p = 0; p < T; p++) {
        if (!ALLOWED_FLAT[p * T + t]) continue;
        const s = score[prev + p]! + tr[p * T + t]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[i * T + t] = best + em[t]!;
      back[i * T + t] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  for (let t = 0; t < T; t++) {
    if (score[(n - 1) * T + t]! > best) {
      best = score[(n - 1) * T + t]!;
      arg = t;
    }
  }
  const out = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    out[i] = arg;
    arg = back[i * T + arg]!;
  }
  return out;
}

/** One labelled sentence: feature strings per token and gold tag indices. */
export interface Example {
  feats: string[][];
  gold: number[];
}

/**
 * Trains with the averaging trick (weights minus timestamp-weighted updates over the step count),
 * visiting examples in a seeded shuffled order each epoch so runs are reproducible.
 */
export class PerceptronTrainer {
  readonly index = new Map<string, number>();
  private w = new Float64Array(1 << 16);
  private wa = new Float64Array(1 << 16);
  private tr = new Float64Array((T + 1) * T);
  private tra = new Float64Array((T + 1) * T);
  private step = 1;

  private rowsOf(feats: string[][], grow: boolean): number[][] {
    return feats.map((fs) => {
      const out: number[] = [];
      for (const f of fs) {
        let r = this.index.get(f);
        if (r === undefined && grow) {
          r = this.index.size;
          this.index.set(f, r);
          if ((r + 1) * T > this.w.length) {
            const nw = new Float64Array(this.w.length * 2);
            nw.set(this.w);
            this.w = nw;
            const na = new Float64Array(this.wa.length * 2);
            na.set(this.wa);
            this.wa = na;
          }
        }
        if (r !== undefined) out.push(r);
      }
      return out;
    });
  }

  /** The current (not averaged) model, used to decode during training. */
  private live(): LinearModel {
    return { index: this.index, weights: this.w, transitions: this.tr };
  }

  train(examples: Example[], epochs: number, seed: number, onEpoch?: (epoch: number) => void): void {
    const rows = examples.map((e) => this.rowsOf(e.feats, true));
    const order = examples.map((_, i) => i);
    let rnd = seed >>> 0 || 1;
    const next = () => {
      // xorshift32: a fixed seed gives the same order on every machine.
      rnd ^= rnd << 13;
      rnd >>>= 0;
      rnd ^= rnd >>> 17;
      rnd ^= rnd << 5;
      rnd >>>= 0;
      return rnd / 4294967296;
    };
    for (let ep = 0; ep < epochs; ep++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      for (const k of order) this.update(rows[k]!, examples[k]!.gold);
      onEpoch?.(ep + 1);
    }
  }

  private update(rows: number[][], gold: number[]): void {
    const pred = viterbi(this.live(), rows);
    const c = this.step++;
    let same = true;
    for (let i = 0; i < gold.length; i++) if (pred[i] !== gold[i]) same = false;
    if (same) return;
    const add = (arr: Float64Array, acc: Float64Array, at: number, v: number) => {
      arr[at] = arr[at]! + v;
      acc[at] = acc[at]! + c * v;
    };
    for (let i = 0; i < gold.length; i++) {
      const g = gold[i]!;
      const p = pred[i]!;
      const gp = i === 0 ? T : gold[i - 1]!;
      const pp = i === 0 ? T : pred[i - 1]!;
      if (g !== p || gp !== pp) {
        add(this.tr, this.tra, gp * T + g, 1);
        add(this.tr, this.tra, pp * T + p, -1);
      }
      if (g === p) continue;
      for (const r of rows[i]!) {
        add(this.w, this.wa, r * T + g, 1);
        add(this.w, this.wa, r * T + p, -1);
      }
    }
  }

  /** The averaged model. */
  averaged(): LinearModel {
    const n = this.index.size * T;
    const w = new Float64Array(n);
    for (let i = 0; i < n; i++) w[i] = this.w[i]! - this.wa[i]! / this.step;
    const tr = new Float64Array(this.tr.length);
    for (let i = 0; i < tr.length; i++) tr[i] = this.tr[i]! - this.tra[i]! / this.step;
    return { index: this.index, weights: w, transitions: tr };
  }
}

/** Serialized form: features whose largest weight reaches `minWeight`, weights as integers of 1/scale. */
export interface ModelFile {
  format: "dossier-ner-perceptron/1";
  tags: readonly string[];
  scale: number;
  features: string[];
  /** Row-major integers, T per feature. */
  weights: number[];
  transitions: number[];
  note?: string;
}

export function exportModel(m: LinearModel, minWeight: number, scale: number): ModelFile {
  const features: string[] = [];
  const weights: number[] = [];
  for (const [f, r] of m.index) {
    let max = 0;
    for (let t = 0; t < T; t++) max = Math.max(max, Math.abs(m.weights[r * T + t]!));
    if (max < minWeight) continue;
    features.push(f);
    for (let t = 0; t < T; t++) weights.push(Math.round(m.weights[r * T + t]! * scale));
  }
  return { format: "dossier-ner-perceptron/1", tags: TAGS, scale, features, weights, transitions: [...m.transitions].map((v) => Math.round(v * scale)) };
}

export function importModel(f: ModelFile): LinearModel {
  const index = new Map<string, number>();
  f.features.forEach((x, i) => index.set(x, i));
  const weights = new Float32Array(f.weights.length);
  for (let i = 0; i < f.weights.length; i++) weights[i] = f.weights[i]! / f.scale;
  return { index, weights, transitions: Float64Array.from(f.transitions, (v) => v / f.scale) };
}

/** Tag indices → [first, last, class] spans. */
export function spansOf(tags: number[]): [number, number, string][] {
  const out: [number, number, string][] = [];
  let open: [number, number, string] | null = null;
  for (let i = 0; i < tags.length; i++) {
    const t = TAGS[tags[i]!]!;
    if (t === "O" || t.startsWith("B-")) {
      if (open) out.push(open);
      open = t === "O" ? null : [i, i, t.slice(2)];
    } else if (open) open[1] = i;
  }
  if (open) out.push(open);
  return out;
}
