// Date, venue and duration of an event mention from the times and mentions of its clause.
import { foldWords } from "../../core/normalize.js";
import type { EventAnnotation, Mention, TimeExpr } from "../../core/types.js";
import type { KnowledgeBase } from "../../kb/kb.js";
import { clauseRange, spanOf, type Range, type SentenceView } from "./clause.js";
import type { EventLexicon } from "./lexicon.js";
import { tokenAt, withoutArticle } from "./participants.js";

const isDate = (x: TimeExpr) => x.range != null && x.value != null && !x.value.startsWith("P") && !x.value.includes("_REF");

/** The date nearest the trigger in its comma clause, else its sentence clause (a date behind a colon is another clause's). */
export function readDate(v: SentenceView, at: number, clause: Range, lex: EventLexicon, wide = true): TimeExpr | null {
  for (const r of wide ? [clause, clauseRange(v, at, "strong")] : [clause]) {
    const { start, end } = spanOf(v, r);
    const cands = v.times.filter((x) => isDate(x) && x.start >= start && x.end <= end && !sincePhrase(v, x, at, lex));
    if (!cands.length) continue;
    const pos = v.tokens[at]!.start;
    // "Psaki said on Friday that Biden would speak with Zelensky on Sunday": a time before the complementizer dates the saying.
    const said = (x: TimeExpr) => (saidBefore(v, x, at, lex) ? 1 : 0);
    cands.sort((a, b) => said(a) - said(b) || Math.abs(a.start - pos) - Math.abs(b.start - pos));
    return cands[0]!;
  }
  return null;
}

/** The main act's date: the first date of the sentence clause before the trigger ("agreed on Wednesday to … by 2035, at a summit"). */
export function mainDate(v: SentenceView, at: number, lex: EventLexicon): TimeExpr | null {
  const { start } = spanOf(v, clauseRange(v, at, "strong"));
  const pos = v.tokens[at]!.start;
  const cands = v.times.filter((x) => isDate(x) && x.start >= start && x.end <= pos && !sincePhrase(v, x, at, lex));
  return cands.sort((a, b) => a.start - b.start)[0] ?? null;
}

/** The time stands before a complementizer that stands before the trigger ("said on Friday that … would speak"). */
function saidBefore(v: SentenceView, x: TimeExpr, at: number, lex: EventLexicon): boolean {
  for (let k = tokenAt(v, x.end); k < at; k++) if (lex.complementizers.has(v.words[k]!)) return true;
  return false;
}

/** "since Russia's full-scale invasion in 2022", "seit Mitte 2019": the time starts a span, it does not date the event. */
function sincePhrase(v: SentenceView, x: TimeExpr, at: number, lex: EventLexicon): boolean {
  const k = tokenAt(v, x.start);
  for (let j = k; j >= Math.max(0, k - 6); j--) {
    if (j === at || v.words[j] === ",") return false;
    if (lex.sincePreps.has(v.words[j]!)) return true;
  }
  return false;
}

/** Minutes of a duration in the clause ("einstündiges", "two-hour"), if any. */
export function readDuration(v: SentenceView, at: number): number | null {
  const { start, end } = spanOf(v, clauseRange(v, at, "strong"));
  const d = v.times.find((x) => x.value && x.value.startsWith("P") && x.start >= start && x.end <= end);
  return d ? minutesOf(d.value!) : null;
}

export function minutesOf(v: string): number | null {
  const m = /^PT?(\d+(?:\.\d+)?)([HMDWY])$/.exec(v);
  if (!m) return null;
  const n = +m[1]!;
  const unit = m[2]!;
  if (v.startsWith("PT")) return unit === "H" ? n * 60 : unit === "M" ? n : null;
  return unit === "D" ? n * 1440 : unit === "W" ? n * 10080 : null;
}

/** The venue as a KB place where the text names one ("Moskau" → Moscow, not the state Russia; "im Kreml" → Moscow). */
export function venueOf(m: Mention, kb: KnowledgeBase, lex?: EventLexicon): NonNullable<EventAnnotation["location"]> {
  // "im Weißen Haus", "in the Kremlin": a seat stands for its city.
  const seat = lex?.seatCities.get(withoutArticle(m.text, lex));
  const city = seat ? kb.entity(seat) : undefined;
  if (seat && city) return { name: city.name, entity: seat, text: m.text };
  const hits = kb.lookup(foldWords(m.text)) ?? [];
  const place = hits.find((h) => h.id.startsWith("place:"));
  const id = place?.id ?? m.entity;
  const e = kb.entity(id);
  return { name: e?.name ?? m.text, entity: e ? id : null, text: m.text };
}

/** The venue mention nearest to the trigger, in its own clause first, a city before a state. */
export function pickVenue(v: SentenceView, at: number, venues: { mention: Mention; at: number }[]): Mention | null {
  if (!venues.length) return null;
  // A city or region names the place more closely than a state ("at the U.S. mission in Geneva").
  // And a place in the trigger's own comma clause before one in a neighbouring clause ("in Brüssel, tags darauf eine Sitzung … in Wien").
  const own = (x: { at: number }) => (v.weak[x.at] === v.weak[at] ? 0 : 1);
  const rank = (x: { mention: Mention }) => (x.mention.type === "country" ? 1 : 0);
  const sorted = [...venues].sort((a, b) => own(a) - own(b) || rank(a) - rank(b) || Math.abs(a.at - at) - Math.abs(b.at - at));
  return sorted[0]!.mention;
}

export { tokenAt };
