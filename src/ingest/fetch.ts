// http(s) input: one GET with a timeout, a size limit and a user agent; errors become coded DossierErrors.
import { DossierError } from "../core/errors.js";
import { DEFAULT_MAX_BYTES } from "./decode.js";

export interface FetchOptions {
  /** Whole request, headers and body, in milliseconds (default 15 s). */
  timeoutMs?: number;
  /** Largest body accepted, in bytes (default 5 MB). */
  maxBytes?: number;
  userAgent?: string;
}

export interface Fetched {
  /** The URL after redirects. */
  url: string;
  contentType: string;
  bytes: Uint8Array;
  /** When the body arrived (ISO), the anchor for "Heute, 19:11" and "vor 2 Stunden". */
  fetchedAt: string;
}

export const DEFAULT_USER_AGENT = "Dossier/0.1 (news timeline extractor; +https://example.invalid/dossier)";

/** Fetches a URL; throws READ_FAILED (network, timeout, HTTP status) or TOO_LARGE. */
export async function fetchUrl(url: string, opts: FetchOptions = {}): Promise<Fetched> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const timeoutMs = opts.timeoutMs ?? 15000;
  let res: Response;
  try {
    res = await fetch(url, {
      redirect: "follow",
      signal: AbortSignal.timeout(timeoutMs),
      headers: { "user-agent": opts.userAgent ?? DEFAULT_USER_AGENT, accept: "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,text/plain;q=0.8,*/*;q=0.5" },
    });
  } catch (err) {
    throw fetchError(url, err, timeoutMs);
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    throw new DossierError("READ_FAILED", `${url} answered HTTP ${res.status} ${res.statusText}; check the address or try again later`);
  }
  const declared = Number(res.headers.get("content-length") ?? "NaN");
  if (declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw tooLarge(url, declared, maxBytes);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    if (res.body) {
      const reader = res.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.length;
        if (size > maxBytes) {
          await reader.cancel().catch(() => undefined);
          throw tooLarge(url, size, maxBytes);
        }
        chunks.push(value);
      }
    }
  } catch (err) {
    if (err instanceof DossierError) throw err;
    throw fetchError(url, err, timeoutMs);
  }
  const bytes = new Uint8Array(size);
  let off = 0;
  for (const c of chunks) {
    bytes.set(c, off);
    off += c.length;
  }
  return { url: res.url || url, contentType: (res.headers.get("content-type") ?? "").toLowerCase(), bytes, fetchedAt: new Date().toISOString() };
}

function tooLarge(url: string, size: number, max: number): DossierError {
  return new DossierError("TOO_LARGE", `${url} sends more than ${max} bytes (${size} so far); raise --max-bytes if the page is really that large`);
}

function fetchError(url: string, err: unknown, timeoutMs: number): DossierError {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === "TimeoutError" || e?.name === "AbortError")
    return new DossierError("READ_FAILED", `${url} did not answer within ${timeoutMs} ms; try again later or raise the timeout`);
  const why = e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(err);
  return new DossierError("READ_FAILED", `${url} could not be fetched (${why}); check the address and the network`);
}
