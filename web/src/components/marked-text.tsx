// Text with highlighted spans, built from text nodes only (never HTML), so article content cannot inject markup.
import type { ComponentChildren } from "preact";

export interface Mark {
  start: number;
  end: number;
  cls: string;
  title?: string;
  href?: string | null;
}

/**
 * Cuts the text at every span boundary and wraps each piece in the classes of the spans that
 * cover it; overlapping spans (an entity inside a quote) therefore nest visually without
 * breaking the text.
 */
export function MarkedText({ text, marks }: { text: string; marks: Mark[] }) {
  const valid = marks.filter((m) => m.start >= 0 && m.end <= text.length && m.start < m.end);
  const cuts = new Set<number>([0, text.length]);
  for (const m of valid) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: ComponentChildren[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    const piece = text.slice(a, b);
    const covering = valid.filter((m) => m.start <= a && m.end >= b);
    if (!covering.length) {
      out.push(piece);
      continue;
    }
    const cls = [...new Set(covering.map((m) => m.cls))].join(" ");
    const title = covering.map((m) => m.title).filter(Boolean).join(" | ");
    const link = covering.find((m) => m.href)?.href;
    out.push(
      link ? (
        <a key={a} class={`mark ${cls}`} title={title} href={link}>{piece}</a>
      ) : (
        <mark key={a} class={`mark ${cls}`} title={title}>{piece}</mark>
      ),
    );
  }
  return <>{out}</>;
}
