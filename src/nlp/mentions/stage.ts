// Pipeline stage: assigns mentions (names, surnames, roles, metonyms, adjectives) and the entity table.
import type { Stage } from "../../core/pipeline.js";
import { lexicon } from "../../core/lexicon.js";
import { fold } from "../../core/normalize.js";
import type { EntityInfo, Mention } from "../../core/types.js";
import { findAliasCandidates, findRoleMentions, resolveMentions } from "./find.js";

const stoplists = new Map<string, Set<string>>();
function stoplist(lang: string): Set<string> {
  let s = stoplists.get(lang);
  if (!s) {
    s = new Set(lexicon<{ words: string[] }>(lang, "ambiguous-surnames", { words: [] }).words.map(fold));
    stoplists.set(lang, s);
  }
  return s;
}

export const mentionsStage: Stage = {
  name: "mentions",
  requires: ["tokens", "times"],
  assigns: ["mentions", "entities"],
  run(doc, ctx) {
    const kb = ctx.kb;
    const date = doc.meta.published ? doc.meta.published.slice(0, 10) : null;
    const names = resolveMentions(doc, kb, findAliasCandidates(doc, kb), date, stoplist(doc.meta.language));
    const roles = findRoleMentions(doc, kb, names, date);
    const mentions: Mention[] = [...names, ...roles].sort((a, b) => a.start - b.start || b.end - a.end);
    const entities = new Map<string, EntityInfo>();
    for (const m of mentions) {
      if (entities.has(m.entity)) continue;
      const e = kb.entity(m.entity);
      if (!e) continue;
      entities.set(m.entity, {
        key: e.id,
        name: e.name,
        type: e.type,
        wikidata: e.wikidata,
        role: e.type === "person" ? kb.roleAt(e.id, date) : null,
        country: e.actsFor ?? e.country,
      });
    }
    doc.layers.mentions = mentions;
    doc.layers.entities = entities;
    return doc;
  },
};
