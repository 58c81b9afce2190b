// Language data of the quote stage: reporting verb coverage and Konjunktiv recognition by rule.
import { test } from "node:test";
import assert from "node:assert/strict";
import { lexicon } from "../../core/lexicon.js";
import { konjunktivI } from "./konjunktiv.js";
import { quoteLex } from "./lex.js";

test("reporting lexicons: at least 120 German and 60 English verbs and nouns, every form a lemma's", () => {
  const de = lexicon<{ verbs: Record<string, string[]>; nouns: string[] }>("de", "reporting", { verbs: {}, nouns: [] });
  const en = lexicon<{ verbs: Record<string, string[]>; nouns: string[] }>("en", "reporting", { verbs: {}, nouns: [] });
  assert.ok(Object.keys(de.verbs).length + new Set(de.nouns).size >= 120, "German");
  assert.ok(Object.keys(en.verbs).length + en.nouns.length >= 60, "English");
  for (const [lemma, forms] of [...Object.entries(de.verbs), ...Object.entries(en.verbs)]) assert.ok(forms.length > 0, lemma);
  const l = quoteLex("de");
  for (const f of ["sagte", "erklärte", "betonte", "hieß", "mitgeteilt", "bekräftigte", "schrieb", "warnte"]) assert.ok(l.verbs.has(f.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/ß/g, "ss")), f);
  for (const f of ["said", "told", "added", "saying", "warned", "insisted"]) assert.ok(quoteLex("en").verbs.has(f), f);
});

test("Konjunktiv I by rule from the infinitive", () => {
  const rows: [string, string][] = [
    ["gehen", "gehe"],
    ["ändern", "ändere"],
    ["handeln", "handle"],
    ["tun", "tue"],
    ["heißen", "heisse"],
  ];
  for (const [inf, want] of rows) assert.equal(konjunktivI(inf), want, inf);
});

test("Konjunktiv recognition: umlaut-exact Konjunktiv II, fused particles, nouns and ß/ss", () => {
  const k = quoteLex("de").isKonjunktiv;
  const yes = ["sei", "seien", "habe", "hätte", "wäre", "würden", "könne", "stattfinde", "abhänge", "teilnehme", "heiße", "heisse", "gebe"];
  const no = ["hatte", "war", "wurde", "konnte", "Ende", "Rede", "zufolge", "sagt", "ist"];
  for (const w of yes) assert.ok(k(w), `${w} is Konjunktiv`);
  for (const w of no) assert.ok(!k(w), `${w} is not Konjunktiv`);
  const loose = quoteLex("de").isKonjunktivLoose;
  assert.ok(loose("wollten") && !k("wollten"), "wollten only inside a framed clause");
});
