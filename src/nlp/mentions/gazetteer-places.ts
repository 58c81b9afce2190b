// Towns the KB does not list, found in the GeoNames gazetteer: capitalized words nothing else claimed.
import { startsUpper } from "../../core/chars.js";
import { coveredTokens } from "../../core/spans.js";
import type { Document, EntityInfo, Mention } from "../../core/types.js";
import { gazetteer, gazetteerId } from "../../kb/gazetteer.js";
import type { NameLexicon } from "./name-lexicon.js";

/** Longest gazetteer match on capitalized tokens not covered by `taken`; adds their entities to `entities`. */
export function gazetteerMentions(
  doc: Document,
  keys: (string | null)[],
  taken: Mention[],
  lex: NameLexicon,
  cues: Set<string>,
  entities: Map<string, EntityInfo>,
): Mention[] {
  const tokens = doc.layers.tokens!;
  const text = doc.text;
  // Time expressions are no towns: "im März" is not Marz in Austria.
  const covered = coveredTokens(tokens, [...taken, ...(doc.layers.times ?? [])]);
  const { index } = gazetteer();
  const out: Mention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (keys[i] == null || covered[i] || !startsUpper(text[t.start]!) || !index.prefixes.has(keys[i]!) && !index.hits.has(keys[i]!)) continue;
    let acc = "";
    let best: { end: number; row: (typeof index.hits extends Map<string, (infer R)[]> ? R : never) } | null = null;
    for (let k = i; k < tokens.length && k < i + 6; k++) {
      if (covered[k] || tokens[k]!.sentence !== t.sentence) break;
      if (keys[k] == null) {
        if (text[tokens[k]!.start] === "-" && tokens[k - 1]!.end === tokens[k]!.start) continue;
        break;
      }
      // A word that continues no place name after the window so far: stop before joining and hashing.
      if (acc && !index.next.get(acc)?.has(keys[k]!)) break;
      acc = acc ? `${acc} ${keys[k]}` : keys[k]!;
      const rows = index.hits.get(acc);
      if (rows) best = { end: k, row: rows[0]! };
      if (!index.prefixes.has(acc)) break;
    }
    if (!best) continue;
    // A lone first name ("Florian") or a sentence-opening function word is no town.
    if (best.end === i && (lex.firstNames.has(keys[i]!) || lex.ambiguousFirstNames.has(keys[i]!) || lex.functionWords.has(keys[i]!) || lex.nonNameWords.has(keys[i]!))) continue;
    // A name that is also a word ("Norden", "Lage") is a town only after "in", "nach", "aus" ...
    if (best.row[5] === 1 && !(i > 0 && keys[i - 1] != null && cues.has(keys[i - 1]!) && tokens[i - 1]!.sentence === t.sentence)) continue;
    const h = tokens[best.end + 1];
    const compound = h && text[h.start] === "-" && h.start === tokens[best.end]!.end && tokens[best.end + 2]?.start === h.end;
    const id = gazetteerId(best.row);
    const start = t.start;
    const end = tokens[best.end]!.end;
    out.push({ start, end, text: text.slice(start, end), entity: id, type: "location", form: compound ? "prefix" : "name", provenance: { stage: "mentions", rule: "gazetteer", detail: `${best.row[0]} (${best.row[1]})` } });
    if (!entities.has(id)) entities.set(id, { key: id, name: best.row[0], type: "location", wikidata: null, role: null, country: `country:${best.row[1].toLowerCase()}` });
    i = best.end;
  }
  return out;
}
