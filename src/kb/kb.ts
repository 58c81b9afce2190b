// Loads the actor knowledge base once, validates it and indexes every alias for lookup.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DossierError } from "../core/errors.js";
import { foldWords } from "../core/normalize.js";
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

export class KnowledgeBase {
  readonly entities = new Map<string, KbEntity>();
  readonly offices = new Map<string, KbOffice>();
  /** Folded alias (words joined by one space) → candidates. */
  readonly aliases = new Map<string, AliasHit[]>();
  /** Folded first word of every alias, for fast rejection while scanning tokens. */
  readonly firstWords = new Set<string>();
  /** Longest alias in words. */
  maxWords = 1;

  entity(id: string): KbEntity | undefined {
    return this.entities.get(id);
  }

  lookup(folded: string): AliasHit[] | undefined {
    return this.aliases.get(folded);
  }

  addAlias(text: string, hit: AliasHit): void {
    const key = foldWords(text);
    if (!key) return;
    const list = this.aliases.get(key);
    if (list) {
      if (!list.some((h) => h.id === hit.id && h.form === hit.form)) list.push(hit);
    } else this.aliases.set(key, [hit]);
    const words = key.split(" ");
    this.firstWords.add(words[0]!);
    if (words.length > this.maxWords) this.maxWords = words.length;
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
      const words = n.split(/\s+/);
      if (words.length > 1) kb.addAlias(words[words.length - 1]!, { id: raw.id, form: "surname" });
    }
  }
  if (type === "country") {
    const c = raw as unknown as KbCountry;
    for (const a of allNames(c.adjectives)) kb.addAlias(a, { id: raw.id, form: "adjective" });
    for (const a of allNames(c.demonyms)) kb.addAlias(a, { id: raw.id, form: "demonym" });
    for (const a of allNames(c.prefixes)) kb.addAlias(a.replace(/-$/, ""), { id: raw.id, form: "prefix" });
    for (const a of allNames(c.seats)) kb.addAlias(a, { id: raw.id, form: "seat" });
  }
}
