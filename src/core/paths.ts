// Locations of the package's data folders, independent of the working directory.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The package root: dist/core/paths.js lives two levels below it. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const LEXICON_DIR = join(ROOT, "lexicons");
export const KB_DIR = join(ROOT, "kb");
export const SCHEMA_DIR = join(ROOT, "schema");
export const EXAMPLES_DIR = join(ROOT, "examples");
