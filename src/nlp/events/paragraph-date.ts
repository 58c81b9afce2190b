// Dates a meeting by the day its paragraph is set on when its own sentence names none ("Am Montag landete Trump in Scharm el Scheich. Dort begann der Gipfel …").
import type { Document, TimeExpr } from "../../core/types.js";
import type { Draft } from "./merge.js";

/** Only a meeting that took place: the day a plan or a demand was told of is not the day it is for. */
const PAST = new Set(["held", "ongoing"]);

/**
 * A meeting without a date, in a sentence without any time, takes the single day named in its paragraph's
 * opening sentence, when no other
 * meeting of the paragraph was dated by that time (then the day is the paragraph's topic, not one event's) and
 * the meeting took place and the day is not after publication.
 */
export function dateByParagraph(drafts: Draft[], doc: Document): void {
  const sents = doc.layers.sentences ?? [];
  const all = doc.layers.times ?? [];
  const times = all.filter(isDay);
  if (!times.length) return;
  const pub = doc.meta.published?.slice(0, 10) ?? null;
  const claimed = new Set(drafts.filter((d) => d.ev.date).map((d) => d.ev.date!.text));
  for (const d of drafts) {
    const e = d.ev;
    if (e.type !== "CONSULT" || e.date || !PAST.has(e.status)) continue;
    const s = sents[d.sentence];
    if (!s) continue;
    // A sentence with a time of its own ("started in Doha last September") is dated by it or not at all.
    if (all.some((t) => t.start >= s.start && t.end <= s.end)) continue;
    // The day stands in the paragraph's opening sentence: the paragraph tells of that day.
    const first = sents.find((x) => x.paragraph === s.paragraph);
    if (!first || first === s) continue;
    const opening = times.filter((t) => t.start >= first.start && t.end <= first.end);
    const t = opening[opening.length - 1];
    if (!t || claimed.has(t.text)) continue;
    const day = t.range!.start.slice(0, 10);
    if (pub && day > pub) continue;
    e.date = { start: day, end: day, text: t.text };
    e.provenance = { ...e.provenance, detail: `${e.provenance.detail ?? ""}; date of its paragraph (${t.text})` };
  }
}

/** A time naming one calendar day ("am Montag", "Oct. 13", "am Vormittag" of a known day). */
function isDay(t: TimeExpr): boolean {
  if (!t.range || !t.value || t.value.startsWith("P") || t.value.includes("_REF")) return false;
  return t.range.start.slice(0, 10) === t.range.end.slice(0, 10);
}
