// Finds entity mentions: KB aliases over a token trie (genitives, typos), unknown people by pattern, role nouns by date.
import { startsUpper } from "../../core/chars.js";
import { lexicon } from "../../core/lexicon.js";
import { fold } from "../../core/normalize.js";
import type { Document, Mention, Token } from "../../core/types.js";
import { aliasKeys, tokenKey } from "../../kb/alias-trie.js";
import type { AliasHit, KbEntity, KnowledgeBase } from "../../kb/kb.js";
import type { NameLexicon } from "./name-lexicon.js";
import type { LocalPerson, LocalSpan } from "./unknown-persons.js";

interface RoleNoun {
  kind?: string;
  office?: string;
  /** The office meant when no country is named ("der Kanzler" in a German text). */
  defaultOffice?: string;
}

export interface Candidate {
  startTok: number;
  endTok: number;
  hits: AliasHit[];
  rule: string;
}
function roleNouns(lang: string): RoleData {
  const key = `role-nouns:${lang}`;
  let m = roleCache.get(key);
  if (!m) {
    m = { nouns: new Map(), blockers: new Set(), firstKeys: new Set() };
    for (const l of [lang, ...(lang === "de" ? ["en"] : ["de"])]) {
      const d = lexicon<{ nouns: Record<string, RoleNoun>; blockers?: string[] }>(l, "role-nouns", { nouns: {} });
      for (const [k, v] of Object.entries(d.nouns)) {
        const key = aliasKeys(k).join(" ");
        if (!m.nouns.has(key)) m.nouns.set(key, v);
        m.firstKeys.add(key.split(" ")[0]!);
      }
      for (const b of d.blockers ?? []) m.blockers.add(fold(b));
    }
    roleCache.set(key, m);
  }
  return m;
}
interface RoleData {
  nouns: Map<string, RoleNoun>;
  blockers: Set<string>;
  /** First word of every role noun: most tokens are rejected with one Set lookup. */
  firstKeys: Set<string>;
}
const roleCache = new Map<string, RoleData>();

const isUpper = startsUpper;

/** The trie key of every word and number token (null for punctuation), computed once per document. */
export function tokenKeys(doc: Document): (string | null)[] {
  const text = doc.text;
  return doc.layers.tokens!.map((t) => (t.kind === "word" || t.kind === "number" ? tokenKey(text.slice(t.start, t.end)) : null));
}

const GENITIVE_FORMS = new Set(["name", "surname", "seat"]);

/**
 * Longest KB alias match at each token, left to right: one trie step per token. The last word
 * may carry a genitive -s ("Putins", "Trump’s"); a long capitalized word that matches nothing
 * may be a one-letter typo of a known surname ("Selensykj").
 */
export function findAliasCandidates(doc: Document, kb: KnowledgeBase, keys: (string | null)[]): Candidate[] {
  const tokens = doc.layers.tokens!;
  const text = doc.text;
  const out: Candidate[] = [];
  const index = kb.trie;
  let i = 0;
  while (i < tokens.length) {
    if (keys[i] == null) {
      i++;
      continue;
    }
    let best: Candidate | null = null;
    let acc = "";
    for (let k = i; k < tokens.length; k++) {
      const tk = tokens[k]!;
      if (tk.sentence !== tokens[i]!.sentence) break;
      const key = keys[k];
      if (key == null) {
        // Glued hyphens and periods stay inside names: "al-Sisi", "U.S.", "Kim Jong-un".
        const ch = text[tk.start];
        const next = tokens[k + 1];
        if (k > i && (ch === "-" || ch === ".") && tokens[k - 1]!.end === tk.start && next && next.start === tk.end && keys[k + 1] != null) continue;
        // "U.S. military": an abbreviation's final period, then the alias goes on after the space.
        if (k > i && ch === "." && tokens[k - 1]!.end === tk.start && next && keys[k + 1] != null && index.prefixes.has(acc)) continue;
        break;
      }
      const prev = acc;
      if (prev) {
        // Neither the word nor its genitive stem continues an alias here: no joined window can match or extend.
        const n = index.next.get(prev);
        if (!n || (!n.has(key) && !(key.length >= 5 && key.endsWith("s") && n.has(key.slice(0, -1))))) break;
      }
      acc = prev ? `${prev} ${key}` : key;
      const hits = index.hits.get(acc);
      if (hits) best = { startTok: i, endTok: k, hits, rule: "alias" };
      else if (key.length >= 5 && key.endsWith("s")) {
        const g = index.hits.get(prev ? `${prev} ${key.slice(0, -1)}` : key.slice(0, -1))?.filter((h) => GENITIVE_FORMS.has(h.form));
        if (g?.length) best = { startTok: i, endTok: k, hits: g, rule: "alias-genitive" };
      }
      if (!index.prefixes.has(acc)) break;
    }
    if (!best && keys[i]!.length >= 8 && startsUpper(text[tokens[i]!.start]!)) {
      const key = keys[i]!;
      const words = kb.typoCandidates(key);
      const stem = key.endsWith("s") ? kb.typoCandidates(key.slice(0, -1)) : [];
      const hits: AliasHit[] = [];
      for (const w of [...words, ...stem]) for (const h of index.hits.get(w) ?? []) if (h.form === "surname") hits.push(h);
      if (hits.length) best = { startTok: i, endTok: i, hits, rule: "alias-typo" };
    }
    if (best) {
      out.push(best);
      i = best.endTok + 1;
    } else i++;
  }
  return out;
}

/** Tokens covered by a KB match that is not a bare surname: unknown names never cross them. */
export function blockedTokens(n: number, cands: Candidate[], kb: KnowledgeBase): Uint8Array {
  const b = new Uint8Array(n);
  for (const c of cands) {
    if (c.hits.every((h) => h.form === "surname")) continue;
    // 2: a single word that a first name before it may claim for a person ("Wolfgang Wagner").
    const v = c.startTok === c.endTok && !c.hits.some((h) => h.form === "name" && kb.entity(h.id)?.type === "person") ? 2 : 1;
    for (let k = c.startTok; k <= c.endTok; k++) b[k] = v;
  }
  return b;
}

export interface ResolveContext {
  stoplist: Set<string>;
  /** Folded words that make a following seat name a place ("in", "nach"). */
  placeCues: Set<string>;
  /** Organization names that are also common words: never matched alone. */
  ambiguousOutlets: Set<string>;
  names: NameLexicon;
  locals: LocalSpan[];
  german: boolean;
}

/** Picks one entity per candidate, using case, the document's other mentions and its date. */
export function resolveMentions(doc: Document, kb: KnowledgeBase, cands: Candidate[], keys: (string | null)[], date: string | null, rc: ResolveContext): Mention[] {
  const text = doc.text;
  const tokens = doc.layers.tokens!;
  const out: Mention[] = [];
  // People named in full anywhere in the document: their surnames alone refer to them.
  const fullySeen = new Set<string>();
  for (const c of cands)
    if (c.rule !== "alias-typo" && c.endTok > c.startTok) for (const h of c.hits) if (h.form === "name" && kb.entity(h.id)?.type === "person") fullySeen.add(h.id);
  // A typo only stands for someone the document also spells right, or a head of state or government.
  const namedElsewhere = new Set<string>();
  for (const c of cands) if (c.rule !== "alias-typo") for (const h of c.hits) if (h.form === "name" || h.form === "surname") namedElsewhere.add(h.id);
  const localBySurname = new Map<string, LocalPerson>();
  for (const l of rc.locals) for (const s of l.person.surnames) if (!localBySurname.has(s.join(" "))) localBySurname.set(s.join(" "), l.person);
  const inLocal = new Uint8Array(tokens.length);
  for (const l of rc.locals) for (let k = l.startTok; k <= l.endTok; k++) inLocal[k] = 1;

  for (const c of cands) {
    if (inLocal[c.startTok] || inLocal[c.endTok]) continue;
    const start = tokens[c.startTok]!.start;
    const end = tokens[c.endTok]!.end;
    const surface = text.slice(start, end);
    const upper = isUpper(surface);
    if (c.startTok === c.endTok && keys[c.startTok] != null) {
      const k0 = keys[c.startTok]!;
      if (kb.acronymOnly(k0) && surface !== surface.toUpperCase()) continue;
      // Outlets named by a common word ("Welt", "Bild") are not matched alone.
      if (rc.ambiguousOutlets.has(k0) && c.hits.every((h) => kb.entity(h.id)?.type === "organization")) continue;
    }
    // Names must be capitalized; only German adjectives are lower-case.
    const hits = c.hits.filter((h) => (h.form === "adjective" ? true : upper));
    if (!hits.length) continue;
    const names = hits.filter((h) => h.form !== "surname");
    let chosen: AliasHit | undefined;
    let localPerson: LocalPerson | undefined;
    if (names.length) {
      // A seat of government is the state as an actor ("Moskau warnte"), a place after a preposition ("in Moskau").
      const seat = names.find((h) => h.form === "seat");
      const placeHit = seat ? names.find((h) => h.form === "name" && kb.entity(h.id)?.type === "location") : undefined;
      if (seat && placeHit) chosen = placeBefore(tokens, keys, c.startTok, rc.placeCues) ? placeHit : seat;
      else chosen = pickByContext(names, fullySeen, kb, date);
    } else {
      // "He said" is no Chinese surname, "SU" no Su Tseng-chang.
      if (rc.names.functionWords.has(keys[c.startTok]!) && (c.startTok === 0 || tokens[c.startTok - 1]!.sentence !== tokens[c.startTok]!.sentence || tokens[c.startTok - 1]!.kind === "punct")) continue;
      if (surface.length <= 4 && surface === surface.toUpperCase()) continue;
      const seen = hits.filter((h) => fullySeen.has(h.id));
      const key = keys.slice(c.startTok, c.endTok + 1).filter((k) => k != null).join(" ");
      const folded = key.replace(/s$/, "");
      if (seen.length) chosen = seen[0];
      else if ((localPerson = localBySurname.get(key) ?? localBySurname.get(folded))) chosen = undefined;
      else if (surnameAloneAllowed(c, keys, tokens, text, rc, fold(surface))) {
        const active = date ? hits.filter((h) => kb.roleAt(h.id, date)) : [];
        if (c.rule === "alias-typo") chosen = hits.find((h) => namedElsewhere.has(h.id)) ?? (active.length === 1 && leads(kb, active[0]!.id, date) ? active[0] : undefined);
        else chosen = hits.length === 1 ? hits[0] : active.length === 1 ? active[0] : undefined;
      }
    }
    if (localPerson) {
      out.push({ start, end, text: surface, entity: localPerson.id, type: "person", form: "surname", provenance: { stage: "mentions", rule: "local-surname", detail: localPerson.name } });
      continue;
    }
    if (!chosen) continue;
    const e = kb.entity(chosen.id);
    if (!e) continue;
    let form: Mention["form"] =
      chosen.form === "seat" ? "metonym" : chosen.form === "adjective" || chosen.form === "demonym" ? "adjective" : chosen.form === "prefix" ? "prefix" : chosen.form === "surname" ? "surname" : "name";
    // The first part of a compound ("Nato-Staaten", "Grünen-Spitzenkandidat") names no entity by itself.
    const h = tokens[c.endTok + 1];
    if (form !== "adjective" && h && text[h.start] === "-" && h.start === end && tokens[c.endTok + 2]?.start === h.end && tokens[c.endTok + 2]!.kind === "word") form = "prefix";
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

/**
 * A known surname alone, for someone not named in full: not a common word, and not one word of a
 * longer unknown name ("Liri Berisha", "Wu Haitao" are other people than the KB's Berisha and Wu).
 */
function surnameAloneAllowed(c: Candidate, keys: (string | null)[], tokens: Token[], text: string, rc: ResolveContext, folded: string): boolean {
  if (rc.stoplist.has(folded) || rc.stoplist.has(folded.replace(/s$/, ""))) return false;
  const key = keys[c.startTok]!;
  if (c.startTok === c.endTok && (rc.names.ambiguousFirstNames.has(key) || rc.names.firstNames.has(key))) return false;
  const nameLike = (k: number) => {
    const t = tokens[k];
    if (!t || t.kind !== "word" || t.sentence !== tokens[c.startTok]!.sentence) return false;
    const kk = keys[k]!;
    if (!startsUpper(text[t.start]!) || rc.names.nonNameWords.has(kk) || rc.names.titles.has(kk) || rc.names.functionWords.has(kk)) return false;
    // German nouns are capitalized: only a first name before the surname makes it a longer name.
    return rc.german ? rc.names.firstNames.has(kk) : true;
  };
  const prev = c.startTok - 1;
  const next = c.endTok + 1;
  const gluedPrev = prev >= 0 && tokens[prev]!.end + 1 >= tokens[c.startTok]!.start;
  const gluedNext = next < tokens.length && tokens[c.endTok]!.end + 1 >= tokens[next]!.start;
  if (gluedPrev && nameLike(prev) && !(prev === 0 || tokens[prev - 1]!.sentence !== tokens[prev]!.sentence) ) return false;
  if (gluedNext && nameLike(next) && !rc.german) return false;
  return true;
}

/** Mentions of unknown people: their full names, then their surnames alone where nothing else matched. */
export function localMentions(doc: Document, keys: (string | null)[], locals: LocalSpan[], taken: Mention[]): Mention[] {
  const tokens = doc.layers.tokens!;
  const text = doc.text;
  const out: Mention[] = [];
  for (const l of locals) {
    const start = tokens[l.startTok]!.start;
    const end = tokens[l.endTok]!.end;
    out.push({ start, end, text: text.slice(start, end), entity: l.person.id, type: "person", form: "name", provenance: { stage: "mentions", rule: l.rule, detail: l.person.name } });
  }
  if (!locals.length) return out;
  const covered = new Uint8Array(text.length + 1);
  for (const m of [...taken, ...out]) for (let p = m.start; p < m.end; p++) covered[p] = 1;
  const firstAt = new Map<string, number>();
  for (const l of locals) if (!firstAt.has(l.person.id)) firstAt.set(l.person.id, tokens[l.startTok]!.start);
  const bySurname = new Map<string, LocalPerson>();
  for (const l of locals) for (const s of l.person.surnames) if (!bySurname.has(s.join(" "))) bySurname.set(s.join(" "), l.person);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (keys[i] == null || covered[t.start] || !startsUpper(text[t.start]!)) continue;
    for (const n of [3, 2, 1]) {
      const idx: number[] = [];
      for (let k = i; k < tokens.length && idx.length < n; k++) {
        if (keys[k] != null) idx.push(k);
        else if (!(text[tokens[k]!.start] === "-" && tokens[k - 1]!.end === tokens[k]!.start)) break;
      }
      if (idx.length < n) continue;
      const ks = idx.map((k) => keys[k]!);
      const last = ks[ks.length - 1]!;
      const p = bySurname.get(ks.join(" ")) ?? (last.length > 3 && last.endsWith("s") ? bySurname.get([...ks.slice(0, -1), last.slice(0, -1)].join(" ")) : undefined);
      if (!p || (firstAt.get(p.id) ?? 0) > t.start) continue;
      const endTok = idx[idx.length - 1]!;
      const end = tokens[endTok]!.end;
      if (covered[end - 1]) continue;
      out.push({ start: t.start, end, text: text.slice(t.start, end), entity: p.id, type: "person", form: "surname", provenance: { stage: "mentions", rule: "local-surname", detail: p.name } });
      i = endTok;
      break;
    }
  }
  return out;
}

function placeBefore(tokens: Token[], keys: (string | null)[], i: number, cues: Set<string>): boolean {
  const p = tokens[i - 1];
  return !!p && p.sentence === tokens[i]!.sentence && keys[i - 1] != null && cues.has(keys[i - 1]!);
}

function leads(kb: KnowledgeBase, id: string, date: string | null): boolean {
  const e = kb.entity(id);
  if (!e || !date) return false;
  return e.roles.some((r) => {
    const kind = kb.offices.get(r.office)?.kind;
    return (kind === "head-of-state" || kind === "head-of-government") && kb.holders(r.office, date).some((h) => h.id === id);
  });
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
export function findRoleMentions(doc: Document, kb: KnowledgeBase, mentions: Mention[], date: string | null, keys: (string | null)[]): Mention[] {
  if (!date) return [];
  const { nouns, blockers, firstKeys } = roleNouns(doc.meta.language);
  const tokens = doc.layers.tokens!;
  const text = doc.text;
  const out: Mention[] = [];
  // The mention covering each token, so "U.S. president" finds "U.S" across its period.
  const at: (Mention | undefined)[] = new Array(tokens.length);
  let mi = 0;
  const sorted = [...mentions].sort((x, y) => x.start - y.start);
  for (let k = 0; k < tokens.length && mi < sorted.length; k++) {
    while (mi < sorted.length && sorted[mi]!.end <= tokens[k]!.start) mi++;
    const m = sorted[mi];
    if (m && m.start <= tokens[k]!.start && tokens[k]!.end <= m.end) at[k] = m;
  }
  const year = +date.slice(0, 4);
  const pastYear = new Uint8Array(tokens.length ? tokens[tokens.length - 1]!.sentence + 1 : 0);
  for (let k = 0; k < tokens.length; k++) {
    const tk = tokens[k]!;
    if (tk.kind === "number" && tk.end - tk.start === 4) {
      const y = +text.slice(tk.start, tk.end);
      if (y >= 1900 && y < year - 1) pastYear[tk.sentence] = 1;
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== "word" || !firstKeys.has(keys[i]!) || at[i]?.type === "person") continue;
    // Longest role noun first: "secretary of state", "Kreml-Sprecher", "foreign minister", "Präsident".
    let noun: RoleNoun | undefined;
    let endTok = i;
    let acc = keys[i]!;
    const words = [i];
    for (let k = i + 1; k < tokens.length && words.length < 4; k++) {
      const tk = tokens[k]!;
      if (tk.kind === "punct" && text[tk.start] === "-" && tk.start === tokens[k - 1]!.end) continue;
      if (tk.kind !== "word" || tk.sentence !== t.sentence || tk.start > tokens[k - 1]!.end + 1) break;
      words.push(k);
    }
    noun = nouns.get(acc);
    for (let w = 1; w < words.length; w++) {
      acc += " " + keys[words[w]!]!;
      const n = nouns.get(acc);
      if (n) {
        noun = n;
        endTok = words[w]!;
      }
    }
    if (!noun) continue;
    // A role noun directly followed by a person's name is an apposition: the name mention covers it.
    if (at[endTok + 1]?.type === "person") continue;
    let office: string | null = null;
    const owner = noun.kind ? (countryBefore(tokens, i, at, text) ?? countryAfter(tokens, endTok, at)) : null;
    let holders: KbEntity[] = [];
    if (owner && noun.kind) {
      // The main office of that kind first: "Prime Minister" before "Alternate Prime Minister".
      const offices = kb.officesOf(owner, noun.kind).sort((x, y) => +/(deputy|vice|alternate|acting|first-)/.test(x.id) - +/(deputy|vice|alternate|acting|first-)/.test(y.id));
      for (const o of offices) {
        const h = kb.holders(o.id, date);
        if (h.length === 1) {
          office = o.id;
          holders = h;
          break;
        }
      }
    } else if (noun.office ?? noun.defaultOffice) {
      office = (noun.office ?? noun.defaultOffice)!;
      holders = kb.holders(office, date);
    }
    if (!office || holders.length !== 1) continue;
    const startTok = owner ? ownerStart(tokens, i, at) : i;
    // "former US president", "der ehemalige Kanzler": someone else than today's holder.
    // Up to three words back, across hyphens ("a two-term Danish prime minister", "served as NATO secretary general").
    let blocked = false;
    for (let b = startTok - 1, n = 0; b >= 0 && n < 3 && tokens[b]!.sentence === t.sentence; b--) {
      if (keys[b] == null) {
        if (text[tokens[b]!.start] === "-") continue;
        break;
      }
      n++;
      if (blockers.has(keys[b]!)) blocked = true;
    }
    if (blocked) continue;
    // A sentence about an earlier year ("in 1950, our secretary of state") is not about today's holder.
    if (pastYear[t.sentence]) continue;
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
    i = endTok;
  }
  return out;
}

/** The token right before a role noun, across a glued hyphen or an abbreviation's period ("US-Präsident", "U.S. president"). */
function ownerTok(tokens: Token[], i: number, text: string): number {
  let k = i - 1;
  if (k >= 1 && (text[tokens[k]!.start] === "-" || text[tokens[k]!.start] === ".") && tokens[k]!.end - tokens[k]!.start === 1 && tokens[k - 1]!.end === tokens[k]!.start) k--;
  return k;
}

/** The country or organization named right before a role noun: "russische Präsident", "US-Präsident", "Russia's president". */
function countryBefore(tokens: Token[], i: number, at: (Mention | undefined)[], text: string): string | null {
  const k = ownerTok(tokens, i, text);
  const m = k >= 0 && tokens[k]!.sentence === tokens[i]!.sentence ? at[k] : undefined;
  return m && (m.type === "country" || m.type === "organization") ? m.entity : null;
}

/** A country in the genitive right after the role noun: "der Präsident Frankreichs". */
function countryAfter(tokens: Token[], endTok: number, at: (Mention | undefined)[]): string | null {
  const m = at[endTok + 1];
  return m && m.type === "country" && m.provenance.rule.startsWith("alias-genitive") && tokens[endTok + 1]!.sentence === tokens[endTok]!.sentence ? m.entity : null;
}

/** First token of the role phrase: the owner mention's first token when it comes before the noun. */
function ownerStart(tokens: Token[], i: number, at: (Mention | undefined)[]): number {
  const k = i - 1 >= 0 && at[i - 1] ? i - 1 : i - 2 >= 0 && at[i - 2] ? i - 2 : -1;
  if (k < 0) return i;
  let s = k;
  const m = at[k]!;
  while (s > 0 && at[s - 1] === m) s--;
  return tokens[s]!.start === m.start ? s : i;
}
