// The OpenAPI 3.1 description of the HTTP API, served at /api/openapi.json (kept in step with server.ts by a test).
import { DEFAULT_LIMIT, MAX_LIMIT } from "./contract.js";

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const str: Schema = { type: "string" };
const nstr: Schema = { type: ["string", "null"] };
const int: Schema = { type: "integer", minimum: 0 };
const arr = (items: Schema): Schema => ({ type: "array", items });
const obj = (properties: Record<string, Schema>, extra: Schema = {}): Schema => ({ type: "object", required: Object.keys(properties), properties, ...extra });
const nullable = (s: Schema): Schema => ({ oneOf: [s, { type: "null" }] });
const pageOf = (item: string): Schema => obj({ items: arr(ref(item)), total: int, offset: int, limit: int });

const schemas: Record<string, Schema> = {
  ApiError: obj({ error: obj({ code: { type: "string", enum: ["BAD_REQUEST", "NOT_FOUND", "UNAUTHORIZED", "WRITES_DISABLED", "FORBIDDEN", "PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE", "URL_REFUSED", "INTERNAL"] }, message: str }) }),
  EntityRef: obj({ id: str, name: str, type: str }),
  DateSpan: {
    type: "object",
    required: ["start", "end", "precision"],
    properties: { start: { type: "string", format: "date" }, end: { type: "string", format: "date" }, precision: { type: "string", enum: ["day", "week", "month", "year", "range"] }, text: nstr },
  },
  Place: obj({ name: str, entity: nstr, lat: { type: ["number", "null"] }, lon: { type: ["number", "null"] } }),
  Span: obj({ start: int, end: int, text: str }),
  Event: obj({
    id: str, clusterId: str, docId: str, title: nstr, outlet: nstr, published: nstr, language: str, type: str, mode: nstr, status: str,
    date: nullable(ref("DateSpan")), location: nullable(ref("Place")), actors: arr(ref("EntityRef")), recipients: arr(ref("EntityRef")),
    attribution: arr(ref("EntityRef")), evidence: ref("Span"), context: obj({ before: str, after: str }),
  }),
  StatusStep: obj({ published: nstr, status: str, eventId: str, docId: str, outlet: nstr }),
  Conflict: obj({
    id: str, clusterId: str, field: { type: "string", enum: ["date", "place", "participants", "status"] },
    sides: arr(obj({ value: str, events: arr(obj({ eventId: str, docId: str, outlet: nstr, evidence: str })) })),
  }),
  TimelineItem: obj({
    id: str, type: str, mode: nstr, status: str, participants: arr(ref("EntityRef")), date: nullable(ref("DateSpan")), location: nullable(ref("Place")),
    sources: int, outlets: arr(str), firstPublished: nstr, lastPublished: nstr, conflicts: int,
  }),
  Cluster: { allOf: [ref("TimelineItem"), obj({ history: arr(ref("StatusStep")), reports: arr(ref("Event")), conflictList: arr(ref("Conflict")) })] },
  DocumentSummary: obj({ id: str, source: str, url: nstr, title: nstr, outlet: nstr, language: str, published: nstr, agencies: arr(str), aiGenerated: { type: "boolean" }, events: int }),
  LayerSpan: obj({ kind: { type: "string", enum: ["entity", "time", "quote", "event"] }, start: int, end: int, ref: nstr, label: str }),
  Quote: obj({ id: str, docId: str, outlet: nstr, published: nstr, speaker: nullable(ref("EntityRef")), text: str, kind: str, cue: nstr }),
  DocumentDetail: {
    allOf: [ref("DocumentSummary"), obj({ text: str, removed: arr(obj({ text: str, reason: str })), layers: arr(ref("LayerSpan")), entities: arr(ref("EntityRef")), eventList: arr(ref("Event")), quotes: arr(ref("Quote")) })],
  },
  EntitySummary: { allOf: [ref("EntityRef"), obj({ wikidata: nstr, roles: arr(str), documents: int, clusters: int, quotes: int })] },
  Meeting: obj({ with: ref("EntityRef"), clusterId: str, type: str, mode: nstr, status: str, date: nullable(ref("DateSpan")), place: nullable(ref("Place")) }),
  EntityDetail: { allOf: [ref("EntitySummary"), obj({ clusterList: arr(ref("TimelineItem")), meetings: arr(ref("Meeting")), quoteList: arr(ref("Quote")) })] },
  Network: obj({
    nodes: arr({ allOf: [ref("EntityRef"), obj({ weight: int })] }),
    edges: arr(obj({ source: str, target: str, weight: int, clusters: arr(str) })),
  }),
  PlacePoint: { allOf: [ref("Place"), obj({ clusters: arr(obj({ id: str, type: str, status: str, date: nullable(ref("DateSpan")), participants: arr(str) })) })] },
  PromiseItem: obj({ cluster: ref("TimelineItem"), madeAs: str, madeOn: nstr, outcome: { type: "string", enum: ["open", "kept", "broken"] }, state: str, due: nullable(obj({ start: str, end: str })), history: arr(ref("StatusStep")) }),
  SearchHit: obj({
    kind: { type: "string", enum: ["document", "event", "entity", "quote"] }, id: str, title: str, snippet: str, highlights: arr(obj({ start: int, end: int })),
    docId: nstr, clusterId: nstr, outlet: nstr, language: nstr, published: nstr, type: nstr, status: nstr,
  }),
  SearchResult: { allOf: [pageOf("SearchHit"), obj({ query: str, facets: { type: "object", additionalProperties: { type: "object", additionalProperties: int } } })] },
  Stats: obj({ documents: int, events: int, clusters: int, entities: int, quotes: int, from: nstr, to: nstr }),
  IngestItemResult: obj({ source: str, docId: nstr, title: nstr, events: int, error: nullable(obj({ code: str, message: str })) }),
  IngestAccepted: obj({ job: str, status: str, events: str }),
  IngestJob: obj({ job: str, done: { type: "boolean" }, progress: arr({ type: "object" }), result: nullable(arr(ref("IngestItemResult"))), error: nullable(obj({ code: str, message: str })) }),
  PageTimelineItem: pageOf("TimelineItem"),
  PageEvent: pageOf("Event"),
  PageDocumentSummary: pageOf("DocumentSummary"),
  PageEntitySummary: pageOf("EntitySummary"),
  PageConflict: pageOf("Conflict"),
  PagePromiseItem: pageOf("PromiseItem"),
};

const q = (name: string, description: string, schema: Schema = str) => ({ name, in: "query", required: false, description, schema });
const paging = [q("offset", "items to skip", { type: "integer", minimum: 0, default: 0 }), q("limit", "items per page", { type: "integer", minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT })];
const filters = [
  q("actor", "entity id taking part, e.g. person:vladimir-putin"),
  q("type", "PLOVER event type, e.g. CONSULT"),
  q("status", "held, planned, promised, …"),
  q("from", "first day (YYYY-MM-DD), overlapping", { type: "string", format: "date" }),
  q("to", "last day (YYYY-MM-DD), overlapping", { type: "string", format: "date" }),
  q("outlet", "publisher name"),
  q("language", "ISO 639-1 code of a reporting article"),
  q("text", "words that must all occur (accent- and case-insensitive)"),
];
const idParam = (what: string) => [{ name: "id", in: "path", required: true, description: `${what} id`, schema: str }];
const json = (schema: Schema, description = "OK") => ({ description, content: { "application/json": { schema } } });
const errors = { "400": json(ref("ApiError"), "bad parameter"), "500": json(ref("ApiError"), "internal error") };
const notFound = { "404": json(ref("ApiError"), "no such id") };
const get = (summary: string, parameters: unknown[], schema: Schema, extra: Record<string, unknown> = {}) => ({ get: { summary, parameters, responses: { "200": json(schema), ...errors, ...extra } } });

/** The OpenAPI document; a function so that nothing mutable is shared between requests. */
export function buildOpenApi(): Record<string, unknown> {
  return {
    openapi: "3.1.0",
    info: {
      title: "Dossier API",
      version: "1",
      description:
        "A sourced timeline of political events read from news articles. Read endpoints are open; writes (POST /api/ingest) need `Authorization: Bearer <DOSSIER_TOKEN>` when the server has a token, and are refused on a server bound beyond loopback without one. Errors are `{error: {code, message}}`.",
    },
    servers: [{ url: "/" }],
    components: {
      schemas,
      securitySchemes: { token: { type: "http", scheme: "bearer", description: "DOSSIER_TOKEN" } },
    },
    paths: {
      "/api/health": get("liveness", [], obj({ ok: { type: "boolean" } })),
      "/api/openapi.json": get("this document", [], { type: "object" }),
      "/api/stats": get("counts of the store", [], ref("Stats")),
      "/api/timeline": get("real-world events (clusters of reports) in date order", [...filters, ...paging], ref("PageTimelineItem")),
      "/api/events": get("single reports of events, one per document", [...filters, ...paging], ref("PageEvent")),
      "/api/clusters/{id}": get("one real-world event with every source, its status history and conflicts", idParam("cluster"), ref("Cluster"), notFound),
      "/api/documents": get("articles, newest first", [q("outlet", "publisher name"), q("language", "ISO 639-1"), q("text", "words that must all occur"), ...paging], ref("PageDocumentSummary")),
      "/api/documents/{id}": get("one article with its text, layers and removed boilerplate", idParam("document"), ref("DocumentDetail"), notFound),
      "/api/entities": get("people, states, organizations, places", [q("type", "person | country | organization | location | other"), q("text", "name words"), ...paging], ref("PageEntitySummary")),
      "/api/entities/{id}": get("one entity with roles, events, meetings and quotes", idParam("entity"), ref("EntityDetail"), notFound),
      "/api/network": get(
        "who meets whom (CONSULT events)",
        [q("type", "entity type of nodes, e.g. person"), q("minWeight", "least meetings per edge", { type: "integer", minimum: 0 }), q("from", "first day", { type: "string", format: "date" }), q("to", "last day", { type: "string", format: "date" })],
        ref("Network"),
      ),
      "/api/places": get("places of events with coordinates, for the map", filters, arr(ref("PlacePoint"))),
      "/api/conflicts": get("disagreements between sources", paging, ref("PageConflict")),
      "/api/promises": get("promises, plans, proposals and demands and what became of them", paging, ref("PagePromiseItem")),
      "/api/search": get(
        "full-text search over articles, events, entities and quotes, with facet counts",
        [q("q", "query; words must all occur; \"quoted phrase\""), q("kind", "document | event | entity | quote"), q("language", "ISO 639-1"), q("outlet", "publisher"), q("type", "event or entity type"), q("status", "event status"), ...paging],
        ref("SearchResult"),
      ),
      "/api/ingest": {
        post: {
          summary: "extract and store uploaded files or URLs; progress at the returned events URL",
          security: [{ token: [] }, {}],
          requestBody: {
            required: true,
            content: {
              "multipart/form-data": { schema: { type: "object", properties: { files: arr({ type: "string", format: "binary" }), urls: { type: "string", description: "URLs separated by whitespace" } } } },
              "application/json": { schema: { type: "object", properties: { urls: arr({ type: "string", format: "uri" }), files: arr(obj({ name: str, text: str })) } } },
            },
          },
          responses: {
            "202": json(ref("IngestAccepted"), "accepted; follow `events` (server-sent events) or poll `status`"),
            "401": json(ref("ApiError"), "token missing or wrong"),
            "403": json(ref("ApiError"), "writes disabled or cross-site request"),
            "413": json(ref("ApiError"), "request too large"),
            "415": json(ref("ApiError"), "unsupported content type"),
            ...errors,
          },
        },
      },
      "/api/ingest/{job}": get("state of an ingest job", [{ name: "job", in: "path", required: true, schema: str }], ref("IngestJob"), notFound),
      "/api/ingest/{job}/events": {
        get: {
          summary: "server-sent events of an ingest job: start, item (one per document), done, end",
          parameters: [{ name: "job", in: "path", required: true, schema: str }],
          responses: { "200": { description: "event stream", content: { "text/event-stream": { schema: str } } }, ...notFound },
        },
      },
    },
  };
}
