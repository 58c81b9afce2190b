// Language identification: eld per paragraph weighted by length; a foreign aggregator footer does not flip the document.
import { test } from "node:test";
import assert from "node:assert/strict";
import { detectLanguage, loadLanguageDetector } from "./language.js";

const DE = "Die Außenminister beider Länder trafen sich am Dienstag in Genf zu einem mehrstündigen Gespräch.\n\nNach dem Treffen sprachen beide Seiten von einem offenen Austausch über die Lage in der Region.";
const FOOTER_PL = "\n\nIdź do oryginalnego materiału i przeczytaj więcej wiadomości z kraju i ze świata\n\nupday.com 1 godzina temu";

test("function words decide before eld is loaded", () => {
  assert.equal(detectLanguage(DE), "de");
  assert.equal(detectLanguage("The foreign ministers met on Tuesday in Geneva and talked for hours about the region."), "en");
});

test("eld: documents in several languages; a Polish aggregator footer does not flip a German article", async () => {
  assert.ok(await loadLanguageDetector());
  assert.equal(detectLanguage(DE + FOOTER_PL), "de");
  assert.equal(detectLanguage("The foreign ministers of both countries met in Geneva on Tuesday for talks lasting several hours."), "en");
  assert.equal(detectLanguage("Ministrowie spraw zagranicznych obu krajów spotkali się we wtorek w Genewie na kilkugodzinnych rozmowach."), "pl");
  assert.equal(detectLanguage("Los ministros de Asuntos Exteriores de ambos países se reunieron el martes en Ginebra durante varias horas."), "es");
});
