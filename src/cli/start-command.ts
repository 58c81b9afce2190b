// `dossier start` (npm start): the main job on the bundled examples, printed as a timeline.
import { join } from "node:path";
import { EXAMPLES_DIR } from "../core/paths.js";
import { toRecord } from "../core/record.js";
import { processArticle } from "../extract.js";
import { readInputs } from "../ingest/sources.js";
import { makeContext } from "./context.js";

export function runStart(_args: string[]): number {
  const ctx = makeContext();
  const rows: { date: string; type: string; status: string; who: string; where: string; source: string }[] = [];
  let docs = 0;
  let failed = 0;
  for (const r of readInputs([join(EXAMPLES_DIR, "corpus")])) {
    if ("error" in r) {
      failed++;
      console.error(`error ${r.error.code} ${r.source}: ${r.error.message}`);
      continue;
    }
    docs++;
    const rec = toRecord(processArticle(r.article, ctx));
    const names = new Map(rec.entities.map((e) => [e.id, e.name]));
    for (const e of rec.events as any[]) {
      rows.push({
        date: e.date ? (e.date.start === e.date.end ? e.date.start : `${e.date.start}..${e.date.end}`) : "(no date)",
        type: e.mode ? `${e.type}/${e.mode}` : e.type,
        status: e.status,
        who: [...e.actors, ...e.recipients].map((id: string) => names.get(id) ?? id).join(", "),
        where: e.location?.name ?? "",
        source: rec.document.source.split("/").pop() ?? "",
      });
    }
  }
  rows.sort((a, b) => a.date.localeCompare(b.date));
  for (const r of rows) console.log(`${r.date.padEnd(22)} ${r.type.padEnd(22)} ${r.status.padEnd(10)} ${r.who.slice(0, 60).padEnd(60)} ${r.where.padEnd(14)} ${r.source}`);
  console.log(`\n${docs} articles, ${rows.length} events, ${failed} failed. (The SQLite store and cross-article merging come with the Story issue.)`);
  return failed ? 1 : 0;
}
