// Text normalization shared by lexicon lookup, the KB index and evaluation.

/** Case-folded, diacritics removed, ß → ss: the form aliases are indexed under. */
export function fold(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/ß/g, "ss");
}

/** Fold and collapse everything that is not a letter or digit to single spaces. */
export function foldWords(s: string): string {
  return fold(s)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
