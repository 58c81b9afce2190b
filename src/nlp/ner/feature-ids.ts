// Feature row ids for the tagger, computed straight from cached per-word id lists: the same rows, in the same order, as looking up sentenceFeatures' strings.
import type { Document } from "../../core/types.js";
import { wordFeatures, type TokenInfo } from "./features.js";
import type { LinearModel } from "./perceptron.js";

/** The ids of the features a word contributes on its own and as each neighbour; unknown features left out. */
interface WordIds {
  own?: number[];
  ownFirst?: number[];
  /** As left / right neighbour: form, shape, last three letters. */
  l: number[];
  r: number[];
  /** As second neighbour: form only. */
  l2: number[];
  r2: number[];
}

/** A word's lexicon marks as its own features and as left / right neighbour's. */
interface LexIds {
  own: number[];
  l: number[];
  r: number[];
}

/** What a raw word form gives: capitalization and its id lists (the word's lower-case form and shape follow from it). */
interface RawWord extends WordIds {
  cap: boolean;
}

/** Shapes are numbered so the shape trigram of a token is found by a number, not a new string per token. */
const SHAPE_LIMIT = 1 << 17;

interface Caches {
  raw: Map<string, RawWord>;
  shapeIds: Map<string, number>;
  /** Shape trigram id (-1: unknown to the model) by left, own and right shape number (0 = sentence edge). */
  trigram: Map<number, number>;
  /** Keyed by the marks array itself, which features.ts shares between all tokens of a word. */
  lex: WeakMap<readonly string[], LexIds>;
  /** `l=<s>`, `r=<s>`, `l2=<s>`, `r2=<s>`: the sentence edge; -1 when the model lacks it. */
  edge: number[];
}

const caches = new WeakMap<LinearModel, Caches>();
function cachesOf(model: LinearModel): Caches {
  let c = caches.get(model);
  if (!c) {
    const edge = ["l", "r", "l2", "r2"].map((n) => model.index.get(`${n}=<s>`) ?? -1);
    caches.set(model, (c = { raw: new Map(), shapeIds: new Map(), trigram: new Map(), lex: new WeakMap(), edge }));
  }
  return c;
}

/** Known ids of `feats`, in order. */
function ids(model: LinearModel, feats: readonly string[]): number[] {
  const out: number[] = [];
  for (const f of feats) {
    const r = model.index.get(f);
    if (r !== undefined) out.push(r);
  }
  return out;
}

function push(out: number[], from: readonly number[]): void {
  for (let k = 0; k < from.length; k++) out.push(from[k]!);
}

function pushOne(model: LinearModel, out: number[], f: string): void {
  const r = model.index.get(f);
  if (r !== undefined) out.push(r);
}

/**
 * Feature rows (model ids) for tokens [from, to) of one sentence: exactly `sentenceFeatures(...).map(f => lookup(model, f))`,
 * but word-only groups are looked up once per word form instead of building their strings per token.
 */
export function sentenceRows(model: LinearModel, doc: Document, infos: TokenInfo[], from: number, to: number): number[][] {
  const c = cachesOf(model);
  const tokens = doc.layers.tokens!;
  const n = to - from;
  // Per token: its word's id lists, shape number and lexicon ids (null without marks).
  const words: RawWord[] = new Array(n);
  const shapes = new Int32Array(n);
  const lex: (LexIds | null)[] = new Array(n);
  const raws: string[] = new Array(n);
  if (c.shapeIds.size >= SHAPE_LIMIT - 2) {
    c.shapeIds.clear();
    c.trigram.clear();
  }
  for (let k = 0; k < n; k++) {
    const inf = infos[from + k]!;
    const raw = inf.raw;
    raws[k] = raw;
    let w = c.raw.get(raw);
    if (!w) {
      const x3 = inf.lower.slice(-3);
      w = {
        cap: /^\p{Lu}/u.test(raw),
        l: ids(model, [`lw=${inf.lower}`, `ls=${inf.shape}`, `lx3=${x3}`]),
        r: ids(model, [`rw=${inf.lower}`, `rs=${inf.shape}`, `rx3=${x3}`]),
        l2: ids(model, [`l2w=${inf.lower}`]),
        r2: ids(model, [`r2w=${inf.lower}`]),
      };
      if (c.raw.size > 200_000) c.raw.clear();
      c.raw.set(raw, w);
    }
    words[k] = w;
    let sh = c.shapeIds.get(inf.shape);
    if (sh === undefined) c.shapeIds.set(inf.shape, (sh = c.shapeIds.size + 1));
    shapes[k] = sh;
    if (inf.lex.length) {
      let li = c.lex.get(inf.lex);
      if (!li) c.lex.set(inf.lex, (li = { own: ids(model, inf.lex), l: ids(model, inf.lex.map((m) => `l:${m}`)), r: ids(model, inf.lex.map((m) => `r:${m}`)) }));
      lex[k] = li;
    } else lex[k] = null;
  }
  const out: number[][] = new Array(n);
  for (let k = 0; k < n; k++) {
    const i = from + k;
    const t = tokens[i]!;
    const inf = infos[i]!;
    const first = k === 0;
    const w = words[k]!;
    let own = first ? w.ownFirst : w.own;
    if (!own) {
      own = ids(model, wordFeatures(inf.lower, inf.shape, w.cap, first));
      if (first) w.ownFirst = own;
      else w.own = own;
    }
    const row: number[] = [];
    push(row, own);
    if (k > 0 && tokens[i - 1]!.end === t.start) pushOne(model, row, `gl=${raws[k - 1]}`);
    if (k + 1 < n && tokens[i + 1]!.start === t.end) pushOne(model, row, `gr=${raws[k + 1]}`);
    if (lex[k]) push(row, lex[k]!.own);
    for (const m of inf.stack) pushOne(model, row, m);
    // Neighbours in sentenceFeatures' order: left, right, second left, second right.
    if (k > 0) {
      push(row, words[k - 1]!.l);
      if (lex[k - 1]) push(row, lex[k - 1]!.l);
      for (const m of infos[i - 1]!.stack) if (!m.startsWith("m=")) pushOne(model, row, `l:${m}`);
    } else if (c.edge[0]! >= 0) row.push(c.edge[0]!);
    if (k + 1 < n) {
      push(row, words[k + 1]!.r);
      if (lex[k + 1]) push(row, lex[k + 1]!.r);
      for (const m of infos[i + 1]!.stack) if (!m.startsWith("m=")) pushOne(model, row, `r:${m}`);
    } else if (c.edge[1]! >= 0) row.push(c.edge[1]!);
    if (k > 1) push(row, words[k - 2]!.l2);
    else if (c.edge[2]! >= 0) row.push(c.edge[2]!);
    if (k + 2 < n) push(row, words[k + 2]!.r2);
    else if (c.edge[3]! >= 0) row.push(c.edge[3]!);
    const ls = k > 0 ? shapes[k - 1]! : 0;
    const rs = k + 1 < n ? shapes[k + 1]! : 0;
    const tk = ls + shapes[k]! * SHAPE_LIMIT + rs * SHAPE_LIMIT * SHAPE_LIMIT;
    let tri = c.trigram.get(tk);
    if (tri === undefined) {
      tri = model.index.get(`ls+s+rs=${k > 0 ? infos[i - 1]!.shape : "<s>"}|${inf.shape}|${k + 1 < n ? infos[i + 1]!.shape : "</s>"}`) ?? -1;
      if (c.trigram.size > 200_000) c.trigram.clear();
      c.trigram.set(tk, tri);
    }
    if (tri >= 0) row.push(tri);
    out[k] = row;
  }
  return out;
}
