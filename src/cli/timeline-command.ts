// `dossier timeline`: one line per real-world event, merged across all stored articles.
import { parseArgs } from "node:util";
import { DB_OPTION, dateOption, endOf } from "../store/cli-options.js";
import { openBackend } from "../store/open-backend.js";
import { timelineLine } from "../store/render.js";

export async function runTimeline(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      ...DB_OPTION,
      actor: { type: "string" },
      type: { type: "string" },
      status: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      "min-sources": { type: "string" },
      json: { type: "boolean", default: false },
    },
  });
  const store = await openBackend(values.db, { readonly: true });
  try {
    const from = dateOption("from", values.from);
    const to = endOf(dateOption("to", values.to));
    const rows = await store.timeline({
      ...(values.actor ? { actor: values.actor } : {}),
      ...(values.type ? { type: values.type } : {}),
      ...(values.status ? { status: values.status } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(values["min-sources"] ? { minSources: Number(values["min-sources"]) } : {}),
    });
    if (values.json) console.log(JSON.stringify(rows, null, 2));
    else {
      for (const r of rows) console.log(timelineLine(r));
      console.log(`\n${rows.length} events`);
    }
    return 0;
  } finally {
    await store.close();
  }
}
