// Plain-text boilerplate removal: a line classifier driven by per-language rules, with reasons.
import { boilerplateRules, lineMatches } from "./rules.js";
import { creditLine, inlineCredits } from "./agencies.js";
import type { RemovedText } from "../core/types.js";

export interface CleanResult {
  text: string;
  removed: RemovedText[];
  agencies: string[];
  aiGenerated: boolean;
}

/** Classifies each line; keeps headline, lead, body, crossheads and bullets; drops the rest with a reason. */
export function cleanText(input: string): CleanResult {
  const rules = boilerplateRules();
  const lineRules = rules.filter((r) => r.scope === "line");
  const inlineRules = rules.filter((r) => r.scope === "inline");
  const removed: RemovedText[] = [];
  const agencies: string[] = [];
  let aiGenerated = false;
  const kept: string[] = [];
  const seen = new Set<string>();
  const lines = input.replace(/\r\n?/g, "\n").split("\n");

  // First pass: a decision per line; blank lines are kept as paragraph breaks (reason null, line "").
  const lineOut: { raw: string; line: string; reason: string | null }[] = [];
  for (const raw of lines) {
    let line = raw.replace(/[\t\u00a0 ]+/g, " ").trim();
    if (!line) {
      lineOut.push({ raw, line: "", reason: null });
      continue;
    }
    const credit = creditLine(line);
    if (credit) {
      agencies.push(...credit);
      lineOut.push({ raw, line, reason: "agency-credit" });
      continue;
    }
    const hit = lineRules.find((r) => lineMatches(r, line));
    if (hit) {
      if (hit.sets === "aiGenerated") aiGenerated = true;
      lineOut.push({ raw, line, reason: hit.reason });
      continue;
    }
    for (const r of inlineRules) {
      if (!r.needs.every((ch) => line.includes(ch))) continue;
      line = line.replace(r.re, (m) => {
        removed.push({ text: m.trim(), reason: r.reason });
        return "";
      });
    }
    line = line.trim();
    if (!line) continue;
    lineOut.push({ raw, line, reason: null });
  }
  // A short label between two navigation lines ("Startseite / Panorama / Icon …") is a breadcrumb item too.
  const nonBlank = lineOut.filter((l) => l.line);
  for (let i = 1; i + 1 < nonBlank.length; i++) {
    const l = nonBlank[i]!;
    if (l.reason || l.line.length > 40 || /[.!?:;,"„“”«»]/.test(l.line) || l.line.split(" ").length > 3) continue;
    if (nonBlank[i - 1]!.reason === "navigation" && nonBlank[i + 1]!.reason === "navigation") l.reason = "navigation";
  }
  for (const { raw, line, reason } of lineOut) {
    if (!line) {
      if (kept.length && kept[kept.length - 1] !== "") kept.push("");
      continue;
    }
    if (reason) {
      removed.push({ text: raw.trim(), reason });
      continue;
    }
    // A line repeated verbatim (headline printed twice, teaser and caption) is kept once.
    if (seen.has(line) && line.length > 20) {
      removed.push({ text: raw.trim(), reason: "duplicate" });
      continue;
    }
    seen.add(line);
    agencies.push(...inlineCredits(line));
    kept.push(line);
  }
  while (kept.length && kept[kept.length - 1] === "") kept.pop();
  return { text: kept.join("\n"), removed, agencies: [...new Set(agencies)], aiGenerated };
}
