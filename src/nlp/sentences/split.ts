// Sentence boundaries with offsets: abbreviations, ordinal dates, initials, headlines and bullets without final punctuation.
import { lexicon } from "../../core/lexicon.js";
import { LIMITS } from "../../core/limits.js";
import type { Sentence, Span } from "../../core/types.js";

interface AbbrevData {
  abbreviations: string[];
  months: string[];
  suffixes?: string[];
  sentenceStarts?: string[];
  ordinalDeterminers?: string[];
}

interface SplitData {
  abbr: Set<string>;
  months: Set<string>;
  suffixes: string[];
  /** Only languages that write ordinals with a period (German) have these. */
  sentenceStarts: Set<string> | null;
  ordinalDeterminers: Set<string>;
}

const cache = new Map<string, SplitData>();
function data(lang: string) {
  let d = cache.get(lang);
  if (!d) {
    const a = lexicon<AbbrevData>(lang, "abbreviations", { abbreviations: [], months: [] });
    // Abbreviations of both languages apply: German articles quote English titles and vice versa.
    const other = lexicon<AbbrevData>(lang === "de" ? "en" : "de", "abbreviations", { abbreviations: [], months: [] });
    d = {
      abbr: new Set([...a.abbreviations, ...other.abbreviations].map((x) => x.toLowerCase())),
      months: new Set([...a.months, ...other.months].map((x) => x.toLowerCase())),
      suffixes: (a.suffixes ?? []).map((x) => x.toLowerCase()),
      sentenceStarts: a.sentenceStarts ? new Set(a.sentenceStarts) : null,
      ordinalDeterminers: new Set(a.ordinalDeterminers ?? []),
    };
    cache.set(lang, d);
  }
  return d;
}

const CLOSERS = "\"'”’“»«›‹)]";
const END = /[.!?…]/;

/** Splits `text` into sentences; every line break between blocks and every bullet line is a boundary. */
export function splitSentences(text: string, lang: string): (Span & { paragraph: number; rule: string })[] {
  const { abbr, months, suffixes, sentenceStarts, ordinalDeterminers } = data(lang);
  const out: (Span & { paragraph: number; rule: string })[] = [];
  let paragraph = 0;
  let start = -1;
  const push = (end: number, rule: string) => {
    if (start < 0) return;
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e, paragraph, rule });
    start = -1;
  };
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text[i]!;
    if (c === "\n") {
      // A line break ends a sentence unless the line is visibly wrapped (no end mark, next line lower-case).
      const prevChar = prevNonSpace(text, i);
      const nextIdx = nextNonSpace(text, i + 1);
      const blank = text.slice(i + 1, nextIdx).includes("\n");
      const wrapped = !blank && nextIdx < n && /[\p{Ll},;]/u.test(text[nextIdx]!) && prevChar !== "" && !END.test(prevChar) && !/[:]/.test(prevChar);
      if (!wrapped) {
        push(i, "line-break");
        if (blank) paragraph++;
      }
      continue;
    }
    if (start < 0) {
      if (/\s/.test(c)) continue;
      start = i;
    }
    // Most characters: a comparison, not a regex call per character.
    if (c !== "." && c !== "!" && c !== "?" && c !== "…") continue;
    // Take the whole run of end marks and closing quotes/brackets.
    let j = i + 1;
    while (j < n && (END.test(text[j]!) || CLOSERS.includes(text[j]!))) j++;
    // These three tests depend only on where the run of marks ends, so every later mark of the run
    // would fail them too: skip the run (a long run of "…" was quadratic).
    if (j < n && !/\s/.test(text[j]!)) { // "3.5", "U.S.-Russia", "z.B."
      i = j - 1;
      continue;
    }
    const next = nextNonSpace(text, j);
    if (next >= n || text[next] === "\n") { // the line break handles it
      i = j - 1;
      continue;
    }
    const nc = text[next]!;
    if (c === ".") {
      const word = wordBefore(text, i);
      const lower = word.toLowerCase();
      if (abbr.has(lower) || abbr.has(dottedBefore(text, i).toLowerCase())) continue;
      if (word.length > 3 && suffixes.some((x) => lower.endsWith(x))) continue; // "Hauptstr."
      if (/^\p{Lu}$/u.test(word)) continue; // initial: "George W. Bush"
      if (/^\d{1,2}$/.test(word)) {
        const nextRaw = wordAt(text, next);
        const nextWord = nextRaw.toLowerCase().replace(/\.$/, "");
        if (months.has(nextWord) || /^[\p{Ll}\d]/u.test(nc)) continue; // "10. Januar", "am 3. und 4."
        if (abbr.has(nextWord)) continue; // "im 19. Jh."
        // German ordinals before a noun: "im 19. Jahrhundert", "zum 2. Mal"; a sentence opener still ends the sentence.
        const det = wordBefore(text, i - word.length - 1).toLowerCase();
        if (sentenceStarts && ordinalDeterminers.has(det) && /^\p{Lu}/u.test(nc) && !sentenceStarts.has(nextRaw.replace(/\.$/, ""))) continue;
      }
    }
    // A lower-case continuation is no new sentence: "z. B. ein", "«…?», fragte er".
    if (/[\p{Ll}]/u.test(nc)) continue;
    push(j, "end-mark");
    i = j - 1;
  }
  push(n, "end-of-text");
  return capLength(text, out);
}

/**
 * Cuts sentences longer than LIMITS.maxSentenceChars at the last space before the limit (else at the limit,
 * never inside a surrogate pair): a run of text without end marks is no sentence, and the later stages'
 * work per sentence must stay bounded.
 */
function capLength<S extends Span & { rule: string }>(text: string, spans: S[]): S[] {
  const max = LIMITS.maxSentenceChars;
  if (!spans.some((s) => s.end - s.start > max)) return spans;
  const out: S[] = [];
  for (const s of spans) {
    let start = s.start;
    while (s.end - start > max) {
      let cut = text.lastIndexOf(" ", start + max);
      if (cut <= start) cut = start + max;
      if (/[\uD800-\uDBFF]/.test(text[cut - 1]!)) cut--;
      let end = cut;
      while (end > start && /\s/.test(text[end - 1]!)) end--;
      if (end > start) out.push({ ...s, start, end, rule: "length-limit" });
      start = cut;
      while (start < s.end && /\s/.test(text[start]!)) start++;
    }
    if (s.end > start) out.push({ ...s, start });
  }
  return out;
}

function prevNonSpace(text: string, i: number): string {
  let k = i - 1;
  while (k >= 0 && /[ \t]/.test(text[k]!)) k--;
  return k >= 0 ? text[k]! : "";
}

function nextNonSpace(text: string, i: number): number {
  let k = i;
  while (k < text.length && /[ \t\n\r]/.test(text[k]!) && text[k] !== "\n") k++;
  if (text[k] === "\n") {
    // skip blank lines too, but report the first non-space after them
    while (k < text.length && /\s/.test(text[k]!)) k++;
  }
  return k;
}

function wordBefore(text: string, i: number): string {
  let k = i - 1;
  while (k >= 0 && /[\p{L}\p{N}]/u.test(text[k]!)) k--;
  return text.slice(k + 1, i);
}

/** "z. B" / "u.a" style: the dotted run before position i. */
function dottedBefore(text: string, i: number): string {
  let k = i - 1;
  while (k >= 0 && /[\p{L}. ]/u.test(text[k]!) && i - k < 8) k--;
  return text.slice(k + 1, i).trim();
}

function wordAt(text: string, i: number): string {
  let k = i;
  while (k < text.length && /[\p{L}\p{N}.]/u.test(text[k]!)) k++;
  return text.slice(i, k);
}

export function toSentences(spans: ReturnType<typeof splitSentences>): Sentence[] {
  return spans.map((s) => ({ start: s.start, end: s.end, paragraph: s.paragraph, provenance: { stage: "sentences", rule: s.rule } }));
}
