// Direct quotes in every quote style and reported speech after reporting frames, with speakers.
import { lexicon } from "../../core/lexicon.js";
import { spanAt } from "../../core/spans.js";
import { fold } from "../../core/normalize.js";
import type { Document, Mention, Quote, Sentence } from "../../core/types.js";

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

interface ReportingLex {
  verbs: Set<string>;
  particleVerbs: Record<string, string[]>;
  konjunktiv: Set<string>;
}

const lexCache = new Map<string, ReportingLex>();
function lex(lang: string): ReportingLex {
  let l = lexCache.get(lang);
  if (!l) {
    const r = lexicon<{ verbs: string[]; particleVerbs?: Record<string, string[]> }>(lang, "reporting", { verbs: [] });
    const k = lexicon<{ forms: string[] }>(lang, "konjunktiv", { forms: [] });
    l = { verbs: new Set(r.verbs.map(fold)), particleVerbs: r.particleVerbs ?? {}, konjunktiv: new Set(k.forms.map(fold)) };
    for (const v of Object.keys(l.particleVerbs)) l.verbs.add(fold(v));
    lexCache.set(lang, l);
  }
  return l;
}

const WORD = /[\p{L}][\p{L}\p{M}'’-]*/gu;
const words = (s: string) => s.match(WORD) ?? [];

/** The first reporting verb in `s`, with its offset. */
function findVerb(s: string, l: ReportingLex): { verb: string; index: number } | null {
  for (const m of s.matchAll(WORD)) if (l.verbs.has(fold(m[0]))) return { verb: m[0], index: m.index };
  return null;
}

const PRONOUNS = new Set(["er", "sie", "he", "she", "they"]);

interface Speaker {
  entity: string | null;
  note?: string;
}

/** The speaker named in a frame [from, to): a person first, else an organization or state, else a pronoun's antecedent. */
function speakerIn(doc: Document, from: number, to: number, mentions: Mention[]): Speaker | null {
  const inFrame = mentions.filter((m) => m.start >= from && m.end <= to && m.form !== "adjective" && m.form !== "prefix");
  const person = inFrame.find((m) => m.type === "person");
  if (person) return { entity: person.entity };
  const frame = doc.text.slice(from, to);
  const pron = words(frame).find((w) => PRONOUNS.has(w.toLowerCase()));
  if (pron) {
    const before = mentions.filter((m) => m.end <= from && m.type === "person");
    const last = before[before.length - 1];
    if (last) return { entity: last.entity, note: `pronoun "${pron}"` };
  }
  const other = inFrame.find((m) => m.type === "organization" || m.type === "country");
  if (other) return { entity: other.entity };
  return null;
}

export function findDirectQuotes(doc: Document): Quote[] {
  const text = doc.text;
  const l = lex(doc.meta.language);
  const mentions = doc.layers.mentions!;
  const sentences = doc.layers.sentences!;
  const out: Quote[] = [];
  let lastSpeaker: string | null = null;
  let lastParagraph = -1;
  for (let i = 0; i < text.length; i++) {
    const open = text[i]!;
    const closers = PAIRS[open];
    if (!closers) continue;
    // An apostrophe inside a word ("Putin's") is not a quote mark.
    if ((open === "'" || open === "‘") && /[\p{L}\p{N}]/u.test(text[i - 1] ?? "")) continue;
    if (open === "\"" && /[\p{L}\p{N}]/u.test(text[i - 1] ?? "") && /\s/.test(text[i + 1] ?? "")) continue;
    let j = i + 1;
    const limit = Math.min(text.length, i + 3000);
    while (j < limit && !closers.includes(text[j]!)) {
      if (text[j] === "\n" && text[j + 1] === "\n" && !(text[j + 2] && PAIRS[text[j + 2]!])) break;
      if ((text[j] === "'" || text[j] === "’") && /[\p{L}]/u.test(text[j - 1] ?? "") && /[\p{L}]/u.test(text[j + 1] ?? "")) {
        j++;
        continue;
      }
      j++;
    }
    if (j >= limit || !closers.includes(text[j]!)) continue;
    const start = i + 1;
    const end = j;
    const inner = text.slice(start, end);
    if (!inner.trim()) {
      i = j;
      continue;
    }
    const sent = spanAt(sentences, i) ?? spanAt(sentences, j);
    const sStart = sent ? sent.start : Math.max(0, i - 200);
    const sEnd = Math.max(sent ? sent.end : j + 200, j + 1);
    const sentenceEnd = spanAt(sentences, j)?.end ?? sEnd;
    // Frames: after the quote (", sagte Peskow.") or before it ("Peskow sagte: „…“").
    const after = text.slice(j + 1, Math.min(sentenceEnd, j + 160));
    const before = text.slice(sStart, i);
    const afterVerb = /^\s*[,:–—-]?\s*/.test(after) ? findVerb(after.slice(0, 60), l) : null;
    const beforeVerb = findVerb(before.slice(-160), l);
    const n = words(inner).length;
    const hasFrame = !!afterVerb || (!!beforeVerb && /[:,]\s*$/.test(before));
    const paragraph = sent?.paragraph ?? -1;
    const fullSentence = before.trim() === "" && n >= 4;
    // Scare quotes: short and unframed.
    if (n < 4 && !(hasFrame && n >= 2)) {
      i = j;
      continue;
    }
    if (!hasFrame && n < 6 && !fullSentence) {
      i = j;
      continue;
    }
    let speaker: Speaker | null = null;
    let cue: string | null = null;
    let frame: { start: number; end: number } | undefined;
    if (afterVerb) {
      const fStart = j + 1;
      const fEnd = Math.min(sentenceEnd, j + 1 + 160);
      speaker = speakerIn(doc, fStart, fEnd, mentions);
      cue = afterVerb.verb;
      frame = { start: fStart, end: fEnd };
    }
    if (!speaker && beforeVerb) {
      const fStart = Math.max(sStart, i - 160);
      speaker = speakerIn(doc, fStart, i, mentions);
      cue = cue ?? beforeVerb.verb;
      frame = frame ?? { start: fStart, end: i };
    }
    if (!speaker && paragraph >= lastParagraph - 1 && lastSpeaker) speaker = { entity: lastSpeaker, note: "continues the previous quote" };
    const entity: string | null = speaker?.entity ?? null;
    if (entity) {
      lastSpeaker = entity;
      lastParagraph = paragraph;
    }
    out.push({
      start,
      end,
      text: inner,
      kind: "direct",
      speaker: entity,
      ...(speaker?.note ? { speakerNote: speaker.note } : {}),
      cue,
      ...(frame ? { frame } : {}),
      provenance: { stage: "quotes", rule: afterVerb ? "direct-frame-after" : beforeVerb ? "direct-frame-before" : "direct-unframed" },
    });
    i = j;
  }
  return out;
}

/** Reported speech: "X sagte, man sei …", "…, sagte X.", "X said (that) …", "According to X, …". */
export function findIndirectQuotes(doc: Document, direct: Quote[]): Quote[] {
  const text = doc.text;
  const lang = doc.meta.language;
  const l = lex(lang);
  const mentions = doc.layers.mentions!;
  const out: Quote[] = [];
  const insideDirect = (a: number, b: number) => direct.some((q) => a >= q.start - 1 && b <= q.end + 1);
  for (const s of doc.layers.sentences!) {
    const st = text.slice(s.start, s.end);
    // 1. Frame first: "VERB, CLAUSE" / "VERB (that) CLAUSE".
    for (const m of st.matchAll(WORD)) {
      if (!l.verbs.has(fold(m[0]))) continue;
      const vEnd = m.index + m[0].length;
      const rest = st.slice(vEnd);
      let clauseStart: number;
      if (lang === "de") {
        const c = /^([^,.;:„“"«»]{0,80}),\s*(?:dass\s+)?/.exec(rest);
        if (!c) continue;
        clauseStart = vEnd + c[0].length;
      } else {
        const c = /^((?:\s+(?:on|in|to|at|late|earlier|later)\b[^,.;:"“]{0,40})?)\s*(?:,\s*)?(?:that\s+)?/.exec(rest);
        if (!c) continue;
        clauseStart = vEnd + c[0].length;
        const nextWord = /^[\p{L}]+/u.exec(st.slice(clauseStart))?.[0] ?? "";
        if (!/^(that|the|a|an|he|she|it|they|we|his|her|their|its|there|this|these|those|[\p{Lu}])/u.test(nextWord)) continue;
      }
      let clauseEnd = st.length;
      while (clauseEnd > clauseStart && /[.!?\s"“”»«]/.test(st[clauseEnd - 1]!)) clauseEnd--;
      const clause = st.slice(clauseStart, clauseEnd);
      if (words(clause).length < 4) continue;
      if (lang === "de" && !words(clause).some((w) => l.konjunktiv.has(fold(w)))) continue;
      const a = s.start + clauseStart;
      const b = s.start + clauseEnd;
      if (insideDirect(a, b)) continue;
      const sp = speakerIn(doc, s.start, s.start + m.index + m[0].length + 60, mentions) ?? speakerIn(doc, s.start, s.start + m.index, mentions);
      out.push(mkIndirect(doc, a, b, sp, m[0], "indirect-frame-before"));
      break;
    }
    // 2. Frame after: "CLAUSE, sagte X." / "CLAUSE, X said."
    const tail = /,\s*(?:([\p{L}]+)\s+([^,]{1,80}?)|([^,]{1,60}?)\s+([\p{L}]+))\s*[.!]?\s*$/u.exec(st);
    if (tail) {
      const verb = tail[1] && l.verbs.has(fold(tail[1])) ? tail[1] : tail[4] && l.verbs.has(fold(tail[4])) ? tail[4] : null;
      if (verb) {
        let clauseEnd = tail.index;
        let clauseStart = 0;
        while (clauseStart < clauseEnd && /[\s"“„»«]/.test(st[clauseStart]!)) clauseStart++;
        while (clauseEnd > clauseStart && /[\s"“”»«]/.test(st[clauseEnd - 1]!)) clauseEnd--;
        const clause = st.slice(clauseStart, clauseEnd);
        const ok = words(clause).length >= 4 && (lang !== "de" || words(clause).some((w) => l.konjunktiv.has(fold(w))));
        const a = s.start + clauseStart;
        const b = s.start + clauseEnd;
        if (ok && !insideDirect(a, b) && !out.some((q) => q.start < b && a < q.end)) {
          const sp = speakerIn(doc, s.start + tail.index, s.end, mentions);
          out.push(mkIndirect(doc, a, b, sp, verb, "indirect-frame-after"));
        }
      }
    }
  }
  return out;
}

function mkIndirect(doc: Document, a: number, b: number, sp: Speaker | null, cue: string, rule: string): Quote {
  return {
    start: a,
    end: b,
    text: doc.text.slice(a, b),
    kind: "indirect",
    speaker: sp?.entity ?? null,
    ...(sp?.note ? { speakerNote: sp.note } : {}),
    cue,
    provenance: { stage: "quotes", rule },
  };
}
