// What a reader hands to cleaning: the article body and whatever metadata the source carried.

export interface RawArticle {
  /** Path, URL, record id or "-": where it came from. */
  source: string;
  url: string | null;
  title: string | null;
  outlet: string | null;
  language: string | null;
  published: string | null;
  author: string | null;
  genre: "news" | "narrative" | null;
  /** The article as plain text (from a text file, a record's `text`, or extracted from HTML). */
  body: string;
  /** Text that readers already dropped (HTML navigation, captions), with reasons. */
  removed: { text: string; reason: string }[];
  /** Where the body came from, for provenance: "text", "front-matter", "html-readability", "record". */
  format: string;
  /** The file's modification time, a weak hint for "Heute, 19:11". */
  fileDate: string | null;
  /** Source of an earlier article with the same or nearly the same text (set by readAllInputs with a DuplicateIndex). */
  duplicateOf?: string | null;
}

export function emptyArticle(source: string, body: string, format: string): RawArticle {
  return {
    source,
    url: null,
    title: null,
    outlet: null,
    language: null,
    published: null,
    author: null,
    genre: null,
    body,
    removed: [],
    format,
    fileDate: null,
  };
}
