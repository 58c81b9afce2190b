// `dossier event ID`: one merged event with every source that reported it, its conflicts and plan.
import { parseArgs } from "node:util";
import { DossierError } from "../core/errors.js";
import { DB_OPTION } from "../store/cli-options.js";
import { openStore } from "../store/open.js";
import { eventDetail } from "../store/queries.js";
import { eventText } from "../store/render.js";

export function runEvent(args: string[]): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...DB_OPTION, json: { type: "boolean", default: false } } });
  if (positionals.length !== 1) throw new DossierError("USAGE", "event needs one ID (a cluster id c-… from dossier timeline, or an event id ev-…)");
  const db = openStore(values.db, { readonly: true });
  try {
    const d = eventDetail(db, positionals[0]!);
    console.log(values.json ? JSON.stringify(d, null, 2) : eventText(d));
    return 0;
  } finally {
    db.close();
  }
}
