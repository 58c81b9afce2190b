// Parties of an event from the mentions of its clause: sources and venues set apart, states named by adjectives only with a delegation noun.
import { fold, foldWords } from "../../core/normalize.js";
import type { EntityInfo, Mention } from "../../core/types.js";
import type { KnowledgeBase } from "../../kb/kb.js";
import type { Range, SentenceView } from "./clause.js";
import type { EventLexicon } from "./lexicon.js";

export interface Party {
  entity: string;
  type: string;
  /** Token index where the mention starts. */
  at: number;
  how: string;
}

export interface PartyReading {
  parties: Party[];
  attribution: string[];
  /** Mentions that name the venue ("in Genf", "nach Moskau"). */
  venues: { mention: Mention; at: number }[];
  /** A news outlet is the subject right before the trigger ("VOA spoke with …"): an interview. */
  media: boolean;
}

/** The folded name without a leading article ("The White House" → "white house"). */
export function withoutArticle(text: string, lex: EventLexicon): string {
  const words = foldWords(text).split(" ");
  return (lex.determiners.has(words[0]!) && words.length > 1 ? words.slice(1) : words).join(" ");
}

/** Token index of the first token of a mention. */
export function tokenAt(v: SentenceView, offset: number): number {
  const k = v.tokenOf.get(offset);
  if (k !== undefined) return k;
  for (let i = 0; i < v.tokens.length; i++) if (v.tokens[i]!.start >= offset) return i;
  return v.tokens.length - 1;
}

const MEDIA = new Set(["agency", "outlet", "company"]);

/** Reads parties, attribution sources and venue mentions from the mentions inside the range. */
export function readParties(
  v: SentenceView,
  r: Range,
  trigger: number,
  lex: EventLexicon,
  kb: KnowledgeBase,
): PartyReading {
  const parties: Party[] = [];
  const attribution: string[] = [];
  const venues: { mention: Mention; at: number }[] = [];
  let media = false;
  const start = v.tokens[r.from]!.start;
  const end = v.tokens[r.to]!.end;
  const inRange = v.mentions.filter((m) => m.start >= start && m.end <= end);
  // "mit Trump über eine Beendigung des Krieges mit Russland sprechen": names in the topic phrase are not parties.
  let topicFrom = -1;
  let topicTo = -1;
  const meeting = !kindOfAct(lex, trigger, v);
  for (let k = r.from; k <= r.to; k++)
    if ((lex.topicPreps.has(v.words[k]!) || (meeting && lex.meetingTopicPreps.has(v.words[k]!))) && !startsTime(v, k + 1)) {
      topicFrom = k;
      topicTo = k < trigger ? trigger : r.to;
      // The topic phrase ends at the next place preposition before a bare name ("über die Ukraine in Genf"), not at one
      // with an article, which belongs to the topic ("über die Lage im Gazastreifen beraten").
      // Before the trigger a comma ends it too; after the trigger a list may follow ("about his trip, U.S. support, …").
      // Before the trigger an auxiliary ends it as well ("Bekenntnis zur Diplomatie haben Biden und Putin …").
      // "on"/"over" phrases are short: a comma or a partner ("spoke on the phone with Putin") ends them.
      const short = !lex.topicPreps.has(v.words[k]!);
      for (let j = k + 1; j < topicTo; j++)
        if (
          placePrep(v, j, lex) ||
          (k < trigger && (v.words[j] === "," || lex.perfectAux.has(v.words[j]!))) ||
          (short && (v.words[j] === "," || lex.partnerPreps.has(v.words[j]!)))
        ) {
          topicTo = j;
          break;
        }
      break;
    }
  // "told Putin in a phone call on Thursday that … any incursion into Ukraine": names in a that-clause after a
  // meeting are what was said in it, not its sides.
  let saidFrom = r.to + 1;
  // Only a complementizer straight after the words (English "that"): after a comma ("…, dass") it may open a clause of its own.
  if (meeting) for (let k = trigger + 1; k <= r.to; k++) if (lex.complementizers.has(v.words[k]!) && v.words[k - 1] !== ",") { saidFrom = k; break; }
  for (const m of inRange) {
    // A mention inside a longer one ("US" in "US-Präsidenten") is read through the longer one.
    if (inRange.some((o) => o !== m && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start)) continue;
    const at = tokenAt(v, m.start);
    let endTok = at;
    while (endTok + 1 < v.tokens.length && v.tokens[endTok + 1]!.end <= m.end) endTok++; // names are a few tokens long
    const before = v.words[at - 1] ?? "";
    const before2 = v.words[at - 2] ?? "";
    const after = v.words[endTok + 1] ?? "";
    const after2 = v.words[endTok + 2] ?? "";
    const ent = kb.entity(m.entity);
    // "He urged …" is a pronoun even when a surname is spelled the same ("Liu He").
    // "He urged …", "In April …": function words are never surnames, even when a KB surname is spelled so ("Liu He").
    if (m.type === "person" && m.form === "surname" && isFunctionWord(lex, m.text.toLowerCase())) continue;
    // Sources: "Angaben des Kremls zufolge", "nach Angaben von", "according to", news agencies and outlets.
    const attrib =
      attributed(v, at, endTok, trigger, lex) ||
      (ent?.kind !== undefined && MEDIA.has(ent.kind)) ||
      // The speaker of a reporting verb ("erklärte Leavitt", "Leavitt said") reports; the trigger's own verb does not count.
      // "Selenskyj kündigte an, … nach Washington zu reisen": the announcer is the subject of the infinitive clause.
      ((v.weak[at] !== v.weak[trigger] || saidThat(v, endTok, trigger, lex)) && !infinitiveClause(v, trigger, lex) && speakerOf(v, at, endTok, trigger, lex));
    if (ent?.kind !== undefined && MEDIA.has(ent.kind) && endTok < trigger && trigger - endTok <= 2) media = true;
    if (attrib) {
      if (!attribution.includes(m.entity)) attribution.push(m.entity);
      continue;
    }
    if ((at > topicFrom && at < topicTo) || at > saidFrom) continue;
    const prepBefore = lex.locationPreps.has(before) || (lex.locationPreps.has(before2) && isArticleLike(before));
    // "in the White House", "im Kreml": the institution's seat is the venue.
    // "the White House meeting", "Kreml-Treffen": the seat right before a meeting word is its venue too.
    const seatPrefix = endTok + 1 === trigger || (after === "-" && endTok + 2 === trigger);
    if (m.type === "organization" && (prepBefore || (meeting && seatPrefix)) && lex.venueInstitutions.has(withoutArticle(m.text, lex))) {
      venues.push({ mention: m, at });
      continue;
    }
    if (m.type === "location" || (m.form === "metonym" && (prepBefore || endTok + 1 === trigger)) || (m.type === "country" && prepBefore && m.form === "name" && at > trigger)) {
      // A compound prefix ("Alaska-Gipfel") is the venue of its own trigger only.
      if ((prepBefore && after !== "-") || (after === "-" && endTok + 2 === trigger) || (endTok + 1 === trigger && m.form !== "name")) venues.push({ mention: m, at });
      if (m.type === "location") continue;
      if (prepBefore || endTok + 1 === trigger) continue;
    }
    // Pronouns are resolved here from the nearest named person (find.ts), not taken from the mention layer.
    if (m.form === "pronoun") continue;
    if (m.form === "adjective" && kindOfAct(lex, trigger, v) && at > trigger && at - trigger <= 3) {
      // "Trump blocked the Turkish sale": after a reported act, a state's adjective names its target.
      if (!parties.some((p) => p.entity === m.entity)) parties.push({ entity: m.entity, type: m.type, at, how: m.form });
      continue;
    }
    if (m.form === "adjective") {
      // Only "russische Delegation", "amerikanische Seite", "US officials" name the state as a party.
      const head = v.words[endTok + 1] ?? "";
      const head2 = v.words[endTok + 2] ?? "";
      if (!(lex.groupNouns.has(head) || lex.groupNouns.has(head2) || endTok + 1 === trigger || endTok + 2 === trigger)) continue;
    }
    if (m.form === "prefix" || (after === "-" && m.type === "country")) {
      // "US-Vertreter", "US-Russland-Gespräch": the state is a party; a lone topic prefix ("Ukraine-Gipfel") is not.
      const head = v.words[endTok + 2] ?? "";
      const chained = after === "-" && (v.mentions.some((o) => o !== m && o.start === v.tokens[endTok + 2]?.start) || before === "-");
      // "US-Außenminister Antony Blinken": the prefix belongs to the named person.
      const named = v.mentions.some((o) => o.type === "person" && o.start >= (v.tokens[endTok + 2]?.end ?? Infinity) && o.start <= (v.tokens[endTok + 3]?.start ?? -1));
      // "NATO-Gipfel", "Apec-Gipfel": a body named in the meeting's compound is its party.
      const bodyOfTrigger = m.type === "organization" && after === "-" && endTok + 2 === trigger;
      if (!((lex.groupNouns.has(head) && !named) || chained || bodyOfTrigger)) continue;
    }
    // "NATO Secretary General Anders Fogh Rasmussen", "Russia's President Vladimir Putin": the body is part of the title.
    if (m.type !== "person" && titleOfPerson(v, endTok, inRange)) continue;
    // "Trumps Nahost-Gesandter Witkoff", "Putin's envoy": the possessor of a role is not a party (unless it owns the trigger).
    // But "Putins Bereitschaft für ein Treffen", "Trump's invitation": the owner of a proposal or demand is a side.
    if (m.type === "person" && possessive(m.text, ent?.name) && endTok + 1 !== trigger && isNounAfter(v, endTok + 1) && !lex.status.has(v.words[endTok + 1]!)) continue;
    if (!parties.some((p) => p.entity === m.entity)) parties.push({ entity: m.entity, type: m.type, at, how: m.form });
  }
  return { parties, attribution, venues, media };
}

/** The name stands in a source phrase: up to six words after "unter Berufung auf", "nach Angaben", or before "zufolge". */
function attributed(v: SentenceView, at: number, endTok: number, trigger: number, lex: EventLexicon): boolean {
  for (let k = at - 1; k >= Math.max(0, at - 6); k--) {
    const w = v.words[k]!;
    if (w === "," || k === trigger) break;
    if (lex.attribution.has(w)) return true;
  }
  for (let k = endTok + 1; k <= Math.min(v.words.length - 1, endTok + 5); k++) {
    const w = v.words[k]!;
    if (w === "," || k === trigger) break;
    if (lex.attributionPost.has(w)) return true;
  }
  return false;
}

/** "Psaki said on Friday that Biden would speak with …": the speaker, then a complementizer before the trigger. */
function saidThat(v: SentenceView, endTok: number, trigger: number, lex: EventLexicon): boolean {
  if (!(endTok + 1 < trigger && lex.reporting.has(v.words[endTok + 1] ?? ""))) return false;
  for (let k = endTok + 2; k < trigger; k++) if (lex.complementizers.has(v.words[k]!)) return true;
  // "Ushakov said the phone call lasted …": the meeting noun opens the reported clause right after the verb.
  if (trigger - endTok > 5) return false;
  for (let k = endTok + 2; k < trigger; k++) if (!(lex.determiners.has(v.words[k]!) || lex.remote.has(v.words[k]!))) return false;
  return endTok + 2 <= trigger - 1 && lex.determiners.has(v.words[endTok + 2]!);
}

function speakerOf(v: SentenceView, at: number, endTok: number, trigger: number, lex: EventLexicon): boolean {
  // "Biden and Chinese President Xi Jinping agreed …": one of a joined subject is a side, not the source.
  for (let k = at - 1; k >= Math.max(0, at - 3); k--) if (lex.listJoiners.has(v.words[k]!)) return false;
  for (const k of [at - 1, at - 2, endTok + 1]) {
    if (k === trigger || k < 0) continue;
    if (lex.reporting.has(v.words[k] ?? "") && !(k === at - 2 && (v.words[at - 1] ?? "").length > 4)) return true;
  }
  return false;
}

/** "Putins", "Putin's": the name is a possessor (a German genitive -s the canonical name does not end in). */
export function possessive(text: string, name: string | undefined): boolean {
  if (/['’]s$/.test(text)) return true;
  if (!name || !text.endsWith("s")) return false;
  const last = name.split(" ").pop()!;
  return !last.endsWith("s");
}

/** A capitalized word or hyphen compound follows: a German noun ("Gesandter"), or an English role noun. */
function isNounAfter(v: SentenceView, k: number): boolean {
  const w = v.words[k];
  return w !== undefined && w !== "," && w !== "." && w.length > 1;
}

function titleOfPerson(v: SentenceView, endTok: number, inRange: Mention[]): boolean {
  for (let k = endTok + 1; k <= Math.min(v.tokens.length - 1, endTok + 4); k++) {
    const t = v.tokens[k]!;
    if (inRange.some((o) => o.type === "person" && o.start === t.start)) return k > endTok + 1;
    if (t.kind !== "word" && v.words[k] !== "-") return false;
  }
  return false;
}

/** The trigger is a reported act (not a meeting): its object may be named by an adjective. */
function kindOfAct(lex: EventLexicon, trigger: number, v: SentenceView): boolean {
  const defs = lex.words.get(v.words[trigger] ?? "");
  return !!defs && defs.every((d) => d.type !== "CONSULT");
}

/** Pronouns, prepositions and conjunctions of the language (a KB surname may be spelled like one). */
export function isFunctionWord(lex: EventLexicon, w: string): boolean {
  return lex.subjectPronouns.has(w) || lex.locationPreps.has(w) || lex.topicPreps.has(w) || lex.listJoiners.has(w) || lex.complementizers.has(w) || lex.afterPreps.has(w);
}

function isArticleLike(w: string): boolean {
  return w.length <= 3 && /^\p{L}+$/u.test(w);
}

/** Drops a state when a person of that state is already a party (gold names persons where named). */
export function preferPersons(parties: Party[], entities: Map<string, EntityInfo> | undefined, kb: KnowledgeBase): Party[] {
  const personCountries = new Set<string>();
  for (const p of parties) {
    if (p.type !== "person") continue;
    const c = entities?.get(p.entity)?.country ?? kb.entity(p.entity)?.country;
    if (c) personCountries.add(c);
  }
  return parties.filter((p) => p.type === "person" || !personCountries.has(p.entity));
}

/** "zum Dienstag": a preposition before a time expression is not a topic. */
function startsTime(v: SentenceView, k: number): boolean {
  const t = v.tokens[k];
  return !!t && v.times.some((x) => x.start <= t.start && x.end > t.start);
}

/** A place preposition before a bare name ("in Genf"); "im Gazastreifen", "in der Ukraine" may name the topic's setting. */
function placePrep(v: SentenceView, j: number, lex: EventLexicon): boolean {
  return (
    lex.locationPreps.has(v.words[j]!) &&
    !lex.articlePreps.has(v.words[j]!) &&
    !lex.determiners.has(v.words[j + 1] ?? "") &&
    // "talks on the war in Ukraine": the place of a war or crisis is part of the topic.
    !lex.topicPlaceNouns.has(v.words[j - 1] ?? "")
  );
}

/** The trigger's comma clause is an infinitive clause: it ends in "zu" + infinitive ("…, am Montag nach Washington zu reisen"). */
function infinitiveClause(v: SentenceView, trigger: number, lex: EventLexicon): boolean {
  let end = v.weakBounds[v.weak[trigger]!]![1];
  while (end > 0 && v.tokens[end]!.kind !== "word") end--;
  // Infinitives end in -n ("reisen", "verhandeln"); "zu Gesprächen" at a clause end is a noun phrase, but rare there.
  return lex.infinitiveMarkers.has(v.words[end - 1] ?? "") && v.words[end]!.endsWith("n");
}
