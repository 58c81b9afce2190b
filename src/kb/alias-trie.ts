// Token-keyed trie over folded alias words: each token window costs one Map lookup while scanning.
import { fold } from "../core/normalize.js";

export interface TrieNode<H> {
  next: Map<string, TrieNode<H>> | null;
  hits: H[] | null;
}

/**
 * The key of one word token: folded (case, diacritics, ß), inner apostrophes dropped, so that
 * the text token "Putin’s" and an alias word are compared on the same footing.
 */
export function tokenKey(raw: string): string {
  const f = fold(raw);
  return f.includes("'") || f.includes("’") ? f.replace(/['’]/g, "") : f;
}

/** Alias text → keys, split the way the tokenizer splits text (hyphens, periods, spaces separate words). */
export function aliasKeys(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{M}\p{N}'’]+/u)
    .map((w) => w.replace(/['’]/g, "").replace(/\p{M}/gu, ""))
    .filter(Boolean);
}

export class AliasTrie<H> {
  readonly root: TrieNode<H> = { next: new Map(), hits: null };
  maxWords = 1;

  add(keys: string[], hit: H, same: (a: H, b: H) => boolean): void {
    if (!keys.length) return;
    let node = this.root;
    for (const k of keys) {
      node.next ??= new Map();
      let child = node.next.get(k);
      if (!child) {
        child = { next: null, hits: null };
        node.next.set(k, child);
      }
      node = child;
    }
    node.hits ??= [];
    if (!node.hits.some((h) => same(h, hit))) node.hits.push(hit);
    if (keys.length > this.maxWords) this.maxWords = keys.length;
  }

  /** Exact lookup of a whole key sequence. */
  get(keys: string[]): H[] | undefined {
    let node: TrieNode<H> | undefined = this.root;
    for (const k of keys) {
      node = node.next?.get(k);
      if (!node) return undefined;
    }
    return node.hits ?? undefined;
  }
}
