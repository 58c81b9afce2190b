// HTML pages: main content with Readability on linkedom, metadata from meta tags, OpenGraph and JSON-LD.
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { DossierError } from "../core/errors.js";
import { emptyArticle, type RawArticle } from "./article.js";

const BLOCK = new Set([
  "P", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "BLOCKQUOTE", "PRE", "TD", "TH", "DT", "DD", "FIGCAPTION", "ADDRESS",
]);
const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "IFRAME", "FORM", "BUTTON", "SELECT"]);

export function readHtml(input: string, source: string): RawArticle {
  // linkedom needs a whole document; fragments ("<p>…</p>" in a JSON record) get a body around them.
  const html = /<(html|body)[\s>]/i.test(input) ? input : `<html><body>${input}</body></html>`;
  const { document } = parseHTML(html);
  const meta = readMeta(document);
  let text = "";
  let format = "html-readability";
  try {
    // Readability mutates the DOM it is given, so give it its own parse.
    const parsed = new Readability(parseHTML(html).document as any, { charThreshold: 200 }).parse();
    if (parsed?.content) text = blocksToText(parseHTML(`<html><body>${parsed.content}</body></html>`).document.body);
  } catch {
    text = "";
  }
  if (text.trim().length < 200) {
    format = "html-body";
    const body = document.body;
    if (body) text = blocksToText(body);
  }
  if (!text.trim()) throw new DossierError("NO_ARTICLE", `${source}: the HTML page has no article text; is it a front page or an error page?`);
  const title = meta.title;
  if (title && !text.trimStart().startsWith(title)) text = `${title}\n\n${text}`;
  const a = emptyArticle(source, text, format);
  Object.assign(a, {
    url: meta.url,
    title,
    outlet: meta.outlet,
    language: meta.language,
    published: meta.published,
    author: meta.author,
  });
  return a;
}

interface HtmlMeta {
  title: string | null;
  url: string | null;
  outlet: string | null;
  language: string | null;
  published: string | null;
  author: string | null;
}

function readMeta(document: any): HtmlMeta {
  const metaContent = (...keys: string[]): string | null => {
    for (const k of keys) {
      const el = document.querySelector(`meta[property="${k}"], meta[name="${k}"], meta[itemprop="${k}"]`);
      const v = el?.getAttribute("content");
      if (v && v.trim()) return v.trim();
    }
    return null;
  };
  const ld = readJsonLd(document);
  const titleTag = document.querySelector("title")?.textContent?.trim() || null;
  const h1 = document.querySelector("h1")?.textContent?.trim() || null;
  const lang = (document.documentElement?.getAttribute("lang") || "").slice(0, 2).toLowerCase() || null;
  return {
    title: str(ld?.headline) ?? metaContent("og:title", "twitter:title") ?? h1 ?? titleTag,
    url: metaContent("og:url") ?? document.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? null,
    outlet: str(ld?.publisher?.name) ?? metaContent("og:site_name", "application-name"),
    language: lang ?? metaContent("og:locale")?.slice(0, 2) ?? null,
    published:
      str(ld?.datePublished) ??
      metaContent("article:published_time", "datePublished", "date", "pubdate", "publishdate", "dc.date", "DC.date.issued") ??
      document.querySelector("time[datetime]")?.getAttribute("datetime") ??
      null,
    author: authorName(ld?.author) ?? metaContent("author", "article:author"),
  };
}

function str(v: unknown): string | null {
  return typeof v === "string" && v.trim() ? v.trim() : null;
}

function authorName(a: any): string | null {
  if (!a) return null;
  if (typeof a === "string") return a;
  if (Array.isArray(a)) return a.map(authorName).filter(Boolean).join(", ") || null;
  return str(a.name);
}

/** The first NewsArticle-like object in the page's JSON-LD scripts. */
function readJsonLd(document: any): any {
  for (const s of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const data = JSON.parse(s.textContent ?? "");
      const items = Array.isArray(data) ? data : Array.isArray(data?.["@graph"]) ? data["@graph"] : [data];
      for (const it of items) {
        const t = String(it?.["@type"] ?? "");
        if (/Article|Posting|Report/i.test(t)) return it;
      }
    } catch {
      // Broken JSON-LD is common; ignore it.
    }
  }
  return null;
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
