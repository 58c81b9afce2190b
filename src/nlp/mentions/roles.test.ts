// Role nouns resolved to the office holder at the document's date: table of German and English cases (our own sentences).
import { test } from "node:test";
import assert from "node:assert/strict";
import { makeContext } from "../../cli/context.js";
import { processArticle } from "../../extract.js";
import { emptyArticle } from "../../ingest/article.js";

const ctx = makeContext();

/** [language, publication date, text, canonical name the role noun must resolve to ("" = nobody)]. */
const CASES: [string, string, string, string][] = [
  ["de", "2021-12-15", "Der US-Präsident telefonierte am Dienstag mit Paris.", "Joe Biden"],
  ["de", "2025-08-10", "Der US-Präsident telefonierte am Dienstag mit Paris.", "Donald Trump"],
  ["de", "2019-06-01", "Der US-Präsident reiste nach Japan.", "Donald Trump"],
  ["de", "2016-05-01", "Der US-Präsident reiste nach Hannover.", "Barack Obama"],
  ["de", "2023-03-01", "Der Kremlchef äußerte sich nicht.", "Vladimir Putin"],
  ["de", "2021-06-01", "Die Kanzlerin reiste nach Washington.", "Angela Merkel"],
  ["de", "2023-02-01", "Der Kanzler reiste nach Washington.", "Olaf Scholz"],
  ["de", "2025-08-01", "Der Kanzler reiste nach Washington.", "Friedrich Merz"],
  ["de", "2023-05-01", "Der russische Außenminister warnte den Westen.", "Sergey Lavrov"],
  ["de", "2023-06-01", "Der ukrainische Außenminister warnte.", "Dmytro Kuleba"],
  ["de", "2025-06-01", "Der ukrainische Außenminister warnte.", "Andrii Sybiha"],
  ["de", "2024-03-01", "Der chinesische Außenminister reiste nach Berlin.", "Wang Yi"],
  ["de", "2023-04-01", "Die deutsche Außenministerin reiste nach Peking.", "Annalena Baerbock"],
  ["de", "2022-03-01", "Der französische Präsident telefonierte.", "Emmanuel Macron"],
  ["de", "2020-05-01", "Der britische Premierminister erkrankte.", "Boris Johnson"],
  ["de", "2023-01-10", "Der britische Premierminister reiste nach Kiew.", "Rishi Sunak"],
  ["de", "2025-01-10", "Der britische Premierminister reiste nach Kiew.", "Keir Starmer"],
  ["de", "2023-09-20", "Der UN-Generalsekretär mahnte Frieden an.", "António Guterres"],
  ["de", "2015-09-20", "Der UN-Generalsekretär mahnte Frieden an.", "Ban Ki-moon"],
  ["de", "2023-07-10", "Der Nato-Generalsekretär lobte die Einigung.", "Jens Stoltenberg"],
  ["de", "2025-06-20", "Der Nato-Generalsekretär lobte die Einigung.", "Mark Rutte"],
  ["de", "2018-03-01", "Der ukrainische Präsident reiste nach Berlin.", "Petro Poroshenko"],
  ["de", "2022-04-01", "Der ukrainische Präsident sprach vor dem Bundestag.", "Volodymyr Zelensky"],
  ["de", "2024-02-01", "Der Kreml-Sprecher wies das zurück.", "Dmitry Peskov"],
  ["de", "2024-02-01", "Der Kremlsprecher wies das am Montag zurück.", "Dmitry Peskov"],
  ["de", "2023-05-30", "Der türkische Präsident gewann die Stichwahl.", "Recep Tayyip Erdoğan"],
  ["de", "2022-01-10", "Der israelische Ministerpräsident reiste nach Abu Dhabi.", "Naftali Bennett"],
  ["de", "2024-01-10", "Der israelische Ministerpräsident lehnte das ab.", "Benjamin Netanyahu"],
  ["de", "2023-06-01", "Die italienische Regierungschefin reiste nach Tunis.", "Giorgia Meloni"],
  ["de", "2021-03-01", "Die EU-Kommissionspräsidentin kündigte Hilfen an.", "Ursula von der Leyen"],
  ["de", "2019-05-01", "Der US-Außenminister reiste nach Moskau.", "Mike Pompeo"],
  ["de", "2022-05-01", "Der US-Außenminister reiste nach Kiew.", "Antony Blinken"],
  ["de", "2025-05-01", "Der US-Außenminister reiste nach Istanbul.", "Marco Rubio"],
  ["de", "2024-06-01", "Der Präsident Frankreichs empfing Gäste.", "Emmanuel Macron"],
  ["de", "2025-08-01", "Der ehemalige US-Präsident meldete sich zu Wort.", ""],
  ["en", "2021-12-15", "The U.S. president spoke with Europeans on Tuesday.", "Joe Biden"],
  ["en", "2025-08-15", "The U.S. president met his Russian counterpart.", "Donald Trump"],
  ["en", "2023-05-01", "Russia's foreign minister warned the West.", "Sergey Lavrov"],
  ["en", "2024-01-01", "The Ukrainian president thanked allies.", "Volodymyr Zelensky"],
  ["en", "2023-07-10", "The NATO secretary general praised the deal.", "Jens Stoltenberg"],
  ["en", "2025-06-10", "The NATO secretary general praised the deal.", "Mark Rutte"],
  ["en", "2020-04-01", "The UN Secretary-General called for a ceasefire.", "António Guterres"],
  ["en", "2019-09-01", "The British prime minister lost a vote.", "Boris Johnson"],
  ["en", "2022-09-01", "The German chancellor visited Canada.", "Olaf Scholz"],
  ["en", "2018-06-01", "The Secretary of State flew to Singapore.", "Mike Pompeo"],
  ["en", "2024-02-01", "The Kremlin spokesman declined to comment.", "Dmitry Peskov"],
  ["en", "2020-06-01", "The Chinese president spoke by phone.", "Xi Jinping"],
  ["en", "2016-06-01", "The French president spoke by phone.", "François Hollande"],
  ["en", "2023-06-01", "India's prime minister visited Washington.", "Narendra Modi"],
  ["en", "2021-12-15", "The Japanese prime minister spoke to reporters.", "Fumio Kishida"],
  ["en", "2022-07-01", "The South Korean president attended the summit.", "Yoon Suk Yeol"],
  ["en", "2020-07-01", "The South Korean president attended the summit.", "Moon Jae-in"],
  ["en", "2025-08-01", "The former U.S. president was in Ohio.", ""]
];

/** Names of the people the document's role mentions resolve to. */
function roleHolders(lang: string, date: string, text: string): string[] {
  const doc = processArticle({ ...emptyArticle("role-test", text, "text"), language: lang, published: date }, ctx);
  return doc.layers.mentions!.filter((m) => m.form === "role").map((m) => doc.layers.entities!.get(m.entity)!.name);
}

for (const [lang, date, text, want] of CASES) {
  test(`role ${lang} ${date}: ${text}`, () => {
    const got = roleHolders(lang, date, text);
    if (want) assert.deepEqual(got, [want]);
    else assert.deepEqual(got, []);
  });
}
