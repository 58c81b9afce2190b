// Entity facts for merging (type, country, coordinates) read from the knowledge base.
import type { KnowledgeBase } from "../kb/kb.js";
import type { EntityLookup } from "./types.js";

export function kbLookup(kb: KnowledgeBase): EntityLookup {
  return (key) => {
    const e = kb.entity(key);
    if (!e) return undefined;
    return {
      type: e.type,
      country: e.actsFor ?? e.country,
      ...(e.lat !== undefined ? { lat: e.lat } : {}),
      ...(e.lon !== undefined ? { lon: e.lon } : {}),
      ...(e.kind !== undefined ? { kind: e.kind } : {}),
    };
  };
}
