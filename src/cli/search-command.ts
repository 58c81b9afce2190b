// `dossier search "…"`: full-text search over stored articles and quotes, German and English stems.
import { parseArgs } from "node:util";
import { DossierError } from "../core/errors.js";
import { DB_OPTION } from "../store/cli-options.js";
import { openBackend } from "../store/open-backend.js";
import { searchLine } from "../store/render.js";

export async function runSearch(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...DB_OPTION, limit: { type: "string" }, json: { type: "boolean", default: false } } });
  if (!positionals.length) throw new DossierError("USAGE", 'search needs a query, e.g. dossier search "Treffen Genf"');
  const store = await openBackend(values.db, { readonly: true });
  try {
    const hits = await store.search(positionals.join(" "), values.limit ? Number(values.limit) : 20);
    if (values.json) console.log(JSON.stringify(hits, null, 2));
    else {
      for (const h of hits) console.log(searchLine(h));
      console.log(`\n${hits.length} hits`);
    }
    return 0;
  } finally {
    await store.close();
  }
}
