// The HTTP API's data types and the StoryQueries interface every store (SQLite now, PostgreSQL later) implements.
//
// The web app imports these types too, so this file holds only types and constants, no Node imports.

/** One page of a list. `total` counts every match, not only this page. */
export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
  limit: number;
}

export interface PageRequest {
  offset: number;
  limit: number;
}

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;

export type EventStatus =
  | "held" | "ongoing" | "planned" | "promised" | "proposed" | "requested" | "rejected" | "cancelled" | "denied" | "unknown";

/** How precise a date is, so the UI can draw a month-wide event as a span instead of a point. */
export type DatePrecision = "day" | "week" | "month" | "year" | "range";

export interface DateSpan {
  start: string; // YYYY-MM-DD
  end: string; // YYYY-MM-DD, inclusive
  precision: DatePrecision;
  /** The words the date was read from in the chosen report, when known. */
  text?: string | null;
}

export interface EntityRef {
  id: string;
  name: string;
  type: string;
}

export interface Place {
  name: string;
  entity: string | null;
  lat: number | null;
  lon: number | null;
}

export interface Span {
  start: number;
  end: number;
  text: string;
}

/** One event as one document reports it. */
export interface Event {
  id: string;
  clusterId: string;
  docId: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  language: string;
  type: string;
  mode: string | null;
  status: EventStatus | string;
  date: DateSpan | null;
  location: Place | null;
  actors: EntityRef[];
  recipients: EntityRef[];
  attribution: EntityRef[];
  evidence: Span;
  /** Text around the evidence in its document, so the UI can show the sentence highlighted in context. */
  context: { before: string; after: string };
}

export interface StatusStep {
  published: string | null;
  status: string;
  eventId: string;
  docId: string;
  outlet: string | null;
}

/** Two or more sources say different things about one field of one real-world event. */
export interface Conflict {
  id: string;
  clusterId: string;
  field: "date" | "place" | "participants" | "status";
  sides: { value: string; events: { eventId: string; docId: string; outlet: string | null; evidence: string }[] }[];
}

/** One real-world event (a cluster of reports) as the timeline shows it. */
export interface TimelineItem {
  id: string;
  type: string;
  mode: string | null;
  status: string;
  participants: EntityRef[];
  date: DateSpan | null;
  location: Place | null;
  sources: number;
  outlets: string[];
  firstPublished: string | null;
  lastPublished: string | null;
  conflicts: number;
}

export interface Cluster extends TimelineItem {
  history: StatusStep[];
  reports: Event[];
  conflictList: Conflict[];
}

export interface TimelineFilters {
  actor?: string;
  type?: string;
  status?: string;
  from?: string; // YYYY-MM-DD
  to?: string;
  outlet?: string;
  language?: string;
  text?: string;
}

export interface DocumentSummary {
  id: string;
  source: string;
  url: string | null;
  title: string | null;
  outlet: string | null;
  language: string;
  published: string | null;
  agencies: string[];
  aiGenerated: boolean;
  events: number;
}

export type LayerKind = "entity" | "time" | "quote" | "event";

/** A highlighted span of the article text; `ref` names the entity, event or quote, `label` says what it is. */
export interface LayerSpan {
  kind: LayerKind;
  start: number;
  end: number;
  ref: string | null;
  label: string;
}

export interface Quote {
  id: string;
  docId: string;
  outlet: string | null;
  published: string | null;
  speaker: EntityRef | null;
  text: string;
  kind: string;
  cue: string | null;
}

export interface DocumentDetail extends DocumentSummary {
  text: string;
  removed: { text: string; reason: string }[];
  layers: LayerSpan[];
  entities: EntityRef[];
  eventList: Event[];
  quotes: Quote[];
}

export interface DocumentFilters {
  outlet?: string;
  language?: string;
  text?: string;
}

export interface EntitySummary extends EntityRef {
  wikidata: string | null;
  roles: string[];
  documents: number;
  clusters: number;
  quotes: number;
}

export interface Meeting {
  with: EntityRef;
  clusterId: string;
  type: string;
  mode: string | null;
  status: string;
  date: DateSpan | null;
  place: Place | null;
}

export interface EntityDetail extends EntitySummary {
  clusterList: TimelineItem[];
  meetings: Meeting[];
  quoteList: Quote[];
}

export interface EntityFilters {
  type?: string;
  text?: string;
}

export interface NetworkNode extends EntityRef {
  weight: number;
}

export interface NetworkEdge {
  source: string;
  target: string;
  weight: number;
  clusters: string[];
}

export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

export interface NetworkFilters {
  type?: string;
  minWeight?: number;
  from?: string;
  to?: string;
}

/** A place where events happened, with the events, for the map. */
export interface PlacePoint extends Place {
  clusters: { id: string; type: string; status: string; date: DateSpan | null; participants: string[] }[];
}

/** A promise, plan, proposal or demand and what became of it. */
export interface PromiseItem {
  cluster: TimelineItem;
  /** The first forward-looking status (promised, planned, proposed, requested). */
  madeAs: string;
  madeOn: string | null;
  outcome: "open" | "kept" | "broken";
  /** Finer than outcome: kept | cancelled | denied | rejected | pending | overdue (pending past its due day). */
  state: string;
  /** The day or days it was planned for, from the forward-looking reports. */
  due: { start: string; end: string } | null;
  history: StatusStep[];
}

export type SearchKind = "document" | "event" | "entity" | "quote";

export interface SearchHit {
  kind: SearchKind;
  id: string;
  title: string;
  snippet: string;
  /** Matches inside `snippet`, for highlighting. */
  highlights: { start: number; end: number }[];
  docId: string | null;
  clusterId: string | null;
  outlet: string | null;
  language: string | null;
  published: string | null;
  type: string | null;
  status: string | null;
}

export interface SearchFacets {
  kind?: string;
  language?: string;
  outlet?: string;
  type?: string;
  status?: string;
}

export interface SearchResult extends Page<SearchHit> {
  query: string;
  /** Counts per facet value over all matches (before the facet filters are applied to that facet). */
  facets: Record<"kind" | "language" | "outlet" | "type" | "status", Record<string, number>>;
}

export interface IngestFile {
  name: string;
  bytes: Uint8Array;
}

export interface IngestInput {
  files?: IngestFile[];
  urls?: string[];
}

export interface IngestItemResult {
  source: string;
  docId: string | null;
  title: string | null;
  events: number;
  error: { code: string; message: string } | null;
}

export type IngestProgress =
  | { type: "start"; total: number }
  | { type: "item"; done: number; total: number; item: IngestItemResult }
  | { type: "done"; documents: number; failed: number; clusters: number };

export interface Stats {
  documents: number;
  events: number;
  clusters: number;
  entities: number;
  quotes: number;
  from: string | null;
  to: string | null;
}

/**
 * What the API asks of a store. Every method may be sync or async; lists are paginated by the
 * caller's PageRequest; a missing id returns null (the server answers 404).
 */
export interface StoryQueries {
  stats(): Promise<Stats>;
  timeline(filters: TimelineFilters, page: PageRequest): Promise<Page<TimelineItem>>;
  cluster(id: string): Promise<Cluster | null>;
  events(filters: TimelineFilters, page: PageRequest): Promise<Page<Event>>;
  documents(filters: DocumentFilters, page: PageRequest): Promise<Page<DocumentSummary>>;
  document(id: string): Promise<DocumentDetail | null>;
  entities(filters: EntityFilters, page: PageRequest): Promise<Page<EntitySummary>>;
  entity(id: string): Promise<EntityDetail | null>;
  network(filters: NetworkFilters): Promise<Network>;
  places(filters: TimelineFilters): Promise<PlacePoint[]>;
  conflicts(page: PageRequest): Promise<Page<Conflict>>;
  promises(page: PageRequest): Promise<Page<PromiseItem>>;
  search(q: string, facets: SearchFacets, page: PageRequest): Promise<SearchResult>;
  /** Extracts and stores the inputs, reporting each document as it is done. */
  ingest(input: IngestInput, onProgress: (p: IngestProgress) => void): Promise<IngestItemResult[]>;
}

/** The body of every error answer. */
export interface ApiError {
  error: { code: ApiErrorCode; message: string };
}

export type ApiErrorCode =
  | "BAD_REQUEST"
  | "NOT_FOUND"
  | "UNAUTHORIZED"
  | "WRITES_DISABLED"
  | "FORBIDDEN"
  | "PAYLOAD_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "URL_REFUSED"
  | "INTERNAL";
