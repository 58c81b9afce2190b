// Table tests for quote patterns in German and English: quote styles, frames, reported speech, speakers, media.
import { test } from "node:test";
import assert from "node:assert/strict";
import { makeContext } from "../../cli/context.js";
import { processArticle } from "../../extract.js";
import { emptyArticle } from "../../ingest/article.js";
import type { Quote } from "../../core/types.js";

const ctx = makeContext();

function quotes(text: string, language: string, published: string): Quote[] {
  const a = { ...emptyArticle("table", text, "text"), language, published, title: "Test" };
  const doc = processArticle(a, ctx);
  for (const q of doc.layers.quotes ?? []) assert.equal(doc.text.slice(q.start, q.end), q.text, "offsets exact");
  return doc.layers.quotes ?? [];
}

interface Want {
  kind: "direct" | "indirect";
  /** The quote's text, exactly. */
  text: string;
  speaker: string | null;
  cue?: string | null;
  medium?: string;
}

interface Row {
  name: string;
  text: string;
  want: Want[];
}

const DE = "2025-08-20";
const de: Row[] = [
  { name: "„…“ with frame after", text: "„Wir sind zu Gesprächen bereit“, sagte Kremlsprecher Dmitri Peskow am Montag.", want: [{ kind: "direct", text: "Wir sind zu Gesprächen bereit", speaker: "person:dmitry-peskov", cue: "sagte" }] },
  { name: "\"…\" with frame before and colon", text: 'Außenminister Sergej Lawrow sagte: "Alle Kontakte müssen sorgfältig vorbereitet werden."', want: [{ kind: "direct", text: "Alle Kontakte müssen sorgfältig vorbereitet werden.", speaker: "person:sergey-lavrov", cue: "sagte" }] },
  { name: "«…»", text: "«Wir bereiten Treffen in Washington vor», sagte Selenskyj in seiner Videobotschaft.", want: [{ kind: "direct", text: "Wir bereiten Treffen in Washington vor", speaker: "person:volodymyr-zelensky" }] },
  { name: "»…«", text: "»Das Treffen findet in Genf statt«, erklärte Lawrow.", want: [{ kind: "direct", text: "Das Treffen findet in Genf statt", speaker: "person:sergey-lavrov", cue: "erklärte" }] },
  { name: "‚…‘", text: "‚Das war ein gutes Gespräch‘, sagte Merz.", want: [{ kind: "direct", text: "Das war ein gutes Gespräch", speaker: "person:friedrich-merz" }] },
  { name: "multi-sentence quote", text: "„Wir wollen Frieden. Aber wir geben nicht nach“, sagte Selenskyj.", want: [{ kind: "direct", text: "Wir wollen Frieden. Aber wir geben nicht nach", speaker: "person:volodymyr-zelensky" }] },
  {
    name: "quote split by its frame",
    text: "„Das ist interessant“, sagte Trump, „aber ich muss darüber nachdenken.“",
    want: [
      { kind: "direct", text: "Das ist interessant", speaker: "person:donald-trump" },
      { kind: "direct", text: "aber ich muss darüber nachdenken.", speaker: "person:donald-trump" },
    ],
  },
  { name: "quote inside reported speech", text: "Juri Uschakow erklärte, es sei «noch kein Kompromiss gefunden worden».", want: [{ kind: "direct", text: "noch kein Kompromiss gefunden worden", speaker: "person:yuri-ushakov" }] },
  { name: "scare quote is no quote", text: "Trump sprach sich für ein „Friedensabkommen“ aus. Die Lage bleibt „angespannt“.", want: [] },
  { name: "reported speech after the verb", text: "Lawrow sagte, man sei für jedes Gesprächsformat offen.", want: [{ kind: "indirect", text: "man sei für jedes Gesprächsformat offen", speaker: "person:sergey-lavrov", cue: "sagte" }] },
  { name: "reported speech after 'dass'", text: "Trump hat erklärt, dass eine Einigung nun von Selenskyj abhänge.", want: [{ kind: "indirect", text: "eine Einigung nun von Selenskyj abhänge", speaker: "person:donald-trump" }] },
  { name: "frame after, with 'zufolge' and agency", text: "Es sei am späten Abend geplant, sagte Peskow der Agentur Interfax zufolge.", want: [{ kind: "indirect", text: "Es sei am späten Abend geplant", speaker: "person:dmitry-peskov", cue: "sagte", medium: "Interfax" }] },
  { name: "'hieß es' after a named source", text: "Das Weiße Haus bestätigte das Telefonat. Es gehe um die Vorbereitung der Gespräche, hieß es.", want: [{ kind: "indirect", text: "Es gehe um die Vorbereitung der Gespräche", speaker: "org:white-house", cue: "hieß" }] },
  { name: "'Nach Angaben des …'", text: "Nach Angaben des Weißen Hauses sei das Treffen für Donnerstag geplant.", want: [{ kind: "indirect", text: "Nach Angaben des Weißen Hauses sei das Treffen für Donnerstag geplant", speaker: "org:white-house", cue: "Nach" }] },
  { name: "'laut'", text: "Laut Kreml sei ein Treffen in Moskau möglich.", want: [{ kind: "indirect", text: "Laut Kreml sei ein Treffen in Moskau möglich", speaker: "org:kremlin", cue: "Laut" }] },
  { name: "'zufolge'", text: "Peskow zufolge werde das Treffen in Istanbul stattfinden.", want: [{ kind: "indirect", text: "Peskow zufolge werde das Treffen in Istanbul stattfinden", speaker: "person:dmitry-peskov", cue: "zufolge" }] },
  { name: "'demnach'", text: "Der Kreml veröffentlichte eine Erklärung. Demnach habe Putin mit Trump telefoniert.", want: [{ kind: "indirect", text: "Demnach habe Putin mit Trump telefoniert", speaker: "org:kremlin", cue: "Demnach" }] },
  { name: "pronoun → last subject, not the object", text: "Selenskyj traf am Montag Merz in Berlin. „Wir brauchen mehr Luftverteidigung“, sagte er.", want: [{ kind: "direct", text: "Wir brauchen mehr Luftverteidigung", speaker: "person:volodymyr-zelensky" }] },
  { name: "'sie' → last female person", text: "Karoline Leavitt trat vor die Presse. Sie sagte, Trump werde Putin bald treffen.", want: [{ kind: "indirect", text: "Trump werde Putin bald treffen", speaker: "person:karoline-leavitt" }] },
  {
    name: "anonymous source, agency as medium",
    text: "„Die Gespräche sind festgefahren“, erfuhr die Nachrichtenagentur AFP aus ukrainischen Diplomatenkreisen.",
    want: [{ kind: "direct", text: "Die Gespräche sind festgefahren", speaker: null, medium: "AFP" }],
  },
  { name: "role alone, resolved through the KB", text: "„Wir sind bereit“, sagte der ukrainische Präsident am Abend.", want: [{ kind: "direct", text: "Wir sind bereit", speaker: "person:volodymyr-zelensky" }] },
  { name: "medium: dem US-Sender Fox News", text: "„Der Krieg muss enden“, sagte Trump dem US-Sender Fox News.", want: [{ kind: "direct", text: "Der Krieg muss enden", speaker: "person:donald-trump", medium: "Fox News" }] },
  { name: "medium: auf Truth Social", text: "Trump schrieb auf Truth Social: „Das Treffen war großartig.“", want: [{ kind: "direct", text: "Das Treffen war großartig.", speaker: "person:donald-trump", medium: "Truth Social" }] },
  { name: "reported speech runs on in Konjunktiv I", text: "Lawrow sagte, man sei offen. Ein Treffen müsse aber gut vorbereitet werden.", want: [
    { kind: "indirect", text: "man sei offen", speaker: "person:sergey-lavrov" },
    { kind: "indirect", text: "Ein Treffen müsse aber gut vorbereitet werden", speaker: "person:sergey-lavrov", cue: null },
  ] },
];

const EN = "2023-06-15";
const en: Row[] = [
  { name: "“…” said NAME, apposition", text: "“We are ready to talk,” said Dmitry Peskov, the Kremlin spokesman.", want: [{ kind: "direct", text: "We are ready to talk,", speaker: "person:dmitry-peskov", cue: "said" }] },
  { name: "\"…\" NAME said", text: '"The talks were constructive," Blinken said.', want: [{ kind: "direct", text: "The talks were constructive,", speaker: "person:antony-blinken" }] },
  { name: "'…' single quotes", text: "'We will not give up,' Zelensky said on Monday.", want: [{ kind: "direct", text: "We will not give up,", speaker: "person:volodymyr-zelensky" }] },
  { name: "title + unknown name", text: "“There is room for a deal,” said Professor Anna Lindqvist, a foreign policy adviser.", want: [{ kind: "direct", text: "There is room for a deal,", speaker: "local:person:anna-lindqvist" }] },
  { name: "surname of an unknown person met earlier", text: "Anna Lindqvist, a fellow at a research institute, spoke to reporters. “Sanctions will stay,” Lindqvist said.", want: [{ kind: "direct", text: "Sanctions will stay,", speaker: "local:person:anna-lindqvist" }] },
  { name: "pronoun → unknown person", text: "Thomas Hartley, a former ambassador, was skeptical. “I do not see any progress,” he said.", want: [{ kind: "direct", text: "I do not see any progress,", speaker: "local:person:thomas-hartley" }] },
  { name: "name before the verb with apposition", text: "“Sanctions will not be lifted soon,” Thomas Hartley, a senior fellow at the Atlantic Council, told VOA.", want: [{ kind: "direct", text: "Sanctions will not be lifted soon,", speaker: "local:person:thomas-hartley", medium: "VOA" }] },
  { name: "anonymous official", text: "“Sanctions could follow,” a senior State Department official told reporters.", want: [{ kind: "direct", text: "Sanctions could follow,", speaker: null }] },
  { name: "spokesperson speaks for the institution", text: "A State Department spokesperson told VOA the sanctions would remain in place.", want: [{ kind: "indirect", text: "the sanctions would remain in place", speaker: "org:state-department" }] },
  { name: "said that …", text: "Blinken said that the United States will not leave its allies alone.", want: [{ kind: "indirect", text: "the United States will not leave its allies alone", speaker: "person:antony-blinken", cue: "said" }] },
  { name: "said … without that", text: "Blinken said the talks would continue next week.", want: [{ kind: "indirect", text: "the talks would continue next week", speaker: "person:antony-blinken" }] },
  { name: "frame after reported clause, anonymous", text: "The talks will resume next week in Geneva, officials said.", want: [{ kind: "indirect", text: "The talks will resume next week in Geneva", speaker: null }] },
  { name: "participle frame takes the clause subject", text: "Blinken denied the report, saying it was false and misleading.", want: [{ kind: "indirect", text: "it was false and misleading", speaker: "person:antony-blinken", cue: "saying" }] },
  { name: "continued quote after a split", text: "“We are ready,” Blinken added. “But the other side must move first.”", want: [
    { kind: "direct", text: "We are ready,", speaker: "person:antony-blinken" },
    { kind: "direct", text: "But the other side must move first.", speaker: "person:antony-blinken" },
  ] },
  { name: "scare quote is no quote", text: "Trump called it a \"wonderful meeting\" on Monday.", want: [] },
  { name: "medium: on Truth Social", text: 'Donald Trump wrote on Truth Social: "The meeting was great and productive."', want: [{ kind: "direct", text: "The meeting was great and productive.", speaker: "person:donald-trump", medium: "Truth Social" }] },
];

function check(rows: Row[], lang: string, date: string): void {
  for (const row of rows) {
    test(`quotes ${lang}: ${row.name}`, () => {
      const got = quotes(row.text, lang, date);
      const view = got.map((q) => ({ kind: q.kind, text: q.text, speaker: q.speaker, cue: q.cue, medium: q.medium }));
      assert.equal(got.length, row.want.length, `quotes: ${JSON.stringify(view)}`);
      row.want.forEach((w, i) => {
        const q = got[i]!;
        assert.equal(q.kind, w.kind, JSON.stringify(view[i]));
        assert.equal(q.text, w.text, JSON.stringify(view[i]));
        assert.equal(q.speaker, w.speaker, JSON.stringify(view[i]));
        if (w.cue !== undefined) assert.equal(q.cue, w.cue, JSON.stringify(view[i]));
        if (w.medium !== undefined) assert.equal(q.medium, w.medium, JSON.stringify(view[i]));
        assert.ok(q.provenance.stage === "quotes" && q.provenance.rule, "provenance");
      });
    });
  }
}

check(de, "de", DE);
check(en, "en", EN);
