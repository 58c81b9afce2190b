// Plain text and Markdown, with or without a YAML front-matter header.
import { parse as parseYaml } from "yaml";
import { creditLine } from "../clean/agencies.js";
import { boilerplateRules, lineMatches } from "../clean/rules.js";
import { emptyArticle, type RawArticle } from "./article.js";

const FRONT = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

const KEY_LINE = /^([A-Za-z_][\w-]*):[ \t]*(.*)$/;

/**
 * The header's fields: YAML, or, when scrapers wrote values YAML rejects ("title: No deal: …"),
 * one `key: value` per line. Null when the block is neither (then it stays part of the article).
 */
function frontMatter(block: string): Record<string, unknown> | null {
  try {
    const parsed = parseYaml(block) as unknown;
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // Fall through to the line reader.
  }
  const out: Record<string, unknown> = {};
  for (const line of block.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const kv = KEY_LINE.exec(line);
    if (!kv) return null;
    out[kv[1]!] = kv[2]!.trim().replace(/^(["'])(.*)\1$/, "$2");
  }
  return Object.keys(out).length ? out : null;
}

export function readText(text: string, source: string, markdown = false): RawArticle {
  const m = FRONT.exec(text);
  let body = text;
  let meta: Record<string, unknown> = {};
  if (m) {
    const parsed = frontMatter(m[1]!);
    if (parsed) {
      meta = parsed;
      body = text.slice(m[0].length);
    }
  }
  if (markdown) body = stripMarkdown(body);
  const a = emptyArticle(source, body, m && body !== text ? "front-matter" : markdown ? "markdown" : "text");
  applyMeta(a, meta);
  a.title ??= headlineOf(body);
  return a;
}

/**
 * The headline of a plain-text article: the first of its first lines that is no junk (credit, navigation, caption…),
 * reads like a sentence, has no final full stop, and has only short lines (a kicker such as "Ukraine-Krieg") before it.
 */
export function headlineOf(body: string): string | null {
  const rules = boilerplateRules().filter((r) => r.scope === "line");
  let before = 0;
  let seen = 0;
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.replace(/[\t\u00a0 ]+/g, " ").trim();
    if (!line) continue;
    if (++seen > 8) break;
    if (creditLine(line) || rules.some((r) => lineMatches(r, line))) continue;
    // A sentence-like line: three words or more, a lower-case word or a colon (a row of menu items has neither), no full stop.
    const headlineLike = line.split(" ").length >= 3 && line.length <= 200 && !/[.]$/.test(line) && (/\s\p{Ll}/u.test(line) || line.includes(":"));
    if (headlineLike) return before < 30 ? line : null;
    before += line.length + 1;
    if (before >= 30) return null;
  }
  return null;
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
