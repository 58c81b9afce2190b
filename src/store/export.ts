// Exports the story: JSON, JSON Lines, CSV, PLOVER JSON records, and iCalendar for planned meetings.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { KB_DIR } from "../core/paths.js";
import type { Store } from "./backend.js";
import type { EventDetail } from "./queries.js";

export const FORMATS = ["json", "jsonl", "csv", "plover", "ics"] as const;
export type ExportFormat = (typeof FORMATS)[number];

async function details(store: Store): Promise<EventDetail[]> {
  const out: EventDetail[] = [];
  for (const r of await store.timeline()) out.push(await store.eventDetail(r.id));
  return out;
}

/** The whole story in one format; reads through the Store interface, so SQLite and PostgreSQL export alike. */
export async function exportStore(store: Store, format: ExportFormat, today: string): Promise<string> {
  switch (format) {
    case "json":
      return JSON.stringify({ events: await details(store), conflicts: await store.conflicts(), promises: await store.promises(today) }, null, 2) + "\n";
    case "jsonl":
      return (await details(store)).map((d) => JSON.stringify(d)).join("\n") + "\n";
    case "csv":
      return toCsv(store);
    case "plover":
      return JSON.stringify(await toPlover(store), null, 2) + "\n";
    case "ics":
      return toIcs(store, today);
  }
}

const CSV_COLUMNS = ["id", "date_start", "date_end", "type", "mode", "status", "participants", "location", "sources", "outlets", "conflicts"];

/**
 * One CSV field, quoted when needed. Text that a spreadsheet would run as a formula (starting with =, +, -, @,
 * tab or carriage return: an outlet or name taken from a hostile page) gets a leading apostrophe, as OWASP
 * advises, so it shows as text; numbers stay numbers.
 */
export function csvField(v: string | number | null): string {
  let s = v === null ? "" : String(v);
  if (typeof v === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

async function toCsv(store: Store): Promise<string> {
  const lines = [CSV_COLUMNS.join(",")];
  for (const r of await store.timeline())
    lines.push(
      [r.id, r.date?.start ?? null, r.date?.end ?? null, r.type, r.mode, r.status, r.participants.map((p) => p.name).join("; "), r.location, r.sources, r.outlets.join("; "), r.conflicts]
        .map(csvField)
        .join(","),
    );
  return lines.join("\r\n") + "\r\n";
}

let iso3: Map<string, string> | null = null;
/** ISO 3166-1 alpha-3 codes of the KB's countries: PLOVER's actor codes. */
function countryCode(key: string | null | undefined): string | null {
  if (!key) return null;
  if (!iso3) {
    iso3 = new Map();
    const data = JSON.parse(readFileSync(join(KB_DIR, "countries.json"), "utf8")) as { entries: { id: string; iso3?: string }[] };
    for (const e of data.entries) if (e.iso3) iso3.set(e.id, e.iso3);
  }
  return iso3.get(key) ?? null;
}

/**
 * PLOVER records (the field names of the PLOVER spec's JSON records: id, date, source, target,
 * event, mode, context, eventText, text, language, publication) for each cluster, read from the
 * report with the best date. Dossier keeps status and sources in extra fields, which PLOVER allows.
 */
async function toPlover(store: Store): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for (const d of await details(store)) {
    const pick = d.reports.find((r) => d.date && r.date?.startsWith(d.date.start)) ?? d.reports[0];
    if (!pick) continue;
    const m = await store.report(pick.docId, pick.eventId);
    if (!m) continue;
    const ev = JSON.parse(m.data) as { actors: string[]; recipients: string[]; evidence: { text: string } };
    const facts = await store.entities([...ev.actors, ...ev.recipients]);
    const actor = (k: string) => {
      const f = facts.get(k);
      const code = f?.type === "country" ? countryCode(k) : null;
      return { actorText: f?.name ?? k, ...(code ? { code } : {}), dossierKey: k };
    };
    out.push({
      id: d.id,
      date: d.date?.start ?? null,
      source: ev.actors.map(actor),
      target: ev.recipients.length ? ev.recipients.map(actor) : "",
      event: d.type,
      mode: d.mode ?? "",
      context: "",
      eventText: "",
      text: ev.evidence.text,
      language: m.language,
      publication: m.publication,
      status: d.status,
      dateEnd: d.date?.end ?? null,
      location: d.location,
      sources: d.reports.map((r) => ({ outlet: r.outlet, published: r.published, source: r.source, status: r.status })),
    });
  }
  return out;
}

const icsText = (s: string) => s.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");

/** Folds a content line to 75 octets, as RFC 5545 asks, without splitting a UTF-8 sequence. */
export function foldIcsLine(line: string): string {
  const out: string[] = [];
  let cur = "";
  let bytes = 0;
  for (const ch of line) {
    const b = Buffer.byteLength(ch);
    if (bytes + b > (out.length ? 74 : 75)) {
      out.push(cur);
      cur = "";
      bytes = 0;
    }
    cur += ch;
    bytes += b;
  }
  out.push(cur);
  return out.join("\r\n ");
}

const icsDate = (d: string) => d.replace(/-/g, "");
const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Planned, promised and proposed meetings with a date, as all-day events; cancelled ones say so. */
async function toIcs(store: Store, today: string): Promise<string> {
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Dossier//Story export//EN", "CALSCALE:GREGORIAN"];
  const stamp = `${icsDate(today)}T000000Z`;
  for (const p of await store.promises(today)) {
    if (!p.due) continue;
    const d = await store.eventDetail(p.clusterId);
    const who = d.participants.map((x) => x.name).join(", ");
    const status = p.state === "cancelled" || p.state === "denied" || p.state === "rejected" ? "CANCELLED" : p.state === "kept" ? "CONFIRMED" : "TENTATIVE";
    lines.push(
      "BEGIN:VEVENT",
      `UID:${p.clusterId}@dossier`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${icsDate(p.due.start)}`,
      `DTEND;VALUE=DATE:${icsDate(nextDay(p.due.end))}`,
      `SUMMARY:${icsText(`${d.type}${d.mode ? "/" + d.mode : ""}: ${who}`)}`,
      ...(d.location ? [`LOCATION:${icsText(d.location)}`] : []),
      `DESCRIPTION:${icsText(`${p.state}; announced ${p.announced.published ?? "?"} (${p.announced.outlet ?? p.announced.docId}); ${d.sources} source(s)`)}`,
      `STATUS:${status}`,
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldIcsLine).join("\r\n") + "\r\n";
}
