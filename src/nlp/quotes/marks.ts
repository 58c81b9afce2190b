// Finds spans enclosed in quotation marks of every style: „…“ "…" «…» »…« ‚…‘ '…' “…”.
/** Opening mark → the closing marks that can end it. */
const PAIRS: Record<string, string> = {
  "„": "“”\"",
  "‚": "‘’",
  "»": "«",
  "«": "»",
  "“": "”\"",
  "\"": "\"“”",
  "‘": "’",
  "'": "'",
};

export interface Marked {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark (the quote's text is (open, close)). */
  close: number;
}

const OPENERS = new RegExp(`[${Object.keys(PAIRS).join("")}]`, "g");

const letterOrDigit = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c);

/** Every quoted span, left to right, not nested; a quote never runs across a paragraph break. */
export function findMarked(text: string): Marked[] {
  const out: Marked[] = [];
  // Per opening mark, how far a scan that found nothing reached (and whether it stopped for good there):
  // a later mark of the same kind finds nothing before that point either, so its scan starts there.
  // Without this a run of unclosed marks costs 3000 steps each (a megabyte of „ took minutes).
  const scanned = new Map<string, { until: number; final: boolean }>();
  for (let i = 0; i < text.length; i++) {
    // Jump to the next quotation mark: one regex scan instead of a table lookup per character.
    OPENERS.lastIndex = i;
    const hit = OPENERS.exec(text);
    if (!hit) break;
    i = hit.index;
    const open = text[i]!;
    const closers = PAIRS[open];
    if (!closers) continue;
    const prev = text[i - 1];
    // Apostrophes inside or after words ("Putin's", "Trumps'") are not quote marks.
    if ((open === "'" || open === "‘") && letterOrDigit(prev)) continue;
    // A straight double quote glued to the word before and followed by space closes something; it does not open.
    if (open === "\"" && letterOrDigit(prev) && /\s/.test(text[i + 1] ?? "")) continue;
    if (/\s/.test(text[i + 1] ?? "") && open !== "»" && open !== "«") continue;
    const limit = Math.min(text.length, i + 3000);
    const prior = scanned.get(open);
    if (prior && i < prior.until && prior.final) continue;
    let j = prior && i < prior.until ? prior.until : i + 1;
    let close = -1;
    while (j < limit) {
      const ch = text[j]!;
      if (ch === "\n" && text[j + 1] === "\n") break;
      if ((ch === "'" || ch === "’") && letterOrDigit(text[j - 1]) && letterOrDigit(text[j + 1])) {
        j++;
        continue;
      }
      // A closing single mark right after a word's s ("the allies' plan") inside a single-quoted span is ambiguous; accept it.
      if (closers.includes(ch)) {
        // A straight double quote that opens a new span ("… says "x" …") is not our closer when followed by a letter and preceded by space.
        if (ch === "\"" && open === "\"" && /\s/.test(text[j - 1] ?? "") && letterOrDigit(text[j + 1])) {
          close = -2;
          break;
        }
        close = j;
        break;
      }
      // The same opening mark again after a sentence end: the earlier quote ran to a paragraph end without closing
      // (the style that reopens each quoted paragraph); end it there.
      if (ch === open && open !== "\"" && open !== "'" && /[.!?]\s*$/.test(text.slice(Math.max(i, j - 3), j))) {
        close = -3;
        let e = j;
        while (e > i + 1 && /\s/.test(text[e - 1]!)) e--;
        out.push({ open: i, close: e });
        i = j - 1;
        break;
      }
      j++;
    }
    if (close === -3) continue;
    if (close === -1) scanned.set(open, { until: j, final: j < i + 3000 });
    if (close < 0) continue;
    out.push({ open: i, close });
    i = close;
  }
  return out;
}
