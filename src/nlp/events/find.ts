// PLOVER events from trigger lexicons: participants, status, date, place and duration from the sentence.
import { lexicon } from "../../core/lexicon.js";
import { fold } from "../../core/normalize.js";
import type { Document, EventAnnotation, EventStatus, EventType, Mention, Sentence, TimeExpr } from "../../core/types.js";
import type { KnowledgeBase } from "../../kb/kb.js";

interface Trigger {
  type: EventType;
  mode?: string;
  needs?: string;
}

interface EventLex {
  words: Map<string, Trigger>;
  suffixes: [string, Trigger][];
  status: [EventStatus, string[]][];
}

const STATUS_ORDER: EventStatus[] = ["denied", "cancelled", "rejected", "promised", "proposed", "requested", "planned", "ongoing"];
const cache = new Map<string, EventLex>();

function eventLex(lang: string): EventLex {
  let l = cache.get(lang);
  if (!l) {
    const d = lexicon<{ words: Record<string, Trigger>; suffixes: Record<string, Trigger>; status: Record<string, string[]> }>(lang, "events", {
      words: {},
      suffixes: {},
      status: {},
    });
    l = {
      words: new Map(Object.entries(d.words).map(([k, v]) => [fold(k), v])),
      suffixes: Object.entries(d.suffixes)
        .map(([k, v]) => [fold(k), v] as [string, Trigger])
        .sort((a, b) => b[0].length - a[0].length),
      status: STATUS_ORDER.map((s) => [s, (d.status[s] ?? []).map(fold)]),
    };
    cache.set(lang, l);
  }
  return l;
}

const WORD = /[\p{L}][\p{L}\p{M}]*/gu;

function triggerOf(word: string, l: EventLex, capitalized: boolean): Trigger | null {
  const f = fold(word);
  const w = l.words.get(f);
  if (w) return w;
  if (!capitalized) return null;
  for (const [suf, t] of l.suffixes) if (f.length > suf.length + 2 && f.endsWith(suf)) return t;
  return null;
}

function statusOf(sentence: string, l: EventLex): { status: EventStatus; cue: string | null } {
  const f = ` ${fold(sentence).replace(/[^\p{L}\p{N}]+/gu, " ")} `;
  for (const [status, cues] of l.status) {
    for (const c of cues) if (f.includes(` ${c} `)) return { status, cue: c };
  }
  return { status: "held", cue: null };
}

export function findEvents(doc: Document, kb: KnowledgeBase): EventAnnotation[] {
  const lang = doc.meta.language;
  const l = eventLex(lang === "de" ? "de" : "en");
  const text = doc.text;
  const mentions = doc.layers.mentions!;
  const times = doc.layers.times!;
  const raw: EventAnnotation[] = [];
  for (const s of doc.layers.sentences!) {
    const st = text.slice(s.start, s.end);
    const fs = ` ${fold(st)} `;
    for (const m of st.matchAll(WORD)) {
      const t = triggerOf(m[0], l, /^\p{Lu}/u.test(m[0]));
      if (!t) continue;
      if (t.needs && !t.needs.split("|").some((w) => fs.includes(` ${fold(w)} `) || fs.includes(` ${fold(w)}`))) continue;
      const ev = buildEvent(doc, kb, s, st, s.start + m.index, m[0], t, mentions, times, l);
      if (ev) raw.push(ev);
      break; // one event per sentence in this first version
    }
  }
  return mergeWithinDocument(raw);
}

function buildEvent(
  doc: Document,
  kb: KnowledgeBase,
  s: Sentence,
  st: string,
  at: number,
  word: string,
  t: Trigger,
  mentions: Mention[],
  times: TimeExpr[],
  l: EventLex,
): EventAnnotation | null {
  const inSent = mentions.filter((m) => m.start >= s.start && m.end <= s.end);
  const people = unique(inSent.filter((m) => m.type === "person").map((m) => m.entity));
  const bodies = unique(inSent.filter((m) => (m.type === "country" || m.type === "organization") && m.form !== "adjective").map((m) => m.entity));
  const parts = people.length ? people : bodies;
  if (!parts.length) return null;
  const { status, cue } = statusOf(st, l);
  const sentTimes = times.filter((x) => x.start >= s.start && x.end <= s.end);
  const dated = sentTimes.find((x) => x.range && x.value && !x.value.startsWith("P") && !x.value.includes("_REF"));
  const dur = sentTimes.find((x) => x.value && /^P/.test(x.value));
  const place = inSent.find((m) => m.type === "location" && /\b(in|nach|im|at|to)\s+$/i.test(doc.text.slice(Math.max(s.start, m.start - 8), m.start)));
  const placeEntity = place ? kb.entity(place.entity) : undefined;
  return {
    type: t.type,
    mode: t.mode ?? (parts.length > 2 ? "multilateral" : null),
    actors: parts.slice(0, 1),
    recipients: parts.slice(1),
    status,
    date: dated ? { start: dated.range!.start, end: dated.range!.end, text: dated.text } : null,
    location: place ? { name: placeEntity?.name ?? place.text, entity: place.entity, text: place.text } : null,
    durationMinutes: dur ? minutesOf(dur.value!) : null,
    attribution: [],
    evidence: { start: s.start, end: s.end, text: st },
    trigger: { start: at, end: at + word.length, text: word },
    provenance: { stage: "events", rule: `trigger:${fold(word)}`, detail: cue ? `status cue "${cue}"` : "no status cue: held" },
  };
}

function minutesOf(v: string): number | null {
  const m = /^PT?(\d+(?:\.\d+)?)([HMDWY])$/.exec(v);
  if (!m) return null;
  const n = +m[1]!;
  const unit = m[2]!;
  if (v.startsWith("PT")) return unit === "H" ? n * 60 : n;
  return unit === "D" ? n * 1440 : unit === "W" ? n * 10080 : null;
}

const unique = <T>(xs: T[]) => [...new Set(xs)];

/** One record per real event: mentions with the same type, shared participants and compatible dates merge. */
function mergeWithinDocument(evs: EventAnnotation[]): EventAnnotation[] {
  const out: EventAnnotation[] = [];
  for (const e of evs) {
    const parts = new Set([...e.actors, ...e.recipients]);
    const same = out.find((o) => {
      if (o.type !== e.type) return false;
      const op = [...o.actors, ...o.recipients];
      const shared = op.filter((p) => parts.has(p)).length;
      if (shared < Math.min(2, parts.size, op.length)) return false;
      if (o.date && e.date && (o.date.end < e.date.start || e.date.end < o.date.start)) return false;
      return true;
    });
    if (!same) {
      out.push(e);
      continue;
    }
    if (!same.date && e.date) same.date = e.date;
    else if (same.date && e.date && daySpan(e.date) < daySpan(same.date)) same.date = e.date;
    if (!same.location && e.location) same.location = e.location;
    if (same.durationMinutes == null && e.durationMinutes != null) same.durationMinutes = e.durationMinutes;
    if (!same.mode && e.mode) same.mode = e.mode;
  }
  return out;
}

function daySpan(d: { start: string; end: string }): number {
  return (Date.parse(d.end) - Date.parse(d.start)) / 86400000;
}
