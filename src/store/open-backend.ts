// Opens the store a --db value names: a postgres:// URL selects PostgreSQL, anything else is a SQLite file.
import { isPostgresUrl, type Store } from "./backend.js";
import { openSqliteStore } from "./sqlite-backend.js";

export async function openBackend(spec: string, opts: { readonly?: boolean } = {}): Promise<Store> {
  if (isPostgresUrl(spec)) {
    // Loaded only when asked for: the SQLite default needs neither pg nor a server.
    const { openPgStore } = await import("./pg/store.js");
    return openPgStore(spec);
  }
  return openSqliteStore(spec, opts);
}
