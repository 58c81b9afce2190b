// Main-content extraction on htmlparser2's DOM: prune boilerplate by tag and class/id, pick the best container by text and link density, keep headline and lead.
import { lexicon } from "../../core/lexicon.js";
import { contains, findAll, findFirst, idClass, isElement, squash, textOf, type ChildNode, type Document, type Element } from "./dom.js";

interface HtmlData {
  dropTags: string[];
  boilerplateWords: string[];
  boilerplateClasses: string[];
  keepIfMatches: string;
  positive: string;
  negative: string;
  contentSelectors: string;
  leadPattern: string;
}

interface Compiled {
  drop: Set<string>;
  boilerplateWord: RegExp;
  boilerplateClass: Set<string>;
  keep: RegExp;
  positive: RegExp;
  negative: RegExp;
  content: RegExp;
  lead: RegExp;
}

let compiled: Compiled | null = null;
function data(): Compiled {
  if (compiled) return compiled;
  const d = lexicon<HtmlData>("common", "html-boilerplate", {
    dropTags: [],
    boilerplateWords: [],
    boilerplateClasses: [],
    keepIfMatches: "(?!)",
    positive: "(?!)",
    negative: "(?!)",
    contentSelectors: "(?!)",
    leadPattern: "(?!)",
  });
  compiled = {
    drop: new Set(d.dropTags),
    // Tested per class token: "article-comments" and "share_bar" match, "field-label-hidden" only through boilerplateClasses (it does not).
    boilerplateWord: new RegExp(`(?:^|[_-])(?:${d.boilerplateWords.join("|") || "(?!)"})(?:$|[_-])`),
    boilerplateClass: new Set(d.boilerplateClasses),
    keep: new RegExp(d.keepIfMatches),
    positive: new RegExp(d.positive),
    negative: new RegExp(d.negative),
    content: new RegExp(d.contentSelectors),
    lead: new RegExp(d.leadPattern),
  };
  return compiled;
}

const BLOCK = new Set([
  "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "th", "dt", "dd", "figcaption", "address",
  "div", "section", "article", "ul", "ol", "dl", "table", "tr", "header", "footer", "nav", "aside", "figure", "main",
  "center", "details", "summary", "hr", "br", "tbody", "thead",
]);
const SCORED = new Set(["p", "pre", "td", "blockquote", "h2", "h3", "h4", "h5", "h6"]);
const DIVLIKE = new Set(["div", "section", "article", "main", "span", "font", "center"]);

/** Per-element measurements from one bottom-up pass. */
interface Stats {
  text: number;
  link: number;
  /** Has block-level children (a div without them is scored like a paragraph). */
  hasBlock: boolean;
  commas: number;
}

export interface ContentResult {
  /** Paragraphs separated by blank lines. */
  text: string;
  /** The page's headline (first h1), when found. */
  headline: string | null;
  /** How the text was found, for provenance. */
  method: string;
  /** Boilerplate elements removed, by reason, with their text (only the short ones are kept for `removed`). */
  removed: { text: string; reason: string }[];
}

/** Extracts the article from a parsed page; empty text when nothing article-like is there. */
export function extractContent(doc: Document, debug?: { parts?: Element[] }): ContentResult {
  const d = data();
  const body = findFirst(doc, (e) => e.name === "body") ?? doc;
  const h1 = findFirst(body, (e) => e.name === "h1");
  const headline = h1 ? squash(textOf(h1)) || null : null;
  const removed: { text: string; reason: string }[] = [];
  prune(body, d, removed, paragraphText(body, Infinity));

  const stats = new Map<Element, Stats>();
  measure(body, stats);
  const scores = new Map<Element, number>();
  scoreParagraphs(body, stats, scores, d);

  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, s] of scores) {
    const st = stats.get(el)!;
    const final = s * (1 - (st.text ? st.link / st.text : 0));
    scores.set(el, final);
    if (final > bestScore) [best, bestScore] = [el, final];
  }
  if (!best) return { text: "", headline, method: "none", removed };

  // Several strong candidates inside one ancestor: the article is split into blocks, take the ancestor.
  const top = [...scores].filter(([, s]) => s >= bestScore * 0.75).map(([e]) => e);
  if (top.length >= 3) {
    for (let p = best.parent as Element | null; p && isElement(p) && p.name !== "body"; p = p.parent as Element | null) {
      if (top.filter((e) => contains(p!, e)).length >= 3) {
        best = p;
        break;
      }
    }
  }
  // A known article-body container inside or around the winner is the more precise choice.
  // The page's own article-body container around the winner: page builders split one article into many boxes.
  {
    let level = 0;
    for (let p = best.parent as Element | null; p && isElement(p) && p.name !== "body" && level < 6; p = p.parent as Element | null, level++) {
      const st = stats.get(p);
      if (!st || st.text === 0) break;
      if ((d.content.test(idClass(p)) || p.attribs.itemprop === "articleBody" || p.name === "article") && st.link / st.text < 0.35) {
        best = p;
        break;
      }
    }
  }
  const named = findAll(best, (e) => d.content.test(idClass(e)) || e.attribs.itemprop === "articleBody");
  const bestText = stats.get(best)!.text;
  for (const n of named) {
    const st = stats.get(n);
    if (st && st.text >= bestText * 0.6 && n !== best) {
      best = n;
      break;
    }
  }

  const parts: Element[] = [];
  const parent = best.parent;
  if (parent && isElement(parent)) {
    const threshold = Math.max(10, bestScore * 0.2);
    for (const sib of parent.children) {
      if (!isElement(sib)) continue;
      if (sib === best) {
        parts.push(sib);
        continue;
      }
      const st = stats.get(sib);
      if (!st || st.text === 0) continue;
      const ld = st.link / st.text;
      const s = scores.get(sib) ?? 0;
      const bonus = sib.attribs.class && sib.attribs.class === best.attribs.class ? bestScore * 0.2 : 0;
      if (s + bonus >= threshold) parts.push(sib);
      else if (sib.name === "p" && st.text > 80 && ld < 0.25) parts.push(sib);
      else if (sib.name === "p" && st.text > 0 && ld === 0 && /[.!?]["'»«“”]?\s*$/.test(textOf(sib))) parts.push(sib);
    }
  } else parts.push(best);

  const blocks: string[] = [];
  // The lead/teaser often sits between headline and body, outside the winning container.
  const first = parts[0]!;
  // Only leads near the article: inside the first part's ancestor a few levels up, before the first part, not nested in each other.
  let scope: Element | Document = first;
  for (let i = 0; i < 12 && scope.parent; i++) scope = scope.parent as Element;
  const leads = findAll(scope, (e) => d.lead.test(idClass(e)) && !contains(e, first) && !parts.some((p) => contains(p, e)) && precedes(e, first)).filter((e) => {
    const st = stats.get(e);
    return !!st && st.text >= 30 && st.text <= 1500 && st.link / st.text <= 0.3;
  });
  const outer = leads.filter((l) => !leads.some((o) => o !== l && contains(o, l)));
  for (const l of outer.slice(-2)) blocks.push(...toBlocks(l, stats));
  for (const p of parts) blocks.push(...toBlocks(p, stats));
  const text = blocks.join("\n\n");
  if (debug) debug.parts = parts;
  return { text, headline, method: "html-content", removed };
}

/** Drops elements that are never article text, by tag, hidden state or class/id pattern. */
function prune(root: Element | Document, d: Compiled, removed: { text: string; reason: string }[], pageText: number): void {
  const kept: ChildNode[] = [];
  let changed = false;
  for (const c of root.children) {
    if (c.type === "comment" || c.type === "directive" || c.type === "cdata") {
      changed = true;
      continue;
    }
    if (!isElement(c)) {
      kept.push(c);
      continue;
    }
    const reason = dropReason(c, d, pageText);
    if (reason) {
      changed = true;
      if (reason !== "tag") {
        const t = squash(textOf(c));
        if (t && t.length <= 300) removed.push({ text: t, reason: `html-${reason}` });
      }
      continue;
    }
    prune(c, d, removed, pageText);
    kept.push(c);
  }
  if (changed) root.children = kept;
}

export function dropReasonOf(el: Element): string | null {
  return dropReason(el, data(), Infinity);
}

function dropReason(el: Element, d: Compiled, pageText: number): string | null {
  if (d.drop.has(el.name)) return "tag";
  const a = el.attribs;
  if (a.hidden !== undefined) return "hidden";
  if (a["aria-hidden"] === "true") return "hidden";
  const style = a.style;
  if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return "hidden";
  const role = a.role;
  if (role && /^(navigation|complementary|contentinfo|banner|menu|menubar|search|dialog|alert)$/.test(role)) return "navigation";
  const ic = idClass(el);
  if (ic && isBoilerplate(ic, d) && !d.keep.test(ic) && el.name !== "body" && el.name !== "html") {
    // A wrapper with a misleading class ("page-with-sidebar") may hold the article: keep it when it has much paragraph text.
    if (paragraphText(el, pageText * 0.6) > pageText * 0.6 && pageText > 500) return null;
    return "boilerplate";
  }
  return null;
}

function isBoilerplate(ic: string, d: Compiled): boolean {
  for (const t of ic.split(/\s+/)) if (t && (d.boilerplateClass.has(t) || d.boilerplateWord.test(t))) return true;
  return false;
}

/** Length of the text in paragraphs below an element (cheap guard against pruning the article). */
function paragraphText(el: Element | Document, enough: number): number {
  let n = 0;
  for (const p of findAll(el, (e) => e.name === "p")) {
    n += squash(textOf(p)).length;
    if (n > enough) break;
  }
  return n;
}

/** Bottom-up: text length, link-text length, commas and block children of every element. */
function measure(root: Element | Document, stats: Map<Element, Stats>): Stats {
  const s: Stats = { text: 0, link: 0, hasBlock: false, commas: 0 };
  for (const c of root.children) {
    if (c.type === "text") {
      const data = (c as { data: string }).data;
      const t = squash(data);
      if (t) {
        s.text += t.length + 1;
        for (const ch of t) if (ch === "," || ch === "，") s.commas++;
      }
    } else if (isElement(c)) {
      const cs = measure(c, stats);
      s.text += cs.text;
      s.link += c.name === "a" ? cs.text : cs.link;
      s.commas += cs.commas;
      if (BLOCK.has(c.name)) s.hasBlock = true;
    }
  }
  if (isElement(root as ChildNode)) stats.set(root as Element, s);
  return s;
}

function classWeight(el: Element, d: Compiled): number {
  const ic = idClass(el);
  if (!ic) return 0;
  let w = 0;
  if (d.negative.test(ic)) w -= 25;
  if (d.positive.test(ic)) w += 25;
  if (d.content.test(ic) || el.attribs.itemprop === "articleBody") w += 50;
  return w;
}

function baseScore(el: Element, d: Compiled): number {
  let s = classWeight(el, d);
  switch (el.name) {
    case "div":
    case "article":
    case "main":
    case "section":
      s += 5;
      break;
    case "pre":
    case "td":
    case "blockquote":
      s += 3;
      break;
    case "ol":
    case "ul":
    case "dl":
    case "dd":
    case "dt":
    case "li":
    case "form":
      s -= 3;
      break;
    case "h1":
    case "h2":
    case "h3":
    case "h4":
    case "h5":
    case "h6":
    case "th":
      s -= 5;
      break;
  }
  if (el.name === "article" || el.attribs.itemprop === "articleBody") s += 10;
  return s;
}

/** Readability's scoring: each paragraph gives points to its parent, grandparent and further ancestors. */
function scoreParagraphs(root: Element | Document, stats: Map<Element, Stats>, scores: Map<Element, number>, d: Compiled): void {
  const stack: (Element | Document)[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    for (const c of n.children) {
      if (!isElement(c)) continue;
      const st = stats.get(c)!;
      const paragraphLike = SCORED.has(c.name) || (DIVLIKE.has(c.name) && !st.hasBlock);
      if (paragraphLike) {
        if (st.text >= 25) {
          const points = 1 + st.commas + Math.min(Math.floor(st.text / 100), 3);
          let level = 0;
          for (let p = c.parent; p && isElement(p) && level < 5 && stats.has(p); p = p.parent, level++) {
            const el = p as Element;
            if (!scores.has(el)) scores.set(el, baseScore(el, d));
            const div = level === 0 ? 1 : level === 1 ? 2 : level * 3;
            scores.set(el, scores.get(el)! + points / div);
          }
        }
        if (!DIVLIKE.has(c.name)) continue;
      }
      stack.push(c);
    }
  }
}

/** Does `a` come before `b` in document order? */
function precedes(a: ChildNode, b: ChildNode): boolean {
  const path = (n: ChildNode): ChildNode[] => {
    const out: ChildNode[] = [];
    for (let x: ChildNode | null = n; x; x = x.parent as ChildNode | null) out.unshift(x);
    return out;
  };
  const pa = path(a);
  const pb = path(b);
  let i = 0;
  while (i < pa.length && i < pb.length && pa[i] === pb[i]) i++;
  if (i >= pa.length || i >= pb.length) return false;
  const parent = pa[i]!.parent;
  if (!parent) return false;
  const kids = (parent as Element).children;
  return kids.indexOf(pa[i]!) < kids.indexOf(pb[i]!);
}

const HEADING = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);

/**
 * Block elements become paragraphs; link lists and link-dense boxes inside the content are skipped,
 * and so is a heading left with nothing under it ("Related articles" over a dropped link list).
 */
function toBlocks(root: Element, stats: Map<Element, Stats>): string[] {
  const items: { text: string; heading: boolean }[] = [];
  const GAP = { text: "", heading: false };
  let cur = "";
  let curHeading = false;
  const flush = () => {
    const t = squash(cur);
    if (t) items.push({ text: t, heading: curHeading });
    cur = "";
  };
  const walk = (node: ChildNode, inHeading: boolean) => {
    if (node.type === "text") {
      cur += (node as { data: string }).data;
      if (inHeading) curHeading = true;
      return;
    }
    if (!isElement(node)) return;
    const tag = node.name;
    if (tag === "br") {
      cur += "\n";
      return;
    }
    const block = BLOCK.has(tag);
    if (block && node !== root) {
      const st = stats.get(node);
      if (st && st.text > 0) {
        const ld = st.link / st.text;
        const container = tag === "ul" || tag === "ol" || tag === "div" || tag === "section" || tag === "table" || tag === "dl" || tag === "li";
        if ((container && (ld > 0.5 || (ld > 0.25 && st.text < 200))) || (tag === "p" && ld > 0.8) || (HEADING.has(tag) && tag !== "h1" && ld > 0.5)) {
          flush();
          items.push(GAP);
          return;
        }
      }
    }
    if (block) {
      flush();
      curHeading = false;
    }
    const h = inHeading || HEADING.has(tag);
    for (const c of node.children) walk(c, h);
    if (block) {
      flush();
      curHeading = false;
    }
  };
  walk(root, false);
  flush();
  const out: string[] = [];
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (it === GAP) continue;
    if (it.heading) {
      let j = i + 1;
      while (j < items.length && items[j]!.heading) j++;
      const next = items[j];
      // Nothing or a dropped link box follows: the heading announced boilerplate.
      if (!next || next === GAP) continue;
    }
    out.push(it.text);
  }
  return out;
}
