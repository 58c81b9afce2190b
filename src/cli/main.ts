// The `dossier` command line: dispatches to subcommands.
import { parseArgs } from "node:util";
import { DossierError } from "../core/errors.js";
import { runExtract } from "./extract-command.js";

const USAGE = `dossier — a sourced timeline of political events from news articles

usage:
  dossier extract [--json | --explain] [--genre news|narrative] [--kb FILE] [--max-bytes N] PATH…
      PATH: .txt/.md (YAML front matter optional), .html, .json/.jsonl records, any of these .gz, .warc(.gz), directories, - for stdin, http(s) URLs and RSS/Atom feeds
  dossier start                 run the main job on the bundled examples and print the timeline
  dossier serve [--port N] [--host ADDR] [--db FILE]   the web app and HTTP API on http://127.0.0.1:4173/
  dossier eval [--json]         score the extractor on the bundled examples against their gold
  dossier help

exit codes: 0 ok, 1 some documents failed (their records carry "error"), 2 usage error`;

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case "extract": {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: {
          json: { type: "boolean", default: false },
          explain: { type: "boolean", default: false },
          genre: { type: "string" },
          kb: { type: "string", multiple: true, default: [] },
          "max-bytes": { type: "string" },
        },
      });
      if (!positionals.length) throw new DossierError("USAGE", "extract needs at least one PATH (or - for stdin)");
      const genre = values.genre;
      if (genre !== undefined && genre !== "news" && genre !== "narrative") throw new DossierError("USAGE", "--genre must be news or narrative");
      const out: string[] = [];
      const flush = () => {
        if (out.length) process.stdout.write(out.join("\n") + "\n");
        out.length = 0;
      };
      const failed = await runExtract(
        positionals,
        { explain: values.explain, ...(genre ? { genre } : {}), kb: values.kb ?? [], ...(values["max-bytes"] ? { maxBytes: Number(values["max-bytes"]) } : {}) },
        (line) => {
          out.push(line);
          if (out.length >= 64) flush();
        },
      );
      flush();
      return failed ? 1 : 0;
    }
    case "eval": {
      const { runEval } = await import("../eval/run.js");
      return runEval(rest);
    }
    case "serve": {
      const { runServe } = await import("./serve-command.js");
      return runServe(rest);
    }
    case "start": {
      const { runStart } = await import("./start-command.js");
      return runStart(rest);
    }
    case undefined:
    case "help":
    case "--help":
    case "-h":
      console.log(USAGE);
      return 0;
    default:
      throw new DossierError("USAGE", `unknown command "${cmd}"; run dossier help`);
  }
}
