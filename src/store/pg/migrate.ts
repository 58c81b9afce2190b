// Brings a PostgreSQL database to the latest store schema; concurrent workers starting at once migrate it once.
import type { Pool } from "pg";
import { DossierError } from "../../core/errors.js";
import { PG_LATEST, PG_MIGRATIONS } from "./schema.js";

/** Advisory lock key of the migration ("dmig"): the first process migrates, the others wait and find it done. */
const MIGRATE_LOCK = 0x646d6967;

export async function migratePg(pool: Pool): Promise<number> {
  const c = await pool.connect();
  try {
    await c.query("BEGIN");
    await c.query("SELECT pg_advisory_xact_lock($1)", [MIGRATE_LOCK]);
    await c.query("CREATE TABLE IF NOT EXISTS dossier_schema (version integer NOT NULL, about text NOT NULL, at timestamptz NOT NULL DEFAULT now())");
    const r = await c.query<{ v: number | null }>("SELECT max(version) v FROM dossier_schema");
    const current = r.rows[0]?.v ?? 0;
    if (current > PG_LATEST)
      throw new DossierError("USAGE", `the database was written by a newer dossier (schema ${current}, this one knows ${PG_LATEST}); update dossier`);
    for (const m of PG_MIGRATIONS) {
      if (m.version <= current) continue;
      await c.query(m.sql);
      await c.query("INSERT INTO dossier_schema (version, about) VALUES ($1, $2)", [m.version, m.about]);
    }
    await c.query("COMMIT");
    return PG_LATEST;
  } catch (err) {
    await c.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    c.release();
  }
}
