// The stage contract and the pipeline runner that checks stage order once, at start-up.
import { DossierError } from "./errors.js";
import { checkAnnotationCount } from "./limits.js";
import type { Document, LayerName } from "./types.js";
import type { Context } from "./context.js";

export interface Stage {
  /** Short kebab-case name; used in provenance and `--explain`. */
  name: string;
  /** Layers that must be assigned by an earlier stage. */
  requires: LayerName[];
  /** Layers this stage assigns. A layer is assigned by exactly one stage. */
  assigns: LayerName[];
  run(doc: Document, ctx: Context): Document;
}

const BUILTIN: LayerName[] = ["text", "meta"];

/** Throws PIPELINE_INVALID when a stage needs a layer no earlier stage assigns, or two stages assign one layer. */
export function checkPipeline(stages: readonly Stage[]): void {
  const have = new Set<LayerName>(BUILTIN);
  const names = new Set<string>();
  for (const stage of stages) {
    if (names.has(stage.name)) throw new DossierError("PIPELINE_INVALID", `stage "${stage.name}" appears twice in the pipeline`);
    names.add(stage.name);
    for (const need of stage.requires) {
      if (!have.has(need)) {
        throw new DossierError(
          "PIPELINE_INVALID",
          `stage "${stage.name}" requires layer "${need}", which no earlier stage assigns; move the stage that assigns it before "${stage.name}"`,
        );
      }
    }
    for (const out of stage.assigns) {
      if (have.has(out)) throw new DossierError("PIPELINE_INVALID", `layer "${out}" is assigned twice (again by "${stage.name}")`);
      have.add(out);
    }
  }
}

export class Pipeline {
  readonly stages: readonly Stage[];
  constructor(stages: readonly Stage[]) {
    checkPipeline(stages);
    this.stages = stages;
  }
  run(doc: Document, ctx: Context): Document {
    let d = doc;
    for (const stage of this.stages) {
      d = stage.run(d, ctx);
      // Checked after every stage so that a flood of annotations stops before the next stage multiplies it.
      checkAnnotationCount(d, stage.name);
    }
    return d;
  }
}
