// Document language by function-word counts (German vs English; other languages by a small stopword list each).
import { lexicon } from "../core/lexicon.js";

interface StopData {
  languages: Record<string, string[]>;
}

let sets: [string, Set<string>][] | null = null;

/** ISO 639-1 code of the language whose function words are most frequent; "de" or "en" when in doubt. */
export function detectLanguage(text: string): string {
  if (!sets) sets = Object.entries(lexicon<StopData>("common", "stopwords", { languages: {} }).languages).map(([k, v]) => [k, new Set(v)]);
  const counts = new Map<string, number>();
  const words = text.slice(0, 20000).toLowerCase().match(/[\p{L}]+/gu) ?? [];
  for (const w of words) for (const [lang, set] of sets) if (set.has(w)) counts.set(lang, (counts.get(lang) ?? 0) + 1);
  let best = "en";
  let n = 0;
  for (const [lang, c] of counts) if (c > n) [best, n] = [lang, c];
  return best;
}
