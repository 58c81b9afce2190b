// Loads and precompiles the event lexicons of one language: triggers by word form, status cues and context words.
import { lexicon, reportingVerbForms } from "../../core/lexicon.js";
import { fold } from "../../core/normalize.js";
import type { EventStatus, EventType } from "../../core/types.js";

export type Tense = "past" | "present" | "participle" | "infinitive" | "noun";

/** One lexicon entry (a verb or a noun family) as written in lexicons/<lang>/events.json. */
interface RawEntry {
  type: EventType;
  mode?: string | null;
  needs?: string[];
  not?: string[];
  prev?: string[];
  prevNot?: string[];
  next?: string[];
  nextNot?: string[];
  role?: "host";
  status?: EventStatus;
  requirePlace?: boolean;
  needsParty?: number;
  /** A talk that may have been held in person or by phone ("sprechen", "speak"): it joins a call as well as a meeting. */
  modeFree?: boolean;
  past?: string[];
  present?: string[];
  participle?: string[];
  infinitive?: string[];
  forms?: string[];
  heads?: string[];
}

/** A compiled trigger: what one word form proposes, and the conditions on its clause. */
export interface TriggerDef {
  type: EventType;
  mode: string | null;
  tense: Tense;
  needs: Set<string> | null;
  not: Set<string> | null;
  prev: Set<string> | null;
  prevNot: Set<string> | null;
  next: Set<string> | null;
  nextNot: Set<string> | null;
  host: boolean;
  status: EventStatus | null;
  requirePlace: boolean;
  needsParty: number;
  modeFree: boolean;
  /** The same form is also this entry's participle ('telefoniert'): with a perfect auxiliary it is past. */
  alsoParticiple: boolean;
  /** The entry's first form, for provenance. */
  lemma: string;
}

/** A cue phrase as folded words. */
export type Phrase = string[];

/** Phrases indexed by their first word, for one Map lookup per token. */
export type PhraseIndex = Map<string, { words: Phrase; tag: string }[]>;

export interface EventLexicon {
  words: Map<string, TriggerDef[]>;
  /** Compound heads indexed by their last three letters. */
  heads: Map<string, { head: string; defs: TriggerDef[] }[]>;
  blocked: Set<string>;
  /** Status cue phrases, tag = status name (or "negation"). */
  status: PhraseIndex;
  attribution: Set<string>;
  locationPreps: Set<string>;
  subjectPronouns: Set<string>;
  groupNouns: Set<string>;
  multilateral: Set<string>;
  remote: Set<string>;
  outcome: PhraseIndex;
  hereWords: Set<string>;
  listJoiners: Set<string>;
  topicPreps: Set<string>;
  afterPreps: Set<string>;
  bothWords: Set<string>;
  perfectAux: Set<string>;
  framePreps: Set<string>;
  bilateral: Set<string>;
  genitiveArticles: Set<string>;
  genitiveAfterNoun: Set<string>;
  attributionPost: Set<string>;
  infinitiveMarkers: Set<string>;
  complementizers: Set<string>;
  venueInstitutions: Set<string>;
  determiners: Set<string>;
  phrasePreps: Set<string>;
  /** "in talks", "at the summit", "bei dem Treffen": the meeting is the occasion of its sentence's main act. */
  occasionPreps: Set<string>;
  relativeWords: Set<string>;
  articlePreps: Set<string>;
  meetingTopicPreps: Set<string>;
  rescheduleTo: Set<string>;
  /** Folded cancellation cue words that mean "moved", not "called off", when a new date follows. */
  rescheduled: Set<string>;
  objectPronouns: Set<string>;
  partnerPreps: Set<string>;
  sincePreps: Set<string>;
  subordinators: Set<string>;
  topicPlaceNouns: Set<string>;
  stateNouns: Set<string>;
  progressiveAux: Set<string>;
  /** Folded seat name → kb place id of its city ("weißen haus" → place:washington). */
  seatCities: Map<string, string>;
  negation: Set<string>;
  /** Reporting verbs (lexicons/<lang>/reporting.json): the name next to one is the speaker. */
  reporting: Set<string>;
  weekdays: Set<string>;
}

/** The order in which status categories outrank each other when several cues stand in one clause. */
export const STATUS_RANK: string[] = ["denied", "cancelled", "rejected", "promised", "proposed", "requested", "ongoing", "held", "planned"];

const cache = new Map<string, EventLexicon>();
const set = (xs: string[] | undefined) => (xs && xs.length ? new Set(xs.map(fold)) : null);
const tail = (s: string) => s.slice(-3);

function indexPhrases(groups: Record<string, string[]>): PhraseIndex {
  const idx: PhraseIndex = new Map();
  for (const [tag, list] of Object.entries(groups)) {
    if (tag.startsWith("_") || !Array.isArray(list)) continue;
    for (const p of list) {
      const words = fold(p).split(/[^\p{L}\p{N}']+/u).filter(Boolean);
      if (!words.length) continue;
      const arr = idx.get(words[0]!) ?? [];
      arr.push({ words, tag });
      idx.set(words[0]!, arr);
    }
  }
  return idx;
}

/** The compiled lexicon for `lang` (cached: compiled once per process). */
export function eventLexicon(lang: string): EventLexicon {
  const hit = cache.get(lang);
  if (hit) return hit;
  const raw = lexicon<{ verbs?: RawEntry[]; nouns?: RawEntry[]; blocked?: string[] }>(lang, "events", {});
  const st = lexicon<Record<string, string[]>>(lang, "event-status", {});
  const cues = lexicon<Record<string, string[]> & { seatCities?: Record<string, string> }>(lang, "event-cues", {});
  const time = lexicon<{ weekdays?: Record<string, number> }>(lang, "time", {});
  const words = new Map<string, TriggerDef[]>();
  const heads = new Map<string, { head: string; defs: TriggerDef[] }[]>();
  const add = (form: string, def: TriggerDef) => {
    const f = fold(form);
    if (f.includes(" ")) return; // single tokens only; multi-word forms are expressed with needs/next
    const list = words.get(f) ?? [];
    list.push(def);
    words.set(f, list);
  };
  const compile = (e: RawEntry, tense: Tense, lemma: string, form = ""): TriggerDef => ({
    type: e.type,
    mode: e.mode ?? null,
    tense,
    needs: set(e.needs),
    not: set(e.not),
    prev: set(e.prev),
    prevNot: set(e.prevNot),
    next: set(e.next),
    nextNot: set(e.nextNot),
    host: e.role === "host",
    status: e.status ?? null,
    requirePlace: e.requirePlace ?? false,
    needsParty: e.needsParty ?? 1,
    modeFree: e.modeFree ?? false,
    alsoParticiple: tense === "present" && (e.participle ?? []).some((p) => fold(p) === form),
    lemma,
  });
  for (const e of raw.verbs ?? []) {
    const lemma = fold((e.infinitive?.[0] ?? e.present?.[0] ?? e.past?.[0] ?? "?") as string);
    for (const tense of ["past", "present", "participle", "infinitive"] as const) for (const f of e[tense] ?? []) add(f, compile(e, tense, lemma, fold(f)));
  }
  for (const e of raw.nouns ?? []) {
    const lemma = fold(e.forms?.[0] ?? "?");
    const def = compile(e, "noun", lemma);
    for (const f of e.forms ?? []) add(f, def);
    for (const h of e.heads ?? []) {
      const fh = fold(h);
      const list = heads.get(tail(fh)) ?? [];
      const slot = list.find((x) => x.head === fh);
      if (slot) slot.defs.push(def);
      else list.push({ head: fh, defs: [def] });
      list.sort((a, b) => b.head.length - a.head.length);
      heads.set(tail(fh), list);
    }
  }
  const statusGroups: Record<string, string[]> = {};
  for (const k of [...STATUS_RANK, "modal", "conditional", "negation"]) statusGroups[k] = st[k] ?? [];
  const lex: EventLexicon = {
    words,
    heads,
    blocked: new Set((raw.blocked ?? []).map(fold)),
    status: indexPhrases(statusGroups),
    attribution: new Set((cues.attribution ?? []).map(fold)),
    locationPreps: new Set((cues.locationPreps ?? []).map(fold)),
    subjectPronouns: new Set((cues.subjectPronouns ?? []).map(fold)),
    groupNouns: new Set((cues.groupNouns ?? []).map(fold)),
    multilateral: new Set((cues.multilateral ?? []).map(fold)),
    remote: new Set((cues.remote ?? []).map(fold)),
    outcome: indexPhrases({ outcome: cues.outcome ?? [] }),
    hereWords: new Set((cues.hereWords ?? []).map(fold)),
    listJoiners: new Set((cues.listJoiners ?? []).map(fold)),
    topicPreps: new Set((cues.topicPreps ?? []).map(fold)),
    afterPreps: new Set((cues.afterPreps ?? []).map(fold)),
    bothWords: new Set((cues.bothWords ?? []).map(fold)),
    perfectAux: new Set((cues.perfectAux ?? []).map(fold)),
    framePreps: new Set((cues.framePreps ?? []).map(fold)),
    bilateral: new Set((cues.bilateral ?? []).map(fold)),
    genitiveArticles: new Set((cues.genitiveArticles ?? []).map(fold)),
    genitiveAfterNoun: new Set((cues.genitiveAfterNoun ?? []).map(fold)),
    attributionPost: new Set((cues.attributionPost ?? []).map(fold)),
    infinitiveMarkers: new Set((cues.infinitiveMarkers ?? []).map(fold)),
    complementizers: new Set((cues.complementizers ?? []).map(fold)),
    venueInstitutions: new Set((cues.venueInstitutions ?? []).map(fold)),
    determiners: new Set((cues.determiners ?? []).map(fold)),
    phrasePreps: new Set((cues.phrasePreps ?? []).map(fold)),
    occasionPreps: new Set((cues.occasionPreps ?? []).map(fold)),
    relativeWords: new Set((cues.relativeWords ?? []).map(fold)),
    articlePreps: new Set((cues.articlePreps ?? []).map(fold)),
    meetingTopicPreps: new Set((cues.meetingTopicPreps ?? []).map(fold)),
    rescheduleTo: new Set((cues.rescheduleTo ?? []).map(fold)),
    rescheduled: new Set((st.rescheduled ?? []).map(fold)),
    objectPronouns: new Set((cues.objectPronouns ?? []).map(fold)),
    partnerPreps: new Set((cues.partnerPreps ?? []).map(fold)),
    sincePreps: new Set((cues.sincePreps ?? []).map(fold)),
    subordinators: new Set((cues.subordinators ?? []).map(fold)),
    topicPlaceNouns: new Set((cues.topicPlaceNouns ?? []).map(fold)),
    stateNouns: new Set((cues.stateNouns ?? []).map(fold)),
    progressiveAux: new Set((cues.progressiveAux ?? []).map(fold)),
    seatCities: new Map(Object.entries(cues.seatCities ?? {}).map(([k, v]) => [fold(k), v])),
    negation: new Set((st.negation ?? []).map(fold)),
    reporting: new Set(reportingVerbForms(lang).map(fold)),
    weekdays: new Set(Object.keys(time.weekdays ?? {}).map(fold)),
  };
  cache.set(lang, lex);
  return lex;
}

/** The trigger definitions a word proposes: the word itself, else (capitalized words) a compound head. */
export function lookupTrigger(lex: EventLexicon, folded: string, capitalized: boolean): TriggerDef[] | null {
  if (lex.blocked.has(folded)) return null;
  const direct = lex.words.get(folded);
  if (direct) return direct;
  if (!capitalized || folded.length < 6) return null;
  const cands = lex.heads.get(tail(folded));
  if (!cands) return null;
  for (const c of cands) if (folded.length >= c.head.length + 3 && folded.endsWith(c.head)) return c.defs;
  return null;
}
