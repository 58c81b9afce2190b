// Pipeline stage: assigns the sentence layer.
import type { Stage } from "../../core/pipeline.js";
import { splitSentences, toSentences } from "./split.js";

export const sentencesStage: Stage = {
  name: "sentences",
  requires: ["text", "meta"],
  assigns: ["sentences"],
  run(doc) {
    doc.layers.sentences = toSentences(splitSentences(doc.text, doc.meta.language));
    return doc;
  },
};
