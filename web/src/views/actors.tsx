// The list of actors (people, states, organizations, places), most involved first.
import { useEffect, useState } from "preact/hooks";
import type { EntitySummary, Page } from "../../../src/api/contract";
import { qs, useApi } from "../api";
import { EntityLink, Pager, Show } from "../components/common";
import { t } from "../i18n";
import { go, useRoute } from "../router";

const LIMIT = 50;

export function ActorsView() {
  const { query } = useRoute();
  const type = query.get("type") ?? "";
  const text = query.get("text") ?? "";
  const offset = Number(query.get("offset") ?? 0) || 0;
  const data = useApi<Page<EntitySummary>>(`/api/entities${qs({ type, text, limit: LIMIT, offset })}`);
  const [words, setWords] = useState(text);
  useEffect(() => setWords(text), [text]);
  return (
    <div class="actors-view">
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          go(["actors"], { type, text: words });
        }}
      >
        <label>
          {t("filterType")}
          <select value={type} onChange={(e) => go(["actors"], { type: e.currentTarget.value, text })}>
            <option value="">{t("all")}</option>
            {["person", "country", "organization", "location", "other"].map((x) => <option key={x} value={x}>{x}</option>)}
          </select>
        </label>
        <label>
          {t("filterText")}
          <input value={words} onInput={(e) => setWords(e.currentTarget.value)} />
        </label>
        <button type="submit">{t("apply")}</button>
      </form>
      <Show v={data}>
        {(page) => (
          <>
            <table class="list" data-testid="actors">
              <tbody>
                {page.items.map((e) => (
                  <tr key={e.id}>
                    <td><EntityLink e={e} /></td>
                    <td>{e.type}</td>
                    <td>{e.roles.join("; ")}</td>
                    <td>{e.clusters} {t("events")}</td>
                    <td>{e.documents} {t("articles")}</td>
                    <td>{e.quotes} {t("quotes")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager offset={offset} limit={LIMIT} total={page.total} onGo={(o) => go(["actors"], { type, text, offset: o })} />
          </>
        )}
      </Show>
    </div>
  );
}
