// Page metadata from <meta>, OpenGraph, <title>, <html lang> and JSON-LD, read from htmlparser2's DOM.
import { findAll, findFirst, squash, textOf, type Document, type Element } from "./dom.js";

export interface HtmlMeta {
  title: string | null;
  url: string | null;
  outlet: string | null;
  language: string | null;
  published: string | null;
  author: string | null;
}

type Json = { [k: string]: unknown };

/** Reads the metadata; call before content extraction, which prunes the tree. */
export function readMeta(doc: Document): HtmlMeta {
  const metas = new Map<string, string>();
  let titleTag: string | null = null;
  let canonical: string | null = null;
  let timeAttr: string | null = null;
  const ldScripts: string[] = [];
  for (const el of findAll(doc, (e) => e.name === "meta" || e.name === "title" || e.name === "link" || e.name === "script" || e.name === "time")) {
    const a = el.attribs;
    if (el.name === "meta") {
      const key = (a.property ?? a.name ?? a.itemprop ?? "").trim().toLowerCase();
      const v = a.content?.trim();
      if (key && v && !metas.has(key)) metas.set(key, v);
    } else if (el.name === "title") titleTag ??= squash(textOf(el)) || null;
    else if (el.name === "link") {
      if ((a.rel ?? "").toLowerCase() === "canonical" && a.href) canonical ??= a.href;
    } else if (el.name === "time") timeAttr ??= a.datetime ?? null;
    else if ((a.type ?? "").toLowerCase() === "application/ld+json") ldScripts.push(textOf(el));
  }
  const m = (...keys: string[]): string | null => {
    for (const k of keys) {
      const v = metas.get(k.toLowerCase());
      if (v) return v;
    }
    return null;
  };
  const ld = readJsonLd(ldScripts);
  const h1 = findFirst(doc, (e) => e.name === "h1");
  const h1Text = h1 ? squash(textOf(h1)) || null : null;
  const html = findFirst(doc, (e: Element) => e.name === "html");
  const lang = (html?.attribs.lang ?? "").slice(0, 2).toLowerCase() || null;
  const publisher = ld?.publisher as Json | undefined;
  return {
    title: str(ld?.headline) ?? m("og:title", "twitter:title") ?? h1Text ?? titleTag,
    url: m("og:url") ?? canonical,
    outlet: str(publisher?.name) ?? m("og:site_name", "application-name"),
    language: lang ?? m("og:locale")?.slice(0, 2).toLowerCase() ?? null,
    published:
      str(ld?.datePublished) ??
      m("article:published_time", "datePublished", "date", "pubdate", "publishdate", "dc.date", "dc.date.issued") ??
      timeAttr,
    author: authorName(ld?.author) ?? m("author", "article:author"),
  };
}

function str(v: unknown): string | null {
  return typeof v === "string" && v.trim() ? v.trim() : null;
}

function authorName(a: unknown): string | null {
  if (!a) return null;
  if (typeof a === "string") return a;
  if (Array.isArray(a)) return a.map(authorName).filter(Boolean).join(", ") || null;
  if (typeof a === "object") return str((a as Json).name);
  return null;
}

/** The first NewsArticle-like object in the page's JSON-LD scripts. */
function readJsonLd(scripts: string[]): Json | null {
  for (const s of scripts) {
    try {
      const data = JSON.parse(s) as unknown;
      const graph = (data as Json | null)?.["@graph"];
      const items = Array.isArray(data) ? data : Array.isArray(graph) ? graph : [data];
      for (const it of items) {
        if (!it || typeof it !== "object") continue;
        const t = String((it as Json)["@type"] ?? "");
        if (/Article|Posting|Report/i.test(t)) return it as Json;
      }
    } catch {
      // Broken JSON-LD is common; ignore it.
    }
  }
  return null;
}
