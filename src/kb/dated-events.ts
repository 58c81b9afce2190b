// Loads kb/dated-events.json: dated real-world diplomatic events, used to date a text that gives no publication date.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DossierError } from "../core/errors.js";
import { KB_DIR } from "../core/paths.js";

export interface DatedEvent {
  id: string;
  /** The (first) day it took place, YYYY-MM-DD. */
  date: string;
  /** PLOVER type, e.g. CONSULT. */
  type: string;
  /** meeting | visit | phone (video calls count as phone). */
  mode: string;
  /** KB entity ids of the parties. */
  participants: string[];
  /** KB id of the venue (a place or a country). */
  place?: string;
}

let cached: DatedEvent[] | null = null;

/** The dated events, validated once; a broken entry is a typed error naming it. */
export function datedEvents(file = join(KB_DIR, "dated-events.json")): DatedEvent[] {
  if (cached && file === join(KB_DIR, "dated-events.json")) return cached;
  const raw = JSON.parse(readFileSync(file, "utf8")) as { entries?: unknown };
  if (!Array.isArray(raw.entries)) throw new DossierError("KB_INVALID", `${file}: expected { "entries": [...] }; see kb/README.md`);
  const out: DatedEvent[] = [];
  for (const e of raw.entries as DatedEvent[]) {
    const ok =
      typeof e.id === "string" &&
      /^\d{4}-\d{2}-\d{2}$/.test(e.date ?? "") &&
      !isNaN(Date.parse(e.date)) &&
      typeof e.type === "string" &&
      typeof e.mode === "string" &&
      Array.isArray(e.participants) &&
      e.participants.length > 0 &&
      (e.place === undefined || typeof e.place === "string");
    if (!ok) throw new DossierError("KB_INVALID", `${file}: dated event ${JSON.stringify(e).slice(0, 120)} needs id, date (YYYY-MM-DD), type, mode and participants`);
    out.push(e);
  }
  if (file === join(KB_DIR, "dated-events.json")) cached = out;
  return out;
}
