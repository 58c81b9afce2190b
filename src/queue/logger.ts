// graphile-worker's log lines on stderr: warnings and errors always, its chatter only when asked for.
import { Logger } from "graphile-worker";

export function queueLogger(verbose: boolean): Logger {
  return new Logger(() => (level, message) => {
    if (verbose || level === "error" || level === "warning") process.stderr.write(`[queue ${level}] ${message}\n`);
  });
}
