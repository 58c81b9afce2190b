// Accent- and case-insensitive substring search that keeps offsets into the original text.

/** Folds each character on its own (so offsets stay equal): lower case, accents dropped. */
export function fold(text: string): string {
  // ASCII is most of any article: lower-case it directly and normalize only the rest.
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  // Only capitals and non-ASCII characters are visited (search folds every evidence sentence it reads).
  return text.replace(/[A-Z]+|[^\x00-\x7f]/gu, (m) => (m.charCodeAt(0) < 0x80 ? m.toLowerCase() : foldChar(m)));
}

function foldChar(ch: string): string {
  let f = FOLDED.get(ch);
  if (f === undefined) {
    const lower = ch.toLowerCase();
    const bare = lower.normalize("NFD").replace(/\p{M}/gu, "");
    f = bare.length === ch.length ? bare : lower.length === ch.length ? lower : ch;
    if (FOLDED.size < 65536) FOLDED.set(ch, f);
  }
  return f;
}

/** Folded forms of the non-ASCII characters seen so far (normalizing is the slow part). */
const FOLDED = new Map<string, string>();

/** The words of a query, folded; quotes group words into one phrase. */
export function queryTerms(q: string): string[] {
  const terms: string[] = [];
  for (const m of q.matchAll(/"([^"]+)"|(\S+)/g)) {
    const t = fold((m[1] ?? m[2] ?? "").trim());
    if (t) terms.push(t);
  }
  return terms;
}

/** Offsets of every occurrence of every term in `text`, or null when some term is missing. */
export function matchAll(text: string, terms: string[], foldedText = fold(text)): { start: number; end: number }[] | null {
  const hits: { start: number; end: number }[] = [];
  for (const t of terms) {
    let i = foldedText.indexOf(t);
    if (i < 0) return null;
    while (i >= 0 && hits.length < 1000) {
      hits.push({ start: i, end: i + t.length });
      i = foldedText.indexOf(t, i + t.length);
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** A window of the text around the first hit, with the hits inside it re-based to the window. */
export function snippet(text: string, hits: { start: number; end: number }[], before = 80, size = 240): { snippet: string; highlights: { start: number; end: number }[] } {
  const first = hits[0]?.start ?? 0;
  let from = Math.max(0, first - before);
  const ws = text.lastIndexOf(" ", from);
  if (from > 0 && ws >= 0 && first - ws < before + 20) from = ws + 1;
  const to = Math.min(text.length, from + size);
  const prefix = from > 0 ? "…" : "";
  const body = text.slice(from, to).replace(/\s+/g, " ");
  // Whitespace collapsing changes offsets; recompute the hits on the collapsed window instead.
  const shift = prefix.length;
  const highlights: { start: number; end: number }[] = [];
  const folded = fold(body);
  const terms = new Set(hits.map((h) => fold(text.slice(h.start, h.end)).replace(/\s+/g, " ")));
  for (const term of terms) {
    let i = folded.indexOf(term);
    while (i >= 0) {
      highlights.push({ start: i + shift, end: i + shift + term.length });
      i = folded.indexOf(term, i + term.length);
    }
  }
  highlights.sort((a, b) => a.start - b.start);
  return { snippet: prefix + body + (to < text.length ? "…" : ""), highlights };
}
