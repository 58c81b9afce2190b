// Decoding: UTF-8 with/without BOM, UTF-16 with BOM, declared and guessed Windows-1252/Latin-1, mojibake repaired, undecodable bytes rejected.
import { test } from "node:test";
import assert from "node:assert/strict";
import { DossierError } from "../core/errors.js";
import { decodeBytes, repairMojibake } from "./decode.js";

const TEXT = "Gespräch über Zölle – „Wir sind bereit“, sagte der Minister für Äußeres.";

test("UTF-8 with and without BOM, UTF-16 LE/BE with BOM", () => {
  assert.equal(decodeBytes(Buffer.from(TEXT, "utf8"), "a"), TEXT);
  assert.equal(decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, "utf8")]), "b"), TEXT);
  assert.equal(decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, "utf16le")]), "c"), TEXT);
  const be = Buffer.from(TEXT, "utf16le").swap16();
  assert.equal(decodeBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), "d"), TEXT);
});

test("Windows-1252 and Latin-1: guessed for text, declared charset for HTML", () => {
  const latin = "Gespräch über Zölle, sagte der Minister für Äußeres.";
  assert.equal(decodeBytes(Buffer.from(latin, "latin1"), "e.txt"), latin);
  // Windows-1252 has the typographic quotes and the dash at 0x84, 0x93, 0x96.
  const cp = Buffer.from([0x84, 0x57, 0x69, 0x72, 0x93, 0x20, 0x96, 0x20, 0x47, 0x65, 0x73, 0x70, 0x72, 0xe4, 0x63, 0x68]);
  assert.equal(decodeBytes(cp, "f.txt"), "„Wir“ – Gespräch");
  const html = Buffer.concat([Buffer.from('<html><head><meta charset="iso-8859-15"></head><body><p>Preis: 5 '), Buffer.from([0xa4]), Buffer.from("</p></body></html>")]);
  assert.match(decodeBytes(html, "g.html", undefined, true), /Preis: 5 €/);
});

test("mojibake (UTF-8 read as Windows-1252) is repaired; real Ã and â are left alone", () => {
  assert.equal(repairMojibake("FÃ¼r die GesprÃ¤che â€“ â€žjaâ€œ"), "Für die Gespräche – „ja“");
  assert.equal(repairMojibake("São Paulo, Ãrvore, âme"), "São Paulo, Ãrvore, âme");
  assert.equal(decodeBytes(Buffer.from("FÃ¼r den Frieden", "utf8"), "h"), "Für den Frieden");
});

test("undecodable, binary and empty input are coded errors", () => {
  const code = (b: Uint8Array) => {
    try {
      decodeBytes(b, "x");
      return "ok";
    } catch (e) {
      assert.ok(e instanceof DossierError);
      return e.code;
    }
  };
  assert.equal(code(Buffer.from([0x47, 0x81, 0x8d, 0x90, 0x9d, 0x8f, 0x20, 0x81, 0x8d])), "INVALID_UTF8");
  assert.equal(code(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2])), "BINARY_INPUT");
  assert.equal(code(Buffer.from("  \n ")), "EMPTY_INPUT");
});
