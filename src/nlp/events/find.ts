// PLOVER events: triggers looked up by token, parties, status, date, venue and duration read from the trigger's clause.
import type { Document, EventAnnotation, EventType, TimeExpr } from "../../core/types.js";
import type { KnowledgeBase } from "../../kb/kb.js";
import { clauseRange, hasWordIn, sentenceViews, spanOf, widen, type Range, type SentenceView } from "./clause.js";
import { eventLexicon, lookupTrigger, type EventLexicon, type TriggerDef } from "./lexicon.js";
import { mergeWithinDocument, type Draft } from "./merge.js";
import { isFunctionWord, possessive, preferPersons, readParties, type Party } from "./participants.js";
import { findPhrases, readStatus } from "./status.js";
import { fixMonth, fixWeekday, isWeekday } from "./weekday.js";
import { mainDate, pickVenue, readDate, readDuration, venueOf } from "./when-where.js";

export function findEvents(doc: Document, kb: KnowledgeBase): EventAnnotation[] {
  const lex = eventLexicon(doc.meta.language === "de" ? "de" : "en");
  const views = sentenceViews(doc, lex);
  const drafts: Draft[] = [];
  for (const v of views) {
    const taken = new Set<string>();
    for (let i = 0; i < v.tokens.length; i++) {
      if (v.tokens[i]!.kind !== "word") continue;
      const w = v.words[i]!;
      const defs = lookupTrigger(lex, w, isUpper(doc.text.charCodeAt(v.tokens[i]!.start)));
      if (!defs) continue;
      // A capitalized German word inside the sentence is a noun ("das Treffen"), not the verb "treffen".
      const nounFirst = doc.meta.language === "de" && i > 0 && isUpper(doc.text.charCodeAt(v.tokens[i]!.start));
      // Only a noun, then: "in den Tagen zuvor" is not the verb "tagen".
      // "their first meeting": an -ing form that is also a noun is the noun, unless an auxiliary makes it a verb ("is meeting").
      const ingNoun = w.endsWith("ing") && defs.some((d) => d.tense === "noun") && !lex.progressiveAux.has(v.words[i - 1] ?? "");
      const ordered = nounFirst ? defs.filter((d) => d.tense === "noun") : ingNoun ? [...defs.filter((d) => d.tense === "noun"), ...defs.filter((d) => d.tense !== "noun")] : defs;
      const def = ordered.find((d) => accepts(v, i, d));
      if (!def) continue;
      // One speech act per type and clause; meetings may be several ("nach ihrem Treffen … wiedersehen").
      const slot = `${def.type}:${v.weak[i]}`;
      if (def.type !== "CONSULT" && taken.has(slot)) continue;
      if (def.type !== "CONSULT") {
        // Speech acts inside a quotation are the speaker's words, not reported acts; around a meeting they are its status.
        if (v.quoted[i] && !quoteSpeaker(doc, v.tokens[i]!.start)) continue;
        // "has never condemned": a negated act did not happen; "the alleged consensus": a participle used as adjective.
        if (lex.negation.has(v.words[i - 1] ?? "") || lex.negation.has(v.words[i - 2] ?? "")) continue;
        if (def.tense !== "past" && lex.determiners.has(v.words[i - 1] ?? "")) continue;
        // The headline repeats what the body reports, in words too short to read the act from.
        if (doc.meta.title && v.sentence.start === 0 && doc.text.slice(v.sentence.start, v.sentence.end).trim() === doc.meta.title.trim()) continue;
        if (consultInClause(v, i, lex)) continue;
      }
      const d = buildDraft(doc, kb, lex, views, v, i, def);
      if (!d) continue;
      linkThere(d, drafts[drafts.length - 1], v, i, lex);
      linkBoth(d, drafts, v, i, lex, doc, kb);
      taken.add(slot);
      drafts.push(...separateTalks(d));
    }
  }
  return mergeWithinDocument(drafts, doc, kb);
}

/** "Selenskyj reist nach Washington. Dort werde er mit Trump sprechen": "dort" points at the previous sentence's venue. */
function linkThere(d: Draft, prev: Draft | undefined, v: SentenceView, i: number, lex: EventLexicon): void {
  if (!prev || d.ev.type !== "CONSULT" || prev.ev.type !== "CONSULT" || prev.sentence !== v.index - 1) return;
  if (d.ev.location || !prev.ev.location || hasWordIn(v, clauseRange(v, i, "strong"), lex.hereWords) < 0) return;
  d.ev.location = prev.ev.location;
  if (!d.ev.date && prev.ev.date) d.ev.date = prev.ev.date;
  const have = new Set([...d.ev.actors, ...d.ev.recipients]);
  for (const p of [...prev.ev.actors, ...prev.ev.recipients].reverse()) if (!have.has(p)) d.ev.actors.unshift(p);
  d.hasParties = d.ev.actors.length + d.ev.recipients.length > 0;
  d.ev.provenance.detail = `${d.ev.provenance.detail ?? ""}; "${v.words[hasWordIn(v, clauseRange(v, i, "strong"), lex.hereWords)]}" links to ${prev.ev.trigger.text}@${prev.ev.trigger.start}`;
}

/** "Als Staatschefs hatten sich die beiden im Juni in Genf getroffen": "die beiden" are the sides of the meeting just named. */
function linkBoth(d: Draft, drafts: Draft[], v: SentenceView, i: number, lex: EventLexicon, doc: Document, kb: KnowledgeBase): void {
  if (d.hasParties || d.ev.type !== "CONSULT") return;
  const k = hasWordIn(v, clauseRange(v, i, "weak"), lex.bothWords);
  if (k < 0) return;
  const prev = [...drafts].reverse().find((p) => p.ev.type === "CONSULT" && v.index - p.sentence <= BOTH_REACH && p.ev.actors.length + p.ev.recipients.length === 2);
  if (!prev) return;
  // "Delegationen beider Länder": the states of the two people named before.
  const states = lex.stateNouns.has(v.words[k + 1] ?? "");
  const state = (id: string) => (states ? (doc.layers.entities?.get(id)?.country ?? kb.entity(id)?.country ?? id) : id);
  d.ev.actors = prev.ev.actors.map(state);
  d.ev.recipients = prev.ev.recipients.map(state);
  d.hasParties = true;
  d.ev.provenance.detail = `${d.ev.provenance.detail ?? ""}; "${v.words[k]}" = sides of ${prev.ev.trigger.text}@${prev.ev.trigger.start}`;
}

/** The trigger noun is a genitive attribute: "des Treffens", "eines Gipfels", "Hintergrund der Verhandlungen". */
function isGenitive(doc: Document, v: SentenceView, i: number, lex: EventLexicon): boolean {
  let j = i - 1;
  while (v.words[j] === "-" && j >= 2) j -= 2; // "der Ukraine-Verhandlungen": step over compound prefixes
  for (const k of [j, j - 1]) {
    const w = v.words[k] ?? "";
    if (lex.genitiveArticles.has(w)) return true;
    const before = v.tokens[k - 1];
    if (lex.genitiveAfterNoun.has(w) && k - 1 > 0 && before!.kind === "word" && isUpper(doc.text.charCodeAt(before!.start))) return true;
  }
  return false;
}

/** The named speaker of the direct quotation around an offset ("… strongly urge …", said Akhundzada), if any. */
function quoteSpeaker(doc: Document, pos: number): string | null {
  const q = (doc.layers.quotes ?? []).find((x) => x.kind === "direct" && x.start <= pos && x.end >= pos);
  return q?.speaker && q.speaker.startsWith("person:") ? q.speaker : null;
}

/** "Kurz vor dem Treffen", "after the talks": the meeting is named in a prepositional phrase of another clause. */
function inPhrase(v: SentenceView, i: number, lex: EventLexicon): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const w = v.words[k]!;
    if (lex.phrasePreps.has(w)) return true;
    if (w.length > 6 || w === ",") return false;
  }
  return false;
}

/** The noun stands in an occasion phrase ("in talks", "at the summit", "bei dem Treffen") after its clause's first comma. */
function occasionOf(v: SentenceView, i: number, lex: EventLexicon): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const w = v.words[k]!;
    if (lex.occasionPreps.has(w)) return v.words[k - 1] === ",";
    if (w === "," || !(lex.determiners.has(w) || w.length <= 12)) return false;
  }
  return false;
}

/** Sentences back within which "die beiden", "beider Länder" take up the two sides of a meeting. */
const BOTH_REACH = 6;

/** Tokens around a trigger noun within which its exclusion words count. */
const NOUN_REACH = 6;

const isUpper = (c: number) => (c >= 65 && c <= 90) || c === 196 || c === 214 || c === 220;

/** Whether the trigger's conditions hold: governed words in the clause, neighbours, exclusions. */
function accepts(v: SentenceView, i: number, d: TriggerDef): boolean {
  if (d.prev && !d.prev.has(v.words[i - 1] ?? "")) return false;
  if (d.prevNot && d.prevNot.has(v.words[i - 1] ?? "")) return false;
  if (d.next && !d.next.has(v.words[i + 1] ?? "")) return false;
  if (d.nextNot && d.nextNot.has(v.words[i + 1] ?? "")) return false;
  const clause = clauseRange(v, i, "strong");
  if (d.needs) {
    let ok = false;
    for (let k = clause.from; k <= clause.to && !ok; k++) if (k !== i && d.needs.has(v.words[k]!)) ok = true;
    if (!ok) return false;
  }
  if (d.not) {
    // Also the words just before the clause: "Entscheidungen, die ohne die Ukraine getroffen würden".
    const weak = clauseRange(v, i, "weak");
    // A noun's exclusions stand near it ("Gespräch mit Journalisten"), not anywhere in a long clause.
    const from = Math.max(0, weak.from - 3, d.tense === "noun" ? i - NOUN_REACH : 0);
    const to = d.tense === "noun" ? Math.min(weak.to, i + NOUN_REACH) : weak.to;
    for (let k = from; k <= to; k++) if (k !== i && d.not.has(v.words[k]!)) return false;
  }
  return true;
}

/** A meeting trigger in the same clause: "drängte auf ein Treffen" is the meeting's status, not a REQUEST of its own. */
function consultInClause(v: SentenceView, i: number, lex: EventLexicon): boolean {
  return hasConsult(v, clauseRange(v, i, "strong"), i, lex);
}

function buildDraft(doc: Document, kb: KnowledgeBase, lex: EventLexicon, views: SentenceView[], v: SentenceView, i: number, def: TriggerDef): Draft | null {
  const weak = clauseRange(v, i, "weak");
  // "unter dem Eindruck des Treffens in Alaska": a meeting in a genitive takes parties only from its own phrase.
  const genitive = def.tense === "noun" && (isGenitive(doc, v, i, lex) || inPhrase(v, i, lex));
  // The phrase ends before the next meeting word ("Nach dem Ende der Verhandlungen telefonierte er mit …").
  let scope: Range = genitive ? { from: i, to: phraseEnd(v, i, weak.to, lex) } : weak;
  let read = readParties(v, scope, i, lex, kb);
  const prefixEnd = v.words[i - 1] === "-" ? v.tokens[i - 2]?.end : v.tokens[i - 1]?.end;
  const bodyPrefix = def.tense === "noun" && v.mentions.some((m) => m.type === "organization" && m.end === prefixEnd);
  // A body's meeting ("der nächste NATO-Gipfel") has its side in its name; other names around are not its parties.
  const want = bodyPrefix ? 1 : 2;
  for (let r = genitive ? null : widenOwn(v, scope, i, lex); r && read.parties.length < want; r = widenOwn(v, scope, i, lex)) {
    scope = r;
    read = readParties(v, scope, i, lex, kb);
  }
  let parties = read.parties;
  // "habe er mit König Abdullah und mit Netanjahu telefoniert": a subject pronoun with all names after the trigger.
  const subj = hasWordIn(v, { from: scope.from, to: i - 1 }, lex.subjectPronouns);
  if ((parties.length < want || (subj >= 0 && !parties.some((p) => p.at < subj))) && !genitive) {
    const pron = resolvePronoun(doc, lex, views, v, parties.length < want ? scope : { from: subj, to: subj }, parties, lex.subjectPronouns, i);
    if (pron) parties = [pron, ...parties];
  }
  // "weil er am Montag selbst mit ihm telefoniert habe": the other side is the last other person named.
  const obj = hasWordIn(v, scope, lex.objectPronouns);
  if (parties.length < want && obj > 0 && lex.partnerPreps.has(v.words[obj - 1]!) && !genitive) {
    const pron = resolvePronoun(doc, lex, views, v, { from: obj, to: obj }, parties, lex.objectPronouns, i);
    if (pron) parties = [...parties, pron];
  }
  parties = preferPersons(parties, doc.layers.entities, kb);
  // A noun's venue stands in its own phrase's clause; a verb's anywhere in its sentence clause ("reist … am Montag nach Washington").
  const sameRange = scope.from === clauseRange(v, i, "strong").from && scope.to === clauseRange(v, i, "strong").to;
  const wide = read.venues.length || def.tense === "noun" || sameRange ? read : readParties(v, clauseRange(v, i, "strong"), i, lex, kb);
  // "ein Treffen zwischen Putin und Witkoff, …, das am Freitag in St. Petersburg stattgefunden hatte": a relative clause tells of the noun.
  const rel = def.tense === "noun" ? relativeTail(v, weak, lex) : null;
  const venueMention =
    pickVenue(v, i, read.venues.length || def.tense === "noun" ? read.venues : wide.venues) ?? (rel ? pickVenue(v, i, readParties(v, rel, i, lex, kb).venues) : null);
  if (read.media && def.type === "CONSULT") return null; // "VOA spoke with Armitage": an interview
  if (def.requirePlace && !venueMention) return null;
  // A meeting without named sides ("Das Treffen endete …") is kept to join the event it refers to.
  if (parties.length < def.needsParty && (def.type !== "CONSULT" || def.needsParty > 1 || parties.length > 0)) return null;
  if (def.type !== "CONSULT") {
    // In a quotation the act is the speaker's ("We … strongly urge …", said X): the speaker acts.
    const speaker = v.quoted[i] ? quoteSpeaker(doc, v.tokens[i]!.start) : null;
    if (speaker && !parties.some((p) => p.entity === speaker)) parties = [{ entity: speaker, type: "person", at: -1, how: "quote-speaker" }, ...parties.filter((p) => p.at > i)];
    // A reported act needs a named actor before the trigger (its subject) or a party after it when passive.
    if (!parties.length) return null;
  }
  let status = readStatus(v, i, def, lex, weak);
  // A verb's date may stand anywhere in its sentence clause; a noun's stands in its own comma clause.
  let time = readDate(v, i, weak, lex, def.type === "CONSULT" && def.tense !== "noun") ?? (rel ? readDate(v, i, rel, lex, false) : null);
  // "agreed on Wednesday …, in talks on a secluded estate": the meeting is the occasion of the main act and shares its date.
  if (!time && def.type === "CONSULT" && def.tense === "noun" && occasionOf(v, i, lex)) time = mainDate(v, i, lex);
  // "verschob er auf den 10. März", "postponed … until 10 March": moved, so planned for the new date.
  const moved = status.status === "cancelled" && status.cue.split(" ").some((w) => lex.rescheduled.has(w)) ? newDate(v, i, lex) : null;
  if (moved) {
    status = { status: "planned", strength: 3, cue: `moved to ${moved.text}` };
    time = moved;
  }
  // "Selenskyj reist am Montag nach Washington": a present-tense verb with a weekday speaks of the coming days.
  if (time && status.strength <= 1 && def.tense === "present" && !v.words[i]!.endsWith("ing") && isWeekday(time, lex))
    status = { status: "planned", strength: 2, cue: "present tense with a weekday" };
  let date = time ? { start: time.range!.start, end: time.range!.end, text: time.text } : null;
  if (date && time) date = fixWeekday(date, time, status, doc.meta.published, lex);
  if (date && time) date = fixMonth(date, time, status, doc.meta.published);
  let st = status;
  const published = doc.meta.published?.slice(0, 10) ?? null;
  if (date && published && status.strength < 3) {
    // A dated event before publication happened; after it, it is planned (unless a cue says more).
    if (date.start > published && status.status === "held") st = { status: "planned", strength: 2, cue: `date ${date.start} after publication` };
    else if (date.end < published && status.status === "planned" && status.strength < 2) st = { status: "held", strength: 2, cue: `date ${date.end} before publication` };
  }
  const trigger = v.tokens[i]!;
  const sentSpan = { start: v.sentence.start, end: v.sentence.end };
  const actors: string[] = [];
  const recipients: string[] = [];
  splitRoles(parties, i, def, actors, recipients);
  const strongRange = clauseRange(v, i, "strong");
  const sideCount = new Set(parties.map((p) => doc.layers.entities?.get(p.entity)?.country ?? kb.entity(p.entity)?.country ?? p.entity)).size;
  const mode = modeOf(v, strongRange, def, lex, sideCount);
  const outcome = findPhrases(v, strongRange, lex.outcome)[0];
  const ev: EventAnnotation = {
    type: def.type as EventType,
    mode,
    actors,
    recipients,
    status: st.status,
    date,
    location: venueMention ? venueOf(venueMention, kb, lex) : null,
    durationMinutes: def.type === "CONSULT" ? readDuration(v, i) : null,
    attribution: [...new Set([...read.attribution, ...wide.attribution])],
    evidence: { ...sentSpan, text: doc.text.slice(sentSpan.start, sentSpan.end) },
    trigger: { start: trigger.start, end: trigger.end, text: doc.text.slice(trigger.start, trigger.end) },
    provenance: {
      stage: "events",
      rule: `trigger:${def.type}:${def.lemma}/${def.tense}`,
      detail: [`status ${st.status} (${st.cue})`, `parties ${parties.map((p) => `${p.entity}[${p.how}]`).join(" ") || "none"}`, outcome ? `outcome "${outcome.words.join(" ")}"` : ""].filter(Boolean).join("; "),
    },
  };
  const bilateral = hasWordIn(v, weak, lex.bilateral) >= 0;
  const separate = def.type === "CONSULT" ? partnerGroups(v, parties, lex) : null;
  return { ev, strength: st.strength, sentence: v.index, hasParties: parties.length > 0, bilateral, bodyPrefix, modeFree: def.modeFree && !mode, separate };
}

/**
 * Widens the scope by a neighbouring comma clause (the main clause before it first), but not into a following
 * clause that names a dated meeting of its own ("am 10. Januar sollen Delegationen … beraten, am 12. Januar folgt
 * ein Treffen des Nato-Russland-Rats") unless that clause is relative ("…, bei dem Biden … beraten wollte").
 */
function widenOwn(v: SentenceView, scope: Range, i: number, lex: EventLexicon): Range | null {
  const r = widen(v, scope);
  if (!r || r.from < scope.from) return r;
  // "…, hours after Hamas freed the hostages": a subordinate clause tells of another happening.
  let k = scope.to + 1;
  if (v.words[k] === ",") k++;
  if (lex.subordinators.has(v.words[k] ?? "") || lex.subordinators.has(v.words[k + 1] ?? "")) return null;
  return ownDatedMeeting(v, { from: scope.to + 1, to: r.to }, i, lex) && !relative(v, scope.to + 1, lex) ? null : r;
}

/** The clause from token k on is a relative clause ("…, bei dem Biden mit Abdullah beraten wollte"): it tells of the event before it. */
function relative(v: SentenceView, k: number, lex: EventLexicon): boolean {
  if (v.words[k] === ",") k++;
  return lex.relativeWords.has(v.words[k] ?? "") || (v.words[k]!.length <= 4 && lex.relativeWords.has(v.words[k + 1] ?? ""));
}

/** The range names a meeting of its own with its own date ("am 12. Januar folgt ein Treffen …"): another event's names. */
function ownDatedMeeting(v: SentenceView, r: Range, i: number, lex: EventLexicon): boolean {
  if (!hasConsult(v, r, i, lex)) return false;
  const { start, end } = spanOf(v, r);
  return v.times.some((x) => x.range != null && x.start >= start && x.end <= end);
}

function hasConsult(v: SentenceView, r: Range, i: number, lex: EventLexicon): boolean {
  for (let k = r.from; k <= r.to; k++) {
    if (k === i) continue;
    const defs = lex.words.get(v.words[k]!);
    if (defs?.some((d) => d.type === "CONSULT" && accepts(v, k, d))) return true;
  }
  return false;
}

/** Visits: the subject of "empfangen"/"host" is the host (recipient); otherwise the first named party acts. */
function splitRoles(parties: Party[], at: number, def: TriggerDef, actors: string[], recipients: string[]): void {
  if (!parties.length) return;
  const before = parties.filter((p) => p.at < at);
  const subject = before.length ? before[0]! : parties[0]!;
  for (const p of parties) {
    if (p === subject) (def.host ? recipients : actors).push(p.entity);
    else (def.host ? actors : recipients).push(p.entity);
  }
}

/** Mode from the trigger, remote/multilateral cues and the number of sides (people count as their state). */
function modeOf(v: SentenceView, r: Range, def: TriggerDef, lex: EventLexicon, nSides: number): string | null {
  if (def.type !== "CONSULT") return null;
  if (hasWordIn(v, r, lex.remote) >= 0 && def.mode !== "visit") return "phone";
  if (def.mode === "phone" || def.mode === "visit") return def.mode;
  if (hasWordIn(v, r, lex.multilateral) >= 0 || nSides > 2) return "multilateral";
  return def.mode;
}

/** "Dort werde er mit Trump sprechen": a pronoun stands for the last person named before it (not yet a party). */
function resolvePronoun(
  doc: Document,
  lex: EventLexicon,
  views: SentenceView[],
  v: SentenceView,
  r: Range,
  have: Party[],
  pronouns: Set<string>,
  trigger: number,
): Party | null {
  const subject = pronouns === lex.subjectPronouns;
  // "So wollte sie sich nicht äußern und betonte, …", "He said he had postponed …": the subject of a reporting verb
  // is the source, not a side; the next pronoun may be.
  let p = -1;
  for (let k = r.from; k <= r.to && p < 0; k++) if (pronouns.has(v.words[k]!) && !(subject && reportingSubject(v, k, trigger, lex))) p = k;
  if (p < 0) return null;
  const pos = v.tokens[p]!.start;
  if (v.mentions.some((m) => m.start <= pos && m.end > pos && m.form !== "pronoun")) return null;
  for (let k = v.index; k >= Math.max(0, v.index - 2); k--) {
    const ms = views[k]!.mentions.filter(
      (m) =>
        m.type === "person" &&
        m.form !== "pronoun" &&
        m.start < pos &&
        !have.some((h) => h.entity === m.entity) &&
        !(m.form === "surname" && isFunctionWord(lex, m.text.toLowerCase())) &&
        // "Trump wisse von Putins Bereitschaft …, weil er …": a possessor is not the subject a pronoun takes up.
        !(subject && possessive(m.text, doc.layers.entities?.get(m.entity)?.name)),
    );
    // In its own sentence the nearest name; in an earlier one its first name, the subject ("X sprach nach Gesprächen mit Y. Er sagte …").
    const last = k === v.index ? ms[ms.length - 1] : ms[0];
    if (last) return { entity: last.entity, type: "person", at: p, how: "pronoun-antecedent" };
  }
  return null;
}

export { spanOf };

/** The date after a rescheduling cue and its preposition ("verschob … auf den 10. März"), if the clause has one. */
function newDate(v: SentenceView, i: number, lex: EventLexicon): TimeExpr | null {
  const r = clauseRange(v, i, "strong");
  const cue = hasWordIn(v, r, lex.rescheduled);
  if (cue < 0) return null;
  for (const x of v.times) {
    if (x.range == null || !x.value || x.value.startsWith("P") || x.start < v.tokens[cue]!.end) continue;
    const k = v.tokenOf.get(x.start);
    if (k === undefined || k > r.to) continue;
    const before = v.words[k - 1] ?? "";
    if (lex.rescheduleTo.has(before) || (lex.determiners.has(before) && lex.rescheduleTo.has(v.words[k - 2] ?? ""))) return x;
  }
  return null;
}

/** The pronoun at k is the subject of a reporting verb: right next to one ("he said"), or in another comma clause with one. */
function reportingSubject(v: SentenceView, k: number, trigger: number, lex: EventLexicon): boolean {
  // "he said …", "…, sagte er, …"; but in "said he had met" the pronoun opens the reported clause.
  const next = v.words[k + 1] ?? "";
  if (lex.reporting.has(next) || (lex.reporting.has(v.words[k - 1] ?? "") && (next === "," || next === "." || next === ""))) return true;
  if (v.weak[k] === v.weak[trigger]) return false;
  const r = clauseRange(v, k, "weak");
  for (let j = r.from; j <= r.to; j++) if (j !== k && lex.reporting.has(v.words[j]!)) return true;
  return false;
}

/** The last token before the next meeting trigger after i (or `to`): a genitive phrase's own names stand before it. */
function phraseEnd(v: SentenceView, i: number, to: number, lex: EventLexicon): number {
  for (let k = i + 1; k <= to; k++) if (hasConsult(v, { from: k, to: k }, i, lex)) return k - 1;
  return to;
}

/**
 * "telefonierte mit Trump und mit Selenskyj", "spoke with X and with Y": a partner preposition repeated after
 * "und" makes separate talks; the names after each one are the other side of one of them.
 */
function partnerGroups(v: SentenceView, parties: Party[], lex: EventLexicon): string[][] | null {
  const groups = new Map<number, string[]>();
  for (const p of parties) {
    for (let k = p.at - 1; k >= Math.max(0, p.at - 4); k--) {
      const w = v.words[k]!;
      if (w === "," || lex.listJoiners.has(w)) break;
      if (lex.partnerPreps.has(w)) {
        groups.set(k, [...(groups.get(k) ?? []), p.entity]);
        break;
      }
    }
  }
  if (groups.size < 2) return null;
  const preps = [...groups.keys()].sort((a, b) => a - b);
  if (!preps.slice(1).every((k) => lex.listJoiners.has(v.words[k - 1] ?? ""))) return null;
  return preps.map((k) => groups.get(k)!);
}

/** One draft per separate talk (see partnerGroups): the common side with each other side. */
function separateTalks(d: Draft): Draft[] {
  if (!d.separate) return [d];
  const grouped = new Set(d.separate.flat());
  const actors = d.ev.actors.filter((x) => !grouped.has(x));
  const recipients = d.ev.recipients.filter((x) => !grouped.has(x));
  if (!actors.length && !recipients.length) return [d];
  return d.separate.map((g, n) => ({
    ...d,
    separate: undefined,
    talkOf: d.ev.trigger.start,
    ev: {
      ...d.ev,
      actors: [...actors],
      recipients: [...recipients, ...g],
      provenance: { ...d.ev.provenance, detail: `${d.ev.provenance.detail ?? ""}; separate talk ${n + 1} of ${d.separate!.length}` },
    },
  }));
}

/** The relative clauses (and an apposition before them) right after the clause: "…, dem Gesandten Trumps, das am Freitag … stattgefunden hatte". */
function relativeTail(v: SentenceView, clause: Range, lex: EventLexicon): Range | null {
  let to = clause.to;
  let found = false;
  for (let n = 0; n < 2; n++) {
    const k = to + 1;
    if (v.words[k] !== "," || !relative(v, k, lex)) break;
    to = clauseRange(v, k + 1, "weak").to;
    found = true;
  }
  return found ? { from: clause.to + 1, to } : null;
}
