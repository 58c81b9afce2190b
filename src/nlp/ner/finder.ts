// Statistical name finder for German text: tags PER/LOC/ORG spans the rule-based finders missed, resolving them to KB entities where an alias matches.
import type { Document, EntityInfo, EntityType, Mention } from "../../core/types.js";
import { aliasKeys } from "../../kb/alias-trie.js";
import type { KnowledgeBase } from "../../kb/kb.js";
import type { NameLexicon } from "../mentions/name-lexicon.js";
import { sentenceFeatures, tokenInfos } from "./features.js";
import { nerModel } from "./model.js";
import { lookup, spansOf, viterbi, type LinearModel } from "./perceptron.js";

/** Token spans [first, last, class] per sentence, as the model tags them. */
export function tagDocument(model: LinearModel, doc: Document, keys: (string | null)[], mentions: readonly Mention[], kb: KnowledgeBase, names: NameLexicon): [number, number, string][] {
  const tokens = doc.layers.tokens!;
  const infos = tokenInfos(doc, keys, mentions, kb, names);
  const out: [number, number, string][] = [];
  for (let from = 0; from < tokens.length; ) {
    let to = from + 1;
    while (to < tokens.length && tokens[to]!.sentence === tokens[from]!.sentence) to++;
    const rows = sentenceFeatures(doc, infos, from, to).map((f) => lookup(model, f));
    for (const [a, b, c] of spansOf(viterbi(model, rows))) out.push([a + from, b + from, c]);
    from = to;
  }
  return out;
}

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
 * The other finders' mentions plus the tagger's spans that none of them covers, or that are
 * longer than the mentions inside them ("Reichsvereinigung der Juden in Deutschland"). KB
 * matches keep priority: a span is added next to them, never instead of them.
 */
export function addNerMentions(doc: Document, keys: (string | null)[], mentions: Mention[], kb: KnowledgeBase, names: NameLexicon, entities: Map<string, EntityInfo>): Mention[] {
  if (!enabled || doc.meta.language !== "de") return mentions;
  const model = nerModel();
  if (!model) return mentions;
  const tokens = doc.layers.tokens!;
  const text = doc.text;
  const added: Mention[] = [];
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  for (const [a, b, cls] of tagDocument(model, doc, keys, mentions, kb, names)) {
    const start = tokens[a]!.start;
    const end = tokens[b]!.end;
    let clash = false;
    for (const m of sorted) {
      if (m.start >= end) break;
      if (m.end <= start) continue;
      // Inside the span is fine (a longer name around a KB match); anything crossing or covering it wins.
      if (!(m.start >= start && m.end <= end && m.end - m.start < end - start)) clash = true;
    }
    if (clash) continue;
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
  return added.length ? [...mentions, ...added].sort((x, y) => x.start - y.start || y.end - x.end) : mentions;
}
