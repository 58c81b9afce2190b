// Shapes of the knowledge-base data files (kb/README.md) and their validation.
import { DossierError } from "../core/errors.js";

export type Names = Partial<Record<"en" | "de" | "other", string[]>>;

export interface KbRole {
  office: string;
  start: string | null;
  end: string | null;
}

export interface KbEntryBase {
  id: string;
  name: string;
  wikidata: string | null;
  names: Names;
}

export interface KbCountry extends KbEntryBase {
  iso2?: string;
  adjectives?: Names;
  demonyms?: Names;
  prefixes?: Names;
  capital?: string | null;
  seats?: Names;
}

export interface KbOrganization extends KbEntryBase {
  kind?: string;
  country?: string | null;
  actsFor?: string | null;
  parent?: string | null;
}

export interface KbPlace extends KbEntryBase {
  country?: string | null;
  kind?: string;
  lat?: number;
  lon?: number;
}

export interface KbPerson extends KbEntryBase {
  gender?: "m" | "f" | null;
  country?: string | null;
  roles?: KbRole[];
}

export interface KbOffice {
  id: string;
  country?: string | null;
  kind: string;
  title: { en: string; de?: string };
}

export interface KbFile<T> {
  _about?: string;
  entries: T[];
}

const ID = /^(person|country|org|place):[a-z0-9][a-z0-9-]*$/;

/** Checks one data file's entries; the message names the file and the entry so it can be fixed. */
export function validateEntries(file: string, entries: unknown, kind: string): void {
  if (!Array.isArray(entries)) throw new DossierError("KB_INVALID", `${file}: "entries" must be an array`);
  entries.forEach((e: any, i) => {
    const where = `${file} entry ${i}${e?.id ? ` (${e.id})` : ""}`;
    if (!e || typeof e !== "object") throw new DossierError("KB_INVALID", `${where}: not an object`);
    if (kind === "office") {
      if (typeof e.id !== "string" || !/^[a-z0-9-]+:[a-z0-9-]+$/.test(e.id))
        throw new DossierError("KB_INVALID", `${where}: office id must look like "ru:president"`);
      if (!e.title || typeof e.title.en !== "string") throw new DossierError("KB_INVALID", `${where}: title.en is required`);
      return;
    }
    if (typeof e.id !== "string" || !ID.test(e.id))
      throw new DossierError("KB_INVALID", `${where}: id must look like "person:vladimir-putin" (kind:slug)`);
    if (typeof e.name !== "string" || !e.name.trim()) throw new DossierError("KB_INVALID", `${where}: name is required`);
    if (e.names != null && typeof e.names !== "object") throw new DossierError("KB_INVALID", `${where}: names must be an object of lists`);
    if (e.wikidata != null && !/^Q\d+$/.test(e.wikidata)) throw new DossierError("KB_INVALID", `${where}: wikidata must be Q… or null`);
    if (e.roles != null) {
      if (!Array.isArray(e.roles)) throw new DossierError("KB_INVALID", `${where}: roles must be a list`);
      for (const r of e.roles) {
        if (typeof r?.office !== "string") throw new DossierError("KB_INVALID", `${where}: every role needs an office key`);
        for (const d of [r.start, r.end])
          if (d != null && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(d))
            throw new DossierError("KB_INVALID", `${where}: role date "${d}" must be YYYY, YYYY-MM or YYYY-MM-DD`);
      }
    }
  });
}
