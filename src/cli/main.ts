// The `dossier` command line: dispatches to subcommands.
import { parseArgs } from "node:util";
import { DossierError } from "../core/errors.js";
import { runExtract } from "./extract-command.js";

const USAGE = `dossier — a sourced timeline of political events from news articles

usage:
  dossier extract [--json | --explain] [--genre news|narrative] [--kb FILE] [--max-bytes N] PATH…
      PATH: .txt/.md (YAML front matter optional), .html, .json/.jsonl records, any of these .gz, .warc(.gz), directories, - for stdin, http(s) URLs and RSS/Atom feeds
  dossier ingest [--db PATH|postgres://…] [--kb FILE] [--batch N] [--records] [--feed URL] [--queue] PATH|URL…
      extract and store into the SQLite store (default ./dossier.db) or PostgreSQL (--db postgres://…), merge events
      across articles; idempotent (same document twice changes nothing) and safe to kill and restart;
      --queue (PostgreSQL): only queue the documents, for dossier worker
  dossier worker --db postgres://… [--once] [--log-jobs]
      process queued documents; run any number, one per core, on any machine (--once: exit when the queue is empty)
  dossier timeline [--db PATH] [--actor NAME] [--type T] [--status S] [--from D] [--to D] [--json]
  dossier event ID [--json]     one merged event with all its sources, conflicts and plan
  dossier conflicts [--json]    where sources disagree on date, place, participants or status
  dossier promises [--today D] [--json]   plans and promises: kept, cancelled, pending, overdue
  dossier search "…" [--json]   full-text search over articles and quotes (German/English stems)
  dossier export --format json|jsonl|csv|plover|ics [--out FILE]
      every store command takes --db PATH (SQLite, default ./dossier.db) or --db postgres://user@host/db
  dossier start [--db PATH] [--port N] [--no-serve]
      ingest the bundled examples into ./dossier.db, print the timeline, then serve the web app at http://127.0.0.1:4173/
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
    case "ingest":
      return (await import("./ingest-command.js")).runIngest(rest);
    case "worker":
      return (await import("./worker-command.js")).runWorkerCommand(rest);
    case "timeline":
      return (await import("./timeline-command.js")).runTimeline(rest);
    case "event":
      return (await import("./event-command.js")).runEvent(rest);
    case "conflicts":
      return (await import("./conflicts-command.js")).runConflicts(rest);
    case "promises":
      return (await import("./promises-command.js")).runPromises(rest);
    case "search":
      return (await import("./search-command.js")).runSearch(rest);
    case "export":
      return (await import("./export-command.js")).runExport(rest);
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
