// An actor: roles, the events they take part in, whom they met, and what they said.
import type { EntityDetail } from "../../../src/api/contract";
import { useApi } from "../api";
import { DateLabel, day, EntityLink, Show, SourceCount, StatusBadge } from "../components/common";
import { t } from "../i18n";
import { href } from "../router";

export function ActorView({ id }: { id: string }) {
  const data = useApi<EntityDetail>(`/api/entities/${encodeURIComponent(id)}`);
  return (
    <Show v={data}>
      {(e) => (
        <article class="actor-view" data-testid="actor-view">
          <h1>{e.name}</h1>
          <p class="facts">
            <span class="chip">{e.type}</span> {e.wikidata && <span class="chip">{e.wikidata}</span>} {e.documents} {t("articles")} · {e.clusters} {t("events")} · {e.quotes} {t("quotes")} ·{" "}
            <a href={href([], { actor: e.id })}>{t("navTimeline")}</a>
          </p>
          {e.roles.length > 0 && (
            <section>
              <h2>{t("roles")}</h2>
              <ul>{e.roles.map((r) => <li key={r}>{r}</li>)}</ul>
            </section>
          )}
          <section>
            <h2>{t("meetings")}</h2>
            <table class="list" data-testid="meetings">
              <tbody>
                {e.meetings.map((m) => (
                  <tr key={`${m.clusterId}-${m.with.id}`}>
                    <td><DateLabel date={m.date} /></td>
                    <td>{t("with")} <EntityLink e={m.with} /></td>
                    <td>{m.place?.name ?? ""}</td>
                    <td><StatusBadge status={m.status} /></td>
                    <td><a href={href(["event", m.clusterId])}>{m.mode ?? m.type}</a></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section>
            <h2>{t("events")}</h2>
            <ul class="events">
              {e.clusterList.map((c) => (
                <li key={c.id}>
                  <DateLabel date={c.date} /> <a href={href(["event", c.id])}>{c.type}{c.mode ? ` / ${c.mode}` : ""}</a> <StatusBadge status={c.status} /> <SourceCount n={c.sources} />
                </li>
              ))}
            </ul>
          </section>
          <section>
            <h2>{t("quotes")}</h2>
            {e.quoteList.map((q) => (
              <blockquote key={q.id} class={`quote ${q.kind}`}>
                <p>{q.kind === "direct" ? `„${q.text}“` : q.text}</p>
                <cite>
                  {q.cue ?? ""} · <a href={href(["doc", q.docId])}>{q.outlet ?? q.docId}</a> · {day(q.published)}
                </cite>
              </blockquote>
            ))}
          </section>
        </article>
      )}
    </Show>
  );
}
