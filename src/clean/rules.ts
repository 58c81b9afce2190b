// Compiles the boilerplate rules of every language's lexicon into one list, once.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { lexicon } from "../core/lexicon.js";
import { LEXICON_DIR } from "../core/paths.js";
import { DossierError } from "../core/errors.js";

export interface BoilerplateRule {
  id: string;
  re: RegExp;
  reason: string;
  scope: "line" | "inline";
  maxLength: number;
  sets: "aiGenerated" | null;
}

interface RuleData {
  id: string;
  pattern: string;
  flags?: string;
  reason: string;
  scope?: "line" | "inline";
  maxLength?: number;
  sets?: "aiGenerated";
}

/** Aggregator footers and captions come in any language, so every language's rules apply to every text. */
function ruleLangs(): string[] {
  const langs = existsSync(LEXICON_DIR) ? readdirSync(LEXICON_DIR).filter((l) => existsSync(join(LEXICON_DIR, l, "boilerplate.json"))) : [];
  return ["common", ...langs.filter((l) => l !== "common").sort()];
}
let compiled: BoilerplateRule[] | null = null;

export function boilerplateRules(): BoilerplateRule[] {
  if (compiled) return compiled;
  const out: BoilerplateRule[] = [];
  for (const lang of ruleLangs()) {
    const data = lexicon<{ rules: RuleData[] }>(lang, "boilerplate", { rules: [] });
    for (const r of data.rules) {
      let re: RegExp;
      try {
        const flags = r.flags ?? "iu";
        re = new RegExp(r.pattern, r.scope === "inline" ? flags.replace("g", "") + "g" : flags);
      } catch (err) {
        throw new DossierError("LEXICON_INVALID", `lexicons/${lang}/boilerplate.json rule ${r.id}: ${(err as Error).message}`);
      }
      out.push({
        id: `${lang}/${r.id}`,
        re,
        reason: r.reason,
        scope: r.scope ?? "line",
        maxLength: r.maxLength ?? 300,
        sets: r.sets ?? null,
      });
    }
  }
  compiled = out;
  return out;
}
