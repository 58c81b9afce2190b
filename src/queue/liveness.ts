// Which queue workers are alive: each holds a session advisory lock named after its graphile-worker pool id.
//
// graphile-worker releases a crashed worker's jobs only after four hours. A killed dossier worker's
// connection closes with it, and so does its lock: whoever can take the lock knows the worker is gone
// and unlocks its jobs at once (forceUnlockWorkers), so they run again elsewhere. The lock is asked for
// the moment the pool is created, before its first job query; should a job still be taken first and a
// reclaimer judge that worker dead, the job merely runs twice, which stores nothing twice (jobs are idempotent).
import type pg from "pg";
import type { WorkerUtils } from "graphile-worker";

/** First key of the two-part advisory locks ("dlve"); the second is hashtext(worker id). */
const LIVE_NS = 0x646c7665;

/** Takes this worker's liveness lock on a connection held for the worker's lifetime. */
export async function holdLiveness(client: pg.PoolClient | pg.Client, workerId: string): Promise<void> {
  await client.query("SELECT pg_advisory_lock($1, hashtext($2))", [LIVE_NS, workerId]);
}

/** Unlocks the `task` jobs of workers whose liveness lock is free (they died); `own` are this process's ids. Returns the dead ids. */
export async function reclaimDeadWorkers(client: pg.PoolClient | pg.Client, utils: WorkerUtils, task: string, own: Set<string>): Promise<string[]> {
  const r = await client.query<{ locked_by: string }>("SELECT DISTINCT locked_by FROM graphile_worker.jobs WHERE task_identifier = $1 AND locked_by IS NOT NULL", [task]);
  const dead: string[] = [];
  for (const { locked_by: id } of r.rows) {
    // This session holds its own locks already (advisory locks are re-entrant): never test those.
    if (own.has(id)) continue;
    const t = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1, hashtext($2)) ok", [LIVE_NS, id]);
    if (!t.rows[0]?.ok) continue;
    await client.query("SELECT pg_advisory_unlock($1, hashtext($2))", [LIVE_NS, id]);
    dead.push(id);
  }
  if (dead.length) await utils.forceUnlockWorkers(dead);
  return dead;
}
