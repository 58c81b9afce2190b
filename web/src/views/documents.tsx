// The list of stored articles, newest first.
import type { DocumentSummary, Page } from "../../../src/api/contract";
import { qs, useApi } from "../api";
import { day, Pager, Show } from "../components/common";
import { t } from "../i18n";
import { go, href, useRoute } from "../router";

const LIMIT = 50;

export function DocumentsView() {
  const { query } = useRoute();
  const offset = Number(query.get("offset") ?? 0) || 0;
  const data = useApi<Page<DocumentSummary>>(`/api/documents${qs({ limit: LIMIT, offset })}`);
  return (
    <Show v={data}>
      {(page) => (
        <>
          <table class="list" data-testid="documents">
            <tbody>
              {page.items.map((d) => (
                <tr key={d.id}>
                  <td>{day(d.published)}</td>
                  <td><a href={href(["doc", d.id])}>{d.title ?? d.source}</a></td>
                  <td>{d.outlet ?? ""}</td>
                  <td>{d.language}</td>
                  <td>{d.events} {t("events")}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager offset={offset} limit={LIMIT} total={page.total} onGo={(o) => go(["docs"], { offset: o })} />
        </>
      )}
    </Show>
  );
}
