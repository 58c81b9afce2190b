// The HTTP API under /api (Hono on Node) and the static web app, with the security model of the README.
import { serve, type ServerType } from "@hono/node-server";
import { timingSafeEqual, randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { Hono, type Context as HonoContext } from "hono";
import { bodyLimit } from "hono/body-limit";
import { streamSSE } from "hono/streaming";
import { DossierError } from "../core/errors.js";
import type { ApiErrorCode, IngestInput, IngestItemResult, IngestProgress, PageRequest, SearchFacets, StoryQueries, TimelineFilters } from "./contract.js";
import { DEFAULT_LIMIT, MAX_LIMIT } from "./contract.js";
import { buildOpenApi } from "./openapi.js";
import { serveWebApp } from "./static.js";

export const DEFAULT_HOST = "127.0.0.1";
export const DEFAULT_PORT = 4173;
/** Largest request body (an upload of several articles); single documents are limited to 5 MB by the readers. */
export const DEFAULT_MAX_BODY = 20 * 1024 * 1024;
const MAX_JOBS = 20;

export interface ServerOptions {
  queries: StoryQueries;
  /** Interface to bind; anything other than loopback needs DOSSIER_TOKEN for writes. */
  host?: string;
  /** When set, every write needs `Authorization: Bearer <token>`. */
  token?: string | null;
  maxBodyBytes?: number;
  /** Folder of the built web app (dist-web); null serves no app. */
  webDir?: string | null;
}

interface Job {
  id: string;
  progress: IngestProgress[];
  result: IngestItemResult[] | null;
  error: { code: string; message: string } | null;
  listeners: Set<(p: IngestProgress | null) => void>;
}

export class ApiFailure extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 413 | 415 | 500,
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function isLoopback(host: string): boolean {
  return host === "127.0.0.1" || host === "::1" || host === "localhost" || host.startsWith("127.");
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function intParam(c: HonoContext, name: string, dflt: number, max: number): number {
  const raw = c.req.query(name);
  if (raw === undefined || raw === "") return dflt;
  if (!/^\d{1,9}$/.test(raw)) throw new ApiFailure(400, "BAD_REQUEST", `${name} must be a whole number ≥ 0, got ${JSON.stringify(raw)}`);
  const n = Number(raw);
  if (n > max) throw new ApiFailure(400, "BAD_REQUEST", `${name} must be at most ${max}`);
  return n;
}

function pageOf(c: HonoContext): PageRequest {
  const limit = intParam(c, "limit", DEFAULT_LIMIT, MAX_LIMIT);
  return { offset: intParam(c, "offset", 0, 1e9), limit: limit || DEFAULT_LIMIT };
}

function str(c: HonoContext, name: string, max = 500): string | undefined {
  const v = c.req.query(name);
  if (v === undefined || v === "") return undefined;
  if (v.length > max) throw new ApiFailure(400, "BAD_REQUEST", `${name} is longer than ${max} characters`);
  return v;
}

function day(c: HonoContext, name: string): string | undefined {
  const v = str(c, name);
  if (v !== undefined && (!DAY.test(v) || Number.isNaN(Date.parse(v)))) throw new ApiFailure(400, "BAD_REQUEST", `${name} must be a date YYYY-MM-DD, got ${JSON.stringify(v)}`);
  return v;
}

function timelineFilters(c: HonoContext): TimelineFilters {
  const f: TimelineFilters = {};
  for (const k of ["actor", "type", "status", "outlet", "language", "text"] as const) {
    const v = str(c, k);
    if (v !== undefined) f[k] = v;
  }
  const from = day(c, "from");
  const to = day(c, "to");
  if (from) f.from = from;
  if (to) f.to = to;
  return f;
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function createApp(opts: ServerOptions): Hono {
  const q = opts.queries;
  const host = opts.host ?? DEFAULT_HOST;
  const token = opts.token ?? null;
  const jobs = new Map<string, Job>();
  const app = new Hono();

  app.onError((err, c) => {
    if (err instanceof ApiFailure) return c.json({ error: { code: err.code, message: err.message } }, err.status);
    if (err instanceof DossierError) {
      const status = err.code === "TOO_LARGE" ? 413 : err.code === "USAGE" || err.code === "BAD_RECORD" ? 400 : 500;
      const code: ApiErrorCode = status === 413 ? "PAYLOAD_TOO_LARGE" : status === 400 ? "BAD_REQUEST" : "INTERNAL";
      return c.json({ error: { code, message: err.message } }, status);
    }
    // Internal details stay in the server log, not in answers to possibly hostile clients.
    console.error(err);
    return c.json({ error: { code: "INTERNAL", message: "internal error; see the server log" } }, 500);
  });

  app.use("*", async (c, next) => {
    // A page on another site may make the browser call a loopback server (DNS rebinding):
    // when bound to loopback, only loopback host names are answered.
    const hostHeader = (c.req.header("host") ?? "").replace(/:\d+$/, "").replace(/^\[|\]$/g, "");
    if (isLoopback(host) && hostHeader && !isLoopback(hostHeader)) throw new ApiFailure(403, "FORBIDDEN", `host ${JSON.stringify(hostHeader)} is not served; open the app at http://127.0.0.1`);
    await next();
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "no-referrer");
    c.header("X-Frame-Options", "DENY");
    c.header(
      "Content-Security-Policy",
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
    );
  });

  // Writes: a token when one is configured; otherwise only on loopback, and never from another site.
  app.use("/api/*", async (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD" || c.req.method === "OPTIONS") return next();
    if (token) {
      const auth = c.req.header("authorization") ?? "";
      const given = auth.startsWith("Bearer ") ? auth.slice(7) : "";
      if (!sameToken(given, token)) throw new ApiFailure(401, "UNAUTHORIZED", "this server needs a token for writes: send Authorization: Bearer <DOSSIER_TOKEN>");
    } else if (!isLoopback(host)) {
      throw new ApiFailure(403, "WRITES_DISABLED", "writes are disabled on a server bound beyond loopback without a token; restart with DOSSIER_TOKEN set");
    }
    const origin = c.req.header("origin");
    if (origin && origin !== "null") {
      let originHost = "";
      try {
        originHost = new URL(origin).host;
      } catch {
        originHost = "";
      }
      if (originHost !== c.req.header("host")) throw new ApiFailure(403, "FORBIDDEN", `writes from another site (${origin}) are refused`);
    } else if (c.req.header("sec-fetch-site") === "cross-site") {
      throw new ApiFailure(403, "FORBIDDEN", "writes from another site are refused");
    }
    return next();
  });

  app.get("/api/health", (c) => c.json({ ok: true }));
  app.get("/api/openapi.json", (c) => c.json(buildOpenApi()));
  app.get("/api/stats", async (c) => c.json(await q.stats()));
  app.get("/api/timeline", async (c) => c.json(await q.timeline(timelineFilters(c), pageOf(c))));
  app.get("/api/events", async (c) => c.json(await q.events(timelineFilters(c), pageOf(c))));
  app.get("/api/clusters/:id", async (c) => c.json(found(await q.cluster(c.req.param("id")), "cluster", c.req.param("id"))));
  app.get("/api/documents", async (c) => {
    const f: { outlet?: string; language?: string; text?: string } = {};
    for (const k of ["outlet", "language", "text"] as const) {
      const v = str(c, k);
      if (v !== undefined) f[k] = v;
    }
    return c.json(await q.documents(f, pageOf(c)));
  });
  app.get("/api/documents/:id", async (c) => c.json(found(await q.document(c.req.param("id")), "document", c.req.param("id"))));
  app.get("/api/entities", async (c) => {
    const f: { type?: string; text?: string } = {};
    for (const k of ["type", "text"] as const) {
      const v = str(c, k);
      if (v !== undefined) f[k] = v;
    }
    return c.json(await q.entities(f, pageOf(c)));
  });
  app.get("/api/entities/:id", async (c) => c.json(found(await q.entity(c.req.param("id")), "entity", c.req.param("id"))));
  app.get("/api/network", async (c) => {
    const f: { type?: string; minWeight?: number; from?: string; to?: string } = { minWeight: intParam(c, "minWeight", 1, 1e6) };
    const type = str(c, "type");
    const from = day(c, "from");
    const to = day(c, "to");
    if (type) f.type = type;
    if (from) f.from = from;
    if (to) f.to = to;
    return c.json(await q.network(f));
  });
  app.get("/api/places", async (c) => c.json(await q.places(timelineFilters(c))));
  app.get("/api/conflicts", async (c) => c.json(await q.conflicts(pageOf(c))));
  app.get("/api/promises", async (c) => c.json(await q.promises(pageOf(c))));
  app.get("/api/search", async (c) => {
    const text = str(c, "q", 1000) ?? "";
    const facets: SearchFacets = {};
    for (const k of ["kind", "language", "outlet", "type", "status"] as const) {
      const v = str(c, k);
      if (v !== undefined) facets[k] = v;
    }
    return c.json(await q.search(text, facets, pageOf(c)));
  });

  const maxBody = opts.maxBodyBytes ?? DEFAULT_MAX_BODY;
  app.post(
    "/api/ingest",
    bodyLimit({
      maxSize: maxBody,
      onError: (c) => c.json({ error: { code: "PAYLOAD_TOO_LARGE", message: `the request is larger than ${maxBody} bytes; upload fewer files at a time` } }, 413),
    }),
    async (c) => {
      const input = await ingestInput(c);
      if (!input.files?.length && !input.urls?.length) throw new ApiFailure(400, "BAD_REQUEST", "nothing to ingest: send files (multipart field \"files\") or {\"urls\": [...]}");
      const job: Job = { id: randomUUID(), progress: [], result: null, error: null, listeners: new Set() };
      jobs.set(job.id, job);
      for (const old of [...jobs.keys()].slice(0, Math.max(0, jobs.size - MAX_JOBS))) jobs.delete(old);
      const emit = (p: IngestProgress | null) => {
        if (p) job.progress.push(p);
        for (const l of job.listeners) l(p);
      };
      void q
        .ingest(input, emit)
        .then((r) => {
          job.result = r;
        })
        .catch((err: unknown) => {
          job.error = { code: err instanceof DossierError ? err.code : "INTERNAL", message: err instanceof DossierError ? err.message : "ingest failed; see the server log" };
          if (!(err instanceof DossierError)) console.error(err);
        })
        .finally(() => emit(null));
      return c.json({ job: job.id, status: `/api/ingest/${job.id}`, events: `/api/ingest/${job.id}/events` }, 202);
    },
  );
  app.get("/api/ingest/:job", (c) => {
    const job = found(jobs.get(c.req.param("job")) ?? null, "ingest job", c.req.param("job"));
    return c.json({ job: job.id, done: job.result !== null || job.error !== null, progress: job.progress, result: job.result, error: job.error });
  });
  app.get("/api/ingest/:job/events", (c) => {
    const job = found(jobs.get(c.req.param("job")) ?? null, "ingest job", c.req.param("job"));
    return streamSSE(c, async (stream) => {
      const queue: (IngestProgress | null)[] = [...job.progress];
      const finished = job.result !== null || job.error !== null;
      if (finished) queue.push(null);
      let wake: (() => void) | null = null;
      const listener = (p: IngestProgress | null) => {
        queue.push(p);
        wake?.();
      };
      if (!finished) job.listeners.add(listener);
      try {
        for (;;) {
          while (!queue.length) await new Promise<void>((r) => (wake = r));
          const p = queue.shift()!;
          if (p === null) {
            await stream.writeSSE({ event: "end", data: JSON.stringify({ result: job.result, error: job.error }) });
            return;
          }
          await stream.writeSSE({ event: p.type, data: JSON.stringify(p) });
        }
      } finally {
        job.listeners.delete(listener);
      }
    });
  });

  app.all("/api/*", () => {
    throw new ApiFailure(404, "NOT_FOUND", "no such API route; see /api/openapi.json");
  });

  if (opts.webDir !== null) serveWebApp(app, opts.webDir);
  return app;
}

function found<T>(v: T | null, what: string, id: string): T {
  if (v === null) throw new ApiFailure(404, "NOT_FOUND", `no ${what} ${JSON.stringify(id)}`);
  return v;
}

async function ingestInput(c: HonoContext): Promise<IngestInput> {
  const type = c.req.header("content-type") ?? "";
  if (type.startsWith("multipart/form-data")) {
    const body = await c.req.parseBody({ all: true });
    const raw = body["files"] ?? body["file"];
    const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
    const files = [];
    for (const f of list) if (typeof f !== "string") files.push({ name: f.name || "upload.txt", bytes: new Uint8Array(await f.arrayBuffer()) });
    const urlField = body["urls"];
    const urls = (Array.isArray(urlField) ? urlField : [urlField]).filter((u): u is string => typeof u === "string").flatMap((u) => u.split(/\s+/)).filter(Boolean);
    return { files, urls };
  }
  if (type.startsWith("application/json")) {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw new ApiFailure(400, "BAD_REQUEST", "the body is not valid JSON");
    }
    const b = (body ?? {}) as { urls?: unknown; files?: unknown };
    const urls = Array.isArray(b.urls) ? b.urls.filter((u): u is string => typeof u === "string") : [];
    const files = Array.isArray(b.files)
      ? b.files
          .filter((f): f is { name: string; text: string } => !!f && typeof (f as { name?: unknown }).name === "string" && typeof (f as { text?: unknown }).text === "string")
          .map((f) => ({ name: f.name, bytes: new TextEncoder().encode(f.text) }))
      : [];
    return { files, urls };
  }
  throw new ApiFailure(415, "UNSUPPORTED_MEDIA_TYPE", "send multipart/form-data with files, or application/json {\"urls\": [...], \"files\": [{\"name\", \"text\"}]}");
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts listening; port 0 picks a free port (tests). */
export function startServer(opts: ServerOptions & { port?: number }): Promise<RunningServer> {
  const app = createApp(opts);
  const host = opts.host ?? DEFAULT_HOST;
  return new Promise((resolve, reject) => {
    let server: ServerType;
    try {
      server = serve({ fetch: app.fetch, hostname: host, port: opts.port ?? DEFAULT_PORT }, (info: AddressInfo) => {
        const h = info.address.includes(":") ? `[${info.address}]` : info.address;
        resolve({
          url: `http://${h}:${info.port}`,
          port: info.port,
          close: () =>
            new Promise<void>((res) => {
              (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
              server.close(() => res());
            }),
        });
      });
      server.on("error", reject);
    } catch (err) {
      reject(err);
    }
  });
}
