// The promises board: what was promised, planned, proposed or demanded, and whether it was kept.
import type { Page, PromiseItem } from "../../../src/api/contract";
import { useApi } from "../api";
import { DateLabel, day, EntityList, Show, SourceCount, StatusBadge } from "../components/common";
import { t, tv, type Key } from "../i18n";
import { href } from "../router";

const COLUMNS: [PromiseItem["outcome"], Key][] = [
  ["open", "promisesOpen"],
  ["kept", "promisesKept"],
  ["broken", "promisesBroken"],
];

export function PromisesView() {
  const data = useApi<Page<PromiseItem>>("/api/promises?limit=500");
  return (
    <Show v={data}>
      {(page) => (
        <div class="board" data-testid="promises">
          {COLUMNS.map(([outcome, label]) => {
            const items = page.items.filter((p) => p.outcome === outcome);
            return (
              <section key={outcome} class={`column outcome-${outcome}`}>
                <h2>{t(label)} ({items.length})</h2>
                {items.map((p) => (
                  <div key={p.cluster.id} class="card">
                    <a href={href(["event", p.cluster.id])}>{p.cluster.type}{p.cluster.mode ? ` / ${p.cluster.mode}` : ""}</a> <DateLabel date={p.cluster.date} />
                    <div><EntityList list={p.cluster.participants} /></div>
                    <div class="small">
                      {t("madeAs")} {tv("status", p.madeAs)} · {day(p.madeOn)} → <StatusBadge status={p.cluster.status} /> <SourceCount n={p.cluster.sources} />
                    </div>
                    {p.state === "overdue" && <span class="badge status-requested">{t("overdue")}</span>}
                    {p.due && <div class="small">{t("due")}: {p.due.start === p.due.end ? p.due.start : `${p.due.start} – ${p.due.end}`}</div>}
                    <div class="steps">{p.history.map((s) => <StatusBadge key={s.eventId} status={s.status} />)}</div>
                  </div>
                ))}
              </section>
            );
          })}
        </div>
      )}
    </Show>
  );
}
