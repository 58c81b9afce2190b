// Concurrent merges on PostgreSQL: two reports with no blocking key in common that both fit one stored cluster.
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { fixtureRecord as rec, PUTIN, TRUMP, ZELENSKY } from "../../story/fixtures.js";
import { dropPgDatabases, freshPgDatabase, PG_SKIP } from "../../test/pg.js";
import { storeBatch } from "./ingest.js";
import { openPgStore } from "./store.js";
import { PgWriter } from "./writer.js";

after(dropPgDatabases);

const day = ["2025-08-15", "2025-08-15"] as [string, string];
const base = rec({ name: "base", published: "2025-08-09", outlet: "A", events: [{ status: "planned", date: day, place: "Alaska", actors: [TRUMP], recipients: [PUTIN, ZELENSKY] }] });
// Each fits the base cluster alone; they share only Putin, so once one has joined (complete link) the other cannot.
const e1 = rec({ name: "e1", published: "2025-08-16", outlet: "B", events: [{ status: "held", date: day, place: "Alaska", actors: [TRUMP], recipients: [PUTIN] }] });
const e2 = rec({ name: "e2", published: "2025-08-16", outlet: "C", events: [{ status: "held", date: day, place: "Alaska", actors: [PUTIN], recipients: [ZELENSKY] }] });

test("a merge waits for another one into the same cluster found through other keys, then sees it", { skip: PG_SKIP }, async () => {
  const store = await openPgStore(await freshPgDatabase());
  try {
    await store.ingestRecords(null, [base]);
    const a = await store.pool.connect();
    try {
      await a.query("BEGIN");
      const w = new PgWriter(a);
      await w.merge((await w.addRecord(e1, "raw-e1"))!);
      await w.refresh();
      // e1 has joined the base cluster, uncommitted; e2 now merges in another transaction and must wait.
      const second = storeBatch(store.pool, [{ rec: e2, raw: "raw-e2" }], [], undefined, undefined);
      let settled = false;
      void second.then(() => (settled = true), () => (settled = true));
      const me = (await a.query<{ pid: number }>("SELECT pg_backend_pid() pid")).rows[0]!.pid;
      for (let waiting = 0; !waiting; ) {
        assert.equal(settled, false, "the second merge finished without waiting for the first");
        const r = await store.pool.query("SELECT count(*)::int n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND pid <> $1 AND datname = current_database()", [me]);
        waiting = r.rows[0].n;
        if (!waiting) await new Promise((ok) => setTimeout(ok, 20));
      }
      await a.query("COMMIT");
      assert.equal((await second).added, 1);
    } finally {
      a.release();
    }
    // As if merged one after the other: e1 in the base cluster, e2 on its own.
    const rows = await store.timeline();
    assert.deepEqual(rows.map((r) => [r.sources, r.outlets.join("+")]).sort(), [[1, "C"], [2, "A+B"]]);
  } finally {
    await store.close();
  }
});
