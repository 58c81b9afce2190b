// The ingest page: upload files or give URLs, then follow the extraction document by document (server-sent events).
import { useRef, useState } from "preact/hooks";
import type { IngestItemResult, IngestProgress } from "../../../src/api/contract";
import { api } from "../api";
import { t } from "../i18n";
import { href } from "../router";

export function IngestView() {
  const files = useRef<HTMLInputElement>(null);
  const [urls, setUrls] = useState("");
  const [token, setToken] = useState(() => sessionStorage.getItem("dossier.token") ?? "");
  const [total, setTotal] = useState(0);
  const [items, setItems] = useState<IngestItemResult[]>([]);
  const [state, setState] = useState<"idle" | "running" | "done">("idle");
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setItems([]);
    setTotal(0);
    const form = new FormData();
    for (const f of Array.from(files.current?.files ?? [])) form.append("files", f, f.name);
    if (urls.trim()) form.append("urls", urls);
    sessionStorage.setItem("dossier.token", token);
    setState("running");
    try {
      const job = await api<{ events: string }>("/api/ingest", { method: "POST", body: form, headers: token ? { authorization: `Bearer ${token}` } : {} });
      const es = new EventSource(job.events);
      es.addEventListener("start", (m) => setTotal((JSON.parse((m as MessageEvent<string>).data) as { total: number }).total));
      es.addEventListener("item", (m) => {
        const p = JSON.parse((m as MessageEvent<string>).data) as Extract<IngestProgress, { type: "item" }>;
        setItems((old) => [...old, p.item]);
      });
      es.addEventListener("end", (m) => {
        const r = JSON.parse((m as MessageEvent<string>).data) as { error: { message: string } | null };
        if (r.error) setError(r.error.message);
        es.close();
        setState("done");
      });
      es.onerror = () => {
        es.close();
        setState((s) => (s === "running" ? "done" : s));
      };
    } catch (err) {
      setError((err as Error).message);
      setState("idle");
    }
  };

  return (
    <div class="ingest-view" data-testid="ingest-view">
      <h1>{t("ingestTitle")}</h1>
      <p class="help">{t("ingestHelp")}</p>
      <form onSubmit={submit}>
        <label>
          {t("ingestFiles")} <input ref={files} type="file" name="files" multiple accept=".txt,.md,.markdown,.html,.htm,.json,.jsonl,.ndjson" />
        </label>
        <label>
          {t("ingestUrls")}
          <textarea rows={3} value={urls} onInput={(e) => setUrls(e.currentTarget.value)} />
        </label>
        <label>
          {t("ingestToken")} <input type="password" value={token} onInput={(e) => setToken(e.currentTarget.value)} autocomplete="off" />
        </label>
        <button type="submit" disabled={state === "running"}>{t("ingestStart")}</button>
      </form>
      {error && <p class="error" role="alert">{t("error")}: {error}</p>}
      {state !== "idle" && (
        <section class="progress" data-testid="ingest-progress" data-state={state}>
          <progress value={items.length} max={Math.max(1, total)} /> {items.length} / {total} {state === "done" && <b>{t("ingestDone")}</b>}
          <ul>
            {items.map((it, i) => (
              <li key={i} class={it.error ? "failed" : "ok"}>
                {it.docId ? <a href={href(["doc", it.docId])}>{it.title ?? it.source}</a> : <span>{it.source}</span>} {it.error ? `— ${t("ingestFailed")}: ${it.error.message}` : `— ${it.events} ${t("events")}`}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
