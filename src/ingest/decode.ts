// Bytes to text: rejects empty, binary and non-UTF-8 input with coded errors.
import { DossierError } from "../core/errors.js";

const utf8 = new TextDecoder("utf-8", { fatal: true });
const utf16le = new TextDecoder("utf-16le", { fatal: true });
const utf16be = new TextDecoder("utf-16be", { fatal: true });

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/** Decodes a file's bytes; throws EMPTY_INPUT, BINARY_INPUT, INVALID_UTF8 or TOO_LARGE. */
export function decodeBytes(bytes: Uint8Array, source: string, maxBytes = DEFAULT_MAX_BYTES): string {
  if (bytes.length > maxBytes)
    throw new DossierError(
      "TOO_LARGE",
      `${source} is ${bytes.length} bytes, over the limit of ${maxBytes}; split it or raise --max-bytes`,
    );
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = decodeWith(utf16le, bytes.subarray(2), source);
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = decodeWith(utf16be, bytes.subarray(2), source);
  else {
    if (bytes.includes(0)) throw new DossierError("BINARY_INPUT", `${source} contains NUL bytes: it looks like a binary file, not an article; remove it from the input`);
    text = decodeWith(utf8, bytes, source);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  }
  return checkText(text, source);
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
