// Who speaks in a reporting frame: a named person (KB or not), an institution, a pronoun's antecedent, or an anonymous source.
import type { Document, EntityType, Mention } from "../../core/types.js";
import type { KnowledgeBase } from "../../kb/kb.js";
import { ff, type QuoteLex } from "./lex.js";
import { mentionAt, nameAround } from "./names.js";
import { isCap, tokenize, type Tok } from "./tokens.js";

export interface Speaker {
  /** Entity key, or the name as written when the KB does not know the person; null for anonymous sources. */
  entity: string | null;
  note?: string;
  medium?: string | null;
  rule: string;
  /** The words that name the speaker in the frame. */
  span?: { start: number; end: number };
}

/** Someone a later pronoun can point back to. */
export interface Referent {
  pos: number;
  entity: string;
  type: EntityType;
  gender: "m" | "f" | null;
  /** Clause-initial, i.e. likely the subject the next sentence continues with. */
  subject: boolean;
}

export interface SpeakerCtx {
  doc: Document;
  kb: KnowledgeBase | null;
  lex: QuoteLex;
  /** Mentions that can name a speaker (no adjectives or prefixes), sorted by start. */
  mentions: Mention[];
  /** Referents in text order; quote speakers are added as the stage proceeds. */
  referents: Referent[];
}

export type CandKind = "entity" | "name" | "pronoun" | "anon" | "spokes" | "surname" | "role";
export interface Cand {
  kind: CandKind;
  first: number;
  last: number;
  start: number;
  end: number;
  entity?: string;
  type?: EntityType;
  text: string;
  /** Not a subject: after a preposition, a dative article, or the addressee of "told". */
  object: boolean;
  /** After a source preposition ("aus Diplomatenkreisen", "from officials"). */
  source: boolean;
}

const ANON_DE_SUFFIX = ["kreisen", "kreise", "quelle", "quellen", "insidern"];

/** `f`: the folded word. */
function isAnon(l: QuoteLex, f: string): boolean {
  if (l.anonymous.has(f)) return true;
  return l.lang === "de" && ANON_DE_SUFFIX.some((s) => f.length > s.length + 3 && f.endsWith(s));
}
function isSpokes(l: QuoteLex, f: string): boolean {
  if (l.spokesperson.has(f)) return true;
  return l.lang === "de" && (f.endsWith("sprecher") || f.endsWith("sprecherin"));
}

/** Walks back from token `i` over titles, articles and adjectives; returns the index of the governing word or -1. */
function governor(toks: Tok[], i: number, l: QuoteLex, mentions: readonly Mention[]): number {
  let k = i - 1;
  while (k >= 0) {
    const t = toks[k]!;
    if (!t.word) {
      if (t.text === "-" || t.text === "." || t.text === "’" || t.text === "'") {
        k--;
        continue;
      }
      return -1;
    }
    const f = t.f;
    // "Secretary of State": a preposition inside a title.
    if (l.prepositions.has(f) && k > 0 && l.titles.has(toks[k - 1]!.f) && l.titles.has((toks[k + 1]?.f ?? ""))) {
      k--;
      continue;
    }
    const m = mentionAt(mentions, t.start);
    // Adjectives by ending: German inflection; in English only adjective suffixes, never verb endings (-s, -ed).
    const adjective = !isCap(t.text) && (l.lang === "de" ? /(e|en|er|es|em)$/ : /(ian|ese|ish|ic|al|ary|ior|ive|ous|ern)$/).test(f) && !l.prepositions.has(f) && !l.verbs.has(f);
    if (l.titles.has(f) || l.media.has(f) || (l.lang === "de" && l.mediaList.some((w) => f.endsWith(w) && f.length > w.length + 1)) || (l.determiners.has(f) && !(l.lang === "de" && (f === "dem" || f === "den"))) || adjective || (m && (m.form === "adjective" || m.form === "prefix"))) {
      k--;
      continue;
    }
    return k;
  }
  return -1;
}

function hasMention(mentions: readonly Mention[], from: number, to: number): boolean {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.start < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < mentions.length && mentions[lo]!.start < to;
}

/** Candidate speakers in frame tokens; `names` also reads unknown names from capitals. */
function candidates(c: SpeakerCtx, toks: Tok[], names = true): Cand[] {
  const l = c.lex;
  const text = c.doc.text;
  const out: Cand[] = [];
  const genitives = new Set<Cand>();
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    if (!t.word) continue;
    const m = mentionAt(c.mentions, t.start);
    let cand: Cand | null = null;
    // A mention that covers only the front of a compound ("EU-Außenbeauftragte") modifies it; it does not speak.
    if (m && m.end < t.end && m.form !== "role") continue;
    const f0 = t.f;
    const pronounLike = l.pron.m.has(f0) || l.pron.f.has(f0) || l.pron.n.has(f0) || l.pron.plural.has(f0);
    // One-word person matches that are pronouns or function words ("He" → Liu He, "In" → Moon Jae-in) are not names.
    const falseName = m && m.type === "person" && m.form !== "role" && m.start === t.start && m.end === t.end && (pronounLike || l.stopCaps.has(t.text));
    if (m && m.start >= toks[0]!.start && !falseName) {
      let last = k;
      while (last + 1 < toks.length && toks[last + 1]!.start < m.end) last++;
      // A KB first name or surname glued to an unknown surname ("Bruce Klingner") is that unknown person.
      const nm = m.type === "person" && last === k ? nameAround(toks, k, l, c.mentions, m) : null;
      if (nm && nm.end > m.end) cand = { kind: "name", first: nm.first, last: nm.last, start: nm.start, end: nm.end, text: text.slice(nm.start, nm.end), object: false, source: false };
      else cand = { kind: "entity", first: k, last, start: m.start, end: m.end, entity: m.entity, type: m.type, text: m.text, object: false, source: false };
    } else if (names && isCap(t.text)) {
      const nm = nameAround(toks, k, l, c.mentions);
      if (nm && nm.first >= k) cand = { kind: "name", first: nm.first, last: nm.last, start: nm.start, end: nm.end, text: text.slice(nm.start, nm.end), object: false, source: false };
    }
    const f = t.f;
    if (!cand) {
      if (l.pron.m.has(f) || l.pron.f.has(f) || l.pron.n.has(f) || l.pron.plural.has(f) || l.pron.impersonal.has(f)) {
        cand = { kind: "pronoun", first: k, last: k, start: t.start, end: t.end, text: t.text, object: false, source: false };
      } else if (isAnon(l, f)) {
        cand = { kind: "anon", first: k, last: k, start: t.start, end: t.end, text: t.text, object: false, source: false };
      } else if (isSpokes(l, f)) {
        cand = { kind: "spokes", first: k, last: k, start: t.start, end: t.end, text: t.text, object: false, source: false };
      } else if (l.titles.has(f) && k > 0 && l.determiners.has(toks[k - 1]!.f) && !(toks[k + 1]?.word && isCap(toks[k + 1]!.text) && l.lang === "en")) {
        // "der Präsident erklärte", "the president said": a role without a name points back to the last person.
        cand = { kind: "role", first: k, last: k, start: t.start, end: t.end, text: t.text, object: false, source: false };
      } else if (isCap(t.text) && !l.stopCaps.has(t.text) && !l.titles.has(f) && !l.verbs.has(f) && !l.nouns.has(f) && !l.orgHeads.has(f) && t.text.length > 1 && t.text !== t.text.toUpperCase()) {
        // A lone capitalized word: an earlier person's surname ("said Casin"); in German only when such a person exists.
        const known = knownNameWords(c).has(f) && c.referents.some((r) => r.pos < t.start && r.type === "person" && nameWords(r.entity, c).includes(f));
        if (known || (l.lang === "en" && !(k > 0 && l.determiners.has(toks[k - 1]!.f))))
          cand = { kind: "surname", first: k, last: k, start: t.start, end: t.end, text: t.text, object: false, source: false };
      }
    }
    if (!cand) continue;
    const g = governor(toks, cand.first, l, c.mentions);
    if (g >= 0) {
      const gf = toks[g]!.f;
      if (l.sourcePrepositions.has(gf)) cand.source = true;
      if (l.prepositions.has(gf)) cand.object = true;
      const lemma = l.verbs.get(gf);
      if (l.lang === "en" && lemma === "tell") cand.object = true;
      // German dative/accusative articles mark objects: "sagte er dem Sender Fox News".
      if (l.lang === "de" && (gf === "dem" || gf === "den")) cand.object = true;
    }
    // Genitive attributes are not the subject: "Putins Sprecher", "Putin's aide".
    if (cand.kind === "entity" && (/['’]s$/.test(cand.text) || (m && m.provenance.rule.includes("genitive")))) genitives.add(cand);
    out.push(cand);
    k = cand.last;
  }
  // Genitives are not the subject when a named person follows ("Putins Berater Juri Uschakow", "Putin's aide Yuri
  // Ushakov"); before a plain noun they stand for the speaker ("China's leadership insists").
  for (const g of genitives) {
    const i = out.indexOf(g);
    const nx = out[i + 1];
    if (nx && nx.first - g.last <= 5 && (nx.kind === "name" || (nx.kind === "entity" && nx.type === "person"))) g.object = true;
  }
  // "a senior State Department official": an institution qualifying an anonymous head is an anonymous source;
  // "a State Department spokesperson" speaks for the institution.
  for (let i = 0; i + 1 < out.length; i++) {
    const a = out[i]!;
    const b = out[i + 1]!;
    if (a.kind === "entity" && b.kind === "anon" && b.first - a.last <= 2) {
      b.text = text.slice(a.start, b.end);
      b.object = a.object;
      b.source = a.source;
      out.splice(i, 1);
      i--;
    } else if (a.kind === "entity" && b.kind === "spokes" && b.first - a.last <= 2) {
      out.splice(i + 1, 1);
    }
  }
  // A spokesperson title directly followed by a name is part of that name's noun phrase.
  return out.filter((x, i) => !(x.kind === "spokes" && out[i + 1] && out[i + 1]!.first - x.last <= 1));
}

/** Word tokens before each token index (one extra entry for the end): word distances without recounting. */
function wordIndexes(toks: Tok[]): Int32Array {
  const out = new Int32Array(toks.length + 1);
  for (let i = 0; i < toks.length; i++) out[i + 1] = out[i]! + (toks[i]!.word ? 1 : 0);
  return out;
}

/** The speaker of a frame; `verbAt` is the offset of the reporting word, `side` where the frame stands relative to the quote. */
export function frameSpeaker(c: SpeakerCtx, from: number, to: number, verbAt: number, side: "after" | "before"): Speaker | null {
  const l = c.lex;
  const toks = tokenize(c.doc.text, from, to);
  const vi = toks.findIndex((t) => t.start === verbAt);
  if (vi < 0) return null;
  const cands = candidates(c, toks);
  const wi = wordIndexes(toks);
  const wordIndex = (_: Tok[], i: number) => wi[i]!;
  const medium = findMedium(c, toks, cands);
  const vf = toks[vi]!.f;
  // "erfuhr die Agentur aus Diplomatenkreisen": the source follows a source preposition.
  if (l.sourceVerbs.has(vf)) {
    const src = cands.find((x) => x.source && x.first > vi);
    return src ? toSpeaker(c, src, "source-verb", medium) : { entity: null, note: "no source named", medium, rule: "source-verb" };
  }
  // "hieß es", "heißt es": impersonal, unless an institution is named as the source ("aus dem Weißen Haus").
  const next = toks[vi + 1];
  if (next && l.pron.impersonal.has(next.f) && l.impersonal.some((p) => p.startsWith(vf))) {
    const src = cands.find((x) => x.source && (x.kind === "entity" || x.kind === "anon"));
    if (src) return toSpeaker(c, src, "impersonal-source", medium);
    // "Biden reagierte mit einer Erklärung. Er sei …, hieß es darin.": the previous sentence's subject.
    const prev = previousSubject(c, from);
    if (prev) return { ...toSpeaker(c, prev, "impersonal-previous-subject", medium), note: `"${toks[vi]!.text} ${next.text}" after ${prev.text}` };
    return { entity: null, note: `${toks[vi]!.text} ${next.text}`, medium, rule: "impersonal" };
  }
  const subj = cands.filter((x) => !x.object);
  // After the verb, the subject stands in the verb's own clause, before any comma ("erklärte, es sei …" has none).
  const after = subj.filter((x) => x.first > vi && wordIndex(toks, x.first) - wordIndex(toks, vi) <= 7 && !toks.slice(vi + 1, x.first).some((t) => t.text === "," || t.text === ":"));
  const before = subj.filter((x) => x.last < vi && clauseLinked(toks, x.last, vi, x.kind === "name" || x.kind === "surname" || x.type === "person"));
  let pick: Cand | undefined;
  if (l.lang === "en" && /ing$/.test(vf)) {
    // "…, saying …", "he told VOA, adding that …": the participle's subject is the clause's, from the frame's start.
    pick = subj.find((x) => x.last < vi);
  } else if (side === "after") {
    const wordsBefore = wordIndex(toks, vi);
    pick = wordsBefore === 0 ? after[0] : before[0] ?? after[0];
  } else if (l.lang === "de" && !toks.slice(vi + 1).some((t) => t.word) && toks.slice(0, vi).some((t) => l.auxiliaries.has(t.text.toLowerCase()))) {
    // Verb-final frame ("hatte Trump dem Sender gesagt, dass"): the subject comes first in the clause.
    pick = before[0];
  } else if (l.lang === "de") {
    pick = after.find((x) => wordIndex(toks, x.first) - wordIndex(toks, vi) <= 2) ?? before[before.length - 1] ?? after[0];
  } else {
    pick = before[before.length - 1] ?? after[0];
  }
  // "der Berater im Präsidentenbüro, Serhij Leschtschenko": a role followed by its name in apposition is that name.
  if (pick && (pick.kind === "role" || pick.kind === "spokes" || pick.kind === "anon")) {
    const i = cands.indexOf(pick);
    const nx = cands.slice(i + 1).find((x) => !x.object || x.kind === "name" || x.type === "person");
    if (nx && (nx.kind === "name" || (nx.kind === "entity" && nx.type === "person")) && /^[^,.;:]*,\s*$/.test(c.doc.text.slice(pick.end, nx.start))) pick = nx;
  }
  // "A report by the State Department said …": with no subject named, the source after "by"/"von" speaks.
  pick ??= cands.find((x) => x.source && x.last < vi && (x.kind === "entity" || x.kind === "name"));
  if (!pick) return medium ? { entity: null, note: "no speaker in frame", medium, rule: "no-subject" } : null;
  return toSpeaker(c, pick, side === "after" ? "frame-after" : "frame-before", medium);
}

/** The clause-initial subject of the sentence before the one holding `pos`, if it names someone. */
export function previousSubject(c: SpeakerCtx, pos: number): Cand | null {
  const sents = c.doc.layers.sentences ?? [];
  let i = sents.findIndex((s) => s.start <= pos && pos < s.end);
  if (i < 0) i = sents.findIndex((s) => s.start > pos);
  const prev = sents[i - 1];
  // The source must be the sentence right before, in the same paragraph; quoted sentences are skipped over.
  if (!prev || prev.paragraph !== sents[i]?.paragraph) return null;
  // A speaker or clause-initial person named there ("teilte die Sprecherin …, Emily Horne, mit. …, hieß es").
  for (let k = c.referents.length - 1; k >= 0; k--) {
    const r = c.referents[k]!;
    if (r.pos >= prev.end) continue;
    if (r.pos < prev.start) break;
    if (r.subject && r.type === "person") {
      const toksR = tokenize(c.doc.text, r.pos, prev.end);
      const t0 = toksR[0];
      if (t0) return { kind: c.kb?.entity(r.entity) ? "entity" : "name", first: 0, last: 0, start: t0.start, end: t0.end, entity: r.entity, type: "person", text: c.kb?.entity(r.entity) ? t0.text : r.entity, object: false, source: false };
    }
  }
  const toks = tokenize(c.doc.text, prev.start, prev.end);
  const first = candidates(c, toks).find((x) => !x.object);
  if (!first || first.kind === "surname" || first.kind === "spokes" || governor(toks, first.first, c.lex, c.mentions) >= 0) return null;
  return first;
}

/** True when token `a` and the verb at `v` are in one clause: no comma between, or only an apposition ("X, a fellow at Y, said"). */
function clauseLinked(toks: Tok[], a: number, v: number, person = true): boolean {
  const commas: number[] = [];
  for (let k = a + 1; k < v; k++) {
    const t = toks[k]!.text;
    if (t === "," || t === ";" || t === ":" || t === "–" || t === "—") commas.push(k);
  }
  if (!commas.length) return true;
  // Apposition: a person's name followed directly by a comma (after an optional "(69)"), and a comma before the verb.
  let n = a + 1;
  if (toks[n]?.text === "(") while (n < v && toks[n]!.text !== ")") n++;
  if (toks[n]?.text === ")") n++;
  return person && toks[n]?.text === "," && toks[v - 1]!.text === "," && commas.length <= 5;
}

function findMedium(c: SpeakerCtx, toks: Tok[], cands: Cand[]): string | null {
  const l = c.lex;
  const text = c.doc.text;
  if (!toks.length) return null;
  const frame = text.slice(toks[0]!.start, toks[toks.length - 1]!.end);
  const pm = platformPattern(l).exec(frame);
  if (pm) return pm[1]!;
  for (const x of cands) {
    if (x.kind !== "entity" && x.kind !== "name") continue;
    const kind = x.entity && c.kb ? c.kb.entity(x.entity)?.kind : undefined;
    // "US-Sender Fox News" → "Fox News": the outlet without the word that introduces it.
    if (kind === "outlet" || kind === "agency") return stripMediaWord(l, x.text);
    // "dem US-Sender Fox News", "told the newspaper Kommersant"
    const prev = toks[x.first - 1];
    if (prev && prev.word) {
      const pf = prev.f;
      if (l.mediaList.some((w) => pf.endsWith(w))) return x.text;
    }
  }
  return null;
}

const platformCache = new Map<string, RegExp>();
/** "auf X", "via Truth Social", "on Telegram": one pattern for all platforms, compiled once per language. */
function platformPattern(l: QuoteLex): RegExp {
  let re = platformCache.get(l.lang);
  if (!re) {
    const esc = (p: string) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const preps = l.mediaPrepositions.map(esc).join("|");
    const names = [...l.platforms].sort((a, b) => b.length - a.length).map(esc).join("|");
    re = new RegExp(`(?:^|[\\s(])(?:${preps})\\s+(?:[\\p{L}-]+\\s+)?(${names})(?![\\p{L}\\p{N}])`, "u");
    platformCache.set(l.lang, re);
  }
  return re;
}

function stripMediaWord(l: QuoteLex, s: string): string {
  const sp = s.indexOf(" ");
  if (sp < 0) return s;
  const first = ff(s.slice(0, sp));
  return l.mediaList.some((w) => first.endsWith(w)) ? s.slice(sp + 1) : s;
}

export function toSpeaker(c: SpeakerCtx, x: Cand, rule: string, medium: string | null): Speaker {
  return { ...speakerOf(c, x, rule, medium), span: { start: x.start, end: x.end } };
}

function speakerOf(c: SpeakerCtx, x: Cand, rule: string, medium: string | null): Speaker {
  switch (x.kind) {
    case "entity": {
      const kind = x.entity && c.kb ? c.kb.entity(x.entity)?.kind : undefined;
      return { entity: x.entity!, rule: `${rule}:${x.type}${kind === "outlet" || kind === "agency" ? ":outlet" : ""}`, medium };
    }
    case "name":
      return { entity: x.text, note: "name not in the knowledge base", rule: `${rule}:unknown-name`, medium };
    case "anon":
      return { entity: null, note: `anonymous: ${x.text}`, rule: `${rule}:anonymous`, medium };
    case "role": {
      const r = lastReferent(c, x.start, (p) => p.type === "person");
      return { entity: r?.entity ?? null, note: `role "${x.text}"${r ? "" : " without antecedent"}`, rule: `${rule}:role`, medium };
    }
    case "spokes": {
      const r = lastReferent(c, x.start, (p) => p.type !== "person");
      return { entity: r?.entity ?? null, note: `spokesperson of ${r?.entity ?? "?"}`, rule: `${rule}:spokesperson`, medium };
    }
    case "surname": {
      const r = [...c.referents].reverse().find((p) => p.pos < x.start && p.type === "person" && nameWords(p.entity, c).includes(ff(x.text)));
      const u = r ? null : unknownContaining(c, x.start, ff(x.text));
      if (u) return { entity: u, note: `part of the name "${u}"`, rule: `${rule}:name-part`, medium };
      return { entity: r?.entity ?? x.text, note: r ? `surname "${x.text}"` : "name not in the knowledge base", rule: `${rule}:surname`, medium };
    }
    case "pronoun": {
      const f = ff(x.text);
      const l = c.lex;
      const want = l.pron.m.has(f) ? "m" : l.pron.f.has(f) ? "f" : l.pron.n.has(f) ? "n" : "pl";
      if (l.pron.impersonal.has(f) && !l.pron.n.has(f)) return { entity: null, note: `impersonal "${x.text}"`, rule: `${rule}:impersonal`, medium };
      const r =
        want === "n"
          ? lastReferent(c, x.start, (p) => p.type !== "person")
          : lastReferent(c, x.start, (p) => p.type === "person" && (p.gender == null || p.gender === want || want === "pl"));
      return { entity: r?.entity ?? null, note: `pronoun "${x.text}"${r ? "" : " without antecedent"}`, rule: `${rule}:pronoun`, medium };
    }
  }
}

/** The last unknown name before `pos` that has `word` as its first or last word. */
function unknownContaining(c: SpeakerCtx, pos: number, word: string): string | null {
  for (let i = c.referents.length - 1; i >= 0; i--) {
    const r = c.referents[i]!;
    if (r.pos >= pos || r.type !== "person" || c.kb?.entity(r.entity)) continue;
    const parts = ff(r.entity).split(/\s+/);
    if (parts.length > 1 && (parts[0] === word || parts[parts.length - 1] === word)) return r.entity;
  }
  return null;
}

/** The first and last word of a person's name: Western surnames come last, Chinese and Korean ones first ("Xi"). */
/** First and last name words of all person referents so far, refreshed when the list grows. */
const knownCache = new WeakMap<Referent[], { n: number; words: Set<string> }>();
function knownNameWords(c: SpeakerCtx): Set<string> {
  let k = knownCache.get(c.referents);
  if (!k) knownCache.set(c.referents, (k = { n: 0, words: new Set<string>() }));
  // The list only grows by push (buildReferents) or by addReferent, which adds its words itself: new words only.
  for (; k.n < c.referents.length; k.n++) {
    const r = c.referents[k.n]!;
    if (r.type === "person") for (const w of nameWords(r.entity, c)) k.words.add(w);
  }
  return k.words;
}

const nameWordsCache = new Map<string, string[]>();
function nameWords(entity: string, c: SpeakerCtx): string[] {
  const hit = nameWordsCache.get(entity);
  if (hit) return hit;
  const name = c.kb?.entity(entity)?.name ?? entity;
  const parts = ff(name).split(/\s+/);
  const out = parts.length > 1 ? [parts[0]!, parts[parts.length - 1]!] : parts;
  if (nameWordsCache.size > 10000) nameWordsCache.clear();
  nameWordsCache.set(entity, out);
  return out;
}

/** The referent a pronoun at `pos` points back to: the last clause-initial one nearby, else the last one. */
function lastReferent(c: SpeakerCtx, pos: number, fits: (r: Referent) => boolean): Referent | undefined {
  let any: Referent | undefined;
  for (let i = c.referents.length - 1; i >= 0; i--) {
    const r = c.referents[i]!;
    if (r.pos >= pos) continue;
    if (pos - r.pos > 1500) break;
    if (!fits(r)) continue;
    if (r.subject && pos - r.pos < 700) return r;
    any ??= r;
  }
  return any;
}

/** Referents of a document: KB mentions and (English) unknown names, each marked clause-initial or not. */
export function buildReferents(c: Omit<SpeakerCtx, "referents">, quoted: readonly { open: number; close: number }[] = []): Referent[] {
  const text = c.doc.text;
  const out: Referent[] = [];
  const l = c.lex;
  // People named inside a quotation are talked about, not talking: "he said" after it points elsewhere.
  const insideQuote = (pos: number) => quoted.some((q) => q.open < pos && pos < q.close && q.close - q.open > 30);
  for (const s of c.doc.layers.sentences ?? []) {
    // German referents are the KB's mentions; unknown names are only read in English, where capitals mark names.
    if (l.lang !== "en" && !hasMention(c.mentions, s.start, s.end)) continue;
    const toks = tokenize(text, s.start, s.end);
    const cands = candidates({ ...c, referents: out }, toks, l.lang === "en");
    for (const x of cands) {
      if (x.kind === "surname") {
        // "Countryman sees …" after "Thomas Countryman": the known unknown person again.
        const full = unknownContaining({ ...c, referents: out }, x.start, ff(x.text));
        if (full && !insideQuote(x.start)) out.push({ pos: x.start, entity: full, type: "person", gender: null, subject: !x.object && governor(toks, x.first, l, c.mentions) < 0 });
        continue;
      }
      if (x.kind !== "entity" && !(x.kind === "name" && l.lang === "en")) continue;
      if (insideQuote(x.start)) continue;
      const g = governor(toks, x.first, l, c.mentions);
      const gt = g >= 0 ? toks[g]! : undefined;
      const clauseInitial = g < 0 || (gt !== undefined && /^(und|and|but|aber)$/i.test(gt.text));
      const nextTok = toks[x.last + 1];
      const beforeVerb = !!nextTok && l.verbs.has(nextTok.f);
      const e = x.entity && c.kb ? c.kb.entity(x.entity) : undefined;
      out.push({
        pos: x.start,
        entity: x.kind === "name" ? x.text : x.entity!,
        type: x.kind === "name" ? "person" : x.type!,
        gender: e?.gender ?? null,
        subject: !x.object && (clauseInitial || beforeVerb),
      });
    }
  }
  return out;
}

/** Records a quote's speaker as a referent, so that "he said" after it points back to it. */
export function addReferent(c: SpeakerCtx, pos: number, entity: string): void {
  const e = c.kb?.entity(entity);
  const r: Referent = { pos, entity, type: e ? e.type : "person", gender: e?.gender ?? null, subject: true };
  // Keep the name-word cache of this list in step: bring it up to date, then count the inserted referent (it may
  // land before the end, where the catch-up loop would not see it).
  const k = knownCache.get(c.referents);
  if (k) knownNameWords(c);
  let i = c.referents.length;
  while (i > 0 && c.referents[i - 1]!.pos > pos) i--;
  c.referents.splice(i, 0, r);
  if (k) {
    k.n++;
    if (r.type === "person") for (const w of nameWords(r.entity, c)) k.words.add(w);
  }
}
