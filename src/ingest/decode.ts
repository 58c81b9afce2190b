// Bytes to text: UTF-8 (BOM optional), UTF-16 with BOM, a declared or guessed legacy charset (Windows-1252), mojibake repaired; empty, binary and undecodable input rejected with coded errors.
import { DossierError } from "../core/errors.js";
import { LIMITS } from "../core/limits.js";

const utf8 = new TextDecoder("utf-8", { fatal: true });
const utf8Lossy = new TextDecoder("utf-8");
const utf16le = new TextDecoder("utf-16le", { fatal: true });
const utf16be = new TextDecoder("utf-16be", { fatal: true });

export const DEFAULT_MAX_BYTES = LIMITS.maxInputBytes;

/** Decodes a file's bytes; throws EMPTY_INPUT, BINARY_INPUT, INVALID_UTF8 or TOO_LARGE. `html` allows a <meta charset>. */
export function decodeBytes(bytes: Uint8Array, source: string, maxBytes = DEFAULT_MAX_BYTES, html = false): string {
  if (bytes.length > maxBytes)
    throw new DossierError(
      "TOO_LARGE",
      `${source} is ${bytes.length} bytes, over the limit of ${maxBytes}; split it or raise --max-bytes`,
    );
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = decodeWith(utf16le, bytes.subarray(2), source);
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = decodeWith(utf16be, bytes.subarray(2), source);
  else {
    // A stray NUL in a scraped page is noise; many of them mean a binary file.
    if (bytes.includes(0)) bytes = stripNul(bytes, source);
    if (bytes.includes(0)) throw new DossierError("BINARY_INPUT", `${source} contains NUL bytes: it looks like a binary file, not an article; remove it from the input`);
    text = decodeLegacy(bytes, source, html);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  }
  return checkText(repairMojibake(text), source);
}

/** UTF-8 when the bytes are valid UTF-8; else the declared charset (HTML or XML), else Windows-1252 when the result reads as text. */
function decodeLegacy(bytes: Uint8Array, source: string, html: boolean): string {
  try {
    return utf8.decode(bytes);
  } catch {
    // Not UTF-8: try what the page declares, then the legacy default of Western European text.
  }
  // Mostly valid UTF-8 with a few broken bytes (a truncated character, a pasted Latin-1 word): keep UTF-8.
  const lossy = utf8Lossy.decode(bytes);
  let bad = 0;
  let multi = 0;
  for (let i = 0; i < lossy.length; i++) {
    const c = lossy.charCodeAt(i);
    if (c === 0xfffd) bad++;
    else if (c >= 0x80) multi++;
  }
  if (bad * 4 < multi) return lossy;
  const declared = html || looksLikeMarkup(bytes) ? declaredCharset(bytes) : null;
  for (const label of [declared, "windows-1252"]) {
    if (!label) continue;
    let decoder: { decode(b: Uint8Array): string; encoding: string };
    try {
      decoder = new TextDecoder(label);
    } catch {
      continue; // unknown label
    }
    if (decoder.encoding === "utf-8" || decoder.encoding.startsWith("utf-16")) continue;
    // Node's windows-1252 decoder (what WHATWG also uses for "latin1" and "iso-8859-1") returns C1 controls for 0x80-0x9F; map them ourselves.
    const text = decoder.encoding === "windows-1252" ? decodeWindows1252(bytes) : decoder.decode(bytes);
    if (readsAsText(text)) return text;
  }
  throw new DossierError(
    "INVALID_UTF8",
    `${source} is neither valid UTF-8 nor readable as Windows-1252/Latin-1; convert it to UTF-8, e.g. iconv -f <charset> -t utf-8`,
  );
}

function looksLikeMarkup(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length && i < 64; i++) {
    const c = bytes[i]!;
    if (c === 0x3c) return true; // "<"
    if (c > 0x20) return false;
  }
  return false;
}

/** The charset of a <meta charset>, <meta http-equiv content="…charset=…"> or <?xml encoding> in the first 10 kB. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 10240));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

/** A legacy decoding is accepted when C1 control characters (bytes that are no letters in Windows-1252) are rare. */
function readsAsText(text: string): boolean {
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 && c <= 0x9f) bad++;
  }
  return bad <= Math.max(1, text.length * 0.001);
}

// "FÃ¼r", "Ã¤", "â€ž": UTF-8 bytes read as Windows-1252 or Latin-1 somewhere upstream.
const MOJIBAKE = /[ÃÂâ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]+/g;
const CP1252_HIGH: Record<number, number> = {
  0x20ac: 0x80, 0x201a: 0x82, 0x0192: 0x83, 0x201e: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87, 0x02c6: 0x88, 0x2030: 0x89,
  0x0160: 0x8a, 0x2039: 0x8b, 0x0152: 0x8c, 0x017d: 0x8e, 0x2018: 0x91, 0x2019: 0x92, 0x201c: 0x93, 0x201d: 0x94, 0x2022: 0x95,
  0x2013: 0x96, 0x2014: 0x97, 0x02dc: 0x98, 0x2122: 0x99, 0x0161: 0x9a, 0x203a: 0x9b, 0x0153: 0x9c, 0x017e: 0x9e, 0x0178: 0x9f,
};

const CP1252_CHAR = new Map(Object.entries(CP1252_HIGH).map(([cp, b]) => [b, String.fromCodePoint(Number(cp))]));

function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? (CP1252_CHAR.get(b) ?? String.fromCharCode(b)) : String.fromCharCode(b))).join("");
  }
  return out;
}

/** Repairs runs of UTF-8-read-as-Windows-1252 when the whole run re-decodes as valid UTF-8; leaves real "Ã" alone. */
export function repairMojibake(text: string): string {
  if (!/[ÃÂâ]/.test(text)) return text;
  return text.replace(MOJIBAKE, (run) => {
    const bytes: number[] = [];
    for (const ch of run) {
      const c = ch.codePointAt(0)!;
      const b = c <= 0xff ? c : CP1252_HIGH[c];
      if (b === undefined) return run;
      bytes.push(b);
    }
    try {
      return utf8.decode(new Uint8Array(bytes));
    } catch {
      return run;
    }
  });
}

/** Rejects text that is empty or mostly control characters. */
export function checkText(text: string, source: string): string {
  if (!text.trim()) throw new DossierError("EMPTY_INPUT", `${source} is empty: there is no text to extract from`);
  let control = 0;
  for (let i = 0; i < text.length && i < 4096; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) control++;
  }
  if (control > Math.min(text.length, 4096) * 0.1)
    throw new DossierError("BINARY_INPUT", `${source} is mostly control characters: it looks like a binary file, not an article`);
  return text;
}

function decodeWith(decoder: { decode(b: Uint8Array): string }, bytes: Uint8Array, source: string): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new DossierError(
      "INVALID_UTF8",
      `${source} is not valid UTF-8 (or UTF-16 with a byte-order mark); convert it, e.g. iconv -f latin1 -t utf-8`,
    );
  }
}

function stripNul(bytes: Uint8Array, source: string): Uint8Array {
  let n = 0;
  for (const b of bytes) if (b === 0) n++;
  if (n > Math.max(2, bytes.length * 0.001))
    throw new DossierError("BINARY_INPUT", `${source} contains NUL bytes: it looks like a binary file, not an article; remove it from the input`);
  return bytes.filter((b) => b !== 0);
}
