// Loads the German NER tagger's weights (kb/models/ner-de.json.gz, written by `npm run train:ner`) once per process.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { DossierError } from "../../core/errors.js";
import { KB_DIR } from "../../core/paths.js";
import { importModel, type LinearModel, type ModelFile } from "./perceptron.js";

export const MODEL_FILE = "ner-de.json.gz";

const cache = new Map<string, LinearModel | null>();

/** The model in `dir`/models, or null when the file is absent (the tagger is then skipped). */
export function nerModel(dir = KB_DIR): LinearModel | null {
  const file = join(dir, "models", MODEL_FILE);
  if (cache.has(file)) return cache.get(file)!;
  let model: LinearModel | null = null;
  if (existsSync(file)) {
    let data: ModelFile;
    try {
      data = JSON.parse(gunzipSync(readFileSync(file)).toString("utf8")) as ModelFile;
    } catch (err) {
      throw new DossierError("KB_INVALID", `${file} is not a gzipped JSON model: ${(err as Error).message}; rebuild it with \`npm run train:ner\``);
    }
    if (data.format !== "dossier-ner-perceptron/1" || data.weights.length !== data.features.length * data.tags.length) {
      throw new DossierError("KB_INVALID", `${file} has format "${data.format}" or a weight count that does not match its features; rebuild it with \`npm run train:ner\``);
    }
    model = importModel(data);
  }
  cache.set(file, model);
  return model;
}
