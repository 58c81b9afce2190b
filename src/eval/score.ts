// Scores extraction records against gold files with the same rules as the reference scorer (../shared/eval/score.mjs).

export interface AliasTable {
  people?: Record<string, { aliases?: string[]; country?: string | null }>;
  groups?: Record<string, { aliases?: string[]; country?: string | null }>;
  places?: Record<string, string[]>;
}

export interface GoldEvent {
  id: string;
  type: string;
  mode?: string | null;
  participants?: string[];
  optionalParticipants?: string[];
  status?: string;
  date?: { start: string; end?: string } | null;
  location?: string | null;
  optional?: boolean;
  cluster?: string;
}

export interface Gold {
  doc?: string;
  agencies?: string[];
  aiGenerated?: boolean;
  persons?: string[];
  optionalPersons?: string[];
  events?: GoldEvent[];
  quotes?: { speaker: string | null; kind: string; text: string; optional?: boolean }[];
}

interface Prf {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export const norm = (s: unknown) =>
  String(s ?? "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

export function prf(tp: number, fp: number, fn: number): Prf {
  const p = tp + fp ? tp / (tp + fp) : tp + fn ? 0 : 1;
  const r = tp + fn ? tp / (tp + fn) : 1;
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  return { tp, fp, fn, precision: +p.toFixed(3), recall: +r.toFixed(3), f1: +f.toFixed(3) };
}

const STATUS_CLASS: Record<string, string> = {
  held: "occurred", ongoing: "occurred", planned: "future", promised: "future", proposed: "future", requested: "future",
  rejected: "negative", cancelled: "negative", denied: "negative",
};

const normQuote = (s: unknown) =>
  String(s ?? "")
    .replace(/[„“”"«»‚‘’'‹›]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();

/** Length of the longest common substring. */
function overlapLen(a: string, b: string): number {
  if (!a || !b) return 0;
  let best = 0;
  const prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = a[i - 1] === b[j - 1] ? diag + 1 : 0;
      if (prev[j]! > best) best = prev[j]!;
      diag = tmp;
    }
  }
  return best;
}

function quoteMatch(a: string, b: string): boolean {
  const x = normQuote(a);
  const y = normQuote(b);
  if (!x || !y) return false;
  return overlapLen(x, y) >= Math.ceil(Math.min(x.length, y.length) / 2);
}

type DateR = { start: string; end: string } | null;
const normDate = (d: any): DateR => (!d || !d.start ? null : { start: String(d.start).slice(0, 10), end: String(d.end ?? d.start).slice(0, 10) });
const compatible = (a: DateR, b: DateR) => !a || !b || !(a.end < b.start || b.end < a.start);

/** A matched gold/predicted event pair, exposed for cluster scoring. */
export interface EventPair {
  doc: string;
  gold: GoldEvent;
  pred: any;
}

export function score(gold: Map<string, Gold>, preds: Map<string, any>, aliases: AliasTable) {
  const canonOf = new Map<string, string>();
  const countryOf = new Map<string, string>();
  const addCanon = (c: string, list: string[], country?: string | null) => {
    canonOf.set(norm(c), c);
    for (const a of list) if (!canonOf.has(norm(a))) canonOf.set(norm(a), c);
    if (country) countryOf.set(c, country);
  };
  for (const [c, v] of Object.entries(aliases.people ?? {})) addCanon(c, v.aliases ?? [], v.country);
  for (const [c, v] of Object.entries(aliases.groups ?? {})) addCanon(c, v.aliases ?? [], v.country);
  const placeOf = new Map<string, string>();
  for (const [c, list] of Object.entries(aliases.places ?? {})) {
    placeOf.set(norm(c), c);
    for (const a of list) if (!placeOf.has(norm(a))) placeOf.set(norm(a), c);
  }
  const canon = (n: string) => canonOf.get(norm(n)) ?? n;
  const place = (n: string | null | undefined) => (n == null ? null : placeOf.get(norm(n)) ?? canonOf.get(norm(n)) ?? n);
  const sameName = (a: string, b: string) => norm(canon(a)) === norm(canon(b));
  const expand = (names: string[]) => {
    const out = new Set<string>();
    for (const n of names) {
      const c = canon(n);
      out.add(norm(c));
      const k = countryOf.get(c);
      if (k) out.add(norm(k));
    }
    return out;
  };

  const tot = { consult: [0, 0, 0], all: [0, 0, 0], persons: [0, 0, 0], direct: [0, 0, 0], indirect: [0, 0, 0] } as Record<string, [number, number, number]>;
  const attr = { pairs: 0, partTp: 0, partFp: 0, partFn: 0, dateN: 0, dateExact: 0, statusN: 0, statusExact: 0, statusClass: 0, locN: 0, locOk: 0, modeN: 0, modeOk: 0 };
  const spk = { n: 0, ok: 0 };
  const docm = { agenciesN: 0, agenciesOk: 0, aiN: 0, aiOk: 0 };
  const explain: { doc: string; notes: string[] }[] = [];
  const matched: EventPair[] = [];
  let missing = 0;

  for (const [key, g] of gold) {
    const p = preds.get(key);
    const notes: string[] = [];
    if (!p) {
      missing++;
      notes.push("no prediction record");
    }
    const ents = new Map<string, any>((p?.entities ?? []).map((e: any) => [e.id, e]));
    const nameOfId = (id: string) => ents.get(id)?.name ?? id;
    const pev = (p?.events ?? []).map((e: any) => ({ raw: e, type: e.type, parts: [...(e.actors ?? []), ...(e.recipients ?? [])].map(nameOfId), date: normDate(e.date) }));
    const gev = (g.events ?? []).map((e) => ({ raw: e, type: e.type, parts: e.participants ?? [], date: normDate(e.date) }));
    const cands: { gi: number; pi: number; score: number }[] = [];
    gev.forEach((ge, gi) =>
      pev.forEach((pe: any, pi: number) => {
        if (ge.type !== pe.type || !compatible(ge.date, pe.date)) return;
        const gx = expand(ge.parts);
        const px = expand(pe.parts);
        let shared = 0;
        for (const x of gx) if (px.has(x)) shared++;
        if (!shared) return;
        const bonus = ge.date && pe.date && ge.date.start === pe.date.start ? 0.5 : 0;
        cands.push({ gi, pi, score: shared / Math.max(gx.size, px.size) + bonus });
      }),
    );
    cands.sort((a, b) => b.score - a.score);
    const gUsed = new Set<number>();
    const pUsed = new Set<number>();
    const pairs: typeof cands = [];
    for (const c of cands) {
      if (gUsed.has(c.gi) || pUsed.has(c.pi)) continue;
      gUsed.add(c.gi);
      pUsed.add(c.pi);
      pairs.push(c);
    }
    for (const track of ["consult", "all"]) {
      const inTrack = (t: string) => track === "all" || t === "CONSULT";
      for (const c of pairs) if (inTrack(gev[c.gi]!.type) && !gev[c.gi]!.raw.optional) tot[track]![0]++;
      gev.forEach((ge, gi) => {
        if (!inTrack(ge.type) || gUsed.has(gi) || ge.raw.optional) return;
        tot[track]![2]++;
        if (track === "all") notes.push(`missed event ${ge.raw.id} ${ge.type} [${ge.parts.join(", ")}] ${ge.raw.status}`);
      });
      pev.forEach((pe: any, pi: number) => {
        if (!inTrack(pe.type) || pUsed.has(pi)) return;
        tot[track]![1]++;
        if (track === "all") notes.push(`false event ${pe.type} [${pe.parts.join(", ")}] ${pe.raw.status}: ${String(pe.raw.evidence?.text ?? "").slice(0, 100)}`);
      });
    }
    for (const c of pairs) {
      const ge = gev[c.gi]!;
      const pe = pev[c.pi]!;
      matched.push({ doc: key, gold: ge.raw, pred: pe.raw });
      if (ge.raw.optional) continue;
      attr.pairs++;
      const gp = new Set(ge.parts.map((n) => norm(canon(n))));
      const opt = new Set((ge.raw.optionalParticipants ?? []).map((n) => norm(canon(n))));
      const pp = new Set<string>(pe.parts.map((n: string) => norm(canon(n))));
      for (const x of pp) if (gp.has(x)) attr.partTp++; else if (!opt.has(x)) attr.partFp++;
      for (const x of gp) if (!pp.has(x)) attr.partFn++;
      if (ge.date) {
        attr.dateN++;
        if (pe.date && pe.date.start === ge.date.start && pe.date.end === ge.date.end) attr.dateExact++;
        else notes.push(`date ${ge.raw.id}: gold ${ge.date.start}..${ge.date.end}, got ${pe.date ? pe.date.start + ".." + pe.date.end : "none"}`);
      }
      if (ge.raw.status) {
        attr.statusN++;
        if (pe.raw.status === ge.raw.status) attr.statusExact++;
        else notes.push(`status ${ge.raw.id}: gold ${ge.raw.status}, got ${pe.raw.status}`);
        if ((STATUS_CLASS[pe.raw.status] ?? "unknown") === (STATUS_CLASS[ge.raw.status] ?? "unknown")) attr.statusClass++;
      }
      if (ge.raw.location) {
        attr.locN++;
        const pl = place(pe.raw.location?.name ?? pe.raw.location?.text);
        if (pl && norm(pl) === norm(place(ge.raw.location))) attr.locOk++;
        else notes.push(`location ${ge.raw.id}: gold ${ge.raw.location}, got ${pl ?? "none"}`);
      }
      if (ge.raw.mode) {
        attr.modeN++;
        if (pe.raw.mode === ge.raw.mode) attr.modeOk++;
      }
    }

    const gP = new Set((g.persons ?? []).map((n) => norm(canon(n))));
    const oP = new Set((g.optionalPersons ?? []).map((n) => norm(canon(n))));
    const pP = new Set<string>((p?.entities ?? []).filter((e: any) => e.type === "person").map((e: any) => norm(canon(e.name))));
    for (const x of pP) {
      if (gP.has(x)) tot.persons![0]++;
      else if (!oP.has(x)) {
        tot.persons![1]++;
        notes.push(`false person ${x}`);
      }
    }
    for (const x of gP)
      if (!pP.has(x)) {
        tot.persons![2]++;
        notes.push(`missed person ${x}`);
      }

    for (const kind of ["direct", "indirect"]) {
      const gq = (g.quotes ?? []).filter((q) => q.kind === kind);
      const pq = (p?.quotes ?? []).filter((q: any) => q.kind === kind);
      const used = new Set<number>();
      for (const q of gq) {
        const pi = pq.findIndex((x: any, i: number) => !used.has(i) && quoteMatch(q.text, x.text));
        if (pi < 0) {
          if (!q.optional) {
            tot[kind]![2]++;
            notes.push(`missed ${kind} quote (${q.speaker ?? "anon"}): ${q.text.slice(0, 60)}`);
          }
          continue;
        }
        used.add(pi);
        if (q.optional) continue;
        tot[kind]![0]++;
        spk.n++;
        const ps = pq[pi].speaker == null ? null : nameOfId(pq[pi].speaker);
        if ((q.speaker == null && ps == null) || (q.speaker != null && ps != null && sameName(q.speaker, ps))) spk.ok++;
        else notes.push(`speaker of "${q.text.slice(0, 40)}": gold ${q.speaker}, got ${ps}`);
      }
      pq.forEach((x: any, i: number) => {
        if (used.has(i)) return;
        tot[kind]![1]++;
        notes.push(`false ${kind} quote: ${String(x.text).slice(0, 60)}`);
      });
    }

    if (Array.isArray(g.agencies) && g.agencies.length) {
      docm.agenciesN++;
      const a = new Set<string>((p?.document?.agencies ?? []).map(norm));
      const b = new Set(g.agencies.map(norm));
      if (a.size === b.size && [...a].every((x) => b.has(x))) docm.agenciesOk++;
    }
    if (typeof g.aiGenerated === "boolean") {
      docm.aiN++;
      if ((p?.document?.aiGenerated ?? false) === g.aiGenerated) docm.aiOk++;
    }
    explain.push({ doc: key, notes });
  }
  const ratio = (a: number, b: number) => (b ? +(a / b).toFixed(3) : null);
  const t = (k: string) => prf(...tot[k]!);
  return {
    result: {
      documents: gold.size,
      missingDocuments: missing,
      consult: t("consult"),
      events: t("all"),
      eventAttributes: {
        pairs: attr.pairs,
        participantF1: attr.pairs ? prf(attr.partTp, attr.partFp, attr.partFn).f1 : null,
        dateExact: ratio(attr.dateExact, attr.dateN),
        statusExact: ratio(attr.statusExact, attr.statusN),
        statusClass: ratio(attr.statusClass, attr.statusN),
        location: ratio(attr.locOk, attr.locN),
        mode: ratio(attr.modeOk, attr.modeN),
      },
      persons: t("persons"),
      directQuotes: t("direct"),
      indirectQuotes: t("indirect"),
      quoteSpeaker: ratio(spk.ok, spk.n),
      agencies: ratio(docm.agenciesOk, docm.agenciesN),
      aiGenerated: ratio(docm.aiOk, docm.aiN),
    },
    explain,
    matched,
  };
}

/**
 * B³ F1 of cross-article event clusters over the gold events that have a `cluster` and were matched.
 * `predCluster` gives the system's cluster for a matched predicted event; unmatched gold events count as singletons.
 */
export function bcubed(items: { gold: string; pred: string }[]): { precision: number; recall: number; f1: number; n: number } {
  if (!items.length) return { precision: 1, recall: 1, f1: 1, n: 0 };
  let p = 0;
  let r = 0;
  for (const a of items) {
    const sameP = items.filter((b) => b.pred === a.pred);
    const sameG = items.filter((b) => b.gold === a.gold);
    p += sameP.filter((b) => b.gold === a.gold).length / sameP.length;
    r += sameG.filter((b) => b.pred === a.pred).length / sameG.length;
  }
  p /= items.length;
  r /= items.length;
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  return { precision: +p.toFixed(3), recall: +r.toFixed(3), f1: +f.toFixed(3), n: items.length };
}
