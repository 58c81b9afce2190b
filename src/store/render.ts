// Plain-text rendering of the story for the terminal: timeline lines, one event, conflicts, promises.
import type { Conflict } from "../story/types.js";
import type { EventDetail, PromiseView, SearchHit, TimelineRow } from "./queries.js";

const dateText = (d: { start: string; end: string } | null) => (d ? (d.start === d.end ? d.start : `${d.start}..${d.end}`) : "(no date)");
const fileName = (p: string) => p.split(/[\\/]/).pop() ?? p;
const cut = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + "…" : s);

export function timelineLine(r: TimelineRow): string {
  const who = cut(r.participants.map((p) => p.name).join(", "), 56);
  const kind = r.mode ? `${r.type}/${r.mode}` : r.type;
  const flags = r.conflicts ? `  ⚠ ${r.conflicts} conflict${r.conflicts > 1 ? "s" : ""}` : "";
  // An undated event sits at its first report, marked "reported" so it is not read as the event's day.
  const when = r.date ? dateText(r.date) : r.firstReported ? `reported ${r.firstReported}` : "(no date)";
  return `${when.padEnd(22)} ${kind.padEnd(21)} ${r.status.padEnd(9)} ${who.padEnd(56)} ${cut(r.location ?? "", 16).padEnd(16)} ${r.sources} src  ${r.id}${flags}`;
}

export function eventText(d: EventDetail): string {
  const out = [
    `${d.id}  ${d.type}${d.mode ? "/" + d.mode : ""}  ${d.status}`,
    `  date:         ${dateText(d.date)}`,
    `  place:        ${d.location ?? "-"}`,
    `  participants: ${d.participants.map((p) => p.name).join(", ") || "-"}`,
    `  status:       ${d.history.map((h) => `${h.published ?? "?"} ${h.status} (${h.outlet ?? fileName(h.source ?? h.docId)})`).join(" → ")}`,
    `  sources (${d.sources}):`,
  ];
  for (const r of d.reports) out.push(`    ${r.published ?? "?"}  ${cut(r.outlet ?? fileName(r.source), 24).padEnd(24)} ${r.status.padEnd(9)} ${(r.date ?? "").padEnd(22)} ${r.source}`, `        “${cut(r.evidence.replace(/\s+/g, " "), 200)}”`);
  if (d.conflictList.length) {
    out.push("  conflicts:");
    for (const k of d.conflictList) out.push(...conflictText(k, "    "));
  }
  if (d.promise) out.push(`  plan: ${promiseLine(d.promise)}`);
  return out.join("\n");
}

export function conflictText(k: Conflict, indent = ""): string[] {
  const out = [`${indent}${k.field}: ${k.sides.map((s) => s.value).join("  vs  ")}   (${k.clusterId})`];
  for (const s of k.sides)
    for (const e of s.events) out.push(`${indent}  ${s.value.padEnd(12)} ${(e.outlet ?? e.docId).padEnd(24)} “${cut(e.evidence.replace(/\s+/g, " "), 140)}”`);
  return out;
}

export function promiseLine(p: PromiseView): string {
  const due = p.due ? dateText(p.due) : "no date";
  const outcome = p.outcome ? ` → ${p.outcome.status} (${p.outcome.outlet ?? p.outcome.docId}, ${p.outcome.published ?? "?"})` : "";
  return `${p.state.padEnd(9)} due ${due.padEnd(22)} ${p.announced.status} by ${p.announced.outlet ?? p.announced.docId} ${p.announced.published ?? "?"}${outcome}  ${p.clusterId}`;
}

export function searchLine(h: SearchHit): string {
  const head = `${h.kind === "quote" ? "quote" : "doc  "} ${h.published?.slice(0, 10) ?? "?"}  ${cut(h.title ?? h.source, 70)}`;
  return `${head}\n      ${h.speaker ? h.speaker + ": " : ""}${cut(h.snippet, 200)}`;
}
