// Token features for the German NER tagger: word form, affixes, shape, neighbours, and what the KB and the other finders say.
import type { Document, Mention } from "../../core/types.js";
import { gazetteer } from "../../kb/gazetteer.js";
import type { KnowledgeBase } from "../../kb/kb.js";
import type { NameLexicon } from "../mentions/name-lexicon.js";

/** Word shape with runs collapsed: "Merkel" → "Xx", "EU-Kommission" → "X-Xx", "G20" → "Xd". */
function shapeOf(w: string): string {
  let out = "";
  let last = "";
  for (const ch of w) {
    const c = /\p{Lu}/u.test(ch) ? "X" : /\p{Ll}/u.test(ch) ? "x" : /\p{N}/u.test(ch) ? "d" : ch;
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

/** What the rule-based finders made of a mention: class of rule, so the model learns how far to trust each. */
function ruleFamily(m: Mention): string {
  const r = m.provenance.rule;
  const head = r.split(":")[0]!;
  return `${m.type}/${m.form}/${head}`;
}

export interface TokenInfo {
  /** The token's text. */
  raw: string;
  /** The word's folded key (null for punctuation). */
  key: string | null;
  lower: string;
  shape: string;
  /** What the KB, the gazetteer and the name lexicons say of the word; shared between tokens, never changed. */
  lex: readonly string[];
  /** The other finders' mentions over this token. */
  stack: string[];
}

/** Lexicon marks by word key, per KB and name lexicon: words recur, so each is looked up once. */
const lexCache = new WeakMap<KnowledgeBase, WeakMap<NameLexicon, Map<string, string[]>>>();
export function lexMarks(key: string, kb: KnowledgeBase, names: NameLexicon): string[] {
  let byNames = lexCache.get(kb);
  if (!byNames) lexCache.set(kb, (byNames = new WeakMap()));
  let cache = byNames.get(names);
  if (!cache) byNames.set(names, (cache = new Map()));
  let marks = cache.get(key);
  if (marks) return marks;
  marks = [];
  const gz = gazetteer().index;
  const hits = kb.trie.hits.get(key);
  if (hits) {
    const seen = new Set<string>();
    for (const h of hits) {
      const f = `kb=${kb.entity(h.id)?.type ?? "other"}/${h.form}`;
      if (!seen.has(f)) {
        seen.add(f);
        marks.push(f);
      }
    }
  }
  if (kb.trie.prefixes.has(key)) marks.push("kbpre");
  const rows = gz.hits.get(key);
  if (rows) marks.push(rows.some((r) => r[5] === 1) ? "gz=word" : "gz");
  if (gz.prefixes.has(key)) marks.push("gzpre");
  if (names.firstNames.has(key)) marks.push("fn");
  if (names.ambiguousFirstNames.has(key)) marks.push("fn?");
  if (names.titles.has(key)) marks.push("title");
  if (names.nonNameWords.has(key)) marks.push("nonname");
  if (names.functionWords.has(key)) marks.push("func");
  if (names.particles.has(key)) marks.push("particle");
  if (cache.size > 200_000) cache.clear();
  cache.set(key, marks);
  return marks;
}

/** Lower-case form and shape by raw word: one lookup per token, and the shared strings keep their hashes for later lookups. */
const forms = new Map<string, { lower: string; shape: string }>();
function formOf(w: string): { lower: string; shape: string } {
  let f = forms.get(w);
  if (f === undefined) {
    f = { lower: w.toLowerCase(), shape: shapeOf(w) };
    if (forms.size > 200_000) forms.clear();
    forms.set(w, f);
  }
  return f;
}

/**
 * Per-token information for a whole document. `mentions` are the other finders' mentions:
 * their type, form and rule family become features (stacking), with B/I position.
 */
export function tokenInfos(doc: Document, keys: (string | null)[], mentions: readonly Mention[], kb: KnowledgeBase, names: NameLexicon): TokenInfo[] {
  const tokens = doc.layers.tokens!;
  const text = doc.text;
  const infos: TokenInfo[] = new Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const w = text.slice(t.start, t.end);
    const key = keys[i] ?? null;
    const f = formOf(w);
    infos[i] = { raw: w, key, lower: f.lower, shape: f.shape, lex: key != null ? lexMarks(key, kb, names) : [], stack: [] };
  }
  // Stacked features: the other finders' verdicts, by token position inside each mention.
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  let k = 0;
  for (const m of sorted) {
    while (k < tokens.length && tokens[k]!.end <= m.start) k++;
    const fam = ruleFamily(m);
    for (let j = k; j < tokens.length && tokens[j]!.start < m.end; j++) {
      const pos = j === k ? "B" : "I";
      const last = j + 1 >= tokens.length || tokens[j + 1]!.start >= m.end ? "E" : "";
      infos[j]!.stack.push(`m=${fam}:${pos}`, `mt=${m.type}:${pos}${last}`);
    }
  }
  return infos;
}

/** Memo for groups of features that depend on one word only (the tagger caches them across documents). */
export type FeatureMemo = (key: string, make: () => string[]) => string[];
const noMemo: FeatureMemo = (_k, make) => make();

/** Features of a word on its own: form, affixes, shape, length. */
export function wordFeatures(w: string, shape: string, cap: boolean, first: boolean): string[] {
  const f = [
    "b",
    `w=${w}`,
    `s=${shape}`,
    `p2=${w.slice(0, 2)}`,
    `p3=${w.slice(0, 3)}`,
    `p4=${w.slice(0, 4)}`,
    `x2=${w.slice(-2)}`,
    `x3=${w.slice(-3)}`,
    `x4=${w.slice(-4)}`,
    `x5=${w.slice(-5)}`,
    `c=${cap ? 1 : 0}${first ? "f" : ""}`,
    `len=${Math.min(w.length, 12)}`,
  ];
  if (first && cap) f.push(`fw=${w}`);
  return f;
}

/** Feature strings for tokens [from, to) of one sentence. */
export function sentenceFeatures(doc: Document, infos: TokenInfo[], from: number, to: number, memo: FeatureMemo = noMemo): string[][] {
  const tokens = doc.layers.tokens!;
  const text = doc.text;
  const out: string[][] = [];
  const at = (i: number) => (i >= from && i < to ? infos[i]! : null);
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    const inf = infos[i]!;
    const w = inf.lower;
    const raw = text.slice(t.start, t.end);
    const cap = /^\p{Lu}/u.test(raw);
    const first = i === from;
    const glueL = i > from && tokens[i - 1]!.end === t.start;
    const glueR = i + 1 < to && tokens[i + 1]!.start === t.end;
    const f: string[] = [...memo(`${first ? "f" : "w"}${raw}`, () => wordFeatures(w, inf.shape, cap, first))];
    if (glueL) f.push(`gl=${text.slice(tokens[i - 1]!.start, tokens[i - 1]!.end)}`);
    if (glueR) f.push(`gr=${text.slice(tokens[i + 1]!.start, tokens[i + 1]!.end)}`);
    for (const m of inf.lex) f.push(m);
    for (const m of inf.stack) f.push(m);
    for (const [d, name] of [
      [-1, "l"],
      [1, "r"],
      [-2, "l2"],
      [2, "r2"],
    ] as const) {
      const o = at(i + d);
      if (!o) {
        f.push(`${name}=<s>`);
        continue;
      }
      if (d === -1 || d === 1) {
        f.push(...memo(`${name}${o.lower}\t${o.shape}`, () => [`${name}w=${o.lower}`, `${name}s=${o.shape}`, `${name}x3=${o.lower.slice(-3)}`]));
        if (o.lex.length) f.push(...memo(`${name}:${o.key}`, () => o.lex.map((m) => `${name}:${m}`)));
        for (const m of o.stack) if (!m.startsWith("m=")) f.push(`${name}:${m}`);
      } else f.push(...memo(`${name}${o.lower}`, () => [`${name}w=${o.lower}`]));
    }
    const l = at(i - 1);
    const r = at(i + 1);
    f.push(`ls+s+rs=${l?.shape ?? "<s>"}|${inf.shape}|${r?.shape ?? "</s>"}`);
    out.push(f);
  }
  return out;
}
