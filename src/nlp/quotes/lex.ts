// Loads the quote stage's language data (reporting verbs, Konjunktiv forms, speaker words) once per language.
import { lexicon } from "../../core/lexicon.js";
import { fold } from "../../core/normalize.js";
import { konjunktivForms } from "./konjunktiv.js";

interface ReportingFile {
  verbs: Record<string, string[]> | string[];
  particleVerbs?: Record<string, string[]>;
  clauseVerbs?: string[];
  nouns?: string[];
  markers?: { prefix?: string[]; nounPrefix?: string[]; postfix?: string[]; standalone?: string[]; so?: string[]; hiess?: string[] };
  sourceVerbs?: string[];
}

interface SpeakerFile {
  pronouns?: { m?: string[]; f?: string[]; n?: string[]; plural?: string[]; impersonal?: string[] };
  determiners?: string[];
  prepositions?: string[];
  sourcePrepositions?: string[];
  anonymous?: string[];
  spokesperson?: string[];
  titles?: string[];
  orgHeads?: string[];
  media?: string[];
  mediaPrepositions?: string[];
  platforms?: string[];
  nameParticles?: string[];
  stopCaps?: string[];
  subordinators?: string[];
  notNameSuffixes?: string[];
  auxiliaries?: string[];
}

export interface QuoteLex {
  lang: string;
  /** Folded verb form → lemma. */
  verbs: Map<string, string>;
  /** Folded finite form of a separable verb → folded particles that must follow in the clause. */
  particles: Map<string, string[]>;
  /** Lemmas that take a reported clause without a complementizer (English "said the talks failed"). */
  clauseLemmas: Set<string>;
  nouns: Set<string>;
  prefixMarkers: string[];
  /** Prepositions that mark a source only before a reporting noun ("nach Angaben"). */
  nounMarkers: Set<string>;
  /** Words that open a subordinate clause, which cannot be reported main-clause speech. */
  subordinators: Set<string>;
  /** Word endings that mark a capitalized word as a noun or adjective, not a name (German). */
  notNameSuffixes: string[];
  auxiliaries: Set<string>;
  postfixMarkers: Set<string>;
  standaloneMarkers: Set<string>;
  soMarkers: Set<string>;
  impersonal: string[];
  sourceVerbs: Set<string>;
  isKonjunktiv: (word: string) => boolean;
  /** Forms that are Konjunktiv only in a reporting frame's clause ("wollten", same as the past tense). */
  isKonjunktivLoose: (word: string) => boolean;
  pron: { m: Set<string>; f: Set<string>; n: Set<string>; plural: Set<string>; impersonal: Set<string> };
  determiners: Set<string>;
  prepositions: Set<string>;
  sourcePrepositions: Set<string>;
  anonymous: Set<string>;
  spokesperson: Set<string>;
  titles: Set<string>;
  orgHeads: Set<string>;
  media: Set<string>;
  /** `media` and `titles` as arrays, for suffix tests on compounds ("US-Sender", "Ministerpräsident"). */
  mediaList: string[];
  titleList: string[];
  platforms: string[];
  /** Prepositions before a platform name ("auf X", "via Truth Social", "on Telegram"). */
  mediaPrepositions: string[];
  nameParticles: Set<string>;
  stopCaps: Set<string>;
}

const set = (xs: string[] | undefined) => new Set((xs ?? []).map(fold));

/** `fold` with a bounded memo: the quote stage folds the same few thousand words over and over. */
const folded = new Map<string, string>();
export function ff(s: string): string {
  let v = folded.get(s);
  if (v === undefined) {
    if (folded.size > 50000) folded.clear();
    v = fold(s);
    folded.set(s, v);
  }
  return v;
}
const cache = new Map<string, QuoteLex>();

export function quoteLex(lang: string): QuoteLex {
  const hit = cache.get(lang);
  if (hit) return hit;
  const r = lexicon<ReportingFile>(lang, "reporting", { verbs: {} });
  const s = lexicon<SpeakerFile>(lang, "quote-speakers", {});
  const verbs = new Map<string, string>();
  if (Array.isArray(r.verbs)) for (const v of r.verbs) verbs.set(fold(v), fold(v));
  else for (const [lemma, forms] of Object.entries(r.verbs)) for (const f of forms) if (!verbs.has(fold(f))) verbs.set(fold(f), fold(lemma));
  const particles = new Map<string, string[]>();
  for (const [f, ps] of Object.entries(r.particleVerbs ?? {})) particles.set(fold(f), ps.map(fold));
  const kon = konjunktivForms(lang);
  const l: QuoteLex = {
    lang,
    verbs,
    particles,
    clauseLemmas: set(r.clauseVerbs),
    nouns: set(r.nouns),
    prefixMarkers: (r.markers?.prefix ?? []).map(fold),
    nounMarkers: set(r.markers?.nounPrefix),
    subordinators: set(s.subordinators),
    notNameSuffixes: (s.notNameSuffixes ?? []).map(fold),
    auxiliaries: new Set((s.auxiliaries ?? []).map((x) => x.toLowerCase())),
    postfixMarkers: set(r.markers?.postfix),
    standaloneMarkers: set(r.markers?.standalone),
    soMarkers: set(r.markers?.so),
    impersonal: (r.markers?.hiess ?? []).map(fold),
    sourceVerbs: set(r.sourceVerbs),
    isKonjunktiv: kon.strict,
    isKonjunktivLoose: kon.loose,
    pron: {
      m: set(s.pronouns?.m),
      f: set(s.pronouns?.f),
      n: set(s.pronouns?.n),
      plural: set(s.pronouns?.plural),
      impersonal: set(s.pronouns?.impersonal),
    },
    determiners: set(s.determiners),
    prepositions: set(s.prepositions),
    sourcePrepositions: set(s.sourcePrepositions),
    anonymous: set(s.anonymous),
    spokesperson: set(s.spokesperson),
    titles: set(s.titles),
    orgHeads: set(s.orgHeads),
    media: set(s.media),
    mediaList: [...set(s.media)],
    titleList: [...set(s.titles)],
    platforms: s.platforms ?? [],
    mediaPrepositions: s.mediaPrepositions ?? [],
    nameParticles: set(s.nameParticles),
    stopCaps: new Set(s.stopCaps ?? []),
  };
  cache.set(lang, l);
  return l;
}
