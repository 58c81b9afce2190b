// Small helpers over htmlparser2's DOM (domhandler nodes): parse, attributes, text and link-text lengths.
import { parseDocument } from "htmlparser2";
import type { ChildNode, Document, Element } from "domhandler";

export type { ChildNode, Document, Element };

// Scripts (except JSON-LD metadata), styles, comments and inline SVG are half of a typical page's bytes and
// never article text: cutting them before parsing halves the parse time.
const HEAVY = /<script\b([^>]*)>[\s\S]*?<\/script\s*>|<style\b[^>]*>[\s\S]*?<\/style\s*>|<!--[\s\S]*?-->|<svg\b[^>]*>[\s\S]*?<\/svg\s*>/gi;

/** The page without scripts (JSON-LD kept), styles, comments and inline SVG. */
export function lighten(html: string): string {
  return html.replace(HEAVY, (m, scriptAttrs: string | undefined) => (scriptAttrs && /ld\+json/i.test(scriptAttrs) ? m : ""));
}

/** Parses a page; tags and attribute names lower-cased, entities decoded. Never throws. */
export function parseHtml(html: string): Document {
  return parseDocument(lighten(html), { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
}

export function isElement(n: ChildNode | Document): n is Element {
  return n.type === "tag" || n.type === "script" || n.type === "style";
}

export function isText(n: ChildNode): n is ChildNode & { data: string } {
  return n.type === "text";
}

/** `id` and `class` joined, lower-cased: what boilerplate and content patterns are tested against. */
export function idClass(el: Element): string {
  const a = el.attribs;
  const id = a.id ?? "";
  const cls = a.class ?? "";
  return id || cls ? `${id} ${cls}`.toLowerCase() : "";
}

/** First element in document order for which `pred` holds. */
export function findFirst(root: ChildNode | Document, pred: (el: Element) => boolean): Element | null {
  const stack: (ChildNode | Document)[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (isElement(n) && n !== root && pred(n)) return n;
    if ("children" in n) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return null;
}

/** Every element for which `pred` holds, in document order. */
export function findAll(root: ChildNode | Document, pred: (el: Element) => boolean): Element[] {
  const out: Element[] = [];
  const stack: (ChildNode | Document)[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (isElement(n) && pred(n)) out.push(n);
    if ("children" in n) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return out;
}

/** The concatenated text of a subtree (no block separation). */
export function textOf(root: ChildNode | Document): string {
  let s = "";
  const stack: (ChildNode | Document)[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === "text") s += (n as { data: string }).data;
    else if ("children" in n) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return s;
}

/** Whitespace collapsed and trimmed. */
export function squash(s: string): string {
  return s.replace(/[ \t\r\n\f\u00a0\u200b]+/g, " ").trim();
}

/** Is `inner` inside `outer` (or equal to it)? */
export function contains(outer: ChildNode | Document, inner: ChildNode | Document): boolean {
  for (let n: ChildNode | Document | null = inner; n; n = n.parent as ChildNode | Document | null) if (n === outer) return true;
  return false;
}
