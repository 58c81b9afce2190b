// Token-keyed trie over folded alias words: each token window costs one Map lookup while scanning.
import { fold } from "../core/normalize.js";

/**
 * The key of one word token: folded (case, diacritics, ß), inner apostrophes dropped, so that
 * the text token "Putin’s" and an alias word are compared on the same footing.
 */
export function tokenKey(raw: string): string {
  // Plain ASCII without apostrophes (most tokens) is only lower-cased: cheaper than the cache lookup.
  if (plainAscii(raw)) return raw.toLowerCase();
  let k = keyCache.get(raw);
  if (k !== undefined) return k;
  k = foldKey(raw);
  // Words repeat across articles: a bounded cache saves the Unicode normalization.
  if (keyCache.size > 50_000) keyCache.clear();
  keyCache.set(raw, k);
  return k;
}
const keyCache = new Map<string, string>();

function plainAscii(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c > 127 || c === 39) return false;
  }
  return true;
}

/** tokenKey without the cache: for one-off keys such as KB aliases at load time. */
function foldKey(raw: string): string {
  let k: string;
  if (plainAscii(raw)) k = raw.toLowerCase();
  else {
    const f = fold(raw).replace(/\p{M}/gu, "");
    k = f.includes("'") || f.includes("’") ? f.replace(/['’]/g, "") : f;
  }
  return k;
}

/** Alias text → keys, split the way the tokenizer splits text (hyphens, periods, spaces separate words). */
export function aliasKeys(text: string): string[] {
  const out: string[] = [];
  for (const w of text.split(SPLIT)) if (w) out.push(foldKey(w));
  return out;
}
const SPLIT = /[^\p{L}\p{M}\p{N}'’]+/u;

/**
 * Aliases keyed by their folded words joined with single spaces, plus the set of every proper
 * word prefix, so a scan extends a window while `prefixes` has it and looks it up in `hits`:
 * two flat Maps instead of one Map per trie node keep loading fast and light on memory.
 */
export class AliasTrie<H> {
  readonly hits = new Map<string, H[]>();
  readonly prefixes = new Set<string>();
  /**
   * The words that can follow each proper prefix: a scan asks this before joining the next word onto the window,
   * so the common prefix words ("the", "der", "said") do not build and hash a joined string for every occurrence.
   */
  readonly next = new Map<string, Set<string>>();
  maxWords = 1;

  add(keys: string[], hit: H, same: (a: H, b: H) => boolean): void {
    if (!keys.length) return;
    let acc = keys[0]!;
    for (let i = 1; i < keys.length; i++) {
      this.prefixes.add(acc);
      let n = this.next.get(acc);
      if (!n) this.next.set(acc, (n = new Set()));
      n.add(keys[i]!);
      acc += " " + keys[i]!;
    }
    const list = this.hits.get(acc);
    if (!list) this.hits.set(acc, [hit]);
    else if (!list.some((h) => same(h, hit))) list.push(hit);
    if (keys.length > this.maxWords) this.maxWords = keys.length;
  }

  /** Exact lookup of a whole key sequence. */
  get(keys: string[]): H[] | undefined {
    return this.hits.get(keys.join(" "));
  }
}
