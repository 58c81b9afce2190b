// Pipeline stage: assigns direct and reported quotes with speakers.
import type { Stage } from "../../core/pipeline.js";
import { findDirectQuotes, findIndirectQuotes } from "./find.js";

export const quotesStage: Stage = {
  name: "quotes",
  requires: ["sentences", "mentions"],
  assigns: ["quotes"],
  run(doc) {
    const direct = findDirectQuotes(doc);
    const indirect = findIndirectQuotes(doc, direct);
    doc.layers.quotes = [...direct, ...indirect].sort((a, b) => a.start - b.start);
    return doc;
  },
};
