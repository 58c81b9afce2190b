// The app shell: navigation, language switch, and the view for the current hash route.
import type { Stats } from "../../src/api/contract";
import { useApi } from "./api";
import { lang, setLang, t } from "./i18n";
import { useRoute } from "./router";
import { useSignal } from "./signal";
import { ActorView } from "./views/actor";
import { ActorsView } from "./views/actors";
import { ConflictsView } from "./views/conflicts";
import { DocumentsView } from "./views/documents";
import { EventView } from "./views/event";
import { IngestView } from "./views/ingest";
import { MapView } from "./views/map";
import { NetworkView } from "./views/network";
import { PromisesView } from "./views/promises";
import { ReaderView } from "./views/reader";
import { SearchView } from "./views/search";
import { TimelineView } from "./views/timeline";

function View() {
  const { path } = useRoute();
  const [head, id] = path;
  switch (head) {
    case undefined:
    case "timeline":
      return <TimelineView />;
    case "event":
      return <EventView id={id ?? ""} />;
    case "actor":
      return <ActorView id={id ?? ""} />;
    case "doc":
      return <ReaderView id={id ?? ""} />;
    case "actors":
      return <ActorsView />;
    case "conflicts":
      return <ConflictsView />;
    case "docs":
      return <DocumentsView />;
    case "network":
      return <NetworkView />;
    case "map":
      return <MapView />;
    case "promises":
      return <PromisesView />;
    case "search":
      return <SearchView />;
    case "ingest":
      return <IngestView />;
    default:
      return <p class="error">{t("notFound")}</p>;
  }
}

export function App() {
  const l = useSignal(lang);
  const { path } = useRoute();
  const stats = useApi<Stats>(`/api/stats?v=${path[0] === "ingest" ? Date.now() : 0}`);
  const nav: [string, Parameters<typeof t>[0]][] = [
    ["#/", "navTimeline"],
    ["#/actors", "navActors"],
    ["#/network", "navNetwork"],
    ["#/map", "navMap"],
    ["#/promises", "navPromises"],
    ["#/conflicts", "navConflicts"],
    ["#/docs", "navDocuments"],
    ["#/search", "navSearch"],
    ["#/ingest", "navIngest"],
  ];
  return (
    <div class="app" key={l}>
      <header class="top">
        <a class="brand" href="#/">{t("appName")}</a>
        <span class="tagline">{t("tagline")}</span>
        <nav>
          {nav.map(([h, k]) => (
            <a key={h} href={h} class={(path[0] ?? "") === h.slice(2) ? "active" : ""}>{t(k)}</a>
          ))}
        </nav>
        <button class="lang" onClick={() => setLang(l === "de" ? "en" : "de")}>{t("language")}</button>
        {stats.state === "ok" && (
          <span class="stats" title={t("stats")}>
            {stats.data.documents} · {stats.data.events} · {stats.data.clusters}
          </span>
        )}
      </header>
      <main>
        <View />
      </main>
    </div>
  );
}
