// Small helpers over htmlparser2's DOM (domhandler nodes): parse, attributes, text and link-text lengths.
import { parseDocument } from "htmlparser2";
import type { ChildNode, Document, Element } from "domhandler";

export type { ChildNode, Document, Element };

// Scripts (except JSON-LD metadata), styles, comments and inline SVG are half of a typical page's bytes and
// never article text: cutting them before parsing halves the parse time.
const HEAVY_OPEN = /<(?:(script|style|svg)\b|!--)/gi;
const HEAVY_CLOSE: Record<string, RegExp> = { script: /<\/script\s*>/gi, style: /<\/style\s*>/gi, svg: /<\/svg\s*>/gi };

/**
 * The page without scripts (JSON-LD kept), styles, comments and inline SVG. One pass: an element whose
 * closing tag is missing means no later one of its kind can close either, so that kind is given up
 * (a lazy regex rescanned to the end for every unclosed "<script>": quadratic on hostile pages).
 */
export function lighten(html: string): string {
  const dead = new Set<string>();
  let out = "";
  let pos = 0;
  HEAVY_OPEN.lastIndex = 0;
  for (let m = HEAVY_OPEN.exec(html); m; m = HEAVY_OPEN.exec(html)) {
    const kind = m[1]?.toLowerCase() ?? "--";
    if (dead.has(kind)) continue;
    let end: number;
    let keep = false;
    if (kind === "--") {
      const c = html.indexOf("-->", m.index + 4);
      if (c < 0) {
        dead.add(kind);
        continue;
      }
      end = c + 3;
    } else {
      const gt = html.indexOf(">", m.index);
      if (gt < 0) break; // no tag after this one can end either
      const close = HEAVY_CLOSE[kind]!;
      close.lastIndex = gt + 1;
      const c = close.exec(html);
      if (!c) {
        dead.add(kind);
        continue;
      }
      end = c.index + c[0].length;
      keep = kind === "script" && /ld\+json/i.test(html.slice(m.index + 7, gt));
    }
    if (!keep) {
      out += html.slice(pos, m.index);
      pos = end;
    }
    HEAVY_OPEN.lastIndex = end;
  }
  return out + html.slice(pos);
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
