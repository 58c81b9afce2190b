// The limits that keep hostile or broken input from exhausting time, memory or the stack, with their documented defaults.
import { DossierError } from "./errors.js";
import type { Document } from "./types.js";

/**
 * Defaults (the README lists them). Each is far above what a news article needs (the longest line of the
 * example, seed and VOA dev corpora is 6,212 characters, the longest sentence 485, the deepest page under 60
 * elements), so only input that is no article meets them.
 */
export const LIMITS = {
  /** Bytes of one document (file, record, URL, also after gunzip); `--max-bytes` changes it. Error TOO_LARGE. */
  maxInputBytes: 5 * 1024 * 1024,
  /** Characters of one line of cleaned text (a paragraph); longer is a data dump or minified page. Error LINE_TOO_LONG. */
  maxLineChars: 100_000,
  /**
   * Characters of one sentence: the splitter ends a longer run without end marks at a space (rule
   * "length-limit"), so the stages' work per sentence stays bounded. Not an error.
   */
  maxSentenceChars: 2_000,
  /** Element nesting of an HTML page; deeper pages would overflow the parsers' recursion. Error TOO_DEEP. */
  maxHtmlDepth: 512,
  /**
   * Annotations in one layer (times, mentions, quotes, events) of one document; a long article has a few
   * hundred. Error TOO_MANY_ANNOTATIONS, raised after the stage that exceeds it, so later stages never see the flood.
   */
  maxAnnotationsPerLayer: 5_000,
} as const;

/** Throws LINE_TOO_LONG when a line of `text` is longer than the limit. */
export function checkLineLength(text: string, source: string, max: number = LIMITS.maxLineChars): void {
  let from = 0;
  while (from <= text.length) {
    let nl = text.indexOf("\n", from);
    if (nl < 0) nl = text.length;
    if (nl - from > max)
      throw new DossierError(
        "LINE_TOO_LONG",
        `${source} has a line of ${nl - from} characters, over the limit of ${max}; articles have paragraphs, this looks like a data dump or minified page (add line breaks if it really is text)`,
      );
    from = nl + 1;
  }
}

const COUNTED = ["times", "mentions", "quotes", "events"] as const;

/** Throws TOO_MANY_ANNOTATIONS when a stage left more annotations in a layer than the limit allows. */
export function checkAnnotationCount(doc: Document, stage: string, max: number = LIMITS.maxAnnotationsPerLayer): void {
  for (const layer of COUNTED) {
    const n = doc.layers[layer]?.length ?? 0;
    if (n > max)
      throw new DossierError(
        "TOO_MANY_ANNOTATIONS",
        `${doc.meta.source}: stage "${stage}" found ${n} ${layer}, over the limit of ${max} per document; this is no single article (split it into articles)`,
      );
  }
}

/** Throws TOO_DEEP when an element tree is nested deeper than the limit; iterative, so it cannot overflow itself. */
export function checkDepth(root: object, source: string, max: number = LIMITS.maxHtmlDepth): void {
  const stack: [object, number][] = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > max)
      throw new DossierError("TOO_DEEP", `${source}: HTML elements are nested more than ${max} deep; this is no article page (save the article text instead)`);
    for (const c of (node as { children?: readonly object[] }).children ?? []) stack.push([c, depth + 1]);
  }
}

// Elements that never hold others (void) or whose end tag may be left out: they do not deepen a rough count.
const FLAT = new Set([
  "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
  "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "rt", "rp", "caption",
]);
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)/g;

/**
 * Throws TOO_DEEP before parsing when the markup opens far more elements than it closes. The HTML parser
 * costs time quadratic in the depth (a megabyte of "<div>" took minutes), so this rough linear count runs
 * first; it allows four times the exact limit, which `checkDepth` applies to the parsed tree.
 */
export function checkMarkupDepth(html: string, source: string, max: number = LIMITS.maxHtmlDepth * 4): void {
  let depth = 0;
  let gt = -1; // the first ">" at or after the current tag, reused until passed (a linear scan overall)
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    const name = m[2]!.toLowerCase();
    if (FLAT.has(name)) continue;
    if (m[1]) {
      if (depth > 0) depth--;
      continue;
    }
    if (gt < m.index) gt = html.indexOf(">", m.index);
    if (gt < 0) return; // no tag from here on is complete
    if (html[gt - 1] === "/") continue; // <x/>
    if (++depth > max)
      throw new DossierError("TOO_DEEP", `${source}: HTML elements are nested more than ${max} deep; this is no article page (save the article text instead)`);
  }
}
