// Property tests per stage: after every stage of the pipeline all spans are valid and the layers deterministic; the sentence splitter and tokenizer on any text and on huge lines.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { makeContext } from "../cli/context.js";
import { DossierError } from "../core/errors.js";
import { LIMITS } from "../core/limits.js";
import { toRecord } from "../core/record.js";
import { prepare } from "../extract.js";
import { emptyArticle } from "../ingest/article.js";
import { anyString, anyText, assertLayers, newsText, runs } from "../test/arbitraries.js";
import { STAGES } from "./pipeline.js";
import { splitSentences, toSentences } from "./sentences/split.js";
import { tokenize } from "./tokens/tokenize.js";

const ctx = makeContext();

/** Runs the stages one by one, checking every layer after each; a coded error (no article left) is an answer too. */
function staged(text: string, language: string | null): string {
  const a = emptyArticle("prop", text, "text");
  a.language = language;
  let doc;
  try {
    doc = prepare(a, ctx);
    for (const stage of STAGES) {
      doc = stage.run(doc, ctx);
      assertLayers(doc);
    }
  } catch (e) {
    assert.ok(e instanceof DossierError, `non-coded exception: ${(e as Error)?.stack}`);
    return `error ${e.code}`;
  }
  return JSON.stringify(toRecord(doc));
}

test("every stage leaves valid spans on news-like text in German and English, and the same input gives the same layers", () => {
  fc.assert(
    fc.property(newsText, fc.constantFrom("de", "en", null), (text, lang) => {
      assert.equal(staged(text, lang), staged(text, lang));
    }),
    runs("stages:news"),
  );
});

function checkSentences(text: string, lang: string): void {
  const spans = splitSentences(text, lang);
  let last = 0;
  for (const s of spans) {
    assert.ok(s.start >= last && s.start < s.end && s.end <= text.length, `sentence [${s.start},${s.end}) after ${last}`);
    assert.ok(s.end - s.start <= LIMITS.maxSentenceChars, `a sentence of ${s.end - s.start} characters`);
    assert.ok(!/^\s|\s$/.test(text.slice(s.start, s.end)), "sentences are trimmed");
    last = s.end;
  }
  // Nothing but white space falls between sentences.
  let prev = 0;
  for (const s of spans) {
    assert.ok(!/\S/.test(text.slice(prev, s.start)), `text lost before ${s.start}`);
    prev = s.end;
  }
  assert.ok(!/\S/.test(text.slice(prev)), "text lost at the end");
}

test("the sentence splitter covers every non-space character exactly once, in order, on any text and on long lines", () => {
  const longLine = fc.tuple(newsText, fc.integer({ min: 1, max: 300 })).map(([t, k]) => t.replace(/\n/g, " ").repeat(k));
  fc.assert(
    fc.property(fc.oneof({ weight: 9, arbitrary: anyText }, { weight: 1, arbitrary: longLine }), fc.constantFrom("de", "en"), (text, lang) => checkSentences(text, lang)),
    runs("stages:sentences"),
  );
});

test("tokens lie inside their sentences, in order, and cover every non-space character", () => {
  fc.assert(
    fc.property(fc.oneof(newsText, anyString), (text) => {
      const sentences = toSentences(splitSentences(text, "de"));
      const tokens = tokenize(text, sentences);
      let last = 0;
      for (const k of tokens) {
        const s = sentences[k.sentence]!;
        assert.ok(k.start >= s.start && k.end <= s.end && k.start < k.end && k.start >= last);
        last = k.end;
      }
      let covered = 0;
      for (const k of tokens) covered += k.end - k.start;
      const nonSpace = sentences.reduce((n, s) => n + text.slice(s.start, s.end).replace(/\s/g, "").length, 0);
      assert.equal(covered, nonSpace, "every non-space character of a sentence is in one token");
    }),
    runs("stages:tokens"),
  );
});
