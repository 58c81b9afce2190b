// The one ordered list of extraction stages, checked when the module loads.
import { Pipeline } from "../core/pipeline.js";
import { eventsStage } from "./events/stage.js";
import { mentionsStage } from "./mentions/stage.js";
import { quotesStage } from "./quotes/stage.js";
import { sentencesStage } from "./sentences/stage.js";
import { timesStage } from "./times/stage.js";
import { tokensStage } from "./tokens/stage.js";

export const STAGES = [sentencesStage, tokensStage, timesStage, mentionsStage, quotesStage, eventsStage] as const;

export const pipeline = new Pipeline(STAGES);
