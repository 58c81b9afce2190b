// The pipeline rejects stage orders whose requirements are not met, and the shipped order is valid.
import { test } from "node:test";
import assert from "node:assert/strict";
import { checkPipeline, type Stage } from "./pipeline.js";
import { DossierError } from "./errors.js";
import { STAGES } from "../nlp/pipeline.js";

const stage = (name: string, requires: Stage["requires"], assigns: Stage["assigns"]): Stage => ({ name, requires, assigns, run: (d) => d });

test("the shipped pipeline is valid", () => {
  assert.doesNotThrow(() => checkPipeline(STAGES));
});

test("a stage that needs a later layer is rejected with PIPELINE_INVALID", () => {
  assert.throws(
    () => checkPipeline([stage("tokens", ["sentences"], ["tokens"]), stage("sentences", ["text"], ["sentences"])]),
    (e: unknown) => e instanceof DossierError && e.code === "PIPELINE_INVALID" && /requires layer "sentences"/.test(e.message),
  );
});

test("a layer assigned twice is rejected", () => {
  assert.throws(() => checkPipeline([stage("a", ["text"], ["sentences"]), stage("b", ["text"], ["sentences"])]), /assigned twice/);
});
