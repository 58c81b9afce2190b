// Finds the news agencies credited for a text (byline, dateline, closing credit), not those cited as sources.
import { lexicon } from "../core/lexicon.js";

interface AgencyData {
  agencies: Record<string, string[]>;
}

let cache: { byName: Map<string, string>; alt: string; credit: RegExp } | null = null;

function data() {
  if (cache) return cache;
  const d = lexicon<AgencyData>("common", "agencies", { agencies: {} });
  const byName = new Map<string, string>();
  for (const [canon, names] of Object.entries(d.agencies)) for (const n of [canon, ...names]) byName.set(n.toLowerCase(), canon);
  const alt = [...byName.keys()]
    .sort((a, b) => b.length - a.length)
    .map((n) => n.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&"))
    .join("|");
  const phrases = [...lexicon<{ phrases: string[] }>("de", "credits", { phrases: [] }).phrases, ...lexicon<{ phrases: string[] }>("en", "credits", { phrases: [] }).phrases]
    .map((p) => p.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&"))
    .join("|");
  const credit = new RegExp(`^(?:${phrases})\\s*:?\\s*((?:${alt})(?:\\s*(?:[/,]|und|and|&)\\s*(?:${alt}))*)\\.?$`, "i");
  cache = { byName, alt, credit };
  return cache;
}

function split(list: string): string[] {
  const { byName } = data();
  return list
    .split(/\s*(?:[/,;]|\bund\b|\band\b|&)\s*/i)
    .map((x) => byName.get(x.trim().toLowerCase()))
    .filter((x): x is string => !!x);
}

/** A line that is only a credit ("AFP", "Quelle: dpa", "(Reuters/dpa)"): the agencies, else null. */
export function creditLine(line: string): string[] | null {
  const { alt, credit } = data();
  const t = line.trim();
  if (new RegExp(`^\\(?(?:${alt})(?:\\s*[/,]\\s*(?:${alt}))*\\)?$`, "i").test(t)) {
    // A bare "AP" or "AFP" line is a byline; require the exact case of the lexicon for short names to avoid words.
    const found = split(t.replace(/[()]/g, ""));
    if (found.length) return found;
  }
  const m = credit.exec(t);
  return m ? split(m[1]!) : null;
}

/** Credits inside body lines: "(dpa) –" / "(AFP) -" datelines and "(Reuters/dpa/AFP)" at a paragraph's end. */
export function inlineCredits(line: string): string[] {
  const { alt } = data();
  const out: string[] = [];
  const dateline = new RegExp(`^[^()]{0,60}\\(((?:${alt})(?:\\s*[/,]\\s*(?:${alt}))*)\\)\\s*[-–—:]`, "");
  const closing = new RegExp(`\\(((?:${alt})(?:\\s*[/,]\\s*(?:${alt}))*)\\)\\s*$`, "");
  for (const re of [dateline, closing]) {
    const m = re.exec(line.trim());
    if (m) out.push(...split(m[1]!));
  }
  return out;
}
