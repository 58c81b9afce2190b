// Human-readable listing of every annotation of a document with the rule that produced it.
import type { Document } from "../core/types.js";

export function explain(doc: Document): string {
  const L = doc.layers;
  const out: string[] = [];
  const q = (s: string) => JSON.stringify(s.length > 90 ? s.slice(0, 87) + "…" : s);
  out.push(`# ${doc.meta.source}  (id ${doc.id}, ${doc.meta.language}, published ${doc.meta.published ?? "?"} [${doc.meta.publishedBasis}])`);
  if (doc.meta.agencies.length) out.push(`agencies: ${doc.meta.agencies.join(", ")}`);
  if (doc.meta.aiGenerated) out.push("aiGenerated: yes");
  for (const r of doc.meta.removed) out.push(`removed  ${r.reason.padEnd(16)} ${q(r.text)}`);
  for (const s of L.sentences ?? []) out.push(`sentence [${s.start},${s.end}) ${s.provenance.rule}`);
  for (const m of L.mentions ?? [])
    out.push(`mention  [${m.start},${m.end}) ${q(m.text)} → ${m.entity} (${m.type}, ${m.form}) by ${m.provenance.rule}${m.provenance.detail ? ` — ${m.provenance.detail}` : ""}`);
  for (const t of L.times ?? []) out.push(`time     [${t.start},${t.end}) ${q(t.text)} = ${t.value ?? "null"} by ${t.provenance.rule}${t.provenance.detail ? ` (${t.provenance.detail})` : ""}`);
  for (const x of L.quotes ?? [])
    out.push(`quote    [${x.start},${x.end}) ${x.kind} ${q(x.text)} speaker ${x.speaker ?? "null"}${x.speakerNote ? ` (${x.speakerNote})` : ""} cue ${x.cue ?? "-"} by ${x.provenance.rule}`);
  for (const e of L.events ?? [])
    out.push(
      `event    ${e.type}${e.mode ? `/${e.mode}` : ""} ${e.status} [${[...e.actors, ...e.recipients].join(", ")}] date ${e.date ? `${e.date.start}..${e.date.end}` : "-"} place ${e.location?.name ?? "-"} by ${e.provenance.rule}${e.provenance.detail ? ` (${e.provenance.detail})` : ""}: ${q(e.evidence.text)}`,
    );
  return out.join("\n");
}
