// Reporting words in a stretch of text: verbs (with separable particles), "so X", "hieß es", "laut", "zufolge".
import { startsUpper } from "../../core/chars.js";
import { ff, type QuoteLex } from "./lex.js";
import { tokenize, type Tok } from "./tokens.js";

export interface Cue {
  /** Offset and surface of the reporting word. */
  start: number;
  end: number;
  text: string;
  lemma: string;
  kind: "verb" | "so" | "marker";
}

/** True when token `i` is a reporting verb here; separable verbs need their particle later in the clause. */
export function isReportingVerb(toks: Tok[], i: number, l: QuoteLex): string | null {
  const t = toks[i]!;
  if (!t.word) return null;
  const f = t.f;
  const lemma = l.verbs.get(f);
  if (lemma && !startsUpper(t.text)) return lemma;
  // Sentence-initial capitalized verbs still count in frames ("Sagte er.") only in English ("Said …" is rare); skip.
  const ps = l.particles.get(f);
  if (ps) {
    for (let k = i + 1; k < toks.length && k < i + 25; k++) {
      const u = toks[k]!;
      if (!u.word && /[,.;:!?„“”"«»]/.test(u.text)) {
        // The particle closes the clause: "teilte sie mit.", "fügte er hinzu:"
        break;
      }
      if (ps.includes(u.f)) return f;
    }
  }
  if (lemma && startsUpper(t.text) && l.lang === "en") return null;
  return null;
}

/** All cues in text[from, to). */
export function cuesIn(text: string, from: number, to: number, l: QuoteLex): Cue[] {
  const toks = tokenize(text, from, to);
  const out: Cue[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (!t.word) continue;
    const f = t.f;
    const lemma = isReportingVerb(toks, i, l);
    if (lemma) out.push({ start: t.start, end: t.end, text: t.text, lemma, kind: "verb" });
    else if (l.soMarkers.has(f) && i > 0 && toks[i - 1]!.text === ",") out.push({ start: t.start, end: t.end, text: t.text, lemma: f, kind: "so" });
    else if (l.postfixMarkers.has(f) || l.standaloneMarkers.has(f) || l.prefixMarkers.includes(f) || (l.nounMarkers.has(f) && toks[i + 1] && l.nouns.has(toks[i + 1]!.f))) out.push({ start: t.start, end: t.end, text: t.text, lemma: f, kind: "marker" });
  }
  return out;
}
