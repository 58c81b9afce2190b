// Finds entity mentions: KB aliases over token windows (with German inflection), role nouns resolved by date.
import { lexicon } from "../../core/lexicon.js";
import { fold } from "../../core/normalize.js";
import type { Document, Mention, Token } from "../../core/types.js";
import type { AliasHit, KnowledgeBase } from "../../kb/kb.js";

interface RoleNoun {
  kind?: string;
  office?: string;
}

interface Candidate {
  startTok: number;
  endTok: number;
  hits: AliasHit[];
  rule: string;
}

const ADJ_ENDINGS = ["en", "em", "er", "es", "e"];

function roleNouns(lang: string): Map<string, RoleNoun> {
  const key = `role-nouns:${lang}`;
  let m = roleCache.get(key);
  if (!m) {
    m = new Map();
    for (const l of [lang, ...(lang === "de" ? ["en"] : ["de"])]) {
      const d = lexicon<{ nouns: Record<string, RoleNoun> }>(l, "role-nouns", { nouns: {} });
      for (const [k, v] of Object.entries(d.nouns)) if (!m.has(fold(k))) m.set(fold(k), v);
    }
    roleCache.set(key, m);
  }
  return m;
}
const roleCache = new Map<string, Map<string, RoleNoun>>();

const isUpper = (s: string) => /^\p{Lu}/u.test(s);

/** Looks up the token window [i, k] as an alias; tries German genitive -s and adjective endings on the last word. */
function lookupWindow(kb: KnowledgeBase, words: string[], lastRaw: string): { hits: AliasHit[]; rule: string } | null {
  const key = words.join(" ");
  const direct = kb.lookup(key);
  if (direct) return { hits: direct, rule: "alias" };
  const last = words[words.length - 1]!;
  const head = words.slice(0, -1);
  // Genitive: "Putins", "Selenskyjs", "Putin's", "Russlands".
  const gen = last.replace(/(['’]s|s['’]?)$/, "");
  if (gen !== last && gen.length >= 3) {
    const hits = kb.lookup([...head, gen].join(" "))?.filter((h) => h.form === "name" || h.form === "surname" || h.form === "seat");
    if (hits?.length) return { hits, rule: "alias-genitive" };
  }
  // German adjectives are indexed as stems: "russischen" → "russisch".
  if (!isUpper(lastRaw) || words.length === 1) {
    for (const end of ADJ_ENDINGS) {
      if (last.endsWith(end) && last.length > end.length + 3) {
        const hits = kb.lookup([...head, last.slice(0, -end.length)].join(" "))?.filter((h) => h.form === "adjective");
        if (hits?.length) return { hits, rule: "alias-adjective" };
      }
    }
  }
  return null;
}

/** Scans each sentence's tokens for the longest alias match, left to right. */
export function findAliasCandidates(doc: Document, kb: KnowledgeBase): Candidate[] {
  const tokens = doc.layers.tokens!;
  const text = doc.text;
  const out: Candidate[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (t.kind !== "word" && t.kind !== "number") {
      i++;
      continue;
    }
    let best: Candidate | null = null;
    const words: string[] = [];
    for (let k = i; k < tokens.length && words.length < kb.maxWords; k++) {
      const tk = tokens[k]!;
      if (tk.sentence !== t.sentence) break;
      if (tk.kind === "punct") {
        // Glued hyphens and periods stay inside names: "al-Sisi", "U.S.", "Kim Jong-un".
        const prev = tokens[k - 1]!;
        const next = tokens[k + 1];
        const glued = prev.end === tk.start && next && next.start === tk.end && (text[tk.start] === "-" || text[tk.start] === ".");
        if (glued && k > i) continue;
        if (text[tk.start] === "." && prev.end === tk.start && words.length) {
          // "U.S." – try the form with its final period folded away, then stop.
          continue;
        }
        break;
      }
      const raw = text.slice(tk.start, tk.end);
      words.push(fold(raw));
      if (words.length === 1 && !kb.firstWords.has(words[0]!)) {
        // Only inflected forms can still match a single word.
        const hit = lookupWindow(kb, words, raw);
        if (hit) best = { startTok: i, endTok: k, ...hit };
        break;
      }
      const hit = lookupWindow(kb, words, raw);
      if (hit) best = { startTok: i, endTok: k, ...hit };
    }
    if (best) {
      out.push(best);
      i = best.endTok + 1;
    } else i++;
  }
  return out;
}

/** Picks one entity per candidate, using case, document context and the document date. */
export function resolveMentions(doc: Document, kb: KnowledgeBase, cands: Candidate[], date: string | null, stoplist: Set<string>): Mention[] {
  const text = doc.text;
  const tokens = doc.layers.tokens!;
  const out: Mention[] = [];
  const fullySeen = new Set<string>();
  for (const c of cands) {
    const start = tokens[c.startTok]!.start;
    const end = tokens[c.endTok]!.end;
    const surface = text.slice(start, end);
    const upper = isUpper(surface);
    let hits = c.hits;
    // Names must be capitalized; only German adjectives are lower-case.
    hits = hits.filter((h) => (h.form === "adjective" ? true : upper));
    if (!hits.length) continue;
    const names = hits.filter((h) => h.form !== "surname");
    let chosen: AliasHit | undefined;
    if (names.length) {
      chosen = pickByContext(names, fullySeen, kb, date);
    } else {
      // A surname alone: a person named in full earlier, else the only KB person with that surname.
      const seen = hits.filter((h) => fullySeen.has(h.id));
      if (seen.length) chosen = seen[0];
      else if (!stoplist.has(fold(surface))) {
        const active = date ? hits.filter((h) => kb.roleAt(h.id, date)) : [];
        chosen = hits.length === 1 ? hits[0] : active.length === 1 ? active[0] : undefined;
      }
    }
    if (!chosen) continue;
    const e = kb.entity(chosen.id);
    if (!e) continue;
    if (chosen.form === "name" && e.type === "person") fullySeen.add(e.id);
    const form: Mention["form"] =
      chosen.form === "seat" ? "metonym" : chosen.form === "adjective" || chosen.form === "demonym" ? "adjective" : chosen.form === "prefix" ? "prefix" : chosen.form === "surname" ? "surname" : "name";
    out.push({
      start,
      end,
      text: surface,
      entity: e.id,
      type: e.type,
      form,
      provenance: { stage: "mentions", rule: `${c.rule}:${chosen.form}`, detail: e.name },
    });
  }
  return out;
}

function pickByContext(hits: AliasHit[], seen: Set<string>, kb: KnowledgeBase, date: string | null): AliasHit {
  if (hits.length === 1) return hits[0]!;
  const s = hits.find((h) => seen.has(h.id));
  if (s) return s;
  if (date) {
    const active = hits.find((h) => kb.roleAt(h.id, date));
    if (active) return active;
  }
  // Prefer countries over places of the same name ("Georgia"), people over organizations.
  const order = ["person", "country", "organization", "location", "other"];
  return [...hits].sort((a, b) => order.indexOf(kb.entity(a.id)?.type ?? "other") - order.indexOf(kb.entity(b.id)?.type ?? "other"))[0]!;
}

/** Role nouns ("Kremlchef", "der russische Präsident", "US-Außenminister") resolved to the office holder at `date`. */
export function findRoleMentions(doc: Document, kb: KnowledgeBase, mentions: Mention[], date: string | null): Mention[] {
  if (!date) return [];
  const nouns = roleNouns(doc.meta.language);
  const tokens = doc.layers.tokens!;
  const text = doc.text;
  const out: Mention[] = [];
  const byStart = new Map<number, Mention>();
  for (const m of mentions) byStart.set(m.start, m);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== "word") continue;
    // Try two-word role nouns first ("foreign minister"), then one word.
    let noun: RoleNoun | undefined;
    let endTok = i;
    const two = tokens[i + 1] && tokens[i + 1]!.kind === "word" ? fold(text.slice(t.start, tokens[i + 1]!.end)) : null;
    if (two && nouns.has(two)) {
      noun = nouns.get(two);
      endTok = i + 1;
    } else noun = nouns.get(fold(text.slice(t.start, t.end)));
    if (!noun) continue;
    // A role noun directly followed by a person's name is an apposition: the name mention covers it.
    const after = tokens[endTok + 1];
    const nextMention = after ? byStart.get(after.start) : undefined;
    if (nextMention && nextMention.type === "person") continue;
    let office = noun.office ?? null;
    if (!office && noun.kind) {
      const owner = countryBefore(tokens, i, byStart, text);
      if (!owner) continue;
      const offices = kb.officesOf(owner, noun.kind);
      office = offices[0]?.id ?? null;
    }
    if (!office) continue;
    const holders = kb.holders(office, date);
    if (holders.length !== 1) continue;
    const startTok = prefixStart(tokens, i, byStart, text);
    const start = tokens[startTok]!.start;
    const end = tokens[endTok]!.end;
    out.push({
      start,
      end,
      text: text.slice(start, end),
      entity: holders[0]!.id,
      type: "person",
      form: "role",
      provenance: { stage: "mentions", rule: "role-noun", detail: `${office} on ${date}` },
    });
  }
  return out;
}

/** The country named right before a role noun: "russische Präsident", "US-Präsident". */
function countryBefore(tokens: Token[], i: number, byStart: Map<number, Mention>, text: string): string | null {
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const t = tokens[k]!;
    if (text[t.start] === "-" || text[t.start] === ".") continue;
    const m = byStart.get(t.start);
    if (m && (m.type === "country" || m.type === "organization")) return m.entity;
    if (t.kind !== "word") return null;
  }
  return null;
}

function prefixStart(tokens: Token[], i: number, byStart: Map<number, Mention>, text: string): number {
  // Include a glued prefix ("US-Präsident") in the role mention's span.
  const h = tokens[i - 1];
  const p = tokens[i - 2];
  if (h && p && text[h.start] === "-" && h.start === p.end && h.end === tokens[i]!.start && byStart.get(p.start)) return i - 2;
  return i;
}
