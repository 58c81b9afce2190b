// Country id → capital place id, from the knowledge base's countries file: a country's point on the map.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { KB_DIR } from "../core/paths.js";

export function loadCapitals(): Map<string, string> {
  const out = new Map<string, string>();
  try {
    const file = JSON.parse(readFileSync(join(KB_DIR, "countries.json"), "utf8")) as { entries: { id: string; capital?: string | null }[] };
    for (const c of file.entries) if (c.capital) out.set(c.id, c.capital);
  } catch {
    // Without the file countries simply stay off the map.
  }
  return out;
}
