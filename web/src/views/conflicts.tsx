// Every disagreement between sources, with a link to the event where the sides stand next to each other.
import type { Conflict, Page } from "../../../src/api/contract";
import { qs, useApi } from "../api";
import { Pager, Show } from "../components/common";
import { t, tv } from "../i18n";
import { go, href, useRoute } from "../router";

const LIMIT = 50;

export function ConflictsView() {
  const { query } = useRoute();
  const offset = Number(query.get("offset") ?? 0) || 0;
  const data = useApi<Page<Conflict>>(`/api/conflicts${qs({ limit: LIMIT, offset })}`);
  return (
    <Show v={data}>
      {(page) => (
        <div data-testid="conflicts">
          <h1>{t("disagreements")} ({page.total})</h1>
          <table class="list">
            <tbody>
              {page.items.map((c) => (
                <tr key={c.id}>
                  <td><a href={href(["event", c.clusterId])}>{tv("field", c.field)}</a></td>
                  {c.sides.map((s) => (
                    <td key={s.value}>
                      <b>{c.field === "status" ? tv("status", s.value) : s.value}</b>
                      <br />
                      <small>{s.events.map((e) => e.outlet ?? e.docId).join(", ")}</small>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <Pager offset={offset} limit={LIMIT} total={page.total} onGo={(o) => go(["conflicts"], { offset: o })} />
        </div>
      )}
    </Show>
  );
}
