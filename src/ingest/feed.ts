// RSS 2.0 and Atom feeds: the items' links, titles and dates, read with htmlparser2 in XML mode.
import { parseDocument } from "htmlparser2";
import type { ChildNode, Element } from "domhandler";
import { findAll, squash, textOf } from "./html/dom.js";

export interface FeedItem {
  url: string;
  title: string | null;
  published: string | null;
}

/** Does this look like a feed rather than a page? Content type first, then the document's root element. */
export function isFeed(contentType: string, text: string): boolean {
  if (/(rss|atom)\+xml/.test(contentType)) return true;
  const head = text.slice(0, 2000).replace(/<\?xml[^>]*>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/gi, "").trimStart();
  return /^<(rss|feed|rdf:RDF)\b/i.test(head);
}

/** The items of an RSS or Atom feed, in feed order; links resolved against `base`. */
export function feedItems(xml: string, base: string): FeedItem[] {
  const doc = parseDocument(xml, { xmlMode: true, decodeEntities: true });
  const items = findAll(doc, (e) => e.name === "item" || e.name === "entry");
  const out: FeedItem[] = [];
  for (const it of items) {
    const child = (name: string): Element | undefined =>
      it.children.find((c): c is Element => c.type === "tag" && (c as Element).name.toLowerCase() === name) as Element | undefined;
    let link: string | null = null;
    const links = it.children.filter((c: ChildNode): c is Element => c.type === "tag" && (c as Element).name === "link");
    for (const l of links) {
      const href = l.attribs.href;
      if (href && (!l.attribs.rel || l.attribs.rel === "alternate")) {
        link = href;
        break;
      }
      if (!href && squash(textOf(l))) link = squash(textOf(l));
    }
    if (!link) {
      const guid = child("guid");
      if (guid && /^https?:/i.test(squash(textOf(guid)))) link = squash(textOf(guid));
    }
    if (!link) continue;
    let url: string;
    try {
      url = new URL(link, base).toString();
    } catch {
      continue;
    }
    const title = child("title");
    const date = child("pubdate") ?? child("published") ?? child("updated") ?? child("dc:date");
    out.push({ url, title: title ? squash(textOf(title)) || null : null, published: date ? normalizeDate(squash(textOf(date))) : null });
  }
  return out;
}

function normalizeDate(s: string): string | null {
  if (!s) return null;
  const t = Date.parse(s);
  return Number.isNaN(t) ? s : new Date(t).toISOString();
}
