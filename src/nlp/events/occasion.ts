// Dates a reported act by the meeting it was made at: "Biden habe Russland aufgefordert …" after the call of 30 December.
import type { Document } from "../../core/types.js";
import type { KnowledgeBase } from "../../kb/kb.js";
import type { Draft } from "./merge.js";

/** How many sentences after a meeting a speech act of its sides may still be read as said there. */
const REACH = 8;

/**
 * A demand, warning or rejection without a date of its own, told shortly after a dated meeting that one of its
 * sides took part in, was made at that meeting: it takes the meeting's date, and its place when it has none.
 */
export function dateByOccasion(drafts: Draft[], doc: Document, kb: KnowledgeBase): void {
  const meetings = drafts.filter((d) => d.ev.type === "CONSULT" && d.ev.date && (d.ev.status === "held" || d.ev.status === "ongoing"));
  if (!meetings.length) return;
  const keys = (ids: string[]) => {
    const out = new Set<string>();
    for (const id of ids) {
      out.add(id);
      const c = doc.layers.entities?.get(id)?.country ?? kb.entity(id)?.country;
      if (c) out.add(c);
    }
    return out;
  };
  for (const d of drafts) {
    if (d.ev.type === "CONSULT" || d.ev.date || !d.ev.actors.length) continue;
    // The actor (the one who demands or warns), or its state, must have been at the meeting.
    const actor = keys(d.ev.actors.slice(0, 1));
    let best: Draft | null = null;
    for (const m of meetings) {
      if (m.sentence > d.sentence || d.sentence - m.sentence > REACH) continue;
      const theirs = keys([...m.ev.actors, ...m.ev.recipients]);
      if (![...actor].some((x) => theirs.has(x))) continue;
      if (!best || m.sentence > best.sentence) best = m;
    }
    if (!best) continue;
    d.ev.date = best.ev.date;
    if (!d.ev.location && best.ev.location) d.ev.location = best.ev.location;
    d.ev.provenance = { ...d.ev.provenance, detail: `${d.ev.provenance.detail ?? ""}; date of ${best.ev.trigger.text}@${best.ev.trigger.start}` };
  }
}
