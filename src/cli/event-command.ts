// `dossier event ID`: one merged event with every source that reported it, its conflicts and plan.
import { parseArgs } from "node:util";
import { DossierError } from "../core/errors.js";
import { DB_OPTION } from "../store/cli-options.js";
import { openBackend } from "../store/open-backend.js";
import { eventText } from "../store/render.js";

export async function runEvent(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...DB_OPTION, json: { type: "boolean", default: false } } });
  if (positionals.length !== 1) throw new DossierError("USAGE", "event needs one ID (a cluster id c-… from dossier timeline, or an event id ev-…)");
  const store = await openBackend(values.db, { readonly: true });
  try {
    const d = await store.eventDetail(positionals[0]!);
    console.log(values.json ? JSON.stringify(d, null, 2) : eventText(d));
    return 0;
  } finally {
    await store.close();
  }
}
