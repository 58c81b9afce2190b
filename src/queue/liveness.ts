// Which queue workers are alive: each holds a session advisory lock named after its worker id while it runs.
//
// graphile-worker releases a crashed worker's jobs only after four hours. A killed dossier worker's
// connection closes with it, and so does its lock: whoever can take the lock knows the worker is gone
// and unlocks its jobs at once (forceUnlockWorkers), so they run again elsewhere. The worker takes its
// lock before it asks for a job, so a live worker is never mistaken for a dead one.
import type pg from "pg";
import type { WorkerUtils } from "graphile-worker";

/** First key of the two-part advisory locks ("dlve"); the second is hashtext(worker id). */
const LIVE_NS = 0x646c7665;

export const WORKER_PREFIX = "dossier-";

/** Takes this worker's liveness lock on a connection held for the worker's lifetime. */
export async function holdLiveness(client: pg.PoolClient | pg.Client, workerId: string): Promise<void> {
  await client.query("SELECT pg_advisory_lock($1, hashtext($2))", [LIVE_NS, workerId]);
}

/** Unlocks the jobs of dossier workers whose liveness lock is free (they died); returns their ids. */
export async function reclaimDeadWorkers(client: pg.PoolClient | pg.Client, utils: WorkerUtils, self: string): Promise<string[]> {
  const r = await client.query<{ locked_by: string }>("SELECT DISTINCT locked_by FROM graphile_worker.jobs WHERE locked_by LIKE $1 AND locked_by <> $2", [`${WORKER_PREFIX}%`, self]);
  const dead: string[] = [];
  for (const { locked_by: id } of r.rows) {
    const t = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1, hashtext($2)) ok", [LIVE_NS, id]);
    if (!t.rows[0]?.ok) continue;
    await client.query("SELECT pg_advisory_unlock($1, hashtext($2))", [LIVE_NS, id]);
    dead.push(id);
  }
  if (dead.length) await utils.forceUnlockWorkers(dead);
  return dead;
}
