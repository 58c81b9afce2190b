// PostgreSQL for tests: DOSSIER_TEST_PG names a server (.ci/run starts a throwaway one); each test gets its own database.
import { withPgClient } from "../store/pg/store.js";

/** The admin URL from DOSSIER_TEST_PG, or null: then the PostgreSQL tests skip. */
export const PG_URL = process.env.DOSSIER_TEST_PG || null;

export const PG_SKIP = PG_URL ? false : "DOSSIER_TEST_PG is not set: PostgreSQL tests skipped (.ci/run starts a throwaway server and sets it)";

const made: string[] = [];

/** A new empty database on the test server; its URL. */
export async function freshPgDatabase(): Promise<string> {
  const name = `dossier_t_${process.pid}_${made.length}_${Math.random().toString(36).slice(2, 8)}`;
  await withPgClient(PG_URL!, (c) => c.query(`CREATE DATABASE ${name}`));
  made.push(name);
  const u = new URL(PG_URL!);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Drops every database this process made (call from after()). */
export async function dropPgDatabases(): Promise<void> {
  if (!PG_URL || !made.length) return;
  await withPgClient(PG_URL, async (c) => {
    for (const name of made.splice(0)) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
}
