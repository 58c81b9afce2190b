// Hash routes (#/event/ID?x=y): the server needs no knowledge of client routes and links are shareable.
import { signal, useSignal } from "./signal";

export interface Route {
  path: string[];
  query: URLSearchParams;
}

function parse(): Route {
  const raw = location.hash.replace(/^#/, "") || "/";
  const [p, q] = raw.split("?", 2) as [string, string | undefined];
  return { path: p.split("/").filter(Boolean).map((s) => decodeURIComponent(s)), query: new URLSearchParams(q ?? "") };
}

const route = signal<Route>(parse());
window.addEventListener("hashchange", () => {
  route.set(parse());
  window.scrollTo(0, 0);
});

export function useRoute(): Route {
  return useSignal(route);
}

/** A link target: path segments are encoded, so ids with ':' or '/' stay one segment. */
export function href(path: (string | number)[], query?: Record<string, string | number | undefined>): string {
  const qs = query
    ? new URLSearchParams(Object.entries(query).filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== "").map(([k, v]) => [k, String(v)])).toString()
    : "";
  return `#/${path.map((s) => encodeURIComponent(String(s))).join("/")}${qs ? `?${qs}` : ""}`;
}

export function go(path: (string | number)[], query?: Record<string, string | number | undefined>): void {
  location.hash = href(path, query);
}
