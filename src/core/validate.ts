// Validates records against schema/extraction.schema.json and checks every offset against the text.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import AjvModule from "ajv";
import { SCHEMA_DIR } from "./paths.js";

const Ajv = (AjvModule as any).default ?? AjvModule;
let validator: ((x: unknown) => boolean) & { errors?: unknown } | null = null;

/** Problems with a record: schema violations and spans whose text is not `text.slice(start, end)`. */
export function recordProblems(rec: any): string[] {
  if (!validator) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    validator = ajv.compile(JSON.parse(readFileSync(join(SCHEMA_DIR, "extraction.schema.json"), "utf8")));
  }
  const out: string[] = [];
  if (!validator!(rec)) out.push(`schema: ${JSON.stringify(validator!.errors).slice(0, 500)}`);
  if (rec?.error) return out;
  const text: string = rec?.document?.text ?? "";
  const check = (what: string, s: any) => {
    if (!s || typeof s.start !== "number") return;
    if (s.start < 0 || s.end > text.length || s.start > s.end) out.push(`${what}: offsets [${s.start},${s.end}) outside the text`);
    else if (typeof s.text === "string" && text.slice(s.start, s.end) !== s.text) out.push(`${what}: text ${JSON.stringify(s.text)} is not text.slice(${s.start}, ${s.end})`);
  };
  for (const e of rec.entities ?? []) for (const m of e.mentions ?? []) check(`mention of ${e.id}`, m);
  for (const t of rec.times ?? []) check("time", t);
  for (const q of rec.quotes ?? []) check(`quote ${q.id}`, q);
  for (const e of rec.events ?? []) check(`evidence of ${e.id}`, e.evidence);
  return out;
}
