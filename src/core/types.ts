// The stand-off data model: one immutable cleaned text, every layer a list of spans into it.

/** Which stage and rule produced an annotation, so `--explain` and the UI can say why. */
export interface Provenance {
  stage: string;
  rule: string;
  /** Optional free-text detail: the lexicon entry, the pattern, the resolved antecedent. */
  detail?: string;
}

/** A half-open span of UTF-16 code units into `Document.text`. */
export interface Span {
  start: number;
  end: number;
}

export interface Annotated {
  provenance: Provenance;
}

export interface Sentence extends Span, Annotated {
  /** Paragraph index (blank-line separated blocks), used by coreference and events. */
  paragraph: number;
}

export type TokenKind = "word" | "number" | "punct" | "symbol";

export interface Token extends Span {
  kind: TokenKind;
  /** Index of the sentence that contains the token. */
  sentence: number;
}

export type EntityType = "person" | "organization" | "country" | "location" | "other";

export interface Mention extends Span, Annotated {
  text: string;
  /** Entity key within the document (a KB id such as `person:vladimir-putin`, or `local:…`). */
  entity: string;
  type: EntityType;
  /** How the text refers to it: by name, role noun, pronoun, metonymy, adjective. */
  form: "name" | "surname" | "role" | "pronoun" | "metonym" | "adjective" | "prefix";
}

export interface EntityInfo {
  key: string;
  name: string;
  type: EntityType;
  wikidata: string | null;
  role: string | null;
  /** The state or organization the entity belongs to, as an entity key. */
  country: string | null;
}

export interface DateRange {
  start: string;
  end: string;
}

export interface TimeExpr extends Span, Annotated {
  text: string;
  value: string | null;
  range: DateRange | null;
}

export interface Quote extends Span, Annotated {
  text: string;
  kind: "direct" | "indirect";
  speaker: string | null;
  /** Why the speaker is null or how it was found, e.g. "aus Diplomatenkreisen". */
  speakerNote?: string;
  cue: string | null;
  /** The span of the reporting frame ("sagte Peskow"), when one was found. */
  frame?: Span;
  medium?: string | null;
  /** Where the reporting word stands ("sagte", "zufolge"), when there is one. */
  cueSpan?: Span;
  /** The words in the frame that name the speaker ("Peskow", "er", "aus Diplomatenkreisen"). */
  speakerSpan?: Span;
}

export type EventType =
  | "AGREE" | "CONSULT" | "SUPPORT" | "CONCEDE" | "COOPERATE" | "AID" | "RETREAT" | "REQUEST"
  | "ACCUSE" | "REJECT" | "THREATEN" | "PROTEST" | "SANCTION" | "MOBILIZE" | "COERCE" | "ASSAULT";

export type EventStatus =
  | "held" | "ongoing" | "planned" | "promised" | "proposed" | "requested" | "rejected" | "cancelled" | "denied"
  | "unknown";

export interface EventAnnotation extends Annotated {
  type: EventType;
  mode: string | null;
  actors: string[];
  recipients: string[];
  status: EventStatus;
  date: (DateRange & { text: string }) | null;
  location: { name: string; entity: string | null; text: string } | null;
  durationMinutes: number | null;
  attribution: string[];
  evidence: Span & { text: string };
  /** The trigger word(s) that proposed the event. */
  trigger: Span & { text: string };
}

export interface RemovedText {
  text: string;
  reason: string;
}

export type PublishedBasis = "metadata" | "text" | "inferred" | "unknown";

export interface DocumentMeta {
  source: string;
  url: string | null;
  title: string | null;
  outlet: string | null;
  language: string;
  published: string | null;
  publishedBasis: PublishedBasis;
  /** When the date was inferred from content: the days it lies in (the estimate's honest width). */
  publishedRange?: DateRange;
  /** Source of an earlier document in the same run with the same or nearly the same body (agency copies). */
  duplicateOf?: string | null;
  agencies: string[];
  aiGenerated: boolean;
  removed: RemovedText[];
  /** `news` anchors relative dates on `published`; `narrative` on the story's own time. */
  genre: "news" | "narrative" | null;
}

/** The layers a stage can assign; the pipeline checks that each is assigned before use. */
export interface Layers {
  sentences?: Sentence[];
  tokens?: Token[];
  mentions?: Mention[];
  entities?: Map<string, EntityInfo>;
  times?: TimeExpr[];
  quotes?: Quote[];
  events?: EventAnnotation[];
}

export type LayerName = keyof Layers | "text" | "meta";

export interface Document {
  /** Stable id: a hash of the cleaned text. */
  readonly id: string;
  /** The cleaned text. Never changes once the document exists; every span points into it. */
  readonly text: string;
  meta: DocumentMeta;
  layers: Layers;
}
