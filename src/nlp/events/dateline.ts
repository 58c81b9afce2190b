// The day's venue: the dateline city ("Nusa Dua (dpa) –", "WOODSIDE, Calif., Nov. 15 (Reuters) -"), else the place of the headline's summit.
import type { Document, EventAnnotation, Mention } from "../../core/types.js";
import type { KnowledgeBase } from "../../kb/kb.js";
import type { Draft } from "./merge.js";
import { venueOf } from "./when-where.js";

/** How many sentences from the top a dateline may stand (after headline, teaser and credits). */
const TOP = 14;
/** What follows the city in a dateline: an optional state and date, an optional agency in brackets, then a dash. */
const AFTER = /^\s*(?:,[^()\n]{0,40})?\s*(?:\([^()\n]{1,40}\))?\s*\**\s*[-–—]\s/;
/** The short dateline of German regional papers: the city and a full stop ("Washington. Es war der erste Besuch …"). */
const STOP = /^\.[ \t]+\p{Lu}/u;
/** Sentences from the top that may hold the headline (after navigation lines). */
const HEADLINE = 3;
/** Days around publication within which an in-person meeting with no place of its own is read as at the dateline. */
const DAYS = 2;

/** The single city that opens a dateline (not "Genf/Brüssel": two cities say nothing about one meeting). */
export function datelineCity(doc: Document): Mention | null {
  const sents = doc.layers.sentences ?? [];
  const mentions = doc.layers.mentions ?? [];
  for (const s of sents.slice(0, TOP)) {
    const lead = doc.text.slice(s.start, s.start + 3).replace(/^\**/, "");
    const offset = s.start + (3 - lead.length);
    const m = mentions.find((x) => x.start === offset || x.start === s.start);
    // A capital read as its state ("Washington." as the US government) still opens the dateline as a city.
    if (!m || (m.type !== "location" && m.type !== "country")) continue;
    const rest = doc.text.slice(m.end, m.end + 80);
    if (rest.startsWith("/") || !(AFTER.test(rest) || STOP.test(rest))) continue;
    return m;
  }
  return null;
}

/** In-person meetings without a place, dated within two days of publication, took place at the dateline city. */
export function placeByDateline(drafts: Draft[], doc: Document, kb: KnowledgeBase): void {
  const pub = doc.meta.published?.slice(0, 10);
  if (!pub) return;
  let place: { at: EventAnnotation["location"]; how: string } | undefined;
  for (const d of drafts) {
    const e = d.ev;
    if (e.type !== "CONSULT" || e.location || e.mode === "phone" || !e.date || !near(e.date, pub)) continue;
    place ??= storyPlace(drafts, doc, kb);
    if (!place.at) return;
    e.location = place.at;
    e.provenance = { ...e.provenance, detail: `${e.provenance.detail ?? ""}; place from ${place.how}` };
  }
}

/** The dateline city, else the place of a body's summit named in the headline ("NATO-Gipfel in Vilnius: …"). */
function storyPlace(drafts: Draft[], doc: Document, kb: KnowledgeBase): { at: EventAnnotation["location"]; how: string } {
  const city = datelineCity(doc);
  if (city) return { at: venueOf(city, kb), how: "the dateline" };
  const summit = drafts.find((d) => d.bodyPrefix && d.ev.location && d.sentence <= HEADLINE);
  return { at: summit?.ev.location ?? null, how: "the headline's summit" };
}

function near(d: NonNullable<EventAnnotation["date"]>, pub: string): boolean {
  const day = 86_400_000;
  const p = Date.parse(pub);
  return Date.parse(d.start) >= p - DAYS * day && Date.parse(d.end) <= p + DAYS * day;
}
