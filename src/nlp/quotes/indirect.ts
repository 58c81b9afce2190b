// Reported speech: clauses after or before a reporting frame ("sagte, man sei …", "…, hieß es", "X said (that) …", "laut X").
import type { Quote, Sentence } from "../../core/types.js";
import { ff } from "./lex.js";
import { cuesIn, type Cue } from "./frames.js";
import { addReferent, frameSpeaker, previousSubject, toSpeaker, type Speaker, type SpeakerCtx } from "./speaker.js";
import { tokenize, isCap } from "./tokens.js";

const WORDS = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu;
// The same clause is counted and searched several times in a row: the last answer is kept (callers only read it).
let lastClause: string | null = null;
let lastWords: readonly string[] = [];
function words(s: string): readonly string[] {
  if (s !== lastClause) {
    lastWords = s.match(WORDS) ?? [];
    lastClause = s;
  }
  return lastWords;
}
const TRAIL = /[\s.!?,;:"“”„»«‚‘’'–—-]/;

export function findIndirectQuotes(c: SpeakerCtx, direct: Quote[]): Quote[] {
  const out: Quote[] = [];
  const sents = c.doc.layers.sentences!;
  // The last attributed quote and the sentence index it ended in, for reported speech that runs on.
  let last: { q: Quote; sentence: number } | null = null;
  let di = 0;
  sents.forEach((s, si) => {
    while (di < direct.length && direct[di]!.start < s.end) {
      if (direct[di]!.cue) last = { q: direct[di]!, sentence: si };
      di++;
    }
    let found = c.lex.lang === "de" ? germanSentence(c, s, direct) : englishSentence(c, s, direct);
    if (!found.length && last && si - last.sentence === 1 && sents[last.sentence]!.paragraph === s.paragraph) {
      const q = continuation(c, s, direct, last.q);
      if (q) found = [q];
    }
    for (const q of found) {
      if (out.some((o) => o.start < q.end && q.start < o.end)) continue;
      out.push(q);
      last = { q, sentence: si };
      if (q.speaker) addReferent(c, q.start, q.speaker);
    }
  });
  return out;
}

/** German reported speech running on without a frame: a main clause in Konjunktiv I right after a quote. */
function continuation(c: SpeakerCtx, s: Sentence, direct: Quote[], prev: Quote): Quote | null {
  if (c.lex.lang !== "de") return null;
  const text = c.doc.text;
  const [a, b] = trim(text, s.start, s.end);
  const clause = text.slice(a, b);
  const ws = words(clause);
  if (ws.length < 4 || !mainClause(c, clause) || quotedShare(direct, a, b) > 0.3) return null;
  // The finite verb of a main clause stands second; allow a longer first constituent ("Unmittelbar nach … habe er").
  if (!ws.slice(1, 8).some((w) => c.lex.isKonjunktiv(w))) return null;
  return {
    start: a,
    end: b,
    text: clause,
    kind: "indirect",
    speaker: prev.speaker,
    speakerNote: "reported speech continues the previous quote",
    cue: null,
    provenance: { stage: "quotes", rule: "indirect-continuation", detail: prev.provenance.rule },
  };
}

/** Trims [a, b) of spaces and trailing punctuation and quote marks. */
function trim(text: string, a: number, b: number): [number, number] {
  while (a < b && /\s/.test(text[a]!)) a++;
  while (b > a && TRAIL.test(text[b - 1]!)) b--;
  return [a, b];
}

/** Share of [a, b) inside direct quotes. */
function quotedShare(direct: Quote[], a: number, b: number): number {
  let inside = 0;
  for (const q of direct) inside += Math.max(0, Math.min(b, q.end + 1) - Math.max(a, q.start - 1));
  return b > a ? inside / (b - a) : 1;
}

function mk(c: SpeakerCtx, a: number, b: number, sp: Speaker | null, cue: Cue, rule: string): Quote {
  return {
    start: a,
    end: b,
    text: c.doc.text.slice(a, b),
    kind: "indirect",
    speaker: sp?.entity ?? null,
    ...(sp?.note ? { speakerNote: sp.note } : {}),
    cue: cue.text,
    ...(sp?.medium ? { medium: sp.medium } : {}),
    cueSpan: { start: cue.start, end: cue.end },
    ...(sp?.span ? { speakerSpan: sp.span } : {}),
    provenance: { stage: "quotes", rule, ...(sp ? { detail: sp.rule } : {}) },
  };
}

/** A clause that can be reported main-clause speech: it does not open with a subordinator or preposition. */
function mainClause(c: SpeakerCtx, clause: string): boolean {
  const w = words(clause)[0];
  return !!w && !c.lex.subordinators.has(ff(w));
}

/** Whether a clause has a Konjunktiv verb; `loose` also accepts "wollten"/"sollten", Konjunktiv II only by context. */
function hasKonjunktiv(c: SpeakerCtx, s: string, loose = false): boolean {
  return words(s).some((w) => c.lex.isKonjunktiv(w) || (loose && c.lex.isKonjunktivLoose(w)));
}

/** Where a clause that starts at `a` ends: the sentence end, a colon, or a direct quote that takes over. */
function clauseEnd(c: SpeakerCtx, a: number, sEnd: number, direct: Quote[]): number {
  const text = c.doc.text;
  let b = sEnd;
  const colon = text.slice(a, b).search(/:\s/);
  if (colon >= 0) b = a + colon;
  return b;
}

function germanSentence(c: SpeakerCtx, s: Sentence, direct: Quote[]): Quote[] {
  const text = c.doc.text;
  const out: Quote[] = [];
  const cues = cuesIn(text, s.start, s.end, c.lex);
  // 1. Frame first: "Lawrow sagte, man sei …", "erklärte, dass …", "Aus dem Weißen Haus hieß es, …".
  for (const cue of cues) {
    if (cue.kind !== "verb") continue;
    const rest = text.slice(cue.end, s.end);
    const m = /^([^,.;:!?„“"«»]{0,100}?),\s*(?:dass\s+)?/.exec(rest);
    if (!m) continue;
    // A frame that is itself reported ("Putin habe Biden gewarnt, dass …") belongs to the quote it continues.
    if (words(text.slice(s.start, cue.start)).some((w) => c.lex.isKonjunktiv(w))) continue;
    if (/^\s*(ob|wie|wann|wo|warum|was|wer)\b/.test(rest.slice(m[0].length - 0))) continue;
    let [a, b] = trim(text, cue.end + m[0].length, clauseEnd(c, cue.end + m[0].length, s.end, direct));
    // A direct quote that starts inside ends the reported clause there ("erklärte, es sei «noch kein …»").
    const q = direct.find((d) => d.start - 1 >= a && d.start - 1 < b);
    if (q) [a, b] = trim(text, a, q.start - 1);
    const clause = text.slice(a, b);
    if (words(clause).length < 3 || !hasKonjunktiv(c, clause, true)) continue;
    if (q && words(clause).length < 4) continue;
    if (quotedShare(direct, a, b) > 0.5) continue;
    const sp = frameSpeaker(c, s.start, cue.end + m[1]!.length, cue.start, "before");
    out.push(mk(c, a, b, sp, cue, "indirect-frame-before"));
    break;
  }
  // 2. Frame after: "Es sei am späten Abend geplant, sagte Peskow.", "…, hieß es.", "…, so der Präsident."
  for (const cue of cues) {
    if (cue.kind === "marker" && cue.lemma !== "zufolge") continue;
    const before = text.slice(s.start, cue.start);
    if (!/,\s*$/.test(before)) continue;
    let [a, b] = trim(text, s.start, s.start + before.replace(/,\s*$/, "").length);
    if (out.some((o) => o.start < b && a < o.end)) continue;
    // The reported clause is the main clause the frame follows; a frame inside the quote belongs to a direct quote,
    // and a frame that opens a quote ("…, entgegnete Trump: „…“") belongs to that quote.
    const clause = text.slice(a, b);
    if (words(clause).length < 3 || !hasKonjunktiv(c, clause, true) || quotedShare(direct, a, b) > 0.3) continue;
    if (!mainClause(c, clause) || /^[^.!?]*:\s*[„“"«»‚‘']/.test(text.slice(cue.end, s.end + 2))) continue;
    const sp = frameSpeaker(c, cue.start - 1 >= s.start ? cue.start : s.start, s.end, cue.start, "after");
    out.push(mk(c, a, b, sp, cue, `indirect-frame-after${cue.kind === "so" ? "-so" : ""}`));
    break;
  }
  // 3. Markers: "Laut Kreml sei …", "Nach Angaben des Weißen Hauses habe …", "Peskow zufolge sei …", "Demnach solle …".
  if (!out.length) {
    for (const cue of cues) {
      if (cue.kind !== "marker") continue;
      const [a, b] = trim(text, s.start, s.end);
      const clause = text.slice(a, b);
      if (words(clause).length < 5 || !hasKonjunktiv(c, clause) || quotedShare(direct, a, b) > 0.3) continue;
      const sp = markerSpeaker(c, s, cue);
      out.push(mk(c, a, b, sp, cue, "indirect-marker"));
      break;
    }
  }
  return out;
}

/** The source named with "laut X", "X zufolge", "nach Angaben des X". */
function markerSpeaker(c: SpeakerCtx, s: Sentence, cue: Cue): Speaker | null {
  const l = c.lex;
  if (l.standaloneMarkers.has(cue.lemma)) {
    // "Der Kreml veröffentlichte eine Erklärung. Demnach …": the source is the previous sentence's subject.
    const prev = previousSubject(c, s.start);
    return prev ? toSpeaker(c, prev, "marker-previous-subject", null) : { entity: null, note: `marker "${cue.text}"`, rule: "marker-standalone" };
  }
  // "Peskow zufolge", "russischen Angaben zufolge" (source before); "laut Kreml", "nach Angaben des Weißen Hauses" (after).
  const toks = tokenize(c.doc.text, s.start, s.end);
  const ci = toks.findIndex((t) => t.start === cue.start);
  const span = l.postfixMarkers.has(cue.lemma) ? toks.slice(Math.max(0, ci - 5), ci) : toks.slice(ci + 1, ci + 7);
  const ordered = l.postfixMarkers.has(cue.lemma) ? [...span].reverse() : span;
  for (const t of ordered) {
    if (!t.word) {
      if (t.text === "," || t.text === ".") break;
      continue;
    }
    const f = t.f;
    if (l.anonymous.has(f) || /kreisen?$/.test(f)) return { entity: null, note: `anonymous: ${t.text}`, rule: "marker:anonymous" };
    if (f === "eigenen" || f === "own") {
      // "eigenen Angaben zufolge": the sentence's own subject.
      const sub = c.doc.layers.mentions!.find((m) => m.start >= s.start && m.end <= cue.start && m.form !== "adjective" && m.form !== "prefix");
      return sub ? { entity: sub.entity, note: "own statement", rule: "marker:own" } : null;
    }
    // Any mention counts here, adjectives included ("russischen Angaben" → Russia).
    const m = c.doc.layers.mentions!.find((x) => x.start <= t.start && t.start < x.end);
    if (m) return { entity: m.entity, rule: `marker:${m.form}`, span: { start: m.start, end: m.end } };
  }
  return null;
}

const EN_FINITE = /^(is|are|was|were|will|would|could|can|should|must|may|might|has|have|had|does|did|do|wants|needs|plans|hopes|remains|continues|believes)$/i;

function englishSentence(c: SpeakerCtx, s: Sentence, direct: Quote[]): Quote[] {
  const text = c.doc.text;
  const l = c.lex;
  const out: Quote[] = [];
  const cues = cuesIn(text, s.start, s.end, l).filter((x) => x.kind === "verb");
  // 1. Frame first: "X said (that) …", "X told VOA (on Monday) that …", "saying it condemns …".
  for (const cue of cues) {
    const toks = tokenize(text, cue.end, s.end);
    let k = 0;
    if (cue.lemma === "tell") {
      // Skip the addressee: "told VOA", "told reporters", "told VOA's Korean Service".
      let n = 0;
      // A determiner only opens the addressee ("told the newspaper"); after it come capitalized words ("VOA's Korean Service").
      while (k < toks.length && n < 5 && toks[k]!.word && toks[k]!.f !== "that" && (n === 0 || isCap(toks[k]!.text) || (n === 1 && l.determiners.has(toks[k - 1]!.f)))) {
        k++;
        n++;
      }
      if (!n) continue;
    }
    // Skip a time or setting phrase: "on Saturday", "Friday", "in a statement", "at a briefing Wednesday".
    for (let guard = 0; guard < 3; guard++) {
      const t = toks[k];
      if (!t || !t.word) break;
      const f = t.f;
      if (l.prepositions.has(f) && f !== "that") {
        let e = k + 1;
        while (e < toks.length && e < k + 6 && toks[e]!.word && toks[e]!.f !== "that" && !(e > k + 1 && !isCap(toks[e]!.text) && !l.determiners.has(toks[e]!.f) && e > k + 3)) e++;
        if (toks[e] && toks[e]!.f !== "that" && toks[e]!.word && e >= k + 6) break;
        k = e;
        continue;
      }
      if (/^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|also|again|later|earlier|repeatedly|previously|recently|last|this)$/.test(f)) {
        k++;
        if (f === "last" || f === "this") k++;
        continue;
      }
      break;
    }
    let that = false;
    if (toks[k]?.text === ",") k++;
    if (toks[k] && toks[k]!.f === "that") {
      that = true;
      k++;
      if (toks[k]?.text === ",") k++;
    }
    const first = toks[k];
    if (!first || !first.word) continue;
    if (!that && !l.clauseLemmas.has(cue.lemma)) continue;
    const fw = first.f;
    if (!that && (l.prepositions.has(fw) || fw === "to" || fw === "about")) continue;
    // "said Oh Ei Sun, senior fellow …": an inverted subject, not a clause.
    if (!that && isCap(first.text) && /^[^,.]{0,40},/.test(text.slice(first.start, s.end)) && !/^(The|A|An|It|He|She|They|We|This|There)$/.test(first.text)) {
      const after = tokenize(text, first.start, s.end);
      const fin = after.slice(0, 8).some((t) => EN_FINITE.test(t.text));
      if (!fin) continue;
    }
    let [a, b] = trim(text, first.start, s.end);
    const clause = text.slice(a, b);
    const ws = words(clause);
    if (ws.length < 4) continue;
    // Without "that", the clause needs its own finite verb before any comma ("denied the report, saying …" has none).
    const head = words(clause.split(",")[0]!);
    if (!that && !head.slice(0, 10).some((w) => EN_FINITE.test(w) || /ed$/.test(w) || /^(it|he|she)$/i.test(ws[0]!))) continue;
    if (quotedShare(direct, a, b) > 0.5 || direct.some((d) => d.start <= a && a < d.end)) continue;
    const sp = frameSpeaker(c, s.start, first.start, cue.start, "before");
    out.push(mk(c, a, b, sp, cue, that ? "indirect-that" : "indirect-frame-before"));
    break;
  }
  // 2. Frame after: "It hopes to avoid …, Oh said.", "…, said Alan Chong, associate professor …", "…, analysts say."
  if (!out.length) {
    for (const cue of cues) {
      const before = text.slice(s.start, cue.start);
      const comma = before.lastIndexOf(",");
      if (comma < 0) continue;
      const frameWords = words(before.slice(comma + 1)).length;
      if (frameWords > 5) continue;
      if (!["say", "tell", "add", "write", "note", "warn", "explain", "argue", "insist", "conclude", "predict", "believe", "think"].includes(cue.lemma)) continue;
      const [a, b] = trim(text, s.start, s.start + comma);
      const clause = text.slice(a, b);
      if (words(clause).length < 4 || quotedShare(direct, a, b) > 0.3) continue;
      const sp = frameSpeaker(c, s.start + comma + 1, s.end, cue.start, "after");
      out.push(mk(c, a, b, sp, cue, "indirect-frame-after"));
      break;
    }
  }
  return out;
}
