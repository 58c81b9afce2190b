// The store against hostile content: CSV exports neutralize spreadsheet formulas, and any search string is literal text for FTS (never query syntax or SQL).
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import fc from "fast-check";
import { DossierError } from "../core/errors.js";
import { fixtureRecord, PUTIN, TRUMP } from "../story/fixtures.js";
import { anyString, runs } from "../test/arbitraries.js";
import { csvField, exportStore } from "./export.js";
import { ingestRecords } from "./ingest.js";
import { openStore } from "./open.js";
import { counts, search } from "./queries.js";
import { SqliteStore } from "./sqlite-backend.js";

const dir = mkdtempSync(join(tmpdir(), "dossier-safety-"));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Parses one CSV line of ours (RFC 4180 quoting) back into fields. */
function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let f = "";
      i++;
      for (;;) {
        if (line[i] === '"' && line[i + 1] === '"') (f += '"'), (i += 2);
        else if (line[i] === '"') break;
        else f += line[i++];
      }
      out.push(f);
      i += 2;
    } else {
      const j = line.indexOf(",", i);
      out.push(line.slice(i, j < 0 ? line.length : j));
      i = j < 0 ? line.length + 1 : j + 1;
    }
  }
  return out;
}

test("CSV fields never start with a formula character, and read back to the text behind the apostrophe", () => {
  const table: [string | number | null, string][] = [
    ["=HYPERLINK(\"http://evil\",\"x\")", `"'=HYPERLINK(""http://evil"",""x"")"`],
    ["+1+1", "'+1+1"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["\r=1", "\"'\r=1\""],
    ["Geneva", "Geneva"],
    [42, "42"],
    [-1, "-1"],
    [null, ""],
  ];
  for (const [v, want] of table) assert.equal(csvField(v), want, JSON.stringify(v));
  fc.assert(
    fc.property(anyString, (s) => {
      const f = parseCsvLine(csvField(s));
      assert.equal(f.length, 1, JSON.stringify(s));
      assert.ok(!/^[=+\-@\t\r]/.test(f[0]!), JSON.stringify(f[0]));
      assert.equal(/^[=+\-@\t\r]/.test(s) ? f[0]!.slice(1) : f[0], s);
    }),
    runs("store:csv"),
  );
});

test("an exported CSV of hostile names and outlets has no cell a spreadsheet would run", async () => {
  const db = openStore(join(dir, "csv.db"));
  const r = fixtureRecord({
    name: "hostile", published: "2025-08-10", outlet: "=cmd|' /C calc'!A0",
    events: [{ status: "held", date: ["2025-08-09", "2025-08-09"], place: "@SUM(1+1)", actors: [TRUMP], recipients: [PUTIN] }],
  });
  ingestRecords(db, null, [r]);
  const lines = (await exportStore(new SqliteStore(db, "csv.db"), "csv", "2025-09-01")).trim().split("\r\n");
  assert.equal(lines.length, 2);
  const cells = parseCsvLine(lines[1]!);
  assert.ok(cells.includes("'=cmd|' /C calc'!A0"), cells.join(" | "));
  assert.ok(cells.includes("'@SUM(1+1)"), cells.join(" | "));
  for (const c of cells) assert.ok(!/^[=+@\t\r]/.test(c), c);
  db.close();
});

test("search: any string finds literal text or says it needs a word; FTS syntax and SQL are inert", () => {
  const db = openStore(join(dir, "search.db"));
  ingestRecords(db, null, [
    fixtureRecord({ name: "a", published: "2025-08-10", text: "Trump and Putin met in Alaska. NEAR the end \"quoted\" words * stars.", events: [{ status: "held", actors: [TRUMP], recipients: [PUTIN] }] }),
  ]);
  const before = counts(db);
  const hostile = ['"', "NEAR(", "NEAR(Trump Putin)", "*", "Trump*", "'; DROP TABLE documents; --", "text: Alaska", "a OR b)", "(", "^Trump", "-Putin", "{text}: x"];
  const query = fc.oneof(fc.constantFrom(...hostile), anyString, fc.array(fc.constantFrom(...hostile), { maxLength: 4 }).map((a) => a.join(" ")));
  fc.assert(
    fc.property(query, (s) => {
      try {
        for (const h of search(db, s)) assert.equal(typeof h.docId, "string");
      } catch (e) {
        assert.ok(e instanceof DossierError && e.code === "USAGE", `${JSON.stringify(s)}: ${(e as Error).message}`);
      }
    }),
    runs("store:search"),
  );
  // Operators are words: "NEAR(" finds the document that contains the word NEAR.
  assert.equal(search(db, "NEAR(").length, 1);
  assert.deepEqual(counts(db), before);
  db.close();
});
