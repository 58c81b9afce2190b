// Turns uploaded files and URLs into articles for any store, with the limits that keep hostile input harmless.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { isIP } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve, sep } from "node:path";
import { lookup } from "node:dns/promises";
import { DossierError } from "../core/errors.js";
import type { ReadResult } from "../ingest/record-reader.js";
import { readInputs } from "../ingest/sources.js";
import type { IngestInput } from "./contract.js";

export const MAX_FILES = 200;
export const MAX_URLS = 50;
export const MAX_URL_BYTES = 5 * 1024 * 1024;
export const URL_TIMEOUT_MS = 15_000;

export interface InputOptions {
  /** Lets URLs point at loopback and private networks (tests, intranets); off by default against SSRF. */
  allowPrivateUrls?: boolean;
}

/**
 * A safe file name for an upload: the last path component, only letters, digits, dot, dash and
 * underscore, never empty or a dot name, so a name like "../../etc/passwd" cannot leave the folder.
 */
export function safeFileName(name: string, index: number): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  let clean = base.replace(/[^\p{L}\p{N}._-]+/gu, "_").replace(/^\.+/, "").slice(-120);
  if (!clean || clean === "." || clean === "..") clean = `upload-${index}.txt`;
  return `${String(index).padStart(4, "0")}-${clean}`;
}

/** Reads uploads and URLs into articles; each failure is a per-document error, never a thrown batch. */
export async function readIngestInput(input: IngestInput, opts: InputOptions = {}): Promise<ReadResult[]> {
  const files = input.files ?? [];
  const urls = input.urls ?? [];
  if (files.length > MAX_FILES) throw new DossierError("USAGE", `at most ${MAX_FILES} files per upload; split the upload`);
  if (urls.length > MAX_URLS) throw new DossierError("USAGE", `at most ${MAX_URLS} URLs per request; split the list`);
  const out: ReadResult[] = [];
  // The readers work on paths (they pick the format by extension), so uploads go to a private
  // temporary folder that is removed afterwards; names are sanitized so nothing lands outside it.
  const dir = mkdtempSync(join(tmpdir(), "dossier-upload-"));
  try {
    files.forEach((f, i) => {
      const name = safeFileName(f.name, i);
      const path = resolve(dir, name);
      if (!path.startsWith(dir + sep)) throw new DossierError("USAGE", `upload name ${JSON.stringify(f.name)} is not allowed`);
      writeFileSync(path, f.bytes, { flag: "wx" });
      for (const r of readInputs([path])) out.push(renamed(r, `upload:${f.name.split(/[\\/]/).pop() || name}`));
    });
    for (const [i, url] of urls.entries()) {
      try {
        const { bytes, html } = await fetchUrl(url, opts);
        const path = join(dir, `url-${i}${html ? ".html" : ".txt"}`);
        writeFileSync(path, bytes, { flag: "wx" });
        for (const r of readInputs([path])) {
          const named = renamed(r, url);
          if ("article" in named && !named.article.url) named.article.url = url;
          out.push(named);
        }
      } catch (err) {
        out.push({ source: url, error: err instanceof DossierError ? err : new DossierError("READ_FAILED", `${url}: ${(err as Error).message}`) });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

function renamed(r: ReadResult, source: string): ReadResult {
  if ("error" in r) return { source, error: new DossierError(r.error.code, r.error.message.split(r.source).join(source)) };
  r.article.source = source;
  r.article.fileDate = null; // the temporary file's time says nothing about the article
  return { source, article: r.article };
}

/** Private, loopback, link-local and unspecified addresses, which a public URL must not reach. */
export function isPrivateAddress(ip: string): boolean {
  if (isIP(ip) === 4) {
    const [a, b] = ip.split(".").map(Number) as [number, number];
    return a === 10 || a === 127 || a === 0 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
  }
  const v = ip.toLowerCase();
  if (v.startsWith("::ffff:")) return isPrivateAddress(v.slice(7));
  return v === "::1" || v === "::" || v.startsWith("fc") || v.startsWith("fd") || v.startsWith("fe80");
}

async function fetchUrl(raw: string, opts: InputOptions): Promise<{ bytes: Uint8Array; html: boolean }> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new DossierError("USAGE", `${raw} is not a URL; give an absolute http(s) address`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new DossierError("USAGE", `${raw}: only http and https URLs can be ingested`);
  if (!opts.allowPrivateUrls) {
    const host = url.hostname.replace(/^\[|\]$/g, "");
    const addrs = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
    if (addrs.some(isPrivateAddress))
      throw new DossierError("USAGE", `${raw} points into a private network; set DOSSIER_ALLOW_PRIVATE_URLS=1 to allow that`);
  }
  const res = await fetch(url, { redirect: "error", signal: AbortSignal.timeout(URL_TIMEOUT_MS) });
  if (!res.ok || !res.body) throw new DossierError("READ_FAILED", `${raw} answered HTTP ${res.status}; check the address`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > MAX_URL_BYTES) throw new DossierError("TOO_LARGE", `${raw} is larger than ${MAX_URL_BYTES} bytes; save it and ingest the article text`);
    chunks.push(chunk);
  }
  const type = res.headers.get("content-type") ?? "";
  return { bytes: Buffer.concat(chunks), html: /html|xml/i.test(type) || !/text\/plain/i.test(type) };
}
