// `dossier conflicts`: where the sources of one event disagree (date, place, participants, status).
import { parseArgs } from "node:util";
import { DB_OPTION } from "../store/cli-options.js";
import { openBackend } from "../store/open-backend.js";
import { conflictText } from "../store/render.js";

export async function runConflicts(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { ...DB_OPTION, field: { type: "string" }, json: { type: "boolean", default: false } } });
  const store = await openBackend(values.db, { readonly: true });
  try {
    const list = (await store.conflicts()).filter((k) => !values.field || k.field === values.field);
    if (values.json) console.log(JSON.stringify(list, null, 2));
    else {
      for (const k of list) console.log(conflictText(k).join("\n") + "\n");
      console.log(`${list.length} conflicts`);
    }
    return 0;
  } finally {
    await store.close();
  }
}
