// The web app's source never turns strings into markup: article text must reach the page as text nodes only.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../core/paths.js";

const WEB_SRC = join(ROOT, "web", "src");
const FORBIDDEN = ["dangerouslySetInnerHTML", "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", "srcdoc"];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.(tsx?|html)$/.test(n) ? [p] : [];
  });
}

test("no web source file builds HTML from strings", { skip: !existsSync(WEB_SRC) && "web/src not present" }, () => {
  const found: string[] = [];
  for (const f of files(WEB_SRC)) {
    const text = readFileSync(f, "utf8");
    for (const w of FORBIDDEN) if (text.includes(w)) found.push(`${f}: ${w}`);
  }
  assert.deepEqual(found, []);
});

test("links built from stored URLs are limited to http(s)", { skip: !existsSync(WEB_SRC) && "web/src not present" }, () => {
  const reader = readFileSync(join(WEB_SRC, "views", "reader.tsx"), "utf8");
  assert.match(reader, /\^https\?:\\\/\\\//, "reader.tsx keeps its http(s) check for article URLs");
});
