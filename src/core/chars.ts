// Character tests that run once per token: ASCII answered by comparison, anything else by the Unicode property.

const UPPER_START = /^\p{Lu}/u;

/** Whether `s` starts with an upper-case letter (Unicode Lu), as /^\p{Lu}/u.test(s) but without a regex call for ASCII. */
export function startsUpper(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER_START.test(s);
}
