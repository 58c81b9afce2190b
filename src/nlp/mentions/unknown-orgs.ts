// Organizations the KB does not know: capitalized phrases opened or closed by an organization word, compounds, acronyms.
import { startsUpper } from "../../core/chars.js";
import { lexicon } from "../../core/lexicon.js";
import { coveredTokens } from "../../core/spans.js";
import type { Document, EntityInfo, Mention } from "../../core/types.js";
import { tokenKey } from "../../kb/alias-trie.js";
import type { NameLexicon } from "./name-lexicon.js";

interface OrgData {
  openers?: string[];
  compoundPrefixes?: string[];
  heads: string[];
  suffixes: string[];
  joiners: string[];
  acronymStop: string[];
  ambiguousOutlets?: string[];
}

export interface OrgLexicon {
  openers: Set<string>;
  compoundPrefixes: string[];
  heads: Set<string>;
  suffixes: string[];
  joiners: Set<string>;
  acronymStop: Set<string>;
  ambiguousOutlets: Set<string>;
}

const cache = new Map<string, OrgLexicon>();
export function orgLexicon(lang: string): OrgLexicon {
  let l = cache.get(lang);
  if (!l) {
    const d = lexicon<OrgData>(lang === "de" ? "de" : "en", "org-patterns", { heads: [], suffixes: [], joiners: [], acronymStop: [] });
    l = {
      openers: new Set((d.openers ?? []).map(tokenKey)),
      compoundPrefixes: (d.compoundPrefixes ?? []).map(tokenKey),
      heads: new Set(d.heads.map(tokenKey)),
      suffixes: d.suffixes.map(tokenKey),
      joiners: new Set(d.joiners.map(tokenKey)),
      acronymStop: new Set(d.acronymStop),
      ambiguousOutlets: new Set((d.ambiguousOutlets ?? []).map(tokenKey)),
    };
    cache.set(lang, l);
  }
  return l;
}

const isUpperStart = startsUpper;

/** Organization mentions on tokens not covered by `taken`; their entities are added to `entities`. */
export function findUnknownOrgs(doc: Document, keys: (string | null)[], taken: Mention[], names: NameLexicon, lang: string, entities: Map<string, EntityInfo>): Mention[] {
  const org = orgLexicon(lang);
  const tokens = doc.layers.tokens!;
  const text = doc.text;
  const covered = coveredTokens(tokens, taken);
  const raw = (k: number) => text.slice(tokens[k]!.start, tokens[k]!.end);
  const cap = (k: number) => k >= 0 && k < tokens.length && !covered[k] && tokens[k]!.kind === "word" && isUpperStart(raw(k)) && !names.functionWords.has(keys[k]!);
  const out: Mention[] = [];
  const add = (s: number, e: number, rule: string) => {
    const start = tokens[s]!.start;
    const end = tokens[e]!.end;
    const surface = text.slice(start, end);
    const id = `local:org:${keys.slice(s, e + 1).filter((x) => x != null).join("-")}`;
    out.push({ start, end, text: surface, entity: id, type: "organization", form: "name", provenance: { stage: "mentions", rule, detail: surface } });
    if (!entities.has(id)) entities.set(id, { key: id, name: surface, type: "organization", wikidata: null, role: null, country: null });
  };
  for (let i = 0; i < tokens.length; i++) {
    if (!cap(i) && !(tokens[i]!.kind === "number" && !covered[i])) continue;
    const key = keys[i]!;
    // A phrase of capitalized words (and joiners inside) that an organization word opens or closes.
    let e = i;
    const opened = org.openers.has(key);
    for (let k = i + 1; k < tokens.length && k < i + 8; k++) {
      if (tokens[k]!.sentence !== tokens[i]!.sentence) break;
      if (cap(k) || (tokens[k]!.kind === "word" && org.joiners.has(keys[k]!) && cap(k + 1)) || (text[tokens[k]!.start] === "-" && tokens[k]!.start === tokens[k - 1]!.end && cap(k + 1))) {
        if (cap(k)) e = k;
        continue;
      }
      break;
    }
    // Closed by a head: the phrase up to the first head word ("Hirzel Verlag"); opened by an opener: the whole phrase.
    let close = -1;
    for (let k = i + 1; k <= e; k++) if (keys[k] != null && org.heads.has(keys[k]!)) {
      close = k;
      break;
    }
    if (opened && e > i) {
      add(i, e, "unknown-org:opener");
      i = e;
      continue;
    }
    if (close > i) {
      add(i, close, "unknown-org:head");
      i = close;
      continue;
    }
    if (tokens[i]!.kind !== "word") continue;
    const r = raw(i);
    // One-word compounds: "Bundesjustizministerium", "Bundesärztekammer".
    if (r.length > 8 && org.compoundPrefixes.some((p) => key.startsWith(p)) && org.suffixes.some((x) => key.endsWith(x) && key.length > x.length + 2)) {
      add(i, i, "unknown-org:compound");
      continue;
    }
    // Acronyms in capitals: "BASF", "FIFA".
    // Acronyms in capitals ("BASF", "FIFA"); not after a number, where they are units ("5 KB").
    const before = tokens[i - 1];
    if (/^\p{Lu}{3,5}$/u.test(r) && !org.acronymStop.has(r) && !/^[IVXLC]+$/.test(r) && !(before && before.kind === "number")) add(i, i, "unknown-org:acronym");
  }
  return out;
}
