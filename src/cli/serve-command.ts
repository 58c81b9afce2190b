// `dossier serve`: the HTTP API and the web app over the SQLite store (filled with the bundled examples when empty).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { DossierError } from "../core/errors.js";
import { EXAMPLES_DIR } from "../core/paths.js";
import type { InputOptions } from "../api/ingest-input.js";
import { DEFAULT_HOST, DEFAULT_PORT, isLoopback, startServer } from "../api/server.js";
import { openSqliteQueries } from "../api/sqlite-queries.js";
import { WEB_DIR } from "../api/static.js";
import { isPostgresUrl } from "../store/backend.js";
import { ingestInputs } from "../store/ingest.js";
import { DEFAULT_DB, openStore } from "../store/open.js";
import { counts } from "../store/queries.js";
import { makeContext } from "./context.js";

export const SERVE_USAGE = `  dossier serve [--port N] [--host ADDR] [--db FILE] [--load PATH…]
      the web app and HTTP API at http://127.0.0.1:${DEFAULT_PORT}/ (API under /api, OpenAPI at /api/openapi.json)
      over the store (default ./dossier.db); --load PATHs are ingested first, and an empty store gets the bundled examples.
      DOSSIER_TOKEN=… protects writes (needed when --host is not loopback)`;

export async function runServe(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      db: { type: "string", default: DEFAULT_DB },
      load: { type: "string", multiple: true, default: [] },
    },
  });
  if (isPostgresUrl(values.db)) throw new DossierError("USAGE", "serve reads a SQLite store for now (the HTTP API has no PostgreSQL queries yet); use the CLI (timeline, event, search, export) with --db postgres://…");
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new DossierError("USAGE", `--port must be a number 0-65535, got ${values.port}`);
  const host = values.host ?? DEFAULT_HOST;
  const token = process.env.DOSSIER_TOKEN || null;
  if (!isLoopback(host) && !token) console.error(`warning: bound to ${host} without DOSSIER_TOKEN: the API is readable by anyone who can reach it and writes are disabled`);

  const ctx = makeContext();
  const inputOptions: InputOptions = { allowPrivateUrls: process.env.DOSSIER_ALLOW_PRIVATE_URLS === "1" };
  await fill(values.db, values.load ?? [], ctx);
  const queries = await openSqliteQueries(values.db, ctx, inputOptions);
  if (!existsSync(join(WEB_DIR, "index.html"))) console.error("warning: the web app is not built (dist-web/); run npm run build:web. The API works without it.");
  const server = await startServer({ queries, host, port, token });
  console.log(`Dossier is serving at ${server.url}/  (API: ${server.url}/api, OpenAPI: ${server.url}/api/openapi.json)`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      void server.close().then(resolve);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  return 0;
}

/** Ingests --load PATHs, or the bundled examples into a store that has no documents yet. */
async function fill(file: string, load: string[], ctx: ReturnType<typeof makeContext>): Promise<void> {
  const db = openStore(file);
  try {
    const paths = load.length ? load : counts(db).documents ? [] : [join(EXAMPLES_DIR, "corpus")];
    if (!paths.length) return;
    const sum = await ingestInputs(db, ctx, paths, { progress: process.stderr });
    console.error(`ingested ${sum.added} new articles (${sum.unchanged} already stored, ${sum.failed.length} failed) into ${file}`);
  } finally {
    db.close();
  }
}
