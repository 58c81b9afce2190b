// Reads SpkAtt-2023 (GePaDe) speeches: tokens joined into one text with a token → offset map, and gold speech events.
import { readFileSync } from "node:fs";

export interface SpkAttFile {
  Sentences: { SentenceId: number; Tokens: string[] }[];
  Annotations: Record<string, string[]>[];
}

/** A token id as the data gives it: "sentence:token". */
export type TokId = string;

export interface Speech {
  name: string;
  text: string;
  /** Token id → [start, end) in `text`. */
  tokens: Map<TokId, { start: number; end: number }>;
  /** Gold speech events: the role name → token ids (Cue, PTC, Source, Message, …). */
  events: Record<string, TokId[]>[];
  /** The debate date from the file name (DD.MM.YYYY → YYYY-MM-DD), used as the publication date. */
  date: string | null;
}

const NO_SPACE_BEFORE = /^[.,;:!?)\]}»“'"]$|^['’]s$/;
const NO_SPACE_AFTER = /^[(\[{„»"]$/;

/** Joins a speech's tokens into text, one sentence per line, spaced like ordinary prose. */
export function readSpeech(path: string, name: string): Speech {
  const data = JSON.parse(readFileSync(path, "utf8")) as SpkAttFile;
  let text = "";
  const tokens = new Map<TokId, { start: number; end: number }>();
  for (const s of data.Sentences) {
    if (text) text += "\n";
    let prev = "";
    s.Tokens.forEach((t, i) => {
      if (i > 0 && !NO_SPACE_BEFORE.test(t) && !NO_SPACE_AFTER.test(prev)) text += " ";
      tokens.set(`${s.SentenceId}:${i}`, { start: text.length, end: text.length + t.length });
      text += t;
      prev = t;
    });
  }
  const m = /(\d{2})\.(\d{2})\.(\d{4})/.exec(name);
  return { name, text, tokens, events: data.Annotations ?? [], date: m ? `${m[3]}-${m[2]}-${m[1]}` : null };
}

/** The token ids whose text overlaps [start, end). */
export function tokensIn(sp: Speech, start: number, end: number): TokId[] {
  const out: TokId[] = [];
  for (const [id, r] of sp.tokens) if (r.start < end && start < r.end) out.push(id);
  return out;
}
