// Pipeline stage: assigns the times layer, resolving against the publication date (found or inferred first).
import type { Stage } from "../../core/pipeline.js";
import { parseIso } from "./calendar.js";
import { inferPublished } from "./published.js";
import { tagTimes } from "./tagger.js";

export const timesStage: Stage = {
  name: "times",
  requires: ["sentences", "meta"],
  assigns: ["times"],
  run(doc) {
    const sentences = doc.layers.sentences!;
    const tag = (ref: string | null) => tagTimes(doc.text, sentences, doc.meta.language, ref ? parseIso(ref) : null);
    const ref = inferPublished(doc, tag);
    doc.layers.times = tag(ref);
    return doc;
  },
};
