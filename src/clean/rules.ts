// Compiles the boilerplate rules of every language's lexicon into one list, once.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { lexicon } from "../core/lexicon.js";
import { LEXICON_DIR } from "../core/paths.js";
import { DossierError } from "../core/errors.js";
import { requiredChars } from "./required-chars.js";

export interface BoilerplateRule {
  id: string;
  re: RegExp;
  reason: string;
  scope: "line" | "inline";
  maxLength: number;
  sets: "aiGenerated" | null;
  /** Characters every match contains (requiredChars): most lines lack one, and a substring search is far cheaper than the pattern. */
  needs: string[];
}

/** Whether a line rule matches a whole line: within its length, holding its required characters, and matching. */
export function lineMatches(r: BoilerplateRule, line: string): boolean {
  if (line.length > r.maxLength) return false;
  for (const ch of r.needs) if (!line.includes(ch)) return false;
  return r.re.test(line);
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
        needs: requiredChars(r.pattern),
      });
    }
  }
  compiled = out;
  return out;
}
