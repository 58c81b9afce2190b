// Document language: eld (n-gram detector, loaded on demand) voting per paragraph by length, so a footer line in another language cannot flip it; function-word counts until eld is loaded.
import { lexicon } from "../core/lexicon.js";

interface StopData {
  languages: Record<string, string[]>;
}

interface Detector {
  detect(text: string): { language: string };
}

let sets: [string, Set<string>][] | null = null;
let eld: Detector | null = null;

/** Loads eld's small database once (about a second); afterwards detectLanguage uses it. Never throws. */
export async function loadLanguageDetector(): Promise<boolean> {
  if (eld) return true;
  try {
    const mod = (await import("eld/extrasmall")) as { eld: Detector };
    eld = mod.eld;
    return true;
  } catch {
    return false; // the stopword counts still work
  }
}

/** ISO 639-1 code of the document's language; "en" when nothing is recognised. */
export function detectLanguage(text: string): string {
  if (eld) {
    const votes = new Map<string, number>();
    let seen = 0;
    for (const para of text.split(/\n\s*\n|\n/)) {
      const p = para.trim();
      if (p.length < 30) continue; // short lines (captions, footers, "1 godzina temu") do not vote
      const lang = eld.detect(p.slice(0, 1000)).language;
      if (lang) votes.set(lang, (votes.get(lang) ?? 0) + p.length);
      if ((seen += p.length) > 20000) break;
    }
    let best = "";
    let n = 0;
    for (const [lang, c] of votes) if (c > n) [best, n] = [lang, c];
    if (best) return best;
  }
  return byStopwords(text);
}

function byStopwords(text: string): string {
  if (!sets) sets = Object.entries(lexicon<StopData>("common", "stopwords", { languages: {} }).languages).map(([k, v]) => [k, new Set(v)]);
  const counts = new Map<string, number>();
  const words = text.slice(0, 20000).toLowerCase().match(/[\p{L}]+/gu) ?? [];
  for (const w of words) for (const [lang, set] of sets) if (set.has(w)) counts.set(lang, (counts.get(lang) ?? 0) + 1);
  let best = "en";
  let n = 0;
  for (const [lang, c] of counts) if (c > n) [best, n] = [lang, c];
  return best;
}
