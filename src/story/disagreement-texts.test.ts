// From text to disagreement: two own short articles (a claim that a three-way summit was agreed, a denial that it was discussed) end as one cluster with a status conflict.
import { test } from "node:test";
import assert from "node:assert/strict";
import { makeContext } from "../cli/context.js";
import { toRecord } from "../core/record.js";
import { processArticle } from "../extract.js";
import { emptyArticle } from "../ingest/article.js";
import { detectConflicts } from "./conflicts.js";
import { kbLookup } from "./kb-lookup.js";
import { mergeRecords } from "./merge-records.js";

const ctx = makeContext();
const article = (name: string, outlet: string, published: string, body: string) =>
  toRecord(processArticle({ ...emptyArticle(`${name}.txt`, body, "text"), language: "de", outlet, published }, ctx));

test("a claimed three-way summit and the denial that it was discussed become one cluster with a status conflict, both sides with their sources and evidence", () => {
  const claim = article(
    "claim",
    "Testblatt A",
    "2025-08-16T09:00:00+02:00",
    "Trump: Dreiergipfel mit Putin und Selenskyj vereinbart\n\nWashington (dpa) - US-Präsident Donald Trump hat nach eigenen Worten mit Kremlchef Wladimir Putin ein Dreiertreffen mit dem ukrainischen Präsidenten Wolodymyr Selenskyj vereinbart. Das Treffen solle in den kommenden Wochen stattfinden, sagte Trump am Freitagabend.",
  );
  const denial = article(
    "denial",
    "Testblatt B",
    "2025-08-16T15:00:00+02:00",
    "Kreml: Dreiertreffen war kein Thema\n\nMoskau (dpa) - Ein Dreiertreffen von Putin, Trump und Selenskyj ist nach Angaben des Kremls nicht besprochen worden. Das sagte der außenpolitische Berater Juri Uschakow am Samstag in Moskau.",
  );
  const lookup = kbLookup(ctx.kb);
  const story = mergeRecords([claim, denial], lookup);
  const conflicts = [...story.index.clusters.values()].flatMap((c) => detectConflicts(c, lookup)).filter((k) => k.field === "status");
  assert.equal(conflicts.length, 1, JSON.stringify(story.events.map((e) => [e.source, e.status, e.actors, e.recipients])));
  const sides = conflicts[0]!.sides;
  assert.deepEqual(sides.map((s) => s.value), ["denied", "planned"]);
  assert.deepEqual(sides.map((s) => s.events[0]!.outlet), ["Testblatt B", "Testblatt A"]);
  assert.match(sides[0]!.events[0]!.evidence, /nicht besprochen/);
  assert.match(sides[1]!.events[0]!.evidence, /vereinbart/);
});
