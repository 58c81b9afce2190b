// Table tests for events on sentences we wrote: triggers, status, parties, venue, date and the within-document merge.
import { test } from "node:test";
import assert from "node:assert/strict";
import { makeContext } from "../../cli/context.js";
import { emptyArticle } from "../../ingest/article.js";
import { processArticle } from "../../extract.js";
import type { EventAnnotation } from "../../core/types.js";
import { eventLexicon, lookupTrigger } from "./lexicon.js";

const ctx = makeContext();

/** Runs the whole pipeline on our text, published Wednesday 2021-12-29. */
function events(text: string, lang: "de" | "en"): { evs: EventAnnotation[]; name: (id: string) => string } {
  // A title line first: acts are not read from the headline.
  const a = { ...emptyArticle("test", `Test\n\n${text}`, "text"), language: lang, published: "2021-12-29T12:00:00+01:00" };
  const doc = processArticle(a, ctx);
  const ents = doc.layers.entities!;
  return { evs: doc.layers.events!, name: (id) => ents.get(id)?.name ?? id };
}

const consult = (text: string, lang: "de" | "en") => {
  const { evs, name } = events(text, lang);
  const c = evs.filter((e) => e.type === "CONSULT");
  return { c, parties: (e: EventAnnotation) => [...e.actors, ...e.recipients].map(name).sort() };
};

// [word, language, expected type, expected mode or null]
const TRIGGERS: [string, "de" | "en", string, string | null][] = [
  ["Gipfeltreffen", "de", "CONSULT", null],
  ["Staatsbesuch", "de", "CONSULT", "visit"],
  ["Videoschalte", "de", "CONSULT", "phone"],
  ["Telefonats", "de", "CONSULT", "phone"],
  ["Friedensverhandlungen", "de", "CONSULT", null],
  ["telefonierten", "de", "CONSULT", "phone"],
  ["empfing", "de", "CONSULT", "visit"],
  ["talks", "en", "CONSULT", null],
  ["summit", "en", "CONSULT", null],
  ["visited", "en", "CONSULT", "visit"],
  ["hosted", "en", "CONSULT", "visit"],
  ["threatened", "en", "THREATEN", null],
  ["accused", "en", "ACCUSE", null],
];

for (const [word, lang, type, mode] of TRIGGERS) {
  test(`trigger ${lang}: ${word} → ${type}${mode ? `/${mode}` : ""}`, () => {
    const lex = eventLexicon(lang);
    const defs = lookupTrigger(lex, word.toLowerCase(), /^\p{Lu}/u.test(word));
    assert.ok(defs, `no trigger for ${word}`);
    assert.equal(defs![0]!.type, type);
    assert.equal(defs![0]!.mode, mode);
  });
}

test("the trigger lexicons cover all 16 PLOVER types in German and English", () => {
  const all = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
  for (const lang of ["de", "en"]) {
    const types = new Set<string>();
    for (const defs of eventLexicon(lang).words.values()) for (const d of defs) types.add(d.type);
    assert.deepEqual(all.filter((t) => !types.has(t)), [], lang);
  }
});

test("separable verbs need their particle: 'lehnte … ab' rejects, 'traf … ein' arrives", () => {
  const { evs } = events("Russland lehnte den Vorschlag der Ukraine gestern ab.", "de");
  assert.deepEqual(evs.map((e) => e.type), ["REJECT"]);
  const { c } = consult("Olaf Scholz traf am Montag in Kiew ein.", "de");
  assert.equal(c[0]?.mode, "visit");
  assert.equal(c[0]?.location?.name, "Kyiv");
});

test("compounds that only end like a trigger are not events", () => {
  const lex = eventLexicon("de");
  assert.equal(lookupTrigger(lex, "pressekonferenz", true), null);
});

// [text, language, expected status of the (single) meeting]
const STATUS: [string, "de" | "en", string][] = [
  ["Olaf Scholz und Emmanuel Macron wollen am Freitag in Paris miteinander sprechen.", "de", "planned"],
  ["Olaf Scholz hatte sich im Oktober in Paris mit Emmanuel Macron getroffen.", "de", "held"],
  ["Das geplante Treffen von Olaf Scholz und Emmanuel Macron wurde abgesagt.", "de", "cancelled"],
  ["Emmanuel Macron hat Olaf Scholz zu einem Besuch nach Paris eingeladen.", "de", "proposed"],
  ["Olaf Scholz hat Emmanuel Macron ein Treffen im Januar versprochen.", "de", "promised"],
  ["Frankreich lehnte ein Treffen mit Russland ab.", "de", "rejected"],
  ["Ein Treffen zwischen Olaf Scholz und Wladimir Putin ist nach Angaben aus Moskau nicht besprochen worden.", "de", "denied"],
  ["Olaf Scholz traf Emmanuel Macron am Montag in Paris.", "de", "held"],
  ["Emmanuel Macron will meet Olaf Scholz in Berlin next month.", "en", "planned"],
  ["Emmanuel Macron met Olaf Scholz in Berlin on Monday.", "en", "held"],
  ["The planned meeting between Emmanuel Macron and Olaf Scholz was called off.", "en", "cancelled"],
  ["Emmanuel Macron werde danach zu einem Besuch bei Olaf Scholz nach Berlin kommen.", "de", "planned"],
  ["Olaf Scholz soll im Frühjahr zu Gesprächen mit Emmanuel Macron nach Paris reisen.", "de", "planned"],
];

for (const [text, lang, status] of STATUS) {
  test(`status ${lang}: "${text}" → ${status}`, () => {
    const { c } = consult(text, lang);
    assert.equal(c.length, 1, JSON.stringify(c.map((e) => e.provenance)));
    assert.equal(c[0]!.status, status, c[0]!.provenance.detail);
  });
}

// [text, language, expected parties (canonical names, sorted)]
const PARTIES: [string, "de" | "en", string[]][] = [
  ["Das Treffen zwischen Olaf Scholz und Emmanuel Macron dauerte zwei Stunden.", "de", ["Emmanuel Macron", "Olaf Scholz"]],
  ["Olaf Scholz, Emmanuel Macron und Mario Draghi kamen in Rom zusammen.", "de", ["Emmanuel Macron", "Mario Draghi", "Olaf Scholz"]],
  ["Das Putin-Macron-Treffen endete ohne Ergebnis.", "de", ["Emmanuel Macron", "Vladimir Putin"]],
  ["Die US-Vertreter verhandelten in Genf mit Russland.", "de", ["Russia", "United States"]],
  ["Nach Angaben des Kremls telefonierte Wladimir Putin mit Olaf Scholz.", "de", ["Olaf Scholz", "Vladimir Putin"]],
  ["Emmanuel Macron spoke with Olaf Scholz by phone, the Elysee said.", "en", ["Emmanuel Macron", "Olaf Scholz"]],
];

for (const [text, lang, parties] of PARTIES) {
  test(`parties ${lang}: "${text}"`, () => {
    const { c, parties: p } = consult(text, lang);
    assert.equal(c.length, 1, JSON.stringify(c.map((e) => e.provenance)));
    assert.deepEqual(p(c[0]!), parties, c[0]!.provenance.detail);
  });
}

// [text, language, expected venue]
const VENUES: [string, "de" | "en", string][] = [
  ["Olaf Scholz traf Emmanuel Macron am Montag in Genf.", "de", "Geneva"],
  ["Olaf Scholz reist am Freitag nach Moskau.", "de", "Moscow"],
  ["Der Gipfel von Biden und Putin in Genf endete.", "de", "Geneva"],
  ["Emmanuel Macron hosted Olaf Scholz in Paris.", "en", "Paris"],
];

for (const [text, lang, venue] of VENUES) {
  test(`venue ${lang}: "${text}" → ${venue}`, () => {
    const { c } = consult(text, lang);
    assert.ok(c.length >= 1);
    assert.equal(c[0]!.location?.name, venue, c[0]!.provenance.detail);
  });
}

test("date from the trigger's clause, not from another clause of the sentence", () => {
  const { c } = consult("Olaf Scholz und Emmanuel Macron wollen am Donnerstag telefonieren, wie am Dienstag bekannt wurde.", "de");
  assert.equal(c.length, 1);
  assert.deepEqual([c[0]!.date?.start, c[0]!.date?.end], ["2021-12-30", "2021-12-30"]);
  assert.equal(c[0]!.status, "planned");
});

test("a weekday of a planned visit lies after publication", () => {
  const { c } = consult("Olaf Scholz reist am Montag nach Paris.", "de");
  assert.equal(c[0]!.date?.start, "2022-01-03");
  assert.equal(c[0]!.status, "planned");
});

test("merge: mentions of one meeting are one record with the best date and place", () => {
  const text = [
    "Olaf Scholz und Emmanuel Macron haben sich getroffen.",
    "Das Treffen fand am Montag in Paris statt.",
    "Nach dem Treffen zwischen Olaf Scholz und Emmanuel Macron gab es keine Erklärung.",
  ].join(" ");
  const { c, parties } = consult(text, "de");
  assert.equal(c.length, 1, JSON.stringify(c.map((e) => e.evidence.text)));
  assert.deepEqual(parties(c[0]!), ["Emmanuel Macron", "Olaf Scholz"]);
  assert.equal(c[0]!.location?.name, "Paris");
  assert.equal(c[0]!.date?.start, "2021-12-27");
  assert.equal(c[0]!.status, "held");
});

test("merge: a past meeting and a planned one of the same sides stay apart", () => {
  const text = "Olaf Scholz hatte sich im Juni in Genf mit Emmanuel Macron getroffen. Olaf Scholz und Emmanuel Macron wollen sich im Februar in Paris erneut treffen.";
  const { c } = consult(text, "de");
  assert.equal(c.length, 2);
  assert.deepEqual(c.map((e) => e.status).sort(), ["held", "planned"]);
});

test("every event has evidence that points into the text and a provenance", () => {
  const text = "Olaf Scholz traf Emmanuel Macron in Paris. Russland lehnte die Forderungen ab. Wladimir Putin drohte der Ukraine.";
  const a = { ...emptyArticle("test", text, "text"), language: "de", published: "2021-12-29" };
  const doc = processArticle(a, ctx);
  assert.ok(doc.layers.events!.length >= 1);
  for (const e of doc.layers.events!) {
    assert.equal(doc.text.slice(e.evidence.start, e.evidence.end), e.evidence.text);
    assert.equal(doc.text.slice(e.trigger.start, e.trigger.end), e.trigger.text);
    assert.equal(e.provenance.stage, "events");
    assert.ok(e.provenance.rule.startsWith("trigger:"));
  }
});

test("a postponed visit with a new date is planned for that date", () => {
  const de = consult("Einen für Mittwoch geplanten Besuch in Paris verschob Olaf Scholz auf den 10. März.", "de").c;
  assert.equal(de.length, 1, JSON.stringify(de.map((e) => e.provenance)));
  assert.equal(de[0]!.status, "planned", de[0]!.provenance.detail);
  assert.equal(de[0]!.date?.start, "2022-03-10");
  const en = consult("Olaf Scholz postponed a visit to Paris that had been planned for Friday until 10 March.", "en").c;
  assert.equal(en[0]!.status, "planned", en[0]!.provenance.detail);
  assert.equal(en[0]!.date?.start, "2022-03-10");
});

test("pronouns: the subject before the names, 'mit ihm' after them; a reporting verb's subject is the source", () => {
  const a = consult("Olaf Scholz reagierte am Abend. Danach habe er mit Emmanuel Macron telefoniert.", "de");
  assert.deepEqual(a.parties(a.c[0]!), ["Emmanuel Macron", "Olaf Scholz"]);
  const b = consult("Emmanuel Macron wisse von Putins Bereitschaft, weil er am Montag selbst mit ihm telefoniert habe.", "de");
  const call = b.c.find((e) => e.mode === "phone")!;
  assert.deepEqual(b.parties(call), ["Emmanuel Macron", "Vladimir Putin"], call.provenance.detail);
  const c = consult("Olaf Scholz spoke with reporters. He said he had met Emmanuel Macron on Monday.", "en");
  assert.equal(c.c.length, 1, JSON.stringify(c.c.map((e) => e.provenance)));
  assert.deepEqual(c.parties(c.c[0]!), ["Emmanuel Macron", "Olaf Scholz"]);
});

test("a body in the meeting's compound is its party; names of other clauses are not", () => {
  const { c, parties } = consult("Der nächste NATO-Gipfel soll 2026 in der Türkei stattfinden, sagte Olaf Scholz nach einem Gespräch mit Emmanuel Macron.", "de");
  const summit = c.find((e) => e.trigger.text === "Gipfel")!;
  assert.deepEqual(parties(summit), ["NATO"], summit.provenance.detail);
  assert.equal(summit.status, "planned");
  assert.equal(summit.date?.start, "2026-01-01");
});

test("a subordinate clause about another happening lends no parties", () => {
  const { c, parties } = consult("Leaders gathered in Paris on Monday for a summit, hours after Russia freed Olaf Scholz.", "en");
  assert.ok(c.every((e) => !parties(e).includes("Russia")), JSON.stringify(c.map((e) => e.provenance)));
});

test("a month with its year keeps that year; only a bare month is moved to the year the status implies", () => {
  const { c } = consult("Olaf Scholz was to visit Paris in August 2020, Emmanuel Macron said.", "en");
  const visit = c.find((e) => e.mode === "visit")!;
  assert.deepEqual([visit.date?.start, visit.date?.end], ["2020-08-01", "2020-08-31"], visit.provenance.detail);
});

test("a time after 'since' does not date the talks", () => {
  const { c } = consult("Emmanuel Macron and Olaf Scholz agreed to meet again, after the first talks between the two since the crisis in 2014.", "en");
  assert.ok(c.every((e) => e.date?.start !== "2014-01-01"), JSON.stringify(c.map((e) => e.date)));
});

test("a demand told after a dated call of its actor takes the call's date", () => {
  const text = "Olaf Scholz und Wladimir Putin telefonierten am Montag. Olaf Scholz forderte Russland auf, die Truppen abzuziehen.";
  const { evs } = events(text, "de");
  const req = evs.find((e) => e.type === "REQUEST")!;
  assert.ok(req, JSON.stringify(evs.map((e) => e.type)));
  assert.equal(req.date?.start, "2021-12-27", req.provenance.detail);
});

test("'im Gazastreifen' in a topic phrase is no venue; 'zum Dienstag' is a time, not a topic", () => {
  const a = consult("Olaf Scholz wollte am Mittwoch in Amman mit Emmanuel Macron über die Lage im Gazastreifen beraten.", "de");
  assert.equal(a.c[0]!.location?.name, "Amman", a.c[0]!.provenance.detail);
});

test("a seat is its city: 'im Weißen Haus' is Washington", () => {
  const de = consult("Olaf Scholz traf Joe Biden am Montag im Weißen Haus.", "de").c;
  assert.equal(de[0]!.location?.name, "Washington, D.C.", de[0]!.provenance.detail);
});

test("an in-person meeting of the days around publication without a place is at the dateline city; a call is not", () => {
  const text = "Genf (dpa) – Olaf Scholz und Emmanuel Macron haben sich am Dienstag getroffen. Am Montag hatten sie telefoniert.";
  const { c } = consult(text, "de");
  const meeting = c.find((e) => e.mode !== "phone")!;
  assert.equal(meeting.location?.name, "Geneva", meeting.provenance.detail);
  assert.ok(c.filter((e) => e.mode === "phone").every((e) => !e.location));
});

test("a meeting under a condition lies ahead; a genitive meeting phrase ends before the next meeting word", () => {
  const a = consult("Fortschritte gebe es erst, wenn Olaf Scholz und Emmanuel Macron sich träfen.", "de").c;
  assert.equal(a[0]?.status, "planned", a[0]?.provenance.detail);
  const b = consult("Nach dem Ende der Verhandlungen telefonierte Olaf Scholz mit Emmanuel Macron.", "de");
  const talks = b.c.find((e) => e.trigger.text === "Verhandlungen");
  assert.ok(!talks || b.parties(talks).length === 0 || talks.mode === "phone", JSON.stringify(b.c.map((e) => [e.trigger.text, e.actors])));
});

test("'mit X und mit Y telefoniert': a repeated partner preposition makes two calls", () => {
  const { c, parties } = consult("Olaf Scholz telefonierte am Montag mit Emmanuel Macron und mit Joe Biden.", "de");
  assert.deepEqual(c.map(parties).sort(), [["Emmanuel Macron", "Olaf Scholz"], ["Joe Biden", "Olaf Scholz"]], JSON.stringify(c.map((e) => e.provenance.detail)));
  const joint = consult("Olaf Scholz telefonierte am Montag mit Emmanuel Macron und Joe Biden.", "de");
  assert.equal(joint.c.length, 1);
});

test("a capitalized word inside a German sentence is only a noun; a simple past is held beside a plan word", () => {
  const { c } = consult("Olaf Scholz hatte in den Tagen zuvor mit Emmanuel Macron gesprochen.", "de");
  assert.ok(c.every((e) => e.trigger.text !== "Tagen"), JSON.stringify(c.map((e) => e.trigger)));
  const past = consult("Olaf Scholz telefonierte am Abend mit dem künftigen Präsidenten Emmanuel Macron.", "de").c;
  assert.equal(past[0]!.status, "held", past[0]!.provenance.detail);
});

test("a relative clause dates and places the meeting noun before it", () => {
  const { c } = consult("Peskow äußerte sich zufrieden über ein Treffen zwischen Wladimir Putin und Olaf Scholz, das am Montag in Genf stattgefunden hatte.", "de");
  const m = c.find((e) => e.trigger.text === "Treffen")!;
  assert.equal(m.date?.start, "2021-12-27", m.provenance.detail);
  assert.equal(m.location?.name, "Geneva");
});

// [sentence, language, expected CONSULT parties, expected date start or null, no REQUEST read]
const CALL_CONTENT: [string, "de" | "en", string[], string | null][] = [
  ["President Joe Biden told Vladimir Putin in a phone call on Tuesday that the United States would respond to any incursion into Ukraine.", "en", ["Joe Biden", "Vladimir Putin"], "2021-12-28"],
  ["Emmanuel Macron told Olaf Scholz in a phone call on Monday that France would support Poland.", "en", ["Emmanuel Macron", "Olaf Scholz"], "2021-12-27"],
];

for (const [text, lang, want, date] of CALL_CONTENT) {
  test(`a phone call is no REQUEST and the states of its that-clause no sides: ${text.slice(0, 50)}`, () => {
    const { evs, name } = events(text, lang);
    assert.equal(evs.filter((e) => e.type === "REQUEST").length, 0);
    const c = evs.filter((e) => e.type === "CONSULT");
    assert.equal(c.length, 1);
    assert.deepEqual([...c[0]!.actors, ...c[0]!.recipients].map(name).sort(), want);
    assert.equal(c[0]!.date?.start ?? null, date);
  });
}

// [sentence, language, expected date of the meeting]: a meeting in an occasion phrase takes the main act's date.
const OCCASION: [string, "de" | "en", string][] = [
  ["Emmanuel Macron and Olaf Scholz agreed on Monday to raise their spending by 2030, in talks at a castle near Paris.", "en", "2021-12-27"],
  ["Joe Biden and Vladimir Putin agreed on Tuesday to cut their arsenals by 2030, at a summit in Geneva.", "en", "2021-12-28"],
];

for (const [text, lang, date] of OCCASION) {
  test(`a meeting as the occasion of the main act takes its date: ${text.slice(0, 50)}`, () => {
    const { c } = consult(text, lang);
    assert.ok(c.length >= 1, "no meeting read");
    assert.equal(c[0]!.date?.start ?? null, date);
  });
}

test("a seat right before a meeting word is its venue, not a party ('The White House meeting')", () => {
  const { c, parties } = consult("The White House meeting between Joe Biden and Olaf Scholz lasted two hours.", "en");
  assert.equal(c.length, 1);
  assert.deepEqual(parties(c[0]!), ["Joe Biden", "Olaf Scholz"]);
  assert.equal(c[0]!.location?.entity, "place:washington");
});

// [paragraph, language, expected date of its meeting or null]: the day of the paragraph's opening sentence.
const PARAGRAPH_DAY: [string, "de" | "en", string | null][] = [
  ["Am Montag herrschte in Berlin dichter Nebel. Olaf Scholz und Emmanuel Macron trafen sich im Kanzleramt.", "de", "2021-12-27"],
  ["On Monday the weather in Paris was cold. Emmanuel Macron and Olaf Scholz met at the Elysee.", "en", "2021-12-27"],
  // A plan is not for the day it was told of; a sentence with a time of its own keeps it.
  ["On Monday the weather in Paris was cold. Emmanuel Macron and Olaf Scholz will meet at the Elysee.", "en", null],
  ["On Monday the weather in Paris was cold. Emmanuel Macron and Olaf Scholz met at the Elysee last autumn.", "en", "2021-09-01"],
];

for (const [text, lang, date] of PARAGRAPH_DAY) {
  test(`a held meeting without a time takes its paragraph's day: ${text.slice(40, 100)}`, () => {
    const { c } = consult(text, lang);
    assert.equal(c.length, 1);
    assert.equal(c[0]!.date?.start ?? null, date);
  });
}

test("the short dateline 'Genf. …' (city and full stop) places the day's in-person meeting", () => {
  const { c } = consult("Genf. Olaf Scholz und Emmanuel Macron haben sich am Dienstag getroffen.", "de");
  assert.equal(c[0]?.location?.name, "Geneva", c[0]?.provenance.detail);
});

test("a capital that reads as its state ('Washington.' for the US government) still opens a short dateline", () => {
  const { c } = consult("Washington. Olaf Scholz und Emmanuel Macron haben sich am Dienstag getroffen.", "de");
  assert.equal(c[0]?.location?.name, "Washington, D.C.", c[0]?.provenance.detail);
});

test("without a dateline, the place of the headline's summit ('NATO-Gipfel in Vilnius') places the day's in-person meeting", () => {
  const { c } = consult("NATO-Gipfel in Vilnius\n\nOlaf Scholz und Emmanuel Macron haben sich am Dienstag getroffen. Am Montag hatten sie telefoniert.", "de");
  const meeting = c.find((e) => e.actors.length + e.recipients.length === 2 && e.mode !== "phone");
  assert.equal(meeting?.location?.name, "Vilnius", meeting?.provenance.detail);
  assert.ok(c.filter((e) => e.mode === "phone").every((e) => !e.location));
});

test("a merged meeting dated after publication is planned, though another mention reads as held", () => {
  const { c } = consult("The talks between Emmanuel Macron and Olaf Scholz in Geneva on Jan. 10 were announced on Monday. Macron had talks with Scholz in Geneva.", "en");
  assert.equal(c.length, 1);
  assert.equal(c[0]!.date?.start, "2022-01-10");
  assert.equal(c[0]!.status, "planned", c[0]!.provenance.detail);
});

// [sentence, language, expected date]: a time before "that"/"dass" dates the saying, not the meeting after it.
const SAID_DATE: [string, "de" | "en", string][] = [
  ["A spokesman said on Monday that Emmanuel Macron would meet Olaf Scholz on Friday.", "en", "2021-12-31"],
  ["Ein Sprecher sagte am Montag, dass Emmanuel Macron am Freitag mit Olaf Scholz sprechen werde.", "de", "2021-12-31"],
];

for (const [text, lang, date] of SAID_DATE) {
  test(`the saying's time does not date the meeting: ${text.slice(0, 50)}`, () => {
    const { c } = consult(text, lang);
    assert.equal(c.length, 1);
    assert.equal(c[0]!.date?.start, date, c[0]!.provenance.detail);
  });
}

// [text, language, publication stamp, expected date of its meeting or null]: a meeting told without tense is of the publication day.
const PUBLICATION_DAY: [string, "de" | "en", string, string | null][] = [
  ["Olaf Scholz telefoniert mit Emmanuel Macron.", "de", "2021-12-29T15:00:00+01:00", "2021-12-29"],
  ["Emmanuel Macron and Olaf Scholz hold talks at the Elysee.", "en", "2021-12-29T18:30:00+01:00", "2021-12-29"],
  // A morning edition tells of the day before; a past tense or a plan is no report of today.
  ["Olaf Scholz telefoniert mit Emmanuel Macron.", "de", "2021-12-29T06:40:00+01:00", null],
  ["Emmanuel Macron met Olaf Scholz at the Elysee.", "en", "2021-12-29T15:00:00+01:00", null],
  ["Emmanuel Macron will meet Olaf Scholz at the Elysee.", "en", "2021-12-29T15:00:00+01:00", null],
];

for (const [text, lang, published, date] of PUBLICATION_DAY) {
  test(`a meeting without tense or time is of the publication day (${published.slice(11, 16)}): ${text}`, () => {
    const a = { ...emptyArticle("test", `Test\n\n${text}`, "text"), language: lang, published };
    const c = processArticle(a, ctx).layers.events!.filter((e) => e.type === "CONSULT");
    assert.equal(c.length, 1, JSON.stringify(c.map((e) => e.provenance)));
    assert.equal(c[0]!.date?.start ?? null, date, c[0]!.provenance.detail);
  });
}
