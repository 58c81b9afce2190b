// `dossier eval` (npm run eval): extracts examples/corpus, scores it against examples/gold, checks eval/baseline.json.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { parseArgs } from "node:util";
import { makeContext } from "../cli/context.js";
import { EXAMPLES_DIR, ROOT } from "../core/paths.js";
import { toRecord } from "../core/record.js";
import { processArticle } from "../extract.js";
import { readInputs } from "../ingest/sources.js";
import { kbLookup } from "../story/kb-lookup.js";
import { mergeRecords } from "../story/merge-records.js";
import { bcubed, score, type AliasTable, type Gold } from "./score.js";

/** Merges eval/aliases/*.json into one alias table (later files add aliases, never drop them). */
export function loadAliases(dir = join(ROOT, "eval", "aliases")): AliasTable {
  const out: Required<AliasTable> = { people: {}, groups: {}, places: {} };
  if (!existsSync(dir)) return out;
  for (const f of readdirSync(dir).filter((x) => x.endsWith(".json")).sort()) {
    const t = JSON.parse(readFileSync(join(dir, f), "utf8")) as AliasTable;
    for (const k of ["people", "groups"] as const)
      for (const [c, v] of Object.entries(t[k] ?? {})) {
        const prev = out[k][c];
        out[k][c] = { aliases: [...new Set([...(prev?.aliases ?? []), ...(v.aliases ?? [])])], country: prev?.country ?? v.country ?? null };
      }
    for (const [c, v] of Object.entries(t.places ?? {})) out.places[c] = [...new Set([...(out.places[c] ?? []), ...v])];
  }
  return out;
}

/** Flattens the metrics that the baseline gates, as name → value. */
export function headline(r: ReturnType<typeof score>["result"], clusters: { f1: number }): Record<string, number | null> {
  return {
    "consult.f1": r.consult.f1,
    "events.f1": r.events.f1,
    "events.participantF1": r.eventAttributes.participantF1,
    "events.dateExact": r.eventAttributes.dateExact,
    "events.statusExact": r.eventAttributes.statusExact,
    "events.location": r.eventAttributes.location,
    "persons.f1": r.persons.f1,
    "directQuotes.f1": r.directQuotes.f1,
    "indirectQuotes.f1": r.indirectQuotes.f1,
    quoteSpeaker: r.quoteSpeaker,
    agencies: r.agencies,
    aiGenerated: r.aiGenerated,
    "clusters.b3f1": clusters.f1,
  };
}

export function runEval(args: string[]): number {
  const { values } = parseArgs({ args, options: { json: { type: "boolean", default: false }, explain: { type: "boolean", default: false } } });
  const ctx = makeContext();
  const preds = new Map<string, any>();
  for (const r of readInputs([join(EXAMPLES_DIR, "corpus")])) {
    if ("error" in r) continue;
    const rec = toRecord(processArticle(r.article, ctx));
    preds.set(basename(rec.document.source, extname(rec.document.source)), rec);
  }
  const gold = new Map<string, Gold>();
  const goldDir = join(EXAMPLES_DIR, "gold");
  for (const f of readdirSync(goldDir).filter((x) => x.endsWith(".json")).sort()) {
    const g = JSON.parse(readFileSync(join(goldDir, f), "utf8")) as Gold;
    gold.set(g.doc ?? basename(f, ".json"), g);
  }
  const { result, explain, matched } = score(gold, preds, loadAliases());
  // Cross-article clusters from the story merger (src/story), over all records in publication order.
  const story = mergeRecords([...preds.values()], kbLookup(ctx.kb));
  const items = matched
    .filter((m) => m.gold.cluster)
    .map((m, i) => ({ gold: m.gold.cluster!, pred: story.clusterOf(preds.get(m.doc)?.document.id, m.pred.id) ?? `p${i}` }));
  const clusters = bcubed(items);
  const head = headline(result, clusters);
  const baselineFile = join(ROOT, "eval", "baseline.json");
  const baseline: Record<string, number> = existsSync(baselineFile) ? JSON.parse(readFileSync(baselineFile, "utf8")).minimum ?? {} : {};
  const drops: string[] = [];
  for (const [k, min] of Object.entries(baseline)) {
    const v = head[k];
    if (v == null || v < min - 0.02) drops.push(`${k}: ${v} < minimum ${min} - 0.02`);
  }
  if (values.json) console.log(JSON.stringify({ ...result, clusters, headline: head, drops, ...(values.explain ? { explain } : {}) }, null, 2));
  else {
    console.log(`examples: ${result.documents} gold documents, ${preds.size} records, ${result.missingDocuments} missing`);
    for (const [k, v] of Object.entries(head)) console.log(`  ${k.padEnd(24)} ${v ?? "-"}${baseline[k] != null ? `   (minimum ${baseline[k]})` : ""}`);
    if (values.explain) for (const e of explain) console.log(`\n## ${e.doc}\n${e.notes.map((n) => `  - ${n}`).join("\n")}`);
    console.log(drops.length ? `\nFAIL: ${drops.length} score(s) dropped more than 0.02 below eval/baseline.json:\n  ${drops.join("\n  ")}` : "\nbaseline: ok");
  }
  return drops.length ? 1 : 0;
}
