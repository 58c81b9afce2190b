// `dossier promises`: planned, promised and proposed events, what became of them, and which are overdue.
import { parseArgs } from "node:util";
import { DB_OPTION, todayOption } from "../store/cli-options.js";
import { openBackend } from "../store/open-backend.js";
import { promiseLine } from "../store/render.js";

export async function runPromises(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { ...DB_OPTION, today: { type: "string" }, state: { type: "string" }, json: { type: "boolean", default: false } } });
  const store = await openBackend(values.db, { readonly: true });
  try {
    const list = (await store.promises(todayOption(values.today))).filter((p) => !values.state || p.state === values.state);
    if (values.json) console.log(JSON.stringify(list, null, 2));
    else {
      for (const p of list) console.log(promiseLine(p));
      const by = new Map<string, number>();
      for (const p of list) by.set(p.state, (by.get(p.state) ?? 0) + 1);
      console.log(`\n${list.length} plans: ${[...by].map(([k, n]) => `${n} ${k}`).join(", ") || "none"}`);
    }
    return 0;
  } finally {
    await store.close();
  }
}
