// Datelines and the file's day: table tests on own texts (the publication day from "CITY, Mon. DD (Agency) -" and when "Heute, 19:11" may use the file's date).
import { test } from "node:test";
import assert from "node:assert/strict";
import { makeContext } from "../../cli/context.js";
import { processArticle } from "../../extract.js";
import { emptyArticle } from "../../ingest/article.js";

const ctx = makeContext();
const read = (text: string, lang: string, fileDate: string | null = null) => {
  const doc = processArticle({ ...emptyArticle("dateline-test", text, "text"), language: lang, fileDate }, ctx);
  return { published: doc.meta.published?.slice(0, 10) ?? null, basis: doc.meta.publishedBasis };
};

test("a dateline with its year gives the publication day from the text", () => {
  const text = "Leaders meet in Ohio\n\nCOLUMBUS, Ohio, March 3, 2024 (Wire) - Two governors met on Sunday to talk about roads. They said they would meet again.";
  assert.deepEqual(read(text, "en"), { published: "2024-03-03", basis: "text" });
});

test("a dateline without a year takes the year whose day fits the weekday the report names", () => {
  // 15 November was a Wednesday in 2023, not in 2022 or 2024; Joe Biden was president then (KB office).
  const text =
    "Talks in California\n\nWOODSIDE, Calif., Nov. 15 (Wire) - U.S. President Joe Biden and Chinese President Xi Jinping met on Wednesday for four hours.\n\nThey last met in Bali in November 2022.";
  assert.deepEqual(read(text, "en"), { published: "2023-11-15", basis: "inferred" });
});

test("a capitalised place before a date inside a sentence is no dateline", () => {
  const text = "Joe Biden said in the evening that the meeting in GENEVA, June 16 was useful - and short. The talks were held in 2021.";
  assert.notEqual(read(text, "en").basis, "text");
});

test("'Heute, 19:11' takes the file's day only when the people named were in office then", () => {
  // Karoline Leavitt is press secretary from 2025-01-20 on (KB): a file saved in 2019 cannot be that day's page.
  const text = "Heute, 19:11\n\nSprecherin Karoline Leavitt sagte am Dienstag in Washington, US-Präsident Donald Trump habe am Montag telefoniert.";
  assert.notEqual(read(text, "de", "2019-03-05T10:00:00Z").published, "2019-03-05");
  assert.deepEqual(read(text, "de", "2025-08-19T10:00:00Z"), { published: "2025-08-19", basis: "text" });
});
