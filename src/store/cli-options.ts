// Options shared by the store commands: --db PATH, and --today for what counts as overdue.
import { DossierError } from "../core/errors.js";
import { DEFAULT_DB } from "./open.js";

export const DB_OPTION = { db: { type: "string" as const, default: DEFAULT_DB } };

export function todayOption(v: string | undefined): string {
  if (v === undefined) return new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new DossierError("USAGE", `--today must be a date like 2025-08-31, not "${v}"`);
  return v;
}

export function dateOption(name: string, v: string | undefined): string | undefined {
  if (v !== undefined && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(v)) throw new DossierError("USAGE", `--${name} must be a date like 2025, 2025-08 or 2025-08-15, not "${v}"`);
  return v;
}

/** The last day a --to value covers: 2025 → 2025-12-31, 2025-08 → 2025-08-31 (compared as text, -31 is enough). */
export function endOf(v: string | undefined): string | undefined {
  if (v === undefined) return v;
  return v.length === 4 ? `${v}-12-31` : v.length === 7 ? `${v}-31` : v;
}
