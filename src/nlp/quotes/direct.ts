// Direct quotes: quoted spans with a reporting frame before or after, or whole quoted sentences; scare quotes rejected.
import { spanAt } from "../../core/spans.js";
import type { Quote } from "../../core/types.js";
import { cuesIn, type Cue } from "./frames.js";
import { findMarked, type Marked } from "./marks.js";
import { addReferent, frameSpeaker, type Speaker, type SpeakerCtx } from "./speaker.js";

const WORDS = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu;
const countWords = (s: string) => (s.match(WORDS) ?? []).length;
const OPENERS = /[„“"«»‚‘']/;

export function findDirectQuotes(c: SpeakerCtx, marked: Marked[] = findMarked(c.doc.text)): Quote[] {
  const text = c.doc.text;
  const sentences = c.doc.layers.sentences!;
  const l = c.lex;
  const out: Quote[] = [];
  let last: { speaker: string | null; paragraph: number; end: number } | null = null;
  for (let qi = 0; qi < marked.length; qi++) {
    const { open, close } = marked[qi]!;
    const start = open + 1;
    const end = close;
    const inner = text.slice(start, end);
    const n = countWords(inner);
    if (!n) continue;
    const sOpen = spanAt(sentences, open) ?? spanAt(sentences, Math.min(text.length - 1, open + 1));
    const sClose = spanAt(sentences, close) ?? sOpen;
    const sStart = sOpen ? sOpen.start : Math.max(0, open - 200);
    // The frame after the quote runs to the end of the sentence holding the closing mark, or to the next quote.
    let afterEnd = Math.max(sClose ? sClose.end : close + 200, close + 1);
    const nextOpen = marked[qi + 1]?.open;
    if (nextOpen !== undefined && nextOpen < afterEnd) afterEnd = nextOpen;
    afterEnd = Math.min(afterEnd, close + 1 + 200);
    // The sentence splitter may cut after the closing mark ("… erreicht.“ sagte er"): look into the next sentence when the quote ends a sentence.
    const afterText = text.slice(close + 1, afterEnd);
    const beforeFrom = Math.max(sStart, (out.length && out[out.length - 1]!.end + 1 > sStart ? out[out.length - 1]!.end + 1 : sStart), open - 300);
    const beforeText = text.slice(beforeFrom, open);
    // After-frame: the cue must come early (", sagte Peskow", ", Hecker told VOA", "so der Präsident").
    let cue: Cue | null = null;
    let side: "after" | "before" | null = null;
    // The frame after a quote is set off by a comma or dash, outside (German „…“, sagte) or inside (English "…," he said).
    const setOff = /^\s*[,:–—-]/.test(afterText) || /[,!?]\s*$/.test(inner);
    if (setOff && !/^\s*[.!?]/.test(afterText)) {
      const cs = cuesIn(text, close + 1, afterEnd, l).filter((x) => x.kind !== "marker" || x.lemma === "zufolge");
      // Up to 16 words: a name with an apposition may stand before the verb ("…," Alexander Gabuev, director of …, told VOA).
      const first = cs.find((x) => countWords(text.slice(close + 1, x.start)) <= 16 && !OPENERS.test(text.slice(close + 1, x.start)));
      if (first) {
        cue = first;
        side = "after";
      }
    }
    // "Sentence.“ Said frame" — a closing quote ending with sentence punctuation followed by a lower-case frame.
    if (!cue && /[.!?]\s*$/.test(inner) && /^\s*,?\s*\p{Ll}/u.test(afterText)) {
      const cs = cuesIn(text, close + 1, afterEnd, l);
      const first = cs.find((x) => countWords(text.slice(close + 1, x.start)) <= 3);
      if (first) {
        cue = first;
        side = "after";
      }
    }
    // "…?" Bugajski asked. — the splitter may end the sentence at the closing mark; a short frame follows.
    if (!cue && /[.!?]\s*$/.test(inner) && !afterText.trim()) {
      const next = spanAt(sentences, close + 2) ?? spanAt(sentences, close + 1);
      if (next && next.start > close && next.start - close <= 3 && (nextOpen === undefined || nextOpen > next.end)) {
        const frameText = text.slice(next.start, next.end);
        if (countWords(frameText) <= 6 && !OPENERS.test(frameText)) {
          const first = cuesIn(text, next.start, next.end, l).find((x) => x.kind === "verb");
          if (first) {
            cue = first;
            side = "after";
            afterEnd = next.end;
          }
        }
      }
    }
    let beforeCue: Cue | null = null;
    if (beforeText.trim()) {
      // Cues inside other quoted words ("ob Putin ein Treffen "versprochen" habe: …") are not the frame.
      const cs = cuesIn(text, beforeFrom, open, l).filter((x) => (x.kind === "verb" || x.kind === "marker") && !marked.some((m) => m.open < x.start && x.start < m.close));
      // The verb frames the quote; a source marker inside the frame ("stellte laut Xinhua klar:") does not.
      beforeCue = [...cs].reverse().find((x) => x.kind === "verb") ?? cs[cs.length - 1] ?? null;
    }
    const endsWithIntro = /[:,]\s*$/.test(beforeText) || /\b(that|dass)\s*$/u.test(beforeText);
    // "EU-Chefdiplomatin Kaja Kallas: „…“", "Medinski: "…"": a short lead ending in a colon names the speaker.
    const colonLead = !beforeCue && /:\s*$/.test(beforeText) && countWords(text.slice(sStart, open)) <= 6 && !cue;
    // A frame that introduces the quote ("Gabuev added that “…”") wins over a participle after it (", suggesting …").
    if (beforeCue && endsWithIntro && (!cue || /ing$/.test(cue.text))) {
      cue = beforeCue;
      side = "before";
    }
    if (!cue && beforeCue) {
      cue = beforeCue;
      side = "before";
    }
    const framed = side === "after" || (side === "before" && (endsWithIntro || n >= 2));
    const paragraph = sOpen?.paragraph ?? -1;
    // A quote that continues the last one: in the same sentence ("said X "…" …, including "…"") or after a short
    // lead-in right after it ("…," he said. But "…").
    const lastInSentence = !!last && !!sOpen && last.end >= sOpen.start && last.speaker !== null;
    const shortLead = !!last && last.speaker !== null && countWords(beforeText) <= 2 && open - last.end < 200 && !/[:]\s*$/.test(beforeText);
    const wholeSentence = !beforeText.trim() || /[.!?:]\s*$/.test(beforeText) || (shortLead && n >= 4) || (lastInSentence && n >= 3);
    // Scare quotes and titles: one or two words, or a short fragment with no frame.
    if (n < 2) continue;
    if (!framed && (n < 4 || !wholeSentence)) continue;
    // A fragment inside the frame's sentence ("erklärte, es sei «noch kein Kompromiss gefunden worden»") needs three words.
    if (side === "before" && !endsWithIntro && n < 3) continue;
    let speaker: Speaker | null = null;
    if (colonLead) {
      const colon = text.lastIndexOf(":", open);
      speaker = frameSpeaker(c, sStart, open, colon, "before");
      if (speaker?.entity) side = "before";
    }
    // An unframed quote right after a sentence with a reporting verb ("…, sagte sie. „…“") has that frame's speaker.
    if (!cue && !speaker && sOpen) {
      const si = sentences.indexOf(sOpen);
      const prev = sentences[si - 1];
      if (prev && prev.paragraph === sOpen.paragraph && beforeText.trim() === "" && (!last || last.end < prev.start)) {
        const pc = cuesIn(text, prev.start, prev.end, l).filter((x) => x.kind === "verb" && !marked.some((m) => m.open < x.start && x.start < m.close));
        const pcue = pc[pc.length - 1];
        if (pcue) {
          speaker = frameSpeaker(c, prev.start, prev.end, pcue.start, "before");
          if (speaker) speaker = { ...speaker, note: `frame of the previous sentence (${pcue.text})`, rule: `previous-sentence:${speaker.rule}` };
        }
      }
    }
    if (cue && side === "after") speaker = frameSpeaker(c, close + 1, afterEnd, cue.start, "after");
    if (cue && side === "before") speaker = frameSpeaker(c, beforeFrom, open, cue.start, "before");
    let rule = side ? `direct-frame-${side}` : "direct-unframed";
    if ((!speaker || (speaker.entity == null && !speaker.note)) && last && paragraph >= last.paragraph - 0 && paragraph <= last.paragraph + 1 && (side === null || speaker == null)) {
      speaker = { entity: last.speaker, note: "continues the previous quote", rule: "continuation" };
      rule = `${rule}+continuation`;
    }
    const entity: string | null = speaker?.entity ?? null;
    out.push({
      start,
      end,
      text: inner,
      kind: "direct",
      speaker: entity,
      ...(speaker?.note ? { speakerNote: speaker.note } : {}),
      cue: cue?.text ?? null,
      ...(side === "after" ? { frame: { start: close + 1, end: afterEnd } } : side === "before" ? { frame: { start: beforeFrom, end: open } } : {}),
      ...(speaker?.medium ? { medium: speaker.medium } : {}),
      ...(cue ? { cueSpan: { start: cue.start, end: cue.end } } : {}),
      ...(speaker?.span ? { speakerSpan: speaker.span } : {}),
      provenance: { stage: "quotes", rule, ...(speaker ? { detail: speaker.rule } : {}) },
    });
    if (entity) addReferent(c, side === "after" ? close + 1 : open, entity);
    last = { speaker: entity, paragraph, end: close };
  }
  return out;
}
