// Pipeline stage: assigns PLOVER events.
import type { Stage } from "../../core/pipeline.js";
import { findEvents } from "./find.js";

export const eventsStage: Stage = {
  name: "events",
  requires: ["sentences", "tokens", "mentions", "times", "quotes"],
  assigns: ["events"],
  run(doc, ctx) {
    doc.layers.events = findEvents(doc, ctx.kb);
    return doc;
  },
};
