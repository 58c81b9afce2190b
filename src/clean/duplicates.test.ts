// Duplicates: agency copies with small edits are near duplicates of the first copy; different articles are not.
import { test } from "node:test";
import assert from "node:assert/strict";
import { DuplicateIndex } from "./duplicates.js";

const BODY = Array.from(
  { length: 12 },
  (_, i) => `Die Außenminister trafen sich am Dienstag in Genf zum ${i + 1}. Mal, um über die Lage an der Grenze und mögliche Schritte zu sprechen.`,
).join(" ");

test("exact copies (up to punctuation and line breaks) and near copies are linked to the first; other texts are not", () => {
  const idx = new DuplicateIndex();
  assert.deepEqual(idx.add("a", BODY), { duplicateOf: null, kind: null, similarity: 0 });
  const exact = idx.add("b", BODY.replace(/\. /g, ".\n\n").replace(/,/g, " ,"));
  assert.equal(exact.duplicateOf, "a");
  assert.equal(exact.kind, "exact");
  // One outlet adds a closing credit and changes one word: still the same agency text.
  const near = idx.add("c", BODY.replace("Grenze", "Grenzlinie") + " (dpa)");
  assert.equal(near.duplicateOf, "a");
  assert.equal(near.kind, "near");
  assert.ok(near.similarity >= 0.9);
  const other = idx.add("d", "Der Kanzler reiste nach Paris und sprach dort mit dem Präsidenten über den Haushalt der Union und die Agrarpolitik.");
  assert.equal(other.duplicateOf, null);
  // Half the text changed is a different article.
  const half = idx.add("e", BODY.slice(0, BODY.length / 2) + " " + "Ganz andere Sätze folgen hier über Handel, Zölle und Häfen. ".repeat(10));
  assert.equal(half.duplicateOf, null);
});

test("readAllInputs with a DuplicateIndex marks the second copy of an article", async () => {
  const { mkdtempSync, writeFileSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const { readAllInputs } = await import("../ingest/read-all.js");
  const d = mkdtempSync(join(tmpdir(), "dossier-dup-"));
  writeFileSync(join(d, "1-outlet-a.txt"), BODY);
  writeFileSync(join(d, "2-outlet-b.txt"), "Genf (dpa) – " + BODY);
  writeFileSync(join(d, "3-other.txt"), "Der Kanzler reiste nach Paris und sprach dort mit dem Präsidenten über den Haushalt.");
  const got: (string | null | undefined)[] = [];
  for await (const r of readAllInputs([d], { duplicates: new DuplicateIndex() })) if ("article" in r) got.push(r.article.duplicateOf);
  assert.deepEqual(got, [null, join(d, "1-outlet-a.txt"), null]);
});
