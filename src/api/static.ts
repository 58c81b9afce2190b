// Serves the built web app (dist-web) from the same origin as the API, without leaving its folder.
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, resolve, sep } from "node:path";
import type { Hono } from "hono";
import { ROOT } from "../core/paths.js";

export const WEB_DIR = join(ROOT, "dist-web");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

const MISSING = `The web app is not built. Run: npm run build:web (or npm install), then restart dossier serve. The API is at /api (see /api/openapi.json).`;

export function serveWebApp(app: Hono, dir = WEB_DIR): void {
  const root = resolve(dir);
  app.get("*", (c) => {
    const index = join(root, "index.html");
    if (!existsSync(index)) return c.text(MISSING, 503);
    let path: string;
    try {
      path = decodeURIComponent(new URL(c.req.url).pathname);
    } catch {
      return c.text("bad path", 400);
    }
    const file = resolve(root, "." + path);
    const inside = file === root || file.startsWith(root + sep);
    const isFile = inside && existsSync(file) && statSync(file).isFile();
    // Unknown paths get the app itself (client-side routes); files never outside the folder.
    const target = isFile ? file : index;
    const type = TYPES[extname(target)] ?? "application/octet-stream";
    // Hashed asset names never change content, so they may be cached; index.html must not be.
    const cache = target.includes(`${sep}assets${sep}`) ? "public, max-age=31536000, immutable" : "no-cache";
    return c.body(readFileSync(target), 200, { "Content-Type": type, "Cache-Control": cache });
  });
}
