#!/usr/bin/env node
// Entry point of the `dossier` command; the compiled CLI lives in dist/.
import { main } from "../dist/cli/main.js";

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    const code = err && err.code ? err.code : "INTERNAL";
    process.stderr.write(`dossier: ${code}: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = code === "USAGE" ? 2 : 1;
  },
);
