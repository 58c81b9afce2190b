// Stemmed shadow text for full-text search: German and English Snowball stemmers from @orama/stemmers.
import { stemmer as stemDe } from "@orama/stemmers/german";
import { stemmer as stemEn } from "@orama/stemmers/english";
import { fold } from "../core/normalize.js";

const STEMMERS: Record<string, (w: string) => string> = { de: stemDe, en: stemEn };

/** The words of a text (letters and digits), case-folded and without diacritics. */
export function words(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Stems are memoized per language: the Snowball stemmers cost microseconds per word, news
 * vocabulary repeats, and a store ingests hundreds of articles a second. The cache is cleared
 * when it grows past CACHE_WORDS so that an endless ingest keeps a bounded memory.
 */
const CACHE_WORDS = 200_000;
const caches = new Map<string, Map<string, string>>();

/** The stem of a word as written (any case, with diacritics): folded, then stemmed; memoized by the written form. */
export function stemWord(word: string, lang: string): string {
  return stemIn(cacheOf(lang), STEMMERS[lang], word);
}

function cacheOf(lang: string): Map<string, string> {
  let c = caches.get(lang);
  if (!c) caches.set(lang, (c = new Map()));
  return c;
}

function stemIn(c: Map<string, string>, s: ((w: string) => string) | undefined, word: string): string {
  let out = c.get(word);
  if (out === undefined) {
    const f = fold(word);
    out = s ? s(f) : f;
    if (c.size >= CACHE_WORDS) c.clear();
    c.set(word, out);
  }
  return out;
}

const NON_WORD = /[^\p{L}\p{N}]+/u;

/** The text as a space-separated list of stems in its language (other languages: the folded words). */
export function stemText(text: string, lang: string): string {
  // Words as written are the cache keys, so the text is not folded as a whole (fold per new word only);
  // split is cheaper than matchAll here (no match objects), and this runs on every stored article.
  // The cache and stemmer are looked up once per text, not once per word.
  const c = cacheOf(lang);
  const s = STEMMERS[lang];
  const parts = text.split(NON_WORD);
  let out = "";
  for (const w of parts) if (w) out = out ? `${out} ${stemIn(c, s, w)}` : stemIn(c, s, w);
  return out;
}

/** Every stem a query word may have in the languages the store holds. */
export function queryStems(word: string): string[] {
  const w = fold(word);
  return [...new Set(Object.values(STEMMERS).map((s) => s(w)))];
}
