// Pipeline stage: assigns the token layer.
import type { Stage } from "../../core/pipeline.js";
import { tokenize } from "./tokenize.js";

export const tokensStage: Stage = {
  name: "tokens",
  requires: ["sentences"],
  assigns: ["tokens"],
  run(doc) {
    doc.layers.tokens = tokenize(doc.text, doc.layers.sentences!);
    return doc;
  },
};
