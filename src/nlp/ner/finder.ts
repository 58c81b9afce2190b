// Statistical name finder for German text: tags PER/LOC/ORG spans the rule-based finders missed, resolving them to KB entities where an alias matches.
import type { Document, EntityInfo, EntityType, Mention } from "../../core/types.js";
import { aliasKeys } from "../../kb/alias-trie.js";
import type { KnowledgeBase } from "../../kb/kb.js";
import type { NameLexicon } from "../mentions/name-lexicon.js";
import { sentenceRows } from "./feature-ids.js";
import { tokenInfos } from "./features.js";
import { nerModel } from "./model.js";
import { margin, spansOf, viterbi, type LinearModel } from "./perceptron.js";

/** Token spans [first, last, class, confidence] per sentence, as the model tags them. */
export function tagDocument(model: LinearModel, doc: Document, keys: (string | null)[], mentions: readonly Mention[], kb: KnowledgeBase, names: NameLexicon): [number, number, string, number][] {
  const tokens = doc.layers.tokens!;
  const infos = tokenInfos(doc, keys, mentions, kb, names);
  const out: [number, number, string, number][] = [];
  for (let from = 0; from < tokens.length; ) {
    let to = from + 1;
    while (to < tokens.length && tokens[to]!.sentence === tokens[from]!.sentence) to++;
    const rows = sentenceRows(model, doc, infos, from, to);
    const tags = viterbi(model, rows);
    for (const [a, b, c] of spansOf(tags)) {
      // The weakest token's margin over O: one doubtful word makes the whole span doubtful.
      let conf = Infinity;
      for (let k = a; k <= b; k++) conf = Math.min(conf, margin(model, rows[k]!, tags[k]!));
      out.push([a + from, b + from, c, conf]);
    }
    from = to;
  }
  return out;
}

/** Margin a one-word person span needs (tuned on held-out GermEval dev against the examples' persons F1). */
const MIN_LONE_PERSON = 3;

/** Punctuation that may stand inside a name: "Baden-Württemberg", "St. Gallen", "AT&T", "O'Neill". */
const INNER = new Set(["-", ".", "&", "'", "’"]);

const TYPE_OF: Record<string, EntityType[]> = { PER: ["person"], ORG: ["organization"], LOC: ["country", "location"] };

let enabled = true;
/** Runs `f` with the tagger off: training reads the other finders' output as features. */
export function withoutNer<R>(f: () => R): R {
  enabled = false;
  try {
    return f();
  } finally {
    enabled = true;
  }
}

/**
 * The other finders' mentions merged with the tagger's spans. KB matches and role nouns keep
 * priority: a span that crosses one is left out, a longer span around one is added beside it
 * ("Reichsvereinigung der Juden in Deutschland"). The rules' weaker guesses give way to the
 * tagger, which was trained with them as features: where it tags a span over them or nothing at
 * all, they are dropped.
 */
export function addNerMentions(doc: Document, keys: (string | null)[], mentions: Mention[], kb: KnowledgeBase, names: NameLexicon, entities: Map<string, EntityInfo>): Mention[] {
  if (!enabled || doc.meta.language !== "de") return mentions;
  const model = nerModel();
  if (!model) return mentions;
  const tokens = doc.layers.tokens!;
  const text = doc.text;
  const added: Mention[] = [];
  const dropped = new Set<Mention>();
  const strong = (m: Mention) => m.provenance.rule.startsWith("alias") || m.form === "role";
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  const spans = tagDocument(model, doc, keys, mentions, kb, names);
  // A rule finder's guess (gazetteer town, unknown organization or person) that the tagger, which saw it as a feature, rejects is dropped.
  {
    const tagged = new Uint8Array(text.length + 1);
    for (const [a, b] of spans) for (let p = tokens[a]!.start; p < tokens[b]!.end; p++) tagged[p] = 1;
    for (const m of sorted) {
      if (strong(m) || m.form !== "name") continue;
      let any = false;
      for (let p = m.start; p < m.end; p++) if (tagged[p]) any = true;
      if (!any) dropped.add(m);
    }
  }
  for (let [a, b, cls, conf] of spans) {
    // A lone capitalized word as a person needs a clear margin: German nouns look like surnames ("Attrappe").
    if (a === b && cls === "PER" && conf < MIN_LONE_PERSON) continue;
    // Punctuation at the edges is no part of a name; a slash or comma inside joins two names ("Washington/Moskau").
    while (a <= b && tokens[a]!.kind === "punct") a++;
    while (b >= a && tokens[b]!.kind === "punct") b--;
    if (a > b) continue;
    let joined = false;
    for (let k = a; k <= b; k++) if (tokens[k]!.kind !== "word" && tokens[k]!.kind !== "number" && !INNER.has(text[tokens[k]!.start]!)) joined = true;
    if (joined) continue;
    const start = tokens[a]!.start;
    const end = tokens[b]!.end;
    // A KB alias the rules looked at and left out (an outlet's dateline, a common-word surname) stays out.
    if (!sorted.some((m) => m.start < end && m.end > start) && kb.trie.hits.has(keys.slice(a, b + 1).filter((k) => k != null).join(" "))) continue;
    let clash = false;
    const weak: Mention[] = [];
    for (const m of sorted) {
      if (m.start >= end) break;
      if (m.end <= start || dropped.has(m)) continue;
      // A longer organization or place name around a KB match is fine ("Reichsvereinigung der Juden in
      // Deutschland"), but not one that opens with the match or holds a person ("Kremlchef Putin", "Schweden Militärkontingente").
      if (m.start > start && m.end <= end && m.type !== "person" && cls !== "PER") continue;
      if (!strong(m) && !(m.start === start && m.end === end && TYPE_OF[cls]!.includes(m.type))) weak.push(m);
      else clash = true;
    }
    if (clash) continue;
    for (const m of weak) dropped.add(m);
    const surface = text.slice(start, end);
    const types = TYPE_OF[cls]!;
    const hit = kb.trie.get(aliasKeys(surface))?.find((h) => types.includes(kb.entity(h.id)?.type ?? "other"));
    const e = hit ? kb.entity(hit.id) : undefined;
    let entity: string;
    let type: EntityType;
    if (e) {
      entity = e.id;
      type = e.type;
    } else {
      type = types[types.length - 1]!;
      entity = `local:ner-${type}-${aliasKeys(surface).join("-")}`;
      if (!entities.has(entity)) entities.set(entity, { key: entity, name: surface, type, wikidata: null, role: null, country: null });
    }
    added.push({ start, end, text: surface, entity, type, form: "name", provenance: { stage: "mentions", rule: "ner", detail: cls } });
  }
  if (!added.length && !dropped.size) return mentions;
  const kept = mentions.filter((m) => !dropped.has(m));
  // Entities that only the dropped guesses named leave the table with them.
  const named = new Set(kept.map((m) => m.entity));
  for (const m of dropped) if (!named.has(m.entity)) entities.delete(m.entity);
  return [...kept, ...added].sort((x, y) => x.start - y.start || y.end - x.end);
}
