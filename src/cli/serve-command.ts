// `dossier serve`: the HTTP API and the web app, over a store or, without one, the bundled examples in memory.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { DossierError } from "../core/errors.js";
import { EXAMPLES_DIR } from "../core/paths.js";
import type { StoryQueries } from "../api/contract.js";
import type { InputOptions } from "../api/ingest-input.js";
import type { Context } from "../core/context.js";
import { MemoryQueries } from "../api/memory-queries.js";
import { DEFAULT_HOST, DEFAULT_PORT, isLoopback, startServer } from "../api/server.js";
import { WEB_DIR } from "../api/static.js";
import { makeContext } from "./context.js";

export const SERVE_USAGE = `  dossier serve [--port N] [--host ADDR] [--db FILE] [--load PATH…]
      the web app and HTTP API at http://127.0.0.1:${DEFAULT_PORT}/ (API under /api, OpenAPI at /api/openapi.json);
      without --db the bundled examples (or --load PATHs) are extracted into memory.
      DOSSIER_TOKEN=… protects writes (needed when --host is not loopback)`;

/** Opens the SQLite store when the store modules exist in this build; null means "not available". */
async function openStore(db: string, ctx: Context, inputOptions: InputOptions): Promise<StoryQueries | null> {
  const { openSqliteQueries } = await import("../api/sqlite-queries.js");
  try {
    return await openSqliteQueries(db, ctx, inputOptions);
  } catch (err) {
    if ((err as { code?: string }).code === "ERR_MODULE_NOT_FOUND") return null;
    throw err;
  }
}

export async function runServe(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      db: { type: "string" },
      load: { type: "string", multiple: true, default: [] },
    },
  });
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new DossierError("USAGE", `--port must be a number 0-65535, got ${values.port}`);
  const host = values.host ?? DEFAULT_HOST;
  const token = process.env.DOSSIER_TOKEN || null;
  if (!isLoopback(host) && !token) console.error(`warning: bound to ${host} without DOSSIER_TOKEN: the API is readable by anyone who can reach it and writes are disabled`);

  const ctx = makeContext();
  const inputOptions: InputOptions = { allowPrivateUrls: process.env.DOSSIER_ALLOW_PRIVATE_URLS === "1" };
  let queries: StoryQueries | null = null;
  if (values.db) {
    queries = await openStore(values.db, ctx, inputOptions);
    if (!queries) console.error(`warning: the SQLite store is not available in this build; serving the examples from memory instead of ${values.db}`);
  }
  if (!queries) {
    const paths = values.load?.length ? values.load : [join(EXAMPLES_DIR, "corpus")];
    const started = Date.now();
    const mem = MemoryQueries.fromPaths(paths, ctx, inputOptions);
    const s = await mem.stats();
    console.error(`loaded ${s.documents} articles, ${s.events} events, ${s.clusters} clusters in ${Date.now() - started} ms`);
    queries = mem;
  }
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
