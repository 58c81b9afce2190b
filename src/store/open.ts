// Opens (and creates or migrates) the embedded SQLite store: one file, WAL journal.
import Database from "better-sqlite3";
import { DossierError } from "../core/errors.js";
import { MIGRATIONS } from "./migrations.js";

export type Db = Database.Database;

export const DEFAULT_DB = "dossier.db";

export function openStore(path: string = DEFAULT_DB, opts: { readonly?: boolean } = {}): Db {
  let db: Db;
  try {
    db = new Database(path, opts.readonly ? { readonly: true, fileMustExist: true } : {});
  } catch (err) {
    const hint = opts.readonly ? "run dossier ingest first, or pass --db PATH to an existing store" : "check that the folder exists and is writable";
    throw new DossierError("READ_FAILED", `cannot open the store ${path}: ${(err as Error).message}; ${hint}`, { cause: err });
  }
  if (!opts.readonly) {
    // WAL: readers never block the ingest, and a killed process leaves the last committed batch intact.
    db.pragma("journal_mode = WAL");
    // NORMAL is durable against a crash of the process (what kill -9 does); only power loss can drop the last batch.
    db.pragma("synchronous = NORMAL");
  }
  db.pragma("foreign_keys = ON");
  // The merge index and the mention index are written in hash order: with SQLite's default 2 MB page cache
  // nearly every insert misses; 64 MB of cache and memory-mapped reads keep a 100k-article store off the disk.
  db.pragma("cache_size = -65536");
  db.pragma("mmap_size = 268435456");
  db.pragma("temp_store = MEMORY");
  db.pragma("busy_timeout = 5000");
  if (!opts.readonly) migrate(db);
  else if ((db.pragma("user_version", { simple: true }) as number) < latestVersion())
    throw new DossierError("USAGE", `the store ${path} has an older schema; run any writing command (dossier ingest) once to migrate it`);
  return db;
}

export function latestVersion(): number {
  return MIGRATIONS.at(-1)?.version ?? 0;
}

export function migrate(db: Db): number {
  const current = db.pragma("user_version", { simple: true }) as number;
  if (current > latestVersion())
    throw new DossierError("USAGE", `the store was written by a newer dossier (schema ${current}, this one knows ${latestVersion()}); update dossier`);
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      m.up?.(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return latestVersion();
}
