// Dates an untensed meeting report by the publication day: a news text tells of its own day in the present ("Selenskyj telefoniert mit Trump").
import type { Document } from "../../core/types.js";
import type { Draft } from "./merge.js";

/** Local hour from which a report is taken to tell of its own day. */
const NOON = 12;

/**
 * A meeting that took place, with no date of its own or of its paragraph, read with no tense cue at all
 * (strength 1: present tense or a bare noun), in a sentence without any time expression, is dated to the day
 * the report was published: news tells what happened today in the present tense, and anything earlier carries
 * a past tense or a time of its own.
 */
export function dateByPublication(drafts: Draft[], doc: Document): void {
  const stamp = doc.meta.published ?? "";
  const pub = stamp.slice(0, 10);
  if (!/^\d{4}-\d\d-\d\d$/.test(pub)) return;
  // A morning edition tells of the day before; only a report from the afternoon on tells of its own day.
  const hour = /T(\d\d):/.exec(stamp)?.[1];
  if (hour !== undefined && Number(hour) < NOON) return;
  const sents = doc.layers.sentences ?? [];
  const times = doc.layers.times ?? [];
  for (const d of drafts) {
    const e = d.ev;
    if (e.type !== "CONSULT" || e.date || d.strength >= 2 || (e.status !== "held" && e.status !== "ongoing")) continue;
    const s = sents[d.sentence];
    if (!s || times.some((t) => t.start >= s.start && t.end <= s.end)) continue;
    e.date = { start: pub, end: pub, text: "publication day" };
    e.provenance = { ...e.provenance, detail: `${e.provenance.detail ?? ""}; date: publication day, told without tense` };
  }
}
