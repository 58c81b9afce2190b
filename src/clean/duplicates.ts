// Duplicate articles: exact (normalized-text hash) and near (MinHash over word 5-shingles, LSH banding, estimated Jaccard ≥ 0.9).
import { createHash } from "node:crypto";

export interface DuplicateHit {
  /** The id of the first article seen with (nearly) the same text, or null. */
  duplicateOf: string | null;
  kind: "exact" | "near" | null;
  /** Estimated Jaccard similarity of the word shingles (1 for exact copies). */
  similarity: number;
}

export interface DuplicateOptions {
  threshold?: number;
  shingle?: number;
  /** Signature length = bands × rows. */
  bands?: number;
  rows?: number;
}

/** Lower case, letters and digits only, single spaces: agency copies differ in quotes, dashes and line breaks. */
export function normalizeForDuplicates(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

// FNV-1a, then a 32-bit finalizer per permutation seed: cheap, well-spread hash family.
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Finds exact and near duplicates among the articles added so far; the first one seen is the original. */
export class DuplicateIndex {
  private readonly threshold: number;
  private readonly k: number;
  private readonly bands: number;
  private readonly rows: number;
  private readonly seeds: number[];
  private readonly exact = new Map<string, string>();
  private readonly buckets = new Map<string, string[]>();
  private readonly signatures = new Map<string, Uint32Array>();

  constructor(opts: DuplicateOptions = {}) {
    this.threshold = opts.threshold ?? 0.9;
    this.k = opts.shingle ?? 5;
    this.bands = opts.bands ?? 16;
    this.rows = opts.rows ?? 8;
    this.seeds = Array.from({ length: this.bands * this.rows }, (_, i) => mix(i * 0x9e3779b9 + 1));
  }

  /** MinHash signature of a text's word shingles (texts shorter than one shingle use their words). */
  signature(text: string): Uint32Array {
    const words = normalizeForDuplicates(text).split(" ").filter(Boolean);
    const sig = new Uint32Array(this.seeds.length).fill(0xffffffff);
    const n = Math.max(1, words.length - this.k + 1);
    for (let i = 0; i < n; i++) {
      const h = fnv1a(words.slice(i, i + this.k).join(" "));
      for (let j = 0; j < this.seeds.length; j++) {
        const v = mix(h ^ this.seeds[j]!);
        if (v < sig[j]!) sig[j] = v;
      }
    }
    return sig;
  }

  /** Adds an article and says whether it duplicates an earlier one. */
  add(id: string, text: string): DuplicateHit {
    const norm = normalizeForDuplicates(text);
    const key = createHash("sha1").update(norm).digest("hex");
    const same = this.exact.get(key);
    if (same !== undefined) return { duplicateOf: same, kind: "exact", similarity: 1 };
    this.exact.set(key, id);
    const sig = this.signature(text);
    let best: DuplicateHit = { duplicateOf: null, kind: null, similarity: 0 };
    const seen = new Set<string>();
    const bandKeys: string[] = [];
    for (let b = 0; b < this.bands; b++) {
      const bk = `${b}:${Array.from(sig.subarray(b * this.rows, (b + 1) * this.rows)).join(",")}`;
      bandKeys.push(bk);
      for (const other of this.buckets.get(bk) ?? []) {
        if (seen.has(other)) continue;
        seen.add(other);
        const os = this.signatures.get(other)!;
        let eq = 0;
        for (let j = 0; j < sig.length; j++) if (sig[j] === os[j]) eq++;
        const sim = eq / sig.length;
        if (sim >= this.threshold && sim > best.similarity) best = { duplicateOf: other, kind: "near", similarity: sim };
      }
    }
    for (const bk of bandKeys) {
      const list = this.buckets.get(bk);
      if (list) list.push(id);
      else this.buckets.set(bk, [id]);
    }
    this.signatures.set(id, sig);
    return best;
  }
}
