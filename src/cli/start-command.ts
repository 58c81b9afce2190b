// `dossier start` (npm start): ingest the bundled examples into the embedded store, print the merged timeline, then serve the web app over that store.
import { join } from "node:path";
import { parseArgs } from "node:util";
import { EXAMPLES_DIR } from "../core/paths.js";
import { DB_OPTION } from "../store/cli-options.js";
import { ingestInputs } from "../store/ingest.js";
import { openStore } from "../store/open.js";
import { conflictsOf, promises, timeline } from "../store/queries.js";
import { timelineLine } from "../store/render.js";
import { makeContext } from "./context.js";

export async function runStart(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { ...DB_OPTION, "no-serve": { type: "boolean", default: false }, port: { type: "string" } } });
  const code = await ingestAndPrint(values.db);
  if (values["no-serve"]) return code;
  // The app is what most users want to see: serve it over the store just filled (Ctrl-C stops).
  const { runServe } = await import("./serve-command.js");
  return runServe(["--db", values.db, ...(values.port ? ["--port", values.port] : [])]);
}

async function ingestAndPrint(file: string): Promise<number> {
  const values = { db: file };
  const db = openStore(values.db);
  try {
    const sum = await ingestInputs(db, makeContext(), [join(EXAMPLES_DIR, "corpus")], { progress: process.stderr });
    for (const f of sum.failed) console.error(`error ${f.code} ${f.source}: ${f.message}`);
    const rows = timeline(db);
    for (const r of rows) console.log(timelineLine(r));
    const multi = rows.filter((r) => r.sources > 1).length;
    const today = new Date().toISOString().slice(0, 10);
    const overdue = promises(db, today).filter((p) => p.state === "overdue").length;
    console.log(
      `\n${sum.read} articles (${sum.added} new, ${sum.unchanged} already stored, ${sum.failed.length} failed): ${sum.events} event reports merged into ${rows.length} events, ${multi} reported by several articles, ${conflictsOf(db).length} conflicts, ${overdue} overdue plans; store: ${values.db}`,
    );
    console.log(`next: npx dossier event <id> | conflicts | promises | search "…" | export --format csv   (--db ${values.db})`);
    return sum.failed.length ? 1 : 0;
  } finally {
    db.close();
  }
}
