// Stemmed shadow text for full-text search: German and English Snowball stemmers from @orama/stemmers.
import { stemmer as stemDe } from "@orama/stemmers/german";
import { stemmer as stemEn } from "@orama/stemmers/english";
import { fold } from "../core/normalize.js";

const STEMMERS: Record<string, (w: string) => string> = { de: stemDe, en: stemEn };

/** The words of a text (letters and digits), case-folded and without diacritics. */
export function words(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

export function stemWord(word: string, lang: string): string {
  const s = STEMMERS[lang];
  return s ? s(word) : word;
}

/** The text as a space-separated list of stems in its language (other languages: the folded words). */
export function stemText(text: string, lang: string): string {
  const s = STEMMERS[lang];
  const ws = words(text);
  return (s ? ws.map(s) : ws).join(" ");
}

/** Every stem a query word may have in the languages the store holds. */
export function queryStems(word: string): string[] {
  const w = fold(word);
  return [...new Set(Object.values(STEMMERS).map((s) => s(w)))];
}
