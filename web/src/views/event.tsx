// One real-world event: every source with its evidence highlighted, disagreements side by side, status history.
import type { Cluster } from "../../../src/api/contract";
import { useApi } from "../api";
import { DateLabel, day, EntityList, Show, SourceCount, StatusBadge } from "../components/common";
import { t, tv } from "../i18n";
import { href } from "../router";

export function EventView({ id }: { id: string }) {
  const data = useApi<Cluster>(`/api/clusters/${encodeURIComponent(id)}`);
  return (
    <Show v={data}>
      {(c) => (
        <article class="event-view" data-testid="event-view">
          <h1>
            {c.type}
            {c.mode ? ` / ${c.mode}` : ""}: <EntityList list={c.participants} />
          </h1>
          <p class="facts">
            <StatusBadge status={c.status} /> <DateLabel date={c.date} /> {c.location && <span class="place">{t("place")}: {c.location.name}</span>} <SourceCount n={c.sources} />
          </p>
          <section>
            <h2>{t("statusHistory")}</h2>
            <ol class="history" data-testid="history">
              {c.history.map((s) => (
                <li key={s.eventId}>
                  <span class="when">{day(s.published)}</span> <StatusBadge status={s.status} /> <a href={href(["doc", s.docId])}>{s.outlet ?? s.docId}</a>
                </li>
              ))}
            </ol>
          </section>
          {c.conflictList.length > 0 && (
            <section>
              <h2>{t("disagreements")}</h2>
              {c.conflictList.map((x) => (
                <div key={x.id} class="conflict" data-testid="conflict">
                  <h3>{tv("field", x.field)}</h3>
                  <div class="sides">
                    {x.sides.map((s) => (
                      <div key={s.value} class="side">
                        <div class="side-value">{x.field === "status" ? tv("status", s.value) : s.value}</div>
                        {s.events.map((e) => (
                          <blockquote key={e.eventId}>
                            <cite><a href={href(["doc", e.docId])}>{e.outlet ?? e.docId}</a></cite>
                            <p>{e.evidence}</p>
                          </blockquote>
                        ))}
                      </div>
                    ))}
                  </div>
                </div>
              ))}
            </section>
          )}
          <section>
            <h2>{t("reports")}</h2>
            {c.reports.map((r) => (
              <div key={r.id} class="report" data-testid="report">
                <header>
                  <b>{r.outlet ?? "—"}</b> · {t("published")} {day(r.published)} · <StatusBadge status={r.status} /> <DateLabel date={r.date} />
                  {r.location && <span class="place"> · {r.location.name}</span>}
                </header>
                <p class="title">
                  <a href={href(["doc", r.docId], { hl: `${r.evidence.start}-${r.evidence.end}` })}>{r.title ?? t("readArticle")}</a>
                </p>
                <p class="context">
                  {r.context.before.length > 0 && "…"}
                  {r.context.before}
                  <mark class="evidence">{r.evidence.text}</mark>
                  {r.context.after}
                  {r.context.after.length > 0 && "…"}
                </p>
              </div>
            ))}
          </section>
        </article>
      )}
    </Show>
  );
}
