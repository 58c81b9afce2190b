// StoryQueries over extraction records held in memory: for development, tests and a store-less `dossier serve`.
import type { Context } from "../core/context.js";
import { toRecord, type ExtractionRecord } from "../core/record.js";
import { errorRecord, processArticle } from "../extract.js";
import type { ReadResult } from "../ingest/record-reader.js";
import { readInputs } from "../ingest/sources.js";
import type {
  Cluster, Conflict, DocumentDetail, DocumentFilters, DocumentSummary, EntityDetail, EntityFilters, EntityRef, EntitySummary,
  Event, IngestInput, IngestItemResult, IngestProgress, LayerSpan, Meeting, Network, NetworkFilters, Page, PageRequest, Place,
  PlacePoint, PromiseItem, Quote, SearchFacets, SearchHit, SearchResult, Stats, StoryQueries, TimelineFilters, TimelineItem,
} from "./contract.js";
import { loadCapitals } from "./capitals.js";
import { overlaps, precisionOf, publishedDay } from "./dates.js";
import { readIngestInput, type InputOptions } from "./ingest-input.js";
import { bestDate, clusterEvents, conflictsOf, currentStatus, statusHistory, type MemCluster, type MemEvent } from "./memory-cluster.js";
import { fold, matchAll, queryTerms, snippet } from "./text-match.js";

interface EntityInfo {
  ref: EntityRef;
  wikidata: string | null;
  roles: Set<string>;
  docs: Set<string>;
}

const CONTEXT_CHARS = 240;
const FORWARD = new Set(["promised", "planned", "proposed", "requested"]);
const KEPT = new Set(["held", "ongoing"]);
const BROKEN = new Set(["cancelled", "rejected", "denied"]);

export function page<T>(all: T[], p: PageRequest): Page<T> {
  return { items: all.slice(p.offset, p.offset + p.limit), total: all.length, offset: p.offset, limit: p.limit };
}

export class MemoryQueries implements StoryQueries {
  private readonly docs = new Map<string, ExtractionRecord>();
  private readonly foldedText = new Map<string, string>();
  private entityInfo = new Map<string, EntityInfo>();
  private allEvents: MemEvent[] = [];
  private clusters: MemCluster[] = [];
  private clusterById = new Map<string, MemCluster>();
  private clusterOfEvent = new Map<string, string>();
  private items = new Map<string, TimelineItem>();
  private readonly capitals: Map<string, string>;

  constructor(
    private readonly ctx: Context,
    private readonly inputOptions: InputOptions = {},
  ) {
    this.capitals = loadCapitals();
  }

  /** Extracts every readable document under the paths (files or folders). */
  static fromPaths(paths: string[], ctx: Context, inputOptions: InputOptions = {}): MemoryQueries {
    const q = new MemoryQueries(ctx, inputOptions);
    for (const r of readInputs(paths)) if ("article" in r) q.addRecords([toRecord(processArticle(r.article, ctx))], false);
    q.rebuild();
    return q;
  }

  addRecords(records: ExtractionRecord[], rebuild = true): void {
    for (const r of records) {
      this.docs.set(r.document.id, r);
      this.foldedText.set(r.document.id, fold(r.document.text));
    }
    if (rebuild) this.rebuild();
  }

  /** Recomputes entities, events and clusters from all documents (cheap at development sizes). */
  private rebuild(): void {
    this.entityInfo = new Map();
    this.allEvents = [];
    for (const r of this.docs.values()) {
      const docId = r.document.id;
      for (const e of r.entities) {
        const id = gid(docId, e.id);
        const info = this.entityInfo.get(id) ?? { ref: { id, name: e.name, type: e.type }, wikidata: e.wikidata, roles: new Set<string>(), docs: new Set<string>() };
        if (e.role) info.roles.add(e.role);
        info.docs.add(docId);
        this.entityInfo.set(id, info);
      }
      for (const raw of r.events) {
        const e = raw as unknown as RecordEvent;
        this.allEvents.push({
          id: e.id,
          docId,
          outlet: r.document.outlet,
          published: r.document.published,
          type: e.type,
          mode: e.mode,
          status: e.status,
          date: e.date,
          location: e.location ? { name: e.location.name, entity: e.location.entity ? gid(docId, e.location.entity) : null, text: e.location.text } : null,
          actors: e.actors.map((a) => gid(docId, a)),
          recipients: e.recipients.map((a) => gid(docId, a)),
          attribution: (e.attribution ?? []).map((a) => gid(docId, a)),
          evidence: e.evidence,
        });
      }
    }
    this.clusters = clusterEvents(this.allEvents);
    this.clusterById = new Map(this.clusters.map((c) => [c.id, c]));
    this.clusterOfEvent = new Map(this.clusters.flatMap((c) => c.members.map((m) => [m.id, c.id] as [string, string])));
    this.items = new Map(this.clusters.map((c) => [c.id, this.toItem(c)]));
  }

  private readonly namer = (id: string): string => this.ref(id).name;

  private ref(id: string): EntityRef {
    return this.entityInfo.get(id)?.ref ?? { id, name: id.replace(/^[a-z]+:/, ""), type: "other" };
  }

  private place(loc: { name: string; entity: string | null } | null): Place | null {
    if (!loc) return null;
    let kbe = loc.entity ? this.ctx.kb.entity(loc.entity) : undefined;
    // A country has no point of its own; its capital stands for it on the map.
    if (kbe && kbe.lat === undefined && this.capitals.has(kbe.id)) kbe = this.ctx.kb.entity(this.capitals.get(kbe.id)!);
    return { name: loc.entity ? this.ref(loc.entity).name : loc.name, entity: loc.entity, lat: kbe?.lat ?? null, lon: kbe?.lon ?? null };
  }

  private toItem(c: MemCluster): TimelineItem {
    const best = bestDate(c);
    const located = c.members.find((m) => m.location?.entity) ?? c.members.find((m) => m.location);
    const parts = [...new Set(c.members.flatMap((m) => [...m.actors, ...m.recipients]))];
    const pubs = c.members.map((m) => m.published).filter((p): p is string => !!p).sort();
    return {
      id: c.id,
      type: c.type,
      mode: c.members.find((m) => m.mode)?.mode ?? null,
      status: currentStatus(c),
      participants: parts.map((p) => this.ref(p)),
      date: best?.date ? { start: best.date.start, end: best.date.end, precision: precisionOf(best.date.start, best.date.end), text: best.date.text } : null,
      location: this.place(located?.location ?? null),
      sources: new Set(c.members.map((m) => m.docId)).size,
      outlets: [...new Set(c.members.map((m) => m.outlet).filter((o): o is string => !!o))].sort(),
      firstPublished: pubs[0] ?? null,
      lastPublished: pubs.at(-1) ?? null,
      conflicts: conflictsOf(c, this.namer).length,
    };
  }

  private toEvent(m: MemEvent): Event {
    const doc = this.docs.get(m.docId)!.document;
    return {
      id: m.id,
      clusterId: this.clusterOfEvent.get(m.id) ?? "",
      docId: m.docId,
      title: doc.title,
      outlet: doc.outlet,
      published: doc.published,
      language: doc.language,
      type: m.type,
      mode: m.mode,
      status: m.status,
      date: m.date ? { start: m.date.start, end: m.date.end, precision: precisionOf(m.date.start, m.date.end), text: m.date.text } : null,
      location: this.place(m.location),
      actors: m.actors.map((a) => this.ref(a)),
      recipients: m.recipients.map((a) => this.ref(a)),
      attribution: m.attribution.map((a) => this.ref(a)),
      evidence: m.evidence,
      context: {
        before: doc.text.slice(Math.max(0, m.evidence.start - CONTEXT_CHARS), m.evidence.start),
        after: doc.text.slice(m.evidence.end, m.evidence.end + CONTEXT_CHARS),
      },
    };
  }

  private matchesFilters(item: TimelineItem, c: MemCluster, f: TimelineFilters): boolean {
    if (f.actor && !item.participants.some((p) => p.id === f.actor)) return false;
    if (f.type && item.type !== f.type) return false;
    if (f.status && item.status !== f.status) return false;
    if (f.from || f.to) {
      if (!item.date) return false;
      if (!overlaps(item.date, { start: f.from ?? "0001-01-01", end: f.to ?? "9999-12-31" })) return false;
    }
    if (f.outlet && !item.outlets.includes(f.outlet)) return false;
    if (f.language && !c.members.some((m) => this.docs.get(m.docId)?.document.language === f.language)) return false;
    if (f.text) {
      const terms = queryTerms(f.text);
      const hay = [item.participants.map((p) => p.name).join(" "), item.location?.name ?? "", ...c.members.map((m) => m.evidence.text)].join("\n");
      if (!matchAll(hay, terms)) return false;
    }
    return true;
  }

  private sortedItems(f: TimelineFilters): TimelineItem[] {
    const out: TimelineItem[] = [];
    for (const c of this.clusters) {
      const item = this.items.get(c.id)!;
      if (this.matchesFilters(item, c, f)) out.push(item);
    }
    return out.sort(byDate);
  }

  async stats(): Promise<Stats> {
    const dated = [...this.items.values()].filter((i) => i.date).map((i) => i.date!);
    return {
      documents: this.docs.size,
      events: this.allEvents.length,
      clusters: this.clusters.length,
      entities: this.entityInfo.size,
      quotes: [...this.docs.values()].reduce((n, r) => n + r.quotes.length, 0),
      from: dated.map((d) => d.start).sort()[0] ?? null,
      to: dated.map((d) => d.end).sort().at(-1) ?? null,
    };
  }

  async timeline(f: TimelineFilters, p: PageRequest): Promise<Page<TimelineItem>> {
    return page(this.sortedItems(f), p);
  }

  async cluster(id: string): Promise<Cluster | null> {
    const c = this.clusterById.get(id);
    if (!c) return null;
    return {
      ...this.items.get(id)!,
      history: statusHistory(c),
      reports: [...c.members].sort((a, b) => (a.published ?? "").localeCompare(b.published ?? "")).map((m) => this.toEvent(m)),
      conflictList: conflictsOf(c, this.namer),
    };
  }

  async events(f: TimelineFilters, p: PageRequest): Promise<Page<Event>> {
    const out: MemEvent[] = [];
    for (const m of this.allEvents) {
      const doc = this.docs.get(m.docId)!.document;
      if (f.actor && !m.actors.includes(f.actor) && !m.recipients.includes(f.actor)) continue;
      if (f.type && m.type !== f.type) continue;
      if (f.status && m.status !== f.status) continue;
      if ((f.from || f.to) && (!m.date || !overlaps(m.date, { start: f.from ?? "0001-01-01", end: f.to ?? "9999-12-31" }))) continue;
      if (f.outlet && doc.outlet !== f.outlet) continue;
      if (f.language && doc.language !== f.language) continue;
      if (f.text && !matchAll(m.evidence.text, queryTerms(f.text))) continue;
      out.push(m);
    }
    out.sort((a, b) => (a.date?.start ?? "9999").localeCompare(b.date?.start ?? "9999") || a.id.localeCompare(b.id));
    return {
      items: out.slice(p.offset, p.offset + p.limit).map((m) => this.toEvent(m)),
      total: out.length,
      offset: p.offset,
      limit: p.limit,
    };
  }

  private summary(r: ExtractionRecord): DocumentSummary {
    const d = r.document;
    return { id: d.id, source: d.source, url: d.url, title: d.title, outlet: d.outlet, language: d.language, published: d.published, agencies: d.agencies, aiGenerated: d.aiGenerated, events: r.events.length };
  }

  async documents(f: DocumentFilters, p: PageRequest): Promise<Page<DocumentSummary>> {
    const terms = f.text ? queryTerms(f.text) : null;
    const out = [...this.docs.values()]
      .filter((r) => (!f.outlet || r.document.outlet === f.outlet) && (!f.language || r.document.language === f.language))
      .filter((r) => !terms || matchAll(r.document.text, terms, this.foldedText.get(r.document.id)))
      .sort((a, b) => (b.document.published ?? "").localeCompare(a.document.published ?? "") || a.document.id.localeCompare(b.document.id));
    return page(out.map((r) => this.summary(r)), p);
  }

  async document(id: string): Promise<DocumentDetail | null> {
    const r = this.docs.get(id);
    if (!r) return null;
    const docId = r.document.id;
    const layers: LayerSpan[] = [];
    for (const e of r.entities) for (const m of e.mentions) layers.push({ kind: "entity", start: m.start, end: m.end, ref: gid(docId, e.id), label: `${e.name} (${e.type})` });
    for (const t of r.times) layers.push({ kind: "time", start: t.start, end: t.end, ref: null, label: t.value ?? "?" });
    for (const q of r.quotes) layers.push({ kind: "quote", start: q.start, end: q.end, ref: q.id, label: `${q.kind}${q.speaker ? ` · ${this.ref(gid(docId, q.speaker)).name}` : ""}` });
    for (const raw of r.events) {
      const e = raw as unknown as RecordEvent;
      layers.push({ kind: "event", start: e.evidence.start, end: e.evidence.end, ref: this.clusterOfEvent.get(e.id) ?? null, label: `${e.type} · ${e.status}` });
    }
    layers.sort((a, b) => a.start - b.start || b.end - a.end);
    return {
      ...this.summary(r),
      text: r.document.text,
      removed: r.document.removed,
      layers,
      entities: r.entities.map((e) => this.ref(gid(docId, e.id))),
      eventList: this.allEvents.filter((m) => m.docId === docId).map((m) => this.toEvent(m)),
      quotes: r.quotes.map((q) => this.quote(r, q)),
    };
  }

  private quote(r: ExtractionRecord, q: ExtractionRecord["quotes"][number]): Quote {
    return {
      id: q.id,
      docId: r.document.id,
      outlet: r.document.outlet,
      published: r.document.published,
      speaker: q.speaker ? this.ref(gid(r.document.id, q.speaker)) : null,
      text: q.text,
      kind: q.kind,
      cue: q.cue,
    };
  }

  private entitySummary(info: EntityInfo): EntitySummary {
    const id = info.ref.id;
    let clusters = 0;
    for (const item of this.items.values()) if (item.participants.some((p) => p.id === id)) clusters++;
    let quotes = 0;
    for (const d of info.docs) quotes += this.docs.get(d)!.quotes.filter((q) => gid(d, q.speaker ?? "") === id).length;
    return { ...info.ref, wikidata: info.wikidata, roles: [...info.roles].sort(), documents: info.docs.size, clusters, quotes };
  }

  async entities(f: EntityFilters, p: PageRequest): Promise<Page<EntitySummary>> {
    const terms = f.text ? queryTerms(f.text) : null;
    const out = [...this.entityInfo.values()]
      .filter((i) => (!f.type || i.ref.type === f.type) && (!terms || matchAll(`${i.ref.name} ${i.ref.id}`, terms)))
      .map((i) => this.entitySummary(i))
      .sort((a, b) => b.clusters - a.clusters || b.documents - a.documents || a.name.localeCompare(b.name));
    return page(out, p);
  }

  async entity(id: string): Promise<EntityDetail | null> {
    const info = this.entityInfo.get(id);
    if (!info) return null;
    const clusterList = this.sortedItems({ actor: id });
    const meetings: Meeting[] = [];
    for (const item of clusterList) {
      if (item.type !== "CONSULT") continue;
      for (const other of item.participants)
        if (other.id !== id) meetings.push({ with: other, clusterId: item.id, type: item.type, mode: item.mode, status: item.status, date: item.date, place: item.location });
    }
    const quoteList: Quote[] = [];
    for (const d of info.docs) {
      const r = this.docs.get(d)!;
      for (const q of r.quotes) if (q.speaker && gid(d, q.speaker) === id) quoteList.push(this.quote(r, q));
    }
    quoteList.sort((a, b) => (a.published ?? "").localeCompare(b.published ?? ""));
    return { ...this.entitySummary(info), clusterList, meetings, quoteList };
  }

  async network(f: NetworkFilters): Promise<Network> {
    const weights = new Map<string, { w: number; clusters: string[] }>();
    const nodeWeight = new Map<string, number>();
    for (const item of this.sortedItems({ type: "CONSULT", ...(f.from ? { from: f.from } : {}), ...(f.to ? { to: f.to } : {}) })) {
      const ps = item.participants.filter((p) => !f.type || p.type === f.type).map((p) => p.id).sort();
      for (let i = 0; i < ps.length; i++) {
        nodeWeight.set(ps[i]!, (nodeWeight.get(ps[i]!) ?? 0) + 1);
        for (let j = i + 1; j < ps.length; j++) {
          const key = `${ps[i]}\u0000${ps[j]}`;
          const e = weights.get(key) ?? { w: 0, clusters: [] };
          e.w++;
          e.clusters.push(item.id);
          weights.set(key, e);
        }
      }
    }
    const min = f.minWeight ?? 1;
    const edges = [...weights].filter(([, e]) => e.w >= min).map(([k, e]) => {
      const [source, target] = k.split("\u0000") as [string, string];
      return { source, target, weight: e.w, clusters: e.clusters };
    });
    const used = new Set(edges.flatMap((e) => [e.source, e.target]));
    const nodes = [...nodeWeight].filter(([id]) => used.has(id)).map(([id, weight]) => ({ ...this.ref(id), weight }));
    nodes.sort((a, b) => b.weight - a.weight || a.id.localeCompare(b.id));
    edges.sort((a, b) => b.weight - a.weight || a.source.localeCompare(b.source) || a.target.localeCompare(b.target));
    return { nodes, edges };
  }

  async places(f: TimelineFilters): Promise<PlacePoint[]> {
    const byPlace = new Map<string, PlacePoint>();
    for (const item of this.sortedItems(f)) {
      const loc = item.location;
      if (!loc || loc.lat === null || loc.lon === null) continue;
      const key = loc.entity ?? loc.name;
      const pt = byPlace.get(key) ?? { ...loc, clusters: [] };
      pt.clusters.push({ id: item.id, type: item.type, status: item.status, date: item.date, participants: item.participants.map((p) => p.name) });
      byPlace.set(key, pt);
    }
    return [...byPlace.values()].sort((a, b) => b.clusters.length - a.clusters.length || a.name.localeCompare(b.name));
  }

  async conflicts(p: PageRequest): Promise<Page<Conflict>> {
    const all = this.sortedItems({}).flatMap((i) => conflictsOf(this.clusterById.get(i.id)!, this.namer));
    return page(all, p);
  }

  async promises(p: PageRequest): Promise<Page<PromiseItem>> {
    const out: PromiseItem[] = [];
    for (const item of this.sortedItems({})) {
      const history = statusHistory(this.clusterById.get(item.id)!);
      const made = history.find((s) => FORWARD.has(s.status));
      if (!made) continue;
      const outcome = KEPT.has(item.status) ? "kept" : BROKEN.has(item.status) ? "broken" : "open";
      const c = this.clusterById.get(item.id)!;
      const plan = bestDate({ ...c, members: c.members.filter((m) => FORWARD.has(m.status)) });
      const due = plan?.date ? { start: plan.date.start, end: plan.date.end } : null;
      const state = outcome === "kept" ? "kept" : outcome === "broken" ? item.status : due && due.end < today() ? "overdue" : "pending";
      out.push({ cluster: item, madeAs: made.status, madeOn: publishedDay(made.published), outcome, state, due, history });
    }
    return page(out, p);
  }

  async search(q: string, facets: SearchFacets, p: PageRequest): Promise<SearchResult> {
    const terms = queryTerms(q);
    const hits: SearchHit[] = [];
    if (terms.length) {
      for (const r of this.docs.values()) {
        const d = r.document;
        const folded = this.foldedText.get(d.id)!;
        const m = matchAll(d.text, terms, folded);
        if (m) hits.push({ kind: "document", id: d.id, title: d.title ?? d.source, ...snippet(d.text, m), docId: d.id, clusterId: null, outlet: d.outlet, language: d.language, published: d.published, type: null, status: null });
        for (const qt of r.quotes) {
          const mq = matchAll(qt.text, terms);
          if (mq) hits.push({ kind: "quote", id: qt.id, title: qt.speaker ? this.ref(gid(d.id, qt.speaker)).name : "—", ...snippet(qt.text, mq), docId: d.id, clusterId: null, outlet: d.outlet, language: d.language, published: d.published, type: null, status: null });
        }
      }
      for (const m of this.allEvents) {
        const mm = matchAll(m.evidence.text, terms);
        if (!mm) continue;
        const doc = this.docs.get(m.docId)!.document;
        hits.push({ kind: "event", id: m.id, title: `${m.type} · ${[...m.actors, ...m.recipients].map((a) => this.ref(a).name).join(", ")}`, ...snippet(m.evidence.text, mm), docId: m.docId, clusterId: this.clusterOfEvent.get(m.id) ?? null, outlet: doc.outlet, language: doc.language, published: doc.published, type: m.type, status: m.status });
      }
      for (const info of this.entityInfo.values()) {
        const text = `${info.ref.name}${info.roles.size ? ` — ${[...info.roles].join("; ")}` : ""}`;
        const me = matchAll(text, terms);
        if (me) hits.push({ kind: "entity", id: info.ref.id, title: info.ref.name, ...snippet(text, me), docId: null, clusterId: null, outlet: null, language: null, published: null, type: info.ref.type, status: null });
      }
    }
    const keys = ["kind", "language", "outlet", "type", "status"] as const;
    const passes = (h: SearchHit, skip: string | null) => keys.every((k) => k === skip || !facets[k] || h[k] === facets[k]);
    const counts = Object.fromEntries(keys.map((k) => [k, {} as Record<string, number>])) as SearchResult["facets"];
    for (const k of keys)
      for (const h of hits) {
        const v = h[k];
        if (v && passes(h, k)) counts[k][v] = (counts[k][v] ?? 0) + 1;
      }
    const order: Record<string, number> = { event: 0, entity: 1, document: 2, quote: 3 };
    const filtered = hits.filter((h) => passes(h, null)).sort((a, b) => order[a.kind]! - order[b.kind]! || (b.published ?? "").localeCompare(a.published ?? "") || a.id.localeCompare(b.id));
    return { ...page(filtered, p), query: q, facets: counts };
  }

  async ingest(input: IngestInput, onProgress: (p: IngestProgress) => void): Promise<IngestItemResult[]> {
    const read: ReadResult[] = await readIngestInput(input, this.inputOptions);
    onProgress({ type: "start", total: read.length });
    const results: IngestItemResult[] = [];
    const records: ExtractionRecord[] = [];
    for (const r of read) {
      let item: IngestItemResult;
      if ("error" in r) item = { source: r.source, docId: null, title: null, events: 0, error: { code: r.error.code, message: r.error.message } };
      else {
        try {
          const rec = toRecord(processArticle(r.article, this.ctx));
          records.push(rec);
          item = { source: r.source, docId: rec.document.id, title: rec.document.title, events: rec.events.length, error: null };
        } catch (err) {
          const e = errorRecord(r.source, err);
          item = { source: r.source, docId: null, title: null, events: 0, error: e.error };
        }
      }
      results.push(item);
      onProgress({ type: "item", done: results.length, total: read.length, item });
      // Let the event loop flush progress to listeners between documents.
      await new Promise((res) => setImmediate(res));
    }
    this.addRecords(records);
    onProgress({ type: "done", documents: results.filter((r) => !r.error).length, failed: results.filter((r) => r.error).length, clusters: this.clusters.length });
    return results;
  }
}

interface RecordEvent {
  id: string;
  type: string;
  mode: string | null;
  actors: string[];
  recipients: string[];
  status: string;
  date: { start: string; end: string; text: string } | null;
  location: { name: string; entity: string | null; text: string } | null;
  attribution?: string[];
  evidence: { start: number; end: number; text: string };
}

/** Entity ids made global: KB ids already are; document-local ids get the document id. */
function gid(docId: string, id: string): string {
  return id.startsWith("local:") ? `local:${docId}:${id.slice(6)}` : id;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function byDate(a: TimelineItem, b: TimelineItem): number {
  const da = a.date?.start ?? publishedDay(a.firstPublished) ?? "9999";
  const db = b.date?.start ?? publishedDay(b.firstPublished) ?? "9999";
  return da.localeCompare(db) || a.id.localeCompare(b.id);
}
