// Pipeline stage: assigns direct and reported quotes with speakers.
import type { Stage } from "../../core/pipeline.js";
import { findQuotes } from "./find.js";

export const quotesStage: Stage = {
  name: "quotes",
  requires: ["sentences", "mentions"],
  assigns: ["quotes"],
  run(doc, ctx) {
    doc.layers.quotes = findQuotes(doc, ctx.kb);
    return doc;
  },
};
