// Readers for the NER training corpora in ../shared/eval/external: GermEval 2014 TSV and DFKI SmartData v3 JSON.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { DossierError } from "../../core/errors.js";

/** A text with gold name spans (UTF-16 offsets) of class PER, LOC or ORG. */
export interface GoldText {
  id: string;
  text: string;
  spans: { start: number; end: number; cls: string }[];
}

/**
 * GermEval 2014: sentences as tokens joined by single spaces (as its scorer's inputs), gold from
 * the outer column; OTH and the -deriv / -part labels are outside, as in the benchmark's scorer.
 */
export function readGermEval(file: string, prefix: string): GoldText[] {
  const out: GoldText[] = [];
  let toks: [string, string][] = [];
  const flush = () => {
    if (!toks.length) return;
    let text = "";
    const spans: GoldText["spans"] = [];
    let open: GoldText["spans"][number] | null = null;
    for (const [w, tag] of toks) {
      if (text) text += " ";
      const start = text.length;
      text += w;
      const m = /^([BI])-(PER|LOC|ORG)$/.exec(tag);
      if (m && m[1] === "I" && open && open.cls === m[2]) open.end = text.length;
      else {
        if (open) spans.push(open);
        open = m ? { start, end: text.length, cls: m[2]! } : null;
      }
    }
    if (open) spans.push(open);
    out.push({ id: `${prefix}-${String(out.length + 1).padStart(4, "0")}`, text, spans });
    toks = [];
  };
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (line.startsWith("#")) continue;
    if (!line.trim()) {
      flush();
      continue;
    }
    const cols = line.split("\t");
    if (cols.length < 3) throw new DossierError("BAD_RECORD", `${file}: line "${line.slice(0, 60)}" has fewer than 3 tab-separated columns; is this a GermEval 2014 TSV?`);
    toks.push([cols[1]!, cols[2]!]);
  }
  flush();
  return out;
}

/** SmartData concept types that are names of the three classes; routes, dates and positions are not. */
const SMARTDATA_CLASS: Record<string, string> = {
  PERSON: "PER",
  ORGANIZATION: "ORG",
  ORGANIZATION_COMPANY: "ORG",
  LOCATION: "LOC",
  LOCATION_CITY: "LOC",
  LOCATION_STREET: "LOC",
  LOCATION_STOP: "LOC",
};

interface SmartDataDoc {
  id: string;
  text: { string: string };
  conceptMentions?: { array: { span: { start: number; end: number }; type: string }[] } | null;
}

/** SmartData v3: concatenated pretty-printed JSON documents (gzipped), split at top-level braces. */
export function readSmartData(file: string): GoldText[] {
  const s = gunzipSync(readFileSync(file)).toString("utf8");
  const out: GoldText[] = [];
  let depth = 0;
  let begin = -1;
  let inStr = false;
  let esc = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (inStr) {
      if (esc) esc = false;
      else if (c === "\\") esc = true;
      else if (c === '"') inStr = false;
      continue;
    }
    if (c === '"') inStr = true;
    else if (c === "{") {
      if (depth++ === 0) begin = i;
    } else if (c === "}" && --depth === 0) {
      const d = JSON.parse(s.slice(begin, i + 1)) as SmartDataDoc;
      const spans: GoldText["spans"] = [];
      for (const m of d.conceptMentions?.array ?? []) {
        const cls = SMARTDATA_CLASS[m.type];
        if (cls) spans.push({ start: m.span.start, end: m.span.end, cls });
      }
      out.push({ id: d.id, text: d.text.string, spans: spans.sort((a, b) => a.start - b.start) });
    }
  }
  return out;
}
