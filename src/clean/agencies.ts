// Finds the news agencies credited for a text (byline, dateline, closing credit), not those cited as sources.
import { lexicon } from "../core/lexicon.js";

interface AgencyData {
  agencies: Record<string, string[]>;
}

interface Compiled {
  byName: Map<string, string>;
  joiner: RegExp;
  credit: RegExp;
  bare: RegExp;
  dateline: RegExp;
  closing: RegExp;
}

let cache: Compiled | null = null;

function data() {
  if (cache) return cache;
  const d = lexicon<AgencyData>("common", "agencies", { agencies: {} });
  const byName = new Map<string, string>();
  for (const [canon, names] of Object.entries(d.agencies)) for (const n of [canon, ...names]) byName.set(n.toLowerCase(), canon);
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");
  // Spellings as the lexicon writes them: "(AP)" is a credit, "(ap)" inside a sentence is not.
  const alt = [...new Set(Object.entries(d.agencies).flatMap(([c, n]) => [c, ...n]))]
    .sort((a, b) => b.length - a.length)
    .map(esc)
    .join("|");
  const credits = ["de", "en"].map((l) => lexicon<{ phrases: string[]; conjunctions?: string[] }>(l, "credits", { phrases: [] }));
  const phrases = credits.flatMap((c) => c.phrases).map(esc).join("|");
  const conj = credits.flatMap((c) => c.conjunctions ?? []).map(esc);
  const joiner = conj.length ? `(?:[/,;&]|\\b(?:${conj.join("|")})\\b)` : "[/,;&]";
  const credit = new RegExp(`^(?:${phrases})\\s*:?\\s*((?:${alt})(?:\\s*${joiner}\\s*(?:${alt}))*)\\.?$`, "i");
  const list = `((?:${alt})(?:\\s*[/,]\\s*(?:${alt}))*)`;
  // Compiled once: these run on every line of every article.
  cache = {
    byName,
    joiner: new RegExp(`\\s*${joiner}\\s*`, "i"),
    credit,
    bare: new RegExp(`^\\(?${list}\\)?$`, "i"),
    dateline: new RegExp(`^[^()]{0,60}\\(${list}\\)\\s*[-–—:]`),
    closing: new RegExp(`\\(${list}\\)\\s*$`),
  };
  return cache;
}

function split(list: string): string[] {
  const { byName, joiner } = data();
  return list
    .split(joiner)
    .map((x) => byName.get(x.trim().toLowerCase()))
    .filter((x): x is string => !!x);
}

/** A line that is only a credit ("AFP", "Quelle: dpa", "(Reuters/dpa)"): the agencies, else null. */
export function creditLine(line: string): string[] | null {
  const { bare, credit } = data();
  const t = line.trim();
  if (bare.test(t)) {
    // A bare "AP" or "AFP" line is a byline; require the exact case of the lexicon for short names to avoid words.
    const found = split(t.replace(/[()]/g, ""));
    if (found.length) return found;
  }
  const m = credit.exec(t);
  return m ? split(m[1]!) : null;
}

/** Credits inside body lines: "(dpa) –" / "(AFP) -" datelines and "(Reuters/dpa/AFP)" at a paragraph's end. */
export function inlineCredits(line: string): string[] {
  const { dateline, closing } = data();
  const out: string[] = [];
  for (const re of [dateline, closing]) {
    const m = re.exec(line.trim());
    if (m) out.push(...split(m[1]!));
  }
  return out;
}
