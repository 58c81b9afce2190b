// Towns and cities the KB does not list (kb/gazetteer/cities.json, GeoNames data), loaded on first use.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DossierError } from "../core/errors.js";
import { KB_DIR } from "../core/paths.js";
import { AliasTrie, aliasKeys } from "./alias-trie.js";

/** One row: name, ISO country code, latitude, longitude, GeoNames id, 1 if the name is also a common German word. */
export type GazetteerRow = [string, string, number, number, number, number];

export interface Gazetteer {
  index: AliasTrie<GazetteerRow>;
}

let cached: Gazetteer | null = null;

export function gazetteer(dir = KB_DIR): Gazetteer {
  if (cached) return cached;
  const index = new AliasTrie<GazetteerRow>();
  const file = join(dir, "gazetteer", "cities.json");
  if (existsSync(file)) {
    let rows: GazetteerRow[];
    try {
      rows = (JSON.parse(readFileSync(file, "utf8")) as { entries: GazetteerRow[] }).entries;
    } catch (err) {
      throw new DossierError("KB_INVALID", `${file} is not valid JSON: ${(err as Error).message}; regenerate it with src/kb/build-gazetteer.ts`);
    }
    for (const r of rows) index.add(aliasKeys(r[0]), r, (a, b) => a[4] === b[4]);
  }
  cached = { index };
  return cached;
}

/** The entity id of a gazetteer place. */
export const gazetteerId = (r: GazetteerRow) => `place:geonames-${r[4]}`;
