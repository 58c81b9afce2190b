// `dossier export --format json|jsonl|csv|plover|ics`: the merged story for other tools.
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { DossierError } from "../core/errors.js";
import { DB_OPTION, todayOption } from "../store/cli-options.js";
import { exportStore, FORMATS, type ExportFormat } from "../store/export.js";
import { openStore } from "../store/open.js";

export function runExport(args: string[]): number {
  const { values } = parseArgs({ args, options: { ...DB_OPTION, format: { type: "string", default: "json" }, out: { type: "string" }, today: { type: "string" } } });
  const format = values.format as ExportFormat;
  if (!FORMATS.includes(format)) throw new DossierError("USAGE", `--format must be one of ${FORMATS.join(", ")}`);
  const db = openStore(values.db, { readonly: true });
  try {
    const text = exportStore(db, format, todayOption(values.today));
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
    db.close();
  }
}
