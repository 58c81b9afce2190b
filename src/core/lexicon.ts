// Loads per-language data files (lexicons/<lang>/<name>.json) once and caches them.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DossierError } from "./errors.js";
import { LEXICON_DIR } from "./paths.js";

const cache = new Map<string, unknown>();

/** The parsed lexicon, or `fallback` when the language has no such file. */
export function lexicon<T>(lang: string, name: string, fallback: T): T {
  const key = `${lang}/${name}`;
  if (cache.has(key)) return cache.get(key) as T;
  const file = join(LEXICON_DIR, lang, `${name}.json`);
  let value: T = fallback;
  if (existsSync(file)) {
    try {
      value = JSON.parse(readFileSync(file, "utf8")) as T;
    } catch (err) {
      throw new DossierError("LEXICON_INVALID", `lexicon ${file} is not valid JSON: ${(err as Error).message}; fix the file`);
    }
  }
  cache.set(key, value);
  return value;
}

/** The languages that have a lexicon folder. */
export const LANGUAGES = ["de", "en"] as const;
export type Lang = (typeof LANGUAGES)[number];

export function isLang(x: string): x is Lang {
  return (LANGUAGES as readonly string[]).includes(x);
}

/**
 * Every inflected form of the language's reporting verbs ("sagte", "said"). The file lists forms
 * by lemma; several stages (mentions, events, quotes) need the flat list.
 */
export function reportingVerbForms(lang: string): string[] {
  const file = lexicon<{ verbs?: string[] | Record<string, string[]> }>(lang, "reporting", {});
  const v = file.verbs ?? [];
  return Array.isArray(v) ? v : Object.values(v).flat();
}
