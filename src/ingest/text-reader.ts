// Plain text and Markdown, with or without a YAML front-matter header.
import { parse as parseYaml } from "yaml";
import { emptyArticle, type RawArticle } from "./article.js";

const FRONT = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

export function readText(text: string, source: string, markdown = false): RawArticle {
  const m = FRONT.exec(text);
  let body = text;
  let meta: Record<string, unknown> = {};
  if (m) {
    try {
      const parsed = parseYaml(m[1]!) as unknown;
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) {
        meta = parsed as Record<string, unknown>;
        body = text.slice(m[0].length);
      }
    } catch {
      // Not YAML after all: keep the whole text as the article.
    }
  }
  if (markdown) body = stripMarkdown(body);
  const a = emptyArticle(source, body, m && body !== text ? "front-matter" : markdown ? "markdown" : "text");
  applyMeta(a, meta);
  return a;
}

/** Copies the metadata fields Dossier knows from a front matter or a JSON record. */
export function applyMeta(a: RawArticle, meta: Record<string, unknown>): void {
  const str = (k: string): string | null => {
    const v = meta[k];
    if (v instanceof Date) return v.toISOString();
    return typeof v === "string" && v.trim() ? v.trim() : typeof v === "number" ? String(v) : null;
  };
  a.url = str("url") ?? a.url;
  a.title = str("title") ?? a.title;
  a.outlet = str("outlet") ?? str("site") ?? str("siteName") ?? a.outlet;
  a.language = str("language") ?? str("lang") ?? a.language;
  a.published = str("published") ?? str("date") ?? str("datePublished") ?? a.published;
  a.author = str("author") ?? a.author;
  const g = str("genre");
  if (g === "news" || g === "narrative") a.genre = g;
}

/** Markdown to plain text: headings, emphasis, links and images, keeping the words. */
function stripMarkdown(s: string): string {
  return s
    .replace(/^#{1,6}[ \t]+/gm, "")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/^>[ \t]?/gm, "");
}
