// A test corpus we write ourselves: short articles on six meetings of two leaders, one article per (meeting, outlet).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const PLACES = ["Anchorage", "Geneva", "Istanbul", "Riyadh", "Helsinki", "Vienna"];

export function writeMeetingCorpus(folder: string, count: number): void {
  mkdirSync(folder, { recursive: true });
  for (let i = 0; i < count; i++) {
    const meeting = i % 6;
    const day = String(3 + meeting * 4).padStart(2, "0");
    const pub = String(4 + meeting * 4).padStart(2, "0");
    const text = [
      "---",
      `published: 2025-03-${pub}T09:00:00Z`,
      `outlet: Test Wire ${i % 5}`,
      "language: en",
      "---",
      `Trump and Putin meet in ${PLACES[meeting]}`,
      "",
      `Donald Trump and Vladimir Putin met in ${PLACES[meeting]} on March ${Number(day)} for about two hours, officials said.`,
      `This is report number ${i} of the test corpus.`,
    ].join("\n");
    writeFileSync(join(folder, `a${String(i).padStart(3, "0")}.txt`), text);
  }
}

/** Which reports ended up together, independent of cluster ids: one sorted line per cluster, sorted. */
export function partition(rows: { cluster_id: string; doc_id: string; event_id: string }[]): string[] {
  const by = new Map<string, string[]>();
  for (const r of rows) {
    let m = by.get(r.cluster_id);
    if (!m) by.set(r.cluster_id, (m = []));
    m.push(`${r.doc_id}/${r.event_id}`);
  }
  return [...by.values()].map((m) => m.sort().join(",")).sort();
}
