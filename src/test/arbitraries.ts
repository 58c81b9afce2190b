// Shared fast-check generators for the property tests (news-like text from the lexicons, HTML, bytes, truncated UTF-8), their seeded run counts, and the span checks.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { LEXICON_DIR } from "../core/paths.js";
import type { Document, Span } from "../core/types.js";

/**
 * Generated cases per property, by test; their sum is what one `npm test` runs (a test checks it is at
 * least 10,000). Sizes are chosen so that all property files together take a few tens of seconds.
 */
export const PROPERTY_RUNS = {
  "extract:news": 500,
  "extract:any-string": 250,
  "extract:html": 200,
  "extract:bytes": 250,
  "stages:news": 500,
  "stages:sentences": 2000,
  "stages:tokens": 1000,
  "stages:times": 1000,
  "clean:text": 600,
  "ingest:read-bytes": 800,
  "ingest:decode": 1500,
  "ingest:truncated-utf8": 500,
  "ingest:html": 400,
  "ingest:lighten": 1000,
  "story:days": 500,
  "story:merge": 200,
  "api:upload-names": 1000,
  "api:search": 150,
  "store:csv": 1000,
  "store:search": 300,
} as const;

export type PropertyName = keyof typeof PROPERTY_RUNS;

/** One base seed for every property (DOSSIER_PROPERTY_SEED overrides it to explore); each test derives its own. */
export const BASE_SEED = Number(process.env.DOSSIER_PROPERTY_SEED ?? 20261208);

/** fast-check parameters of a property: its run count and a seed fixed per test name, so every run is reproducible. */
export function runs(name: PropertyName): { numRuns: number; seed: number } {
  let h = BASE_SEED | 0;
  for (const ch of name) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return { numRuns: PROPERTY_RUNS[name], seed: h };
}

/** Short strings of the lexicons (time words, reporting verbs, role nouns, names, …): the words the stages react to. */
function lexiconWords(): string[] {
  const out = new Set<string>();
  const walk = (x: unknown): void => {
    if (typeof x === "string") {
      if (x.length > 0 && x.length <= 25) out.add(x);
    } else if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === "object") Object.values(x).forEach(walk);
  };
  for (const lang of ["de", "en"])
    for (const f of readdirSync(join(LEXICON_DIR, lang)).sort())
      if (f.endsWith(".json")) walk(JSON.parse(readFileSync(join(LEXICON_DIR, lang, f), "utf8")));
  return [...out].sort();
}

const WORDS = lexiconWords();
/** Marks and shapes the lexicons do not hold: quotes of every style, dates, numbers, breaks, odd characters. */
const SHAPES = [
  "„", "“", "”", "\"", "«", "»", "‚", "‘", "’", "'", "…", "...", ". ", ", ", ": ", "; ", "! ", "? ", "(", ")", "-", "–", "—",
  "\n", "\n\n", "\r\n", "\t", " ", "\u00a0", "\u200b", "\ufeff", "10.", "2022", "1939", "4:45", "12.03.2024", "3.5", "1.9.39",
  "Putin", "Selenskyj", "Zelensky", "Trump", "Merz", "Scholz", "Genf", "Geneva", "US-Präsident", "Kremlchef", "A.", "Dr.", "z. B.",
  "ü", "ß", "🙂", "\ud800", "\udfff", "<p>", "&amp;", "http://x.y/z", "@", "#", "==", "=SUM(A1)",
];

const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 4, arbitrary: fc.constantFrom(...SHAPES) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 3, unit: "grapheme" }) },
);

/** News-like text: lexicon words, quote marks, dates and breaks in any order, joined mostly by spaces. */
export const newsText = fc
  .array(fc.tuple(piece, fc.constantFrom(" ", " ", " ", "", "\n", ". ")), { maxLength: 70 })
  .map((a) => a.map(([p, s]) => p + s).join(""));

/** Any UTF-16 string, lone surrogates and control characters included. */
export const anyString = fc.oneof(
  fc.string({ maxLength: 300, unit: "binary" }),
  fc.string({ maxLength: 200, unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }),
);

/** Text of either kind. */
export const anyText = fc.oneof({ weight: 3, arbitrary: newsText }, { weight: 1, arbitrary: anyString });

const TAGS = [
  "<p>", "</p>", "<div>", "</div>", "<div class=\"article-body\">", "<div class=\"share\">", "<article>", "</article>", "<nav>", "</nav>",
  "<h1>", "</h1>", "<br>", "<br/>", "<a href=\"javascript:alert(1)\">", "<a href=x>", "</a>", "<script>", "</script>", "<script type=\"application/ld+json\">",
  "<style>", "</style>", "<!--", "-->", "<svg>", "</svg>", "<img src=x onerror=alert(1)>", "<meta charset=\"windows-1252\">", "<meta property=\"og:title\" content=\"",
  "\">", "<title>", "</title>", "<html>", "<body>", "</body>", "<footer>", "</footer>", "<![CDATA[", "]]>", "<", ">", "&", "&lt;", "&#x27;", "<table><tr><td>",
];

/** HTML-ish markup: tags (closed or not), attributes, comments, entities and news text, in any order. */
export const htmlText = fc
  .array(fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...TAGS) }, { weight: 2, arbitrary: newsText }, { weight: 1, arbitrary: fc.string({ maxLength: 10 }) }), { maxLength: 40 })
  .map((a) => a.join(""));

/** The UTF-8 bytes of news text cut at any byte (mid-character too), sometimes with a byte flipped. */
export const truncatedUtf8 = fc
  .tuple(newsText, fc.nat(), fc.option(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }))))
  .map(([t, cut, flip]) => {
    const bytes = new TextEncoder().encode(t);
    const out = bytes.slice(0, bytes.length ? cut % (bytes.length + 1) : 0);
    if (flip && out.length) out[flip[0] % out.length] = flip[1];
    return out;
  });

/** Asserts that a span lies inside the text, is not reversed, and (when it carries text) slices to it. */
export function assertSpan(text: string, s: Span & { text?: string }, what: string): void {
  assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end), `${what}: offsets are not integers`);
  assert.ok(s.start >= 0 && s.start <= s.end && s.end <= text.length, `${what}: [${s.start},${s.end}) outside a text of ${text.length}`);
  if (typeof s.text === "string") assert.equal(text.slice(s.start, s.end), s.text, `${what}: text is not text.slice(start, end)`);
}

/** Checks every span of every layer a document has so far. */
export function assertLayers(doc: Document): void {
  const t = doc.text;
  const L = doc.layers;
  let last = 0;
  for (const [i, s] of (L.sentences ?? []).entries()) {
    assertSpan(t, s, `sentence ${i}`);
    assert.ok(s.start >= last && s.start < s.end, `sentence ${i} is empty or overlaps the one before`);
    last = s.end;
  }
  for (const [i, k] of (L.tokens ?? []).entries()) {
    assertSpan(t, k, `token ${i}`);
    const s = L.sentences?.[k.sentence];
    assert.ok(s && k.start >= s.start && k.end <= s.end && k.start < k.end, `token ${i} is not inside its sentence`);
  }
  for (const m of L.mentions ?? []) assertSpan(t, m, `mention of ${m.entity}`);
  for (const x of L.times ?? []) assertSpan(t, x, `time ${JSON.stringify(x.text)}`);
  for (const q of L.quotes ?? []) {
    assertSpan(t, q, `quote ${JSON.stringify(q.text)}`);
    for (const s of [q.frame, q.cueSpan, q.speakerSpan]) if (s) assertSpan(t, s, "quote part");
  }
  for (const e of L.events ?? []) {
    assertSpan(t, e.evidence, `evidence of ${e.type}`);
    assertSpan(t, e.trigger, `trigger of ${e.type}`);
  }
}
