// Status of an event mention from cue phrases in its clause, the trigger's tense and the event date.
import type { EventStatus } from "../../core/types.js";
import { clauseRange, hasWordIn, type Range, type SentenceView } from "./clause.js";
import { STATUS_RANK, type EventLexicon, type PhraseIndex, type TriggerDef } from "./lexicon.js";

export interface StatusReading {
  status: EventStatus;
  /** 3 = explicit cue of a speech act or cancellation, 2 = tense/modal cue or dated, 1 = default. */
  strength: number;
  cue: string;
}

export interface CueHit {
  tag: string;
  at: number;
  words: string[];
}

/** Every phrase of the index that occurs in the range, with the token it starts at. */
export function findPhrases(v: SentenceView, r: Range, idx: PhraseIndex): CueHit[] {
  const out: CueHit[] = [];
  for (let i = r.from; i <= r.to; i++) {
    const cands = idx.get(v.words[i]!);
    if (!cands) continue;
    for (const c of cands) if (matchesAt(v, i, r.to, c.words)) out.push({ tag: c.tag, at: i, words: c.words });
  }
  return out;
}

/** Phrase words in order; for separable verbs the later words may stand further on in the clause ("sagte … ab"). */
function matchesAt(v: SentenceView, i: number, to: number, words: string[]): boolean {
  if (words.length === 1) return true;
  // Adjacent match first.
  let ok = true;
  for (let k = 1; k < words.length; k++) if (v.words[i + k] !== words[k]) ok = false;
  if (ok) return true;
  // Two-word separable verb: the particle ("ab", "zurück", "an") later in the clause.
  if (words.length === 2 && words[1]!.length <= 6) {
    for (let k = i + 2; k <= Math.min(to, i + 12); k++) if (v.words[k] === words[1]) return true;
  }
  return false;
}

/** How far before a meeting noun a modal may stand ("Xi werde danach zu einem Besuch … kommen"). */
const MODAL_BEFORE = 5;

const STRONG_TAGS = new Set(["denied", "cancelled", "rejected", "promised", "proposed", "requested"]);

/**
 * Reads the status: the highest-ranked cue in the trigger's comma clause, then in its sentence clause;
 * held/planned/ongoing cues compete by distance to the trigger; then the trigger's own status and tense.
 */
export function readStatus(v: SentenceView, at: number, def: TriggerDef, lex: EventLexicon, clause: Range): StatusReading {
  if (def.status) return { status: def.status, strength: 3, cue: `trigger:${def.lemma}` };
  // A demand, rejection or threat is itself the act: it took place unless a modal puts it ahead ("will impose").
  if (def.type !== "CONSULT") {
    const modal = findPhrases(v, clause, lex.status).find((h) => h.tag === "modal" || h.tag === "planned");
    if (modal && def.tense !== "past") return { status: "planned", strength: 2, cue: modal.words.join(" ") };
    return { status: "held", strength: 2, cue: "speech act" };
  }
  // "nach dem Treffen", "after the talks": the event lies behind.
  // Articles, short modifiers and call words may stand between: "after a phone call".
  if (def.tense === "noun")
    for (let k = at - 1; k >= Math.max(0, at - 3); k--) {
      const w = v.words[k]!;
      if (lex.afterPreps.has(w)) return { status: "held", strength: 2, cue: `${w} … ${v.words[at]}` };
      if (!(w.length <= 6 || lex.remote.has(w)) || lex.status.has(w)) break;
    }
  // "im Telefonat", "bei dem Treffen", "in a phone call": the meeting frames what is told, so it took place.
  if (def.tense === "noun") {
    for (let k = at - 1; k >= Math.max(0, at - 3); k--) {
      const w = v.words[k]!;
      if (lex.framePreps.has(w)) return { status: "held", strength: 2, cue: `${w} … ${v.words[at]}` };
      // Only articles and short modifiers stand between: "in Wien ein Treffen" is a place phrase, not a frame.
      if (lex.status.has(w) || !(w.length <= 5 || lex.remote.has(w)) || inMention(v, k)) break;
    }
  }
  const noun = def.tense === "noun";
  // A noun's status words stand near it ("das geplante Treffen", "Treffen soll … stattfinden"); a verb's govern its clause.
  // German puts the infinitive at the clause end, so a modal before the noun frames it from further away ("werde … zu einem Besuch … kommen").
  const near = (h: CueHit) => !noun || Math.abs(h.at - at) <= (h.tag === "modal" ? (h.at < at ? MODAL_BEFORE : 3) : STRONG_TAGS.has(h.tag) ? 14 : 10);
  // Words inside a quotation are the speaker's, not the narrator's frame of a trigger outside it.
  const sameVoice = (h: CueHit) => v.quoted[h.at] === v.quoted[at];
  // A verb in the simple past tells what happened: a plan word beside it describes something else ("mit dem künftigen Präsidenten").
  const pastVerb = def.tense === "past";
  const weakHits = findPhrases(v, clause, lex.status).filter((h) => h.tag !== "negation" && near(h) && sameVoice(h) && !(pastVerb && h.tag === "planned"));
  const strongHits = findPhrases(v, clauseRange(v, at, "strong"), lex.status).filter((h) => STRONG_TAGS.has(h.tag) && near(h) && sameVoice(h));
  const acts = weakHits.filter((h) => STRONG_TAGS.has(h.tag));
  // Speech acts in the trigger's own clause, then its tense, then speech acts elsewhere in the sentence clause.
  const pickAct = (list: CueHit[]): StatusReading => {
    list.sort((a, b) => STATUS_RANK.indexOf(a.tag) - STATUS_RANK.indexOf(b.tag) || Math.abs(a.at - at) - Math.abs(b.at - at));
    return { status: list[0]!.tag as EventStatus, strength: 3, cue: list[0]!.words.join(" ") };
  };
  if (acts.length) return pickAct(acts);
  if (weakHits.length) {
    // Tense cues: the one nearest the trigger; a cue phrase that contains the trigger itself wins ("nach dem Treffen").
    const own = weakHits.find((h) => h.at <= at && h.at + h.words.length > at);
    const h = own ?? weakHits.sort((a, b) => Math.abs(a.at - at) - Math.abs(b.at - at))[0]!;
    const tag = h.tag === "modal" || h.tag === "conditional" ? "planned" : h.tag;
    return { status: tag as EventStatus, strength: 2, cue: h.words.join(" ") };
  }
  if (strongHits.length) return pickAct(strongHits);
  // "an, … nach Washington zu reisen", "agreed to meet": an infinitive with zu/to looks ahead.
  if (def.tense === "infinitive" && lex.infinitiveMarkers.has(v.words[at - 1] ?? "")) return { status: "planned", strength: 2, cue: `${v.words[at - 1]} ${v.words[at]}` };
  if (def.alsoParticiple && hasWordIn(v, clause, lex.perfectAux) >= 0) return { status: "held", strength: 2, cue: `perfect ${v.words[at]}` };
  if (def.tense === "past" || def.tense === "participle") return { status: "held", strength: 2, cue: `${def.tense} ${v.words[at]}` };
  return { status: "held", strength: 1, cue: "no cue: held" };
}

/** The token is part of a name ("in Wien ein Treffen": "Wien" ends the look-back for a frame preposition). */
function inMention(v: SentenceView, k: number): boolean {
  const t = v.tokens[k]!;
  return v.mentions.some((m) => m.start <= t.start && m.end >= t.end);
}
