// Loads the actor knowledge base once, validates it and indexes every alias for lookup.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DossierError } from "../core/errors.js";
import { lexicon } from "../core/lexicon.js";
import { AliasTrie, aliasKeys } from "./alias-trie.js";
import { KB_DIR } from "../core/paths.js";
import type { EntityType } from "../core/types.js";
import {
  validateEntries,
  type KbCountry,
  type KbEntryBase,
  type KbFile,
  type KbOffice,
  type KbOrganization,
  type KbPerson,
  type KbPlace,
  type Names,
} from "./schema.js";

export type AliasForm = "name" | "surname" | "adjective" | "demonym" | "prefix" | "seat";

export interface AliasHit {
  id: string;
  form: AliasForm;
}

type KbRole = { office: string; start: string | null; end: string | null };

export interface KbEntity {
  id: string;
  name: string;
  type: EntityType;
  wikidata: string | null;
  /** The state or organization it belongs to (entity id), if any. */
  country: string | null;
  /** For institutions that speak for a state ("Kreml"): that state. */
  actsFor: string | null;
  gender: "m" | "f" | null;
  roles: KbRole[];
  lat?: number;
  lon?: number;
  kind?: string;
}

const TYPE_OF: Record<string, EntityType> = { person: "person", country: "country", org: "organization", place: "location" };

const sameHit = (a: AliasHit, b: AliasHit) => a.id === b.id && a.form === b.form;

export class KnowledgeBase {
  readonly entities = new Map<string, KbEntity>();
  readonly offices = new Map<string, KbOffice>();
  /** Every alias as a trie over folded word keys (see alias-trie.ts). */
  readonly trie = new AliasTrie<AliasHit>();
  /** Folded surname keys of people, for typo-tolerant lookup of long names. */
  readonly personWords = new Set<string>();

  entity(id: string): KbEntity | undefined {
    return this.entities.get(id);
  }

  /** Candidates for an alias text (any spelling; folded and split like text tokens). */
  lookup(text: string): AliasHit[] | undefined {
    return this.trie.get(aliasKeys(text));
  }

  addAlias(text: string, hit: AliasHit): void {
    const keys = aliasKeys(text);
    this.addKeys(keys, hit);
    if (keys.length === 1) (/^[\p{Lu}\d.&-]+$/u.test(text) && /\p{Lu}.*\p{Lu}/u.test(text) ? this.capsOnly : this.anyCase).add(keys[0]!);
  }

  private readonly capsOnly = new Set<string>();
  private readonly anyCase = new Set<string>();

  /** A one-word alias written only in capitals ("BIS", "WHO"): "Bis" and "who" in running text are other words. */
  acronymOnly(key: string): boolean {
    return this.capsOnly.has(key) && !this.anyCase.has(key);
  }

  addKeys(keys: string[], hit: AliasHit): void {
    if (keys.length) this.trie.add(keys, hit, sameHit);
  }

  get maxWords(): number {
    return this.trie.maxWords;
  }

  /** Deletion index for edit distance 1 over long person name words, built on first use. */
  private deletions: Map<string, string[]> | null = null;

  /** Person name words within Damerau-Levenshtein distance 1 of `key` (only words of 7+ letters). */
  typoCandidates(key: string): string[] {
    let c = this.typoCache.get(key);
    if (!c) {
      c = this.computeTypos(key);
      if (this.typoCache.size > 50_000) this.typoCache.clear();
      this.typoCache.set(key, c);
    }
    return c;
  }
  private readonly typoCache = new Map<string, string[]>();

  private computeTypos(key: string): string[] {
    if (!this.deletions) {
      this.deletions = new Map();
      for (const w of this.personWords) for (const d of deletes(w)) {
        const l = this.deletions.get(d);
        if (l) l.push(w);
        else this.deletions.set(d, [w]);
      }
    }
    const out = new Set<string>();
    if (this.personWords.has(key)) return [key];
    for (const w of this.deletions.get(key) ?? []) out.add(w); // one letter missing in the text
    for (const d of deletes(key)) {
      if (this.personWords.has(d)) out.add(d); // one letter too many in the text
      for (const w of this.deletions.get(d) ?? []) if (withinOne(key, w)) out.add(w); // swapped or replaced letter
    }
    return [...out];
  }

  /** Office key → its holders' roles; built on first use, after all files are loaded. */
  private byOffice: Map<string, { e: KbEntity; r: KbRole }[]> | null = null;

  /** People who held `office` on `date` (YYYY-MM-DD); partial role dates cover their whole month or year. */
  holders(office: string, date: string): KbEntity[] {
    if (!this.byOffice) {
      this.byOffice = new Map();
      for (const e of this.entities.values())
        for (const r of e.roles) {
          const list = this.byOffice.get(r.office) ?? [];
          list.push({ e, r });
          this.byOffice.set(r.office, list);
        }
    }
    return (this.byOffice.get(office) ?? []).filter((h) => roleCovers(h.r, date)).map((h) => h.e);
  }

  /** Offices of a given kind for a country or organization (`country:ru`, `org:nato`). */
  officesOf(owner: string, kind: string): KbOffice[] {
    const out: KbOffice[] = [];
    for (const o of this.offices.values()) if (o.kind === kind && (o.country ?? null) === owner) out.push(o);
    return out;
  }

  /** The title of the office a person held on `date`, most senior first (order in the data). */
  roleAt(id: string, date: string | null): string | null {
    const e = this.entities.get(id);
    if (!e || !e.roles.length) return null;
    const active = date ? e.roles.filter((r) => roleCovers(r, date)) : e.roles.filter((r) => r.end == null);
    const r = active[0];
    if (!r) return null;
    return this.offices.get(r.office)?.title.en ?? r.office;
  }
}

function deletes(w: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < w.length; i++) out.push(w.slice(0, i) + w.slice(i + 1));
  return out;
}

/** Damerau-Levenshtein distance ≤ 1 for two words of equal length (one substitution or one adjacent swap). */
function withinOne(a: string, b: string): boolean {
  if (a.length !== b.length) return true; // insertions and deletions were checked by the index itself
  const diff: number[] = [];
  for (let i = 0; i < a.length && diff.length <= 2; i++) if (a[i] !== b[i]) diff.push(i);
  if (diff.length <= 1) return true;
  if (diff.length === 2 && diff[1] === diff[0]! + 1) return a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
  return false;
}

function roleCovers(r: { start: string | null; end: string | null }, date: string): boolean {
  const start = r.start ? r.start : "0000";
  // A partial end date ("2022-03") covers the whole month: compare on its length, inclusive.
  if (date.slice(0, start.length) < start) return false;
  if (r.end && date.slice(0, r.end.length) > r.end) return false;
  return true;
}

function readKbFile<T>(file: string, kind: string): T[] {
  let data: KbFile<T>;
  try {
    data = JSON.parse(readFileSync(file, "utf8")) as KbFile<T>;
  } catch (err) {
    throw new DossierError("KB_INVALID", `${file} is not valid JSON: ${(err as Error).message}`);
  }
  validateEntries(file, data.entries, kind);
  return data.entries;
}

function jsonFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => join(dir, f));
}

function allNames(n: Names | undefined): string[] {
  if (!n) return [];
  return [...(n.en ?? []), ...(n.de ?? []), ...(n.other ?? [])];
}

/** Loads kb/ (and optional user files of the same format) into one indexed knowledge base. */
export function loadKnowledgeBase(extraFiles: string[] = [], dir = KB_DIR): KnowledgeBase {
  const kb = new KnowledgeBase();
  const files: { file: string; kind: string }[] = [];
  const add = (file: string, kind: string) => existsSync(file) && files.push({ file, kind });
  add(join(dir, "countries.json"), "entity");
  add(join(dir, "organizations.json"), "entity");
  add(join(dir, "places.json"), "entity");
  for (const f of jsonFiles(join(dir, "people"))) add(f, "entity");
  for (const f of jsonFiles(join(dir, "offices"))) add(f, "office");
  for (const f of extraFiles) {
    if (!existsSync(f)) throw new DossierError("NOT_FOUND", `knowledge-base file ${f} does not exist`);
    add(f, "entity");
  }
  for (const { file, kind } of files) {
    if (kind === "office") {
      for (const o of readKbFile<KbOffice>(file, "office")) kb.offices.set(o.id, o);
      continue;
    }
    for (const raw of readKbFile<KbEntryBase & Record<string, unknown>>(file, "entity")) indexEntry(kb, raw);
  }
  return kb;
}

const ADJ_ENDINGS = ["e", "en", "em", "er", "es"];

interface NamePatterns {
  familyNameFirst: { countries: string[]; names: string[] };
  suffixes: string[];
  particles: string[];
  articles?: string[];
}
let namePatterns: { countries: Set<string>; family: Set<string>; suffixes: Set<string>; particles: Set<string>; articles: Set<string> } | null = null;
function patterns() {
  if (!namePatterns) {
    const d = lexicon<NamePatterns>("common", "name-patterns", { familyNameFirst: { countries: [], names: [] }, suffixes: [], particles: [] });
    namePatterns = {
      countries: new Set(d.familyNameFirst.countries),
      family: new Set(d.familyNameFirst.names.map((n) => aliasKeys(n).join(" "))),
      suffixes: new Set(d.suffixes.map((n) => aliasKeys(n).join(" "))),
      particles: new Set(d.particles.map((n) => aliasKeys(n).join(" "))),
      articles: new Set(d.articles ?? []),
    };
  }
  return namePatterns;
}

/**
 * The keys a person is called by alone: the last name word ("Selenskyj", "al-Sisi" → "al sisi"
 * and "sisi"), or the family name first in East Asian names ("Xi Jinping" → "xi"); suffixes
 * such as "Jr." and regnal numbers are skipped. Null when the name has a single word.
 */
function surnameKeys(name: string, country: string | null): string[][] {
  const p = patterns();
  const words = name.split(/\s+/).filter(Boolean);
  while (words.length > 1 && (p.suffixes.has(aliasKeys(words[words.length - 1]!).join(" ")) || /^[IVX]+\.?$/.test(words[words.length - 1]!)))
    words.pop();
  if (words.length < 2) return [];
  const first = aliasKeys(words[0]!);
  const familyFirst = country != null && p.countries.has(country);
  if (familyFirst && first.length === 1 && p.family.has(first[0]!)) return [first];
  let keys = aliasKeys(words[words.length - 1]!);
  // "Jae-in", "Ching-te": a hyphenated given name written last is no surname.
  if (familyFirst && keys.length > 1) return [];
  // "bin Salman", "von der Leyen": the particles belong to the surname.
  let k = words.length - 2;
  while (k > 0 && p.particles.has(aliasKeys(words[k]!).join(" "))) keys = [...aliasKeys(words[k--]!), ...keys];
  const out: string[][] = [];
  if (keys.length === 1 ? keys[0]!.length >= 3 : true) out.push(keys);
  // "al-Assad" is also "Assad", "von der Leyen" also "Leyen" is not: only glued Arabic articles drop.
  if (keys.length === 2 && p.particles.has(keys[0]!) && keys[1]!.length >= 3 && p.articles.has(keys[0]!)) out.push([keys[1]!]);
  return out;
}

function indexEntry(kb: KnowledgeBase, raw: KbEntryBase & Record<string, unknown>): void {
  const prefix = raw.id.slice(0, raw.id.indexOf(":"));
  const type = TYPE_OF[prefix] ?? "other";
  const prev = kb.entities.get(raw.id);
  const person = raw as unknown as KbPerson;
  const org = raw as unknown as KbOrganization;
  const place = raw as unknown as KbPlace;
  const entity: KbEntity = prev ?? {
    id: raw.id,
    name: raw.name,
    type,
    wikidata: raw.wikidata ?? null,
    country: (org.country as string | null | undefined) ?? null,
    actsFor: org.actsFor ?? null,
    gender: person.gender ?? null,
    roles: [],
    ...(typeof place.lat === "number" ? { lat: place.lat, lon: place.lon } : {}),
    ...(typeof org.kind === "string" ? { kind: org.kind } : {}),
  };
  // A user file may add roles and names to an existing entry.
  for (const r of person.roles ?? []) entity.roles.push({ office: r.office, start: r.start ?? null, end: r.end ?? null });
  kb.entities.set(raw.id, entity);

  const names = new Set([raw.name, ...allNames(raw.names)]);
  for (const n of names) kb.addAlias(n, { id: raw.id, form: "name" });
  if (type === "person") {
    for (const n of names) {
      for (const keys of surnameKeys(n, entity.country)) {
        kb.addKeys(keys, { id: raw.id, form: "surname" });
        const last = keys[keys.length - 1]!;
        if (keys.length === 1 && last.length >= 7) kb.personWords.add(last);
      }
    }
  }
  if (type === "country") {
    const c = raw as unknown as KbCountry;
    for (const a of allNames(c.adjectives)) kb.addAlias(a, { id: raw.id, form: "adjective" });
    // German adjectives are stems ("russisch"): index the inflected forms too, so scanning needs no retries.
    for (const a of c.adjectives?.de ?? []) for (const end of ADJ_ENDINGS) kb.addAlias(a + end, { id: raw.id, form: "adjective" });
    for (const a of allNames(c.demonyms)) kb.addAlias(a, { id: raw.id, form: "demonym" });
    for (const a of allNames(c.prefixes)) kb.addAlias(a.replace(/-$/, ""), { id: raw.id, form: "prefix" });
    for (const a of allNames(c.seats)) kb.addAlias(a, { id: raw.id, form: "seat" });
  }
}
