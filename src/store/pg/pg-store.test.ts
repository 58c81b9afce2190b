// The PostgreSQL store passes the shared store suite, and migrates once when several processes open it at once.
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { dropPgDatabases, freshPgDatabase, PG_SKIP } from "../../test/pg.js";
import { storeSuite } from "../store-suite.js";
import { migratePg } from "./migrate.js";
import { PG_LATEST } from "./schema.js";
import { connectPg, openPgStore } from "./store.js";

after(dropPgDatabases);

storeSuite("postgres", async () => openPgStore(await freshPgDatabase()), PG_SKIP);

test("postgres: concurrent opens migrate the schema once", { skip: PG_SKIP }, async () => {
  const url = await freshPgDatabase();
  const pools = await Promise.all([1, 2, 3].map(() => connectPg(url, 1)));
  try {
    assert.deepEqual(await Promise.all(pools.map((p) => migratePg(p))), [PG_LATEST, PG_LATEST, PG_LATEST]);
    const r = await pools[0]!.query("SELECT version FROM dossier_schema ORDER BY version");
    assert.deepEqual(r.rows.map((x: { version: number }) => x.version), Array.from({ length: PG_LATEST }, (_, i) => i + 1));
  } finally {
    await Promise.all(pools.map((p) => p.end()));
  }
});

test("postgres: an unreachable server is a READ_FAILED error with a fix-it message", async () => {
  await assert.rejects(connectPg("postgres://nobody@127.0.0.1:1/none"), (e: Error & { code?: string }) => e.code === "READ_FAILED" && /check that the server runs/.test(e.message));
});
