// `dossier export --format json|jsonl|csv|plover|ics`: the merged story for other tools.
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { DossierError } from "../core/errors.js";
import { DB_OPTION, todayOption } from "../store/cli-options.js";
import { exportStore, FORMATS, type ExportFormat } from "../store/export.js";
import { openBackend } from "../store/open-backend.js";

export async function runExport(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { ...DB_OPTION, format: { type: "string", default: "json" }, out: { type: "string" }, today: { type: "string" } } });
  const format = values.format as ExportFormat;
  if (!FORMATS.includes(format)) throw new DossierError("USAGE", `--format must be one of ${FORMATS.join(", ")}`);
  const store = await openBackend(values.db, { readonly: true });
  try {
    const text = await exportStore(store, format, todayOption(values.today));
    if (values.out) writeFileSync(values.out, text);
    else {
      // A closed pipe (dossier export | head) is the reader's choice, not an error.
      process.stdout.on("error", (e: NodeJS.ErrnoException) => {
        if (e.code !== "EPIPE") throw e;
      });
      process.stdout.write(text);
    }
    return 0;
  } finally {
    await store.close();
  }
}
