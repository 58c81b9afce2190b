// Shared test helpers: run the CLI as a user would, and find the shared evaluation folder if present.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../core/paths.js";

export const SHARED = join(ROOT, "..", "shared");
export const hasShared = existsSync(join(SHARED, "eval", "score.mjs"));

export function cli(args: string[], input?: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "dossier.js"), ...args], { encoding: "utf8", input, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function jsonLines(s: string): any[] {
  return s
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}
