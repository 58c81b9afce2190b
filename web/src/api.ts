// Fetches from the Dossier API with typed results and readable errors.
import { useEffect, useState } from "preact/hooks";

export class ApiCallError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function api<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, init);
  const type = res.headers.get("content-type") ?? "";
  const body: unknown = type.includes("json") ? await res.json() : await res.text();
  if (!res.ok) {
    const e = (body as { error?: { code?: string; message?: string } })?.error;
    throw new ApiCallError(res.status, e?.code ?? "HTTP", e?.message ?? `HTTP ${res.status}`);
  }
  return body as T;
}

export function qs(params: Record<string, string | number | undefined | null>): string {
  const s = new URLSearchParams(Object.entries(params).filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== null && e[1] !== "").map(([k, v]) => [k, String(v)])).toString();
  return s ? `?${s}` : "";
}

export type Loaded<T> = { state: "loading" } | { state: "error"; error: ApiCallError | Error } | { state: "ok"; data: T };

/** Loads a path whenever it changes; stale answers are dropped. */
export function useApi<T>(path: string | null): Loaded<T> {
  const [v, setV] = useState<Loaded<T>>({ state: "loading" });
  useEffect(() => {
    if (!path) return;
    let live = true;
    setV({ state: "loading" });
    api<T>(path).then(
      (data) => live && setV({ state: "ok", data }),
      (error: Error) => live && setV({ state: "error", error }),
    );
    return () => {
      live = false;
    };
  }, [path]);
  return v;
}
