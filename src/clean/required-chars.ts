// Characters every match of a regex must contain, read from its source: a line without them is skipped untested.

/** Characters with no case variants (no letter, digit or symbol such as "Ⓐ" that has a case pair): a case-insensitive pattern still needs them exactly as written. */
const caseless = (c: string) => !/[\p{L}\p{N}]/u.test(c) && c.toLowerCase() === c && c.toUpperCase() === c;
/** Characters that mean something in a pattern outside a class (they are never literal there unless escaped). */
const SPECIAL = new Set([..."^$.|?*+()[]{}\\"]);

/**
 * The caseless literal characters at the top level of `source` that are not optional: when a pattern is a plain
 * sequence (no top-level "|"), each such character must occur in any string it matches. Anything this reader does
 * not understand gives fewer characters, never a wrong one: the result only ever lets a test be skipped that fails.
 */
export function requiredChars(source: string): string[] {
  const out: string[] = [];
  let i = 0;
  let depth = 0;
  while (i < source.length) {
    const c = source[i]!;
    let literal: string | null = null;
    if (c === "\\") {
      const e = source[i + 1];
      if (e === undefined) return [];
      // \p{..}, \u{..}, \x.., \cX, back-references and class escapes are not literals; neither are letters or digits.
      if (e === "p" || e === "P" || e === "u" || e === "x" || e === "c" || e === "k") {
        i = skipEscape(source, i);
        continue;
      }
      if (!/[\p{L}\p{N}]/u.test(e)) literal = e;
      i += 2;
    } else if (c === "[") {
      i = skipClass(source, i);
    } else if (c === "(") {
      depth++;
      i++;
      continue;
    } else if (c === ")") {
      depth--;
      i++;
    } else if (c === "|") {
      // A top-level alternative: nothing is required of every match (inside groups the whole group is skipped below).
      if (depth === 0) return [];
      i++;
      continue;
    } else {
      if (!SPECIAL.has(c)) literal = c;
      i++;
    }
    // A quantifier after the atom that allows zero repetitions makes it optional.
    const optional = isOptionalQuantifier(source, i);
    i = skipQuantifier(source, i);
    if (depth === 0 && literal !== null && !optional && caseless(literal)) out.push(literal);
  }
  return [...new Set(out)];
}

function skipEscape(source: string, i: number): number {
  const e = source[i + 1]!;
  if ((e === "p" || e === "P" || e === "u" || e === "k") && (source[i + 2] === "{" || source[i + 2] === "<")) {
    const close = source.indexOf(e === "k" ? ">" : "}", i + 2);
    return close < 0 ? source.length : close + 1;
  }
  if (e === "x") return i + 4;
  if (e === "u") return i + 6;
  return i + 2;
}

function skipClass(source: string, i: number): number {
  let j = i + 1;
  while (j < source.length && source[j] !== "]") j += source[j] === "\\" ? 2 : 1;
  return j + 1;
}

function isOptionalQuantifier(source: string, i: number): boolean {
  const q = source[i];
  return q === "?" || q === "*" || (q === "{" && /^\{0\s*[,}]/.test(source.slice(i, i + 4)));
}

function skipQuantifier(source: string, i: number): number {
  const q = source[i];
  let j = i;
  if (q === "?" || q === "*" || q === "+") j++;
  else if (q === "{") {
    const m = /^\{\d*(,\d*)?\}/.exec(source.slice(i));
    if (m) j += m[0].length;
  }
  // Lazy or possessive marker.
  if (j > i && source[j] === "?") j++;
  return j;
}
