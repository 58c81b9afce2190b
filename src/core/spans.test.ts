// Span lookups: containing span by offset, tokens covered by other layers.
import { test } from "node:test";
import assert from "node:assert/strict";
import { coveredTokens, spanAt } from "./spans.js";

const tokens = [
  { start: 0, end: 3 },
  { start: 4, end: 9 },
  { start: 10, end: 12 },
  { start: 13, end: 20 },
  { start: 21, end: 25 },
];

test("coveredTokens marks every token a span overlaps, whatever the spans' order or overlaps", () => {
  assert.deepEqual([...coveredTokens(tokens, [])], [0, 0, 0, 0, 0]);
  assert.deepEqual([...coveredTokens(tokens, [{ start: 5, end: 11 }])], [0, 1, 1, 0, 0]);
  assert.deepEqual([...coveredTokens(tokens, [{ start: 21, end: 25 }, { start: 0, end: 1 }])], [1, 0, 0, 0, 1]);
  // A long span and a short one inside it; a span between tokens covers nothing.
  assert.deepEqual([...coveredTokens(tokens, [{ start: 4, end: 20 }, { start: 10, end: 11 }, { start: 20, end: 21 }])], [0, 1, 1, 1, 0]);
});

test("spanAt finds the containing span and nothing in gaps", () => {
  assert.equal(spanAt(tokens, 5), tokens[1]);
  assert.equal(spanAt(tokens, 9), undefined);
  assert.equal(spanAt(tokens, 24), tokens[4]);
});
