// HTML pages: main content by our own extractor (Readability as fallback), metadata from meta tags, OpenGraph and JSON-LD.
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { DossierError } from "../core/errors.js";
import { checkDepth, checkMarkupDepth } from "../core/limits.js";
import { emptyArticle, type RawArticle } from "./article.js";
import { creditLine } from "../clean/agencies.js";
import { extractContent } from "./html/content.js";
import { lighten, parseHtml } from "./html/dom.js";
import { readMeta } from "./html/meta.js";

const BLOCK = new Set([
  "P", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "BLOCKQUOTE", "PRE", "TD", "TH", "DT", "DD", "FIGCAPTION", "ADDRESS",
]);
const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "IFRAME", "FORM", "BUTTON", "SELECT"]);

/** Below this many characters our extractor's result is doubted and Readability is asked too. */
const SHORT = 250;

export function readHtml(input: string, source: string): RawArticle {
  checkMarkupDepth(input, source); // the parser is quadratic in the depth
  const dom = parseHtml(input);
  checkDepth(dom, source); // before anything walks the tree recursively (Readability, linkedom)
  const meta = readMeta(dom);
  const content = extractContent(dom);
  let text = content.text;
  let format = content.method;
  if (text.length < SHORT) {
    const r = readabilityText(input);
    if (r.length > text.length) [text, format] = [r, "html-readability"];
  }
  if (text.trim().length < SHORT) {
    // No article container: the page's visible text, which line cleaning then trims.
    const { document } = parseHTML(wrap(lighten(input)));
    // linkedom's body getter throws when the markup left no root element ("<![CDATA[<body>").
    const body = document.documentElement && document.body ? blocksToText(document.body) : "";
    if (body.length > text.length) [text, format] = [body, "html-body"];
  }
  if (!text.trim()) throw new DossierError("NO_ARTICLE", `${source}: the HTML page has no article text; is it a front page or an error page?`);
  // The h1 is often the og:title without its kicker ("NATO-Gipfel in Vilnius: …"): print the fuller headline once, in the h1's place.
  const h1 = content.headline;
  if (h1 && meta.title && meta.title !== h1 && meta.title.includes(h1)) {
    const blocks = text.split("\n\n");
    const i = blocks.slice(0, 4).indexOf(h1);
    if (i >= 0) {
      blocks[i] = meta.title;
      text = blocks.join("\n\n");
    }
  }
  const title = h1 ?? meta.title;
  if (title && !text.slice(0, title.length + 200).includes(title)) text = `${title}\n\n${text}`;
  const a = emptyArticle(source, text, format);
  Object.assign(a, {
    url: meta.url,
    title: meta.title ?? content.headline,
    outlet: meta.outlet,
    language: meta.language,
    published: meta.published,
    author: meta.author,
  });
  // Credits sit in byline and footer boxes that pruning drops; hand them to line cleaning, which records the agencies and removes the lines again.
  const credits = creditSegments(content.removed.map((r) => r.text));
  if (credits.length) a.body = `${a.body}\n\n${credits.join("\n")}`;
  a.removed.push(...content.removed.filter((r) => !credits.includes(r.text)));
  return a;
}

/** Parts of pruned text ("AFP · 01.09.2025 · 3 Min. Lesezeit", "Mit Material von Reuters und AFP") that are agency credits. */
function creditSegments(texts: string[]): string[] {
  const out: string[] = [];
  for (const t of texts) {
    if (t.length > 200) continue;
    for (const seg of t.split(/\s+[·|•]\s+|\n/)) if (creditLine(seg)) out.push(seg.trim());
  }
  return [...new Set(out)];
}

/** linkedom needs a whole document; fragments ("<p>…</p>" in a JSON record) get a body around them. */
function wrap(input: string): string {
  return /<(html|body)[\s>]/i.test(input) ? input : `<html><body>${input}</body></html>`;
}

function readabilityText(input: string): string {
  try {
    const parsed = new Readability(parseHTML(wrap(input)).document as any, { charThreshold: 200 }).parse();
    if (parsed?.content) return blocksToText(parseHTML(`<html><body>${parsed.content}</body></html>`).document.body);
  } catch {
    // Readability throws on some malformed pages; the caller falls back to the visible text.
  }
  return "";
}

/** Block elements become paragraphs separated by blank lines; inline text is joined. */
function blocksToText(root: any): string {
  const out: string[] = [];
  let cur = "";
  const flush = () => {
    const t = cur.replace(/[ \t\r\n\u00a0]+/g, " ").trim();
    if (t) out.push(t);
    cur = "";
  };
  const walk = (node: any) => {
    if (node.nodeType === 3) {
      cur += node.textContent;
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = String(node.tagName).toUpperCase();
    if (SKIP.has(tag)) return;
    if (tag === "BR") {
      cur += "\n";
      return;
    }
    const block = BLOCK.has(tag) || tag === "DIV" || tag === "SECTION" || tag === "ARTICLE" || tag === "UL" || tag === "OL" || tag === "TABLE" || tag === "TR" || tag === "HEADER" || tag === "FOOTER" || tag === "NAV" || tag === "ASIDE" || tag === "FIGURE" || tag === "MAIN";
    if (block) flush();
    for (const c of node.childNodes) walk(c);
    if (block) flush();
  };
  walk(root);
  flush();
  return out.join("\n\n");
}
