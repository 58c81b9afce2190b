// The article reader: the cleaned text with entities, times, quotes and events highlighted, and what cleaning removed.
import { useEffect, useState } from "preact/hooks";
import type { DocumentDetail, LayerKind } from "../../../src/api/contract";
import { useApi } from "../api";
import { day, Show, StatusBadge } from "../components/common";
import { MarkedText, type Mark } from "../components/marked-text";
import { t, type Key } from "../i18n";
import { href, useRoute } from "../router";

const KINDS: LayerKind[] = ["entity", "time", "quote", "event"];
const LAYER_KEY: Record<LayerKind, Key> = { entity: "layerEntity", time: "layerTime", quote: "layerQuote", event: "layerEvent" };

/** Only web addresses become links; anything else (javascript:, data:) is shown as text. */
function safeUrl(url: string | null): string | null {
  return url && /^https?:\/\//i.test(url) ? url : null;
}

export function ReaderView({ id }: { id: string }) {
  const { query } = useRoute();
  const data = useApi<DocumentDetail>(`/api/documents/${encodeURIComponent(id)}`);
  const [on, setOn] = useState<Record<LayerKind, boolean>>({ entity: true, time: true, quote: true, event: false });
  const hl = /^(\d+)-(\d+)$/.exec(query.get("hl") ?? "");
  useEffect(() => {
    if (data.state === "ok" && hl) document.querySelector(".mark.focus")?.scrollIntoView({ block: "center" });
  }, [data.state]);
  return (
    <Show v={data}>
      {(d) => {
        const marks: Mark[] = d.layers
          .filter((l) => on[l.kind])
          .map((l) => ({
            start: l.start,
            end: l.end,
            cls: `layer-${l.kind}`,
            title: l.label,
            href: l.kind === "entity" && l.ref ? href(["actor", l.ref]) : l.kind === "event" && l.ref ? href(["event", l.ref]) : null,
          }));
        if (hl) marks.push({ start: Number(hl[1]), end: Number(hl[2]), cls: "focus" });
        const url = safeUrl(d.url);
        return (
          <article class="reader" data-testid="reader">
            <h1>{d.title ?? d.source}</h1>
            <p class="facts">
              {d.outlet ?? "—"} · {t("published")} {day(d.published)} · {d.language} {d.agencies.length > 0 && `· ${d.agencies.join(", ")}`}
              {d.aiGenerated && <span class="chip warn"> {t("aiGenerated")}</span>}
              <br />
              {url ? <a href={url} rel="noopener noreferrer nofollow" target="_blank">{url}</a> : <span class="source">{d.url ?? d.source}</span>}
            </p>
            <fieldset class="layers">
              <legend>{t("layers")}</legend>
              {KINDS.map((k) => (
                <label key={k} class={`layer-${k}`}>
                  <input type="checkbox" checked={on[k]} onChange={() => setOn({ ...on, [k]: !on[k] })} /> {t(LAYER_KEY[k])}
                </label>
              ))}
            </fieldset>
            <div class="reader-body">
              <div class="article-text" data-testid="article-text">
                <MarkedText text={d.text} marks={marks} />
              </div>
              <aside>
                <h2>{t("events")}</h2>
                <ul>
                  {d.eventList.map((e) => (
                    <li key={e.id}>
                      <a href={href(["event", e.clusterId])}>{e.type}{e.mode ? ` / ${e.mode}` : ""}</a> <StatusBadge status={e.status} /> {e.actors.concat(e.recipients).map((a) => a.name).join(", ")}
                    </li>
                  ))}
                </ul>
              </aside>
            </div>
            <details class="removed" data-testid="removed">
              <summary>{t("removed")} ({d.removed.length})</summary>
              {d.removed.length === 0 ? (
                <p>{t("removedNone")}</p>
              ) : (
                <ul>
                  {d.removed.map((r, i) => (
                    <li key={i}>
                      <span class="chip">{r.reason}</span> <span class="removed-text">{r.text}</span>
                    </li>
                  ))}
                </ul>
              )}
            </details>
          </article>
        );
      }}
    </Show>
  );
}
