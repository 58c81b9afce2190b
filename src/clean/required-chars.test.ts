// Table tests for the required characters of boilerplate patterns: only characters every match must contain.
import { test } from "node:test";
import assert from "node:assert/strict";
import { requiredChars } from "./required-chars.js";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { EXAMPLES_DIR } from "../core/paths.js";
import { boilerplateRules, lineMatches } from "./rules.js";

test("required characters: top-level literals that are not optional", () => {
  const rows: [string, string[]][] = [
    ["\\b[\\p{L}.-]+(\\s[\\p{L}.-]+){0,3}\\s?\\/\\s?(AP|dpa)$", ["/"]],
    ["^\\d{1,2}:\\d{2}(\\s?(am|pm))?$", [":"]],
    ["\\s©\\s?[^.!?©]{2,60}$", ["©"]],
    ["^\\((Credit|Photo)\\s*:.{1,100}\\)$", ["(", ":", ")"]],
    // Optional, inside a group or a class, or after a top-level alternative: not required.
    ["^a:?b", []],
    ["^(x:y)", []],
    ["^[:/]", []],
    ["a:|b", []],
    ["^x\\u00a0y", []],
    // Letters are never required: a case-insensitive pattern accepts either case (and Unicode folds more).
    ["^Foto:", [":"]],
    ["\\p{Lu}\\/(?!:)", ["/"]],
  ];
  for (const [src, want] of rows) assert.deepEqual(requiredChars(src), want, src);
});

test("skipping lines without the required characters changes no rule's verdict on the bundled examples", () => {
  const lines = readdirSync(join(EXAMPLES_DIR, "corpus")).flatMap((f) => readFileSync(join(EXAMPLES_DIR, "corpus", f), "utf8").split("\n"));
  // Boilerplate a rule removes, so that matches are checked too, not only misses.
  lines.push("Foto: dpa", "Max Muster / AP", "12:30", "Startseite / Politik / Ausland", "(Lesen Sie auch: Mehr)", "Text © Muster Verlag");
  for (const r of boilerplateRules()) {
    r.re.lastIndex = 0;
    for (const line of lines.map((l) => l.trim())) {
      r.re.lastIndex = 0;
      const full = r.re.test(line);
      r.re.lastIndex = 0;
      assert.equal(r.scope === "line" ? lineMatches(r, line) : full && r.needs.every((ch) => line.includes(ch)), r.scope === "line" && line.length > r.maxLength ? false : full, `${r.id}: ${line}`);
    }
  }
});
