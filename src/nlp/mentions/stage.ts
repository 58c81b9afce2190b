// Pipeline stage: assigns mentions (names, surnames, roles, metonyms, adjectives) and the entity table.
import type { Stage } from "../../core/pipeline.js";
import { lexicon } from "../../core/lexicon.js";
import { fold } from "../../core/normalize.js";
import type { EntityInfo, Mention } from "../../core/types.js";
import { blockedTokens, findAliasCandidates, findRoleMentions, localMentions, resolveMentions, tokenKeys } from "./find.js";
import { nameLexicon } from "./name-lexicon.js";
import { findUnknownPersons } from "./unknown-persons.js";
import { gazetteerMentions } from "./gazetteer-places.js";
import { findUnknownOrgs, orgLexicon } from "./unknown-orgs.js";
import { addNerMentions } from "../ner/finder.js";

const placeCueSets = new Map<string, Set<string>>();
function placeCues(lang: string): Set<string> {
  let s = placeCueSets.get(lang);
  if (!s) {
    s = new Set(lexicon<{ prepositions: string[] }>(lang === "de" ? "de" : "en", "place-cues", { prepositions: [] }).prepositions.map(fold));
    placeCueSets.set(lang, s);
  }
  return s;
}

const townCueSets = new Map<string, Set<string>>();
function townCues(lang: string): Set<string> {
  let s = townCueSets.get(lang);
  if (!s) {
    s = new Set(lexicon<{ townPrepositions?: string[] }>(lang === "de" ? "de" : "en", "place-cues", {}).townPrepositions?.map(fold) ?? []);
    townCueSets.set(lang, s);
  }
  return s;
}

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
    const lang = doc.meta.language;
    const date = doc.meta.published ? doc.meta.published.slice(0, 10) : null;
    const keys = tokenKeys(doc);
    const cands = findAliasCandidates(doc, kb, keys);
    const names = nameLexicon(lang);
    const locals = findUnknownPersons(
      doc,
      keys,
      blockedTokens(keys.length, cands, kb),
      cands.filter((c) => c.hits.every((h) => h.form === "surname")).map((c) => [c.startTok, c.endTok] as [number, number]),
      names,
      lang,
    );
    const known = resolveMentions(doc, kb, cands, keys, date, { stoplist: stoplist(lang), placeCues: placeCues(lang), ambiguousOutlets: orgLexicon(lang).ambiguousOutlets, names, locals, german: lang === "de" });
    const local = localMentions(doc, keys, locals, known);
    const roles = findRoleMentions(doc, kb, known, date, keys);
    const entities = new Map<string, EntityInfo>();
    const places = gazetteerMentions(doc, keys, [...known, ...local, ...roles], names, townCues(lang), entities);
    const orgs = findUnknownOrgs(doc, keys, [...known, ...local, ...roles, ...places], names, lang, entities);
    const found: Mention[] = [...known, ...local, ...roles, ...places, ...orgs].sort((a, b) => a.start - b.start || b.end - a.end);
    // German names none of the rules found, from the statistical tagger (src/nlp/ner).
    const mentions = addNerMentions(doc, keys, found, kb, names, entities);
    const localNames = new Map(locals.map((l) => [l.person.id, l.person.name]));
    for (const m of mentions) {
      if (entities.has(m.entity)) continue;
      const ln = localNames.get(m.entity);
      if (ln) {
        entities.set(m.entity, { key: m.entity, name: ln, type: "person", wikidata: null, role: null, country: null });
        continue;
      }
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
