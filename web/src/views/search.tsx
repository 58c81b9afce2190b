// Search over articles, events, entities and quotes, with facet counts that narrow the results.
import { useEffect, useState } from "preact/hooks";
import type { SearchHit, SearchResult } from "../../../src/api/contract";
import { qs, useApi } from "../api";
import { day, Pager, Show, StatusBadge } from "../components/common";
import { MarkedText } from "../components/marked-text";
import { t, tv, type Key } from "../i18n";
import { go, href, useRoute } from "../router";

const FACETS: [keyof SearchResult["facets"], Key][] = [
  ["kind", "facetKind"],
  ["language", "facetLanguage"],
  ["outlet", "facetOutlet"],
  ["type", "facetType"],
  ["status", "facetStatus"],
];
const LIMIT = 25;

function target(h: SearchHit): string {
  if (h.kind === "event" && h.clusterId) return href(["event", h.clusterId]);
  if (h.kind === "entity") return href(["actor", h.id]);
  return href(["doc", h.docId ?? h.id]);
}

export function SearchView() {
  const { query } = useRoute();
  const params: Record<string, string> = Object.fromEntries(query.entries());
  const q = params.q ?? "";
  const offset = Number(params.offset ?? 0) || 0;
  const data = useApi<SearchResult>(q ? `/api/search${qs({ ...params, limit: LIMIT, offset })}` : null);
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const toggle = (k: string, v: string) => {
    const next = { ...params, offset: undefined } as Record<string, string | undefined>;
    next[k] = params[k] === v ? undefined : v;
    go(["search"], next);
  };
  return (
    <div class="search-view" data-testid="search-view">
      <form
        class="search-form"
        onSubmit={(e) => {
          e.preventDefault();
          go(["search"], { q: text });
        }}
      >
        <input type="search" name="q" value={text} placeholder={t("searchPlaceholder")} onInput={(e) => setText(e.currentTarget.value)} />
        <button type="submit">{t("search")}</button>
      </form>
      {q && (
        <Show v={data}>
          {(r) => (
            <div class="search-body">
              <aside class="facets">
                {FACETS.map(([k, label]) => {
                  const entries = Object.entries(r.facets[k]).sort((a, b) => b[1] - a[1]);
                  if (!entries.length) return null;
                  return (
                    <div key={k} class="facet" data-facet={k}>
                      <h3>{t(label)}</h3>
                      {entries.map(([v, n]) => (
                        <label key={v}>
                          <input type="checkbox" checked={params[k] === v} onChange={() => toggle(k, v)} /> {k === "status" ? tv("status", v) : v} <small>({n})</small>
                        </label>
                      ))}
                    </div>
                  );
                })}
              </aside>
              <section class="hits">
                <p class="count" data-testid="hit-count">{r.total} {t("results")}</p>
                {r.total === 0 && <p>{t("noResults")}</p>}
                {r.items.map((h) => (
                  <div key={`${h.kind}-${h.id}`} class={`hit kind-${h.kind}`} data-testid="hit">
                    <span class="chip">{h.kind}</span> <a href={target(h)}>{h.title}</a> {h.status && <StatusBadge status={h.status} />}
                    <small>
                      {" "}
                      {h.outlet ?? ""} {h.published ? day(h.published) : ""} {h.language ?? ""}
                    </small>
                    <p class="snippet">
                      <MarkedText text={h.snippet} marks={h.highlights.map((x) => ({ ...x, cls: "hit-term" }))} />
                    </p>
                  </div>
                ))}
                <Pager offset={offset} limit={LIMIT} total={r.total} onGo={(o) => go(["search"], { ...params, offset: o })} />
              </section>
            </div>
          )}
        </Show>
      )}
    </div>
  );
}
