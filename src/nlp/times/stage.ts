// Pipeline stage: assigns the times layer, resolving against the publication date (found or inferred first) or, in narratives, the story's own dates.
import type { Stage } from "../../core/pipeline.js";
import { parseIso } from "./calendar.js";
import { detectGenre } from "./genre.js";
import { inferFromContent } from "./infer.js";
import { inferPublished } from "./published.js";
import { findTimes, resolveTimes } from "./tagger.js";

export const timesStage: Stage = {
  name: "times",
  requires: ["sentences", "tokens", "meta"],
  assigns: ["times"],
  run(doc, ctx) {
    const sentences = doc.layers.sentences!;
    const lang = doc.meta.language;
    // Untagged once without a reference: the absolute dates it finds feed publication-date inference and genre detection.
    const found = findTimes(doc.text, sentences, lang, doc.layers.tokens);
    const bare = resolveTimes(found, doc.text, sentences, null);
    const ref = inferPublished(doc, bare, (only) => inferFromContent(doc, found, sentences, ctx.kb, only), ctx.options.fileDate);
    const genre = doc.meta.genre ?? detectGenre(doc, bare);
    doc.layers.times = resolveTimes(found, doc.text, sentences, ref ? parseIso(ref) : null, { genre });
    return doc;
  },
};
