// People the KB does not know: capitalized name sequences confirmed by a first name, a title, a reporting verb or an apposition.
import { startsUpper } from "../../core/chars.js";
import type { Document, Token } from "../../core/types.js";
import { tokenKey } from "../../kb/alias-trie.js";
import type { NameLexicon } from "./name-lexicon.js";

export interface LocalPerson {
  id: string;
  name: string;
  /** Folded keys the person is called by alone ("badrakhan"; "al bunni" and "bunni"). */
  surnames: string[][];
}

export interface LocalSpan {
  startTok: number;
  endTok: number;
  person: LocalPerson;
  rule: string;
}

const isUpperStart = startsUpper;
const isAllCaps = (s: string) => s.length > 1 && s === s.toUpperCase() && /\p{Lu}/u.test(s);

/**
 * Finds full names of unknown people. `blocked[i]` marks tokens inside a KB match that is not a
 * bare surname (countries, organizations, known people's full names): a name never crosses them.
 */
export function findUnknownPersons(
  doc: Document,
  keys: (string | null)[],
  blocked: Uint8Array,
  surnames: [number, number][],
  lex: NameLexicon,
  lang: string,
): LocalSpan[] {
  // surnameOnly[t] = 1 + index of the KB bare-surname match covering token t.
  const surnameOnly = new Uint16Array(keys.length);
  const surnameSpan = surnames;
  surnames.forEach(([a, b], n) => {
    for (let k = a; k <= b; k++) surnameOnly[k] = n + 1;
  });
  const tokens = doc.layers.tokens!;
  const text = doc.text;
  const raw = (i: number) => text.slice(tokens[i]!.start, tokens[i]!.end);
  const glued = (a: number, b: number) => tokens[a]!.end === tokens[b]!.start;
  const people = new Map<string, LocalPerson>();
  const out: LocalSpan[] = [];
  const singles: { startTok: number; endTok: number; key: string; name: string; rule: string }[] = [];
  const german = lang === "de";
  const headline = titleCaseSentences(tokens, text, german);

  // 1: starts with a capital, not all capitals, not a non-name word; computed once per token.
  const cap = new Uint8Array(tokens.length);
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind !== "word" || blocked[k] === 1 || !isUpperStart(text[t.start]!)) continue;
    const r = raw(k);
    if (isAllCaps(r) || lex.nonNameWords.has(keys[k]!)) continue;
    // A one-word KB match ("Wagner", "Paris") is a name part only right after a first name.
    if (blocked[k] === 2 && !(k > 0 && cap[k - 1] === 1 && lex.firstNames.has(keys[k - 1]!) && tokens[k - 1]!.end + 1 === t.start)) continue;
    cap[k] = 1;
  }
  const capWord = (i: number): boolean => cap[i] === 1;

  let i = 0;
  while (i < tokens.length) {
    if (!capWord(i) || lex.functionWords.has(keys[i]!) && isSentenceStart(tokens, i)) {
      i++;
      continue;
    }
    // Titles written in capitals before the name are cues, not name parts: "Professor Mesut Casin".
    let start = i;
    let titled = i > 0 && isTitle(tokens, keys, start - 1, lex);
    while (capWord(start) && lex.titles.has(keys[start]!) && capWord(start + 1)) {
      titled = true;
      start++;
    }
    // Grow the name: capitalized words, initials ("Charles Q. Brown"), particles ("Anwar al-Bunni"), hyphenated parts.
    const words: number[] = [start];
    let end = start;
    const startsWithFirst = lex.firstNames.has(keys[start]!);
    let closed = false;
    for (let k = start + 1; k < tokens.length && words.length < 5; ) {
      const t = tokens[k]!;
      if (t.sentence !== tokens[start]!.sentence) break;
      const ch = text[t.start];
      if (t.kind === "punct" && ch === "-" && glued(end, k) && tokens[k + 1] && glued(k, k + 1) && tokens[k + 1]!.kind === "word" && !blocked[k + 1]) {
        end = k + 1; // "Jae-in", "Berisha-Malltezi"
        k += 2;
        continue;
      }
      if (t.kind === "punct" && ch === "." && glued(end, k) && raw(end).length === 1) {
        end = k; // initial "Q."
        k++;
        continue;
      }
      if (t.kind === "word" && lex.particles.has(keys[k]!) && !isUpperStart(raw(k))) {
        const n1 = tokens[k + 1];
        const hyph = n1 && text[n1.start] === "-" && glued(k, k + 1) ? 2 : 1;
        // Words that are also articles or prepositions ("den", "zu", "an") join a name only glued ("as-Sisi")
        // or after a strong particle ("von der Leyen"); "Neil Armstrong den Mond" is no name.
        const weak = lex.weakParticles.has(keys[k]!) && hyph === 1 && !(k > 0 && keys[k - 1] != null && lex.particles.has(keys[k - 1]!) && !lex.weakParticles.has(keys[k - 1]!));
        if (!weak && capWord(k + hyph)) {
          words.push(k + hyph);
          end = k + hyph;
          k += hyph + 1;
          continue;
        }
        break;
      }
      // After a first name, the first word that is no first name is the surname: the name ends there
      // ("Matthew Williams Liebeskummer"), unless a particle or hyphen continues it.
      if (!closed && capWord(k) && !(lex.titles.has(keys[k]!) && !lex.firstNames.has(keys[k]!))) {
        words.push(k);
        end = k;
        if (startsWithFirst && !lex.firstNames.has(keys[k]!)) closed = true;
        k++;
        continue;
      }
      break;
    }
    if (words.length === 1 && end === start && !surnameOnly[start] && !lex.firstNames.has(keys[start]!) && !lex.ambiguousFirstNames.has(keys[start]!) && !headline[tokens[start]!.sentence]) {
      // A surname alone needs two cues: "Handelsminister Gref sagte", "sagte Gref." / "said Smith,".
      const prevK = start - 1;
      const nextK = start + 1;
      const sameSent = (k: number) => k >= 0 && k < tokens.length && tokens[k]!.sentence === tokens[start]!.sentence;
      const repB = sameSent(prevK) && keys[prevK] != null && lex.reportingVerbs.has(keys[prevK]!);
      const repA = sameSent(nextK) && keys[nextK] != null && lex.reportingVerbs.has(keys[nextK]!);
      const closes = !sameSent(nextK) || (tokens[nextK]!.kind === "punct" && /[.,;:]/.test(text[tokens[nextK]!.start]!));
      if ((titled && (repA || repB || isApposition(tokens, keys, text, nextK, lex, german))) || (repB && closes && isUpperStart(raw(start)) && prevK >= 0 && !isSentenceStart(tokens, prevK))) {
        singles.push({ startTok: start, endTok: start, key: keys[start]!, name: raw(start), rule: titled ? "unknown-person:title-surname" : "unknown-person:reporting-surname" });
      }
    }
    if (words.length < 2 || words.length > 4) {
      i = words.length > 1 ? words[1]! : end + 1; // retry inside: "Fox-News-Moderators Sean Hannity"
      continue;
    }
    // Part of a longer capitalized phrase ("Strategic Stability Dialogue", "Marc Fogel Foundation"): no person without a first name.
    const p0 = tokens[start - 1];
    const inPhrase =
      (p0 && p0.kind === "word" && p0.sentence === tokens[start]!.sentence && isUpperStart(raw(start - 1)) && !lex.titles.has(keys[start - 1]!) && !lex.functionWords.has(keys[start - 1]!) && !lex.reportingVerbs.has(keys[start - 1]!)) ||
      (tokens[end + 1] && tokens[end + 1]!.kind === "word" && isUpperStart(raw(end + 1)) && lex.nonNameWords.has(keys[end + 1]!));
    // The whole sequence is a known person's surname ("Al Saud"): the KB explains it.
    if (surnameOnly[start] && surnameOnly[start] === surnameOnly[end] && surnameSpan[surnameOnly[start]! - 1]![0] === start && surnameSpan[surnameOnly[start]! - 1]![1] === end) {
      i = end + 1;
      continue;
    }
    const firstKey = keys[start]!;
    const first = lex.firstNames.has(firstKey);
    const ambiguousFirst = lex.ambiguousFirstNames.has(firstKey);
    const prev = start - 1;
    const reportBefore = prev >= 0 && tokens[prev]!.sentence === tokens[start]!.sentence && keys[prev] != null && lex.reportingVerbs.has(keys[prev]!);
    const next = end + 1;
    const reportAfter = next < tokens.length && keys[next] != null && lex.reportingVerbs.has(keys[next]!) && tokens[next]!.sentence === tokens[end]!.sentence;
    const appos = isApposition(tokens, keys, text, next, lex, german);
    const cues = (titled ? 1 : 0) + (reportBefore ? 1 : 0) + (reportAfter ? 1 : 0) + (appos ? 1 : 0);
    // German capitalizes every noun: without a first name it takes two cues.
    const ok = first ? !(inPhrase && lex.nonNameWords.has(keys[end + 1] ?? "")) : headline[tokens[start]!.sentence] || inPhrase ? false : ambiguousFirst ? cues >= 1 : german ? cues >= 2 : cues >= 1;
    if (!ok) {
      i = words.length > 1 ? words[1]! : end + 1; // retry inside: "Fox-News-Moderators Sean Hannity"
      continue;
    }
    const name = text.slice(tokens[start]!.start, tokens[end]!.end);
    const id = `local:person:${words.map((w) => keys[w]).join("-")}`;
    let person = people.get(id);
    if (!person) {
      person = { id, name, surnames: surnamesOf(words, end, keys, lex, tokens, text) };
      people.set(id, person);
    }
    const rule = first ? "unknown-person:first-name" : titled ? "unknown-person:title" : reportBefore || reportAfter ? "unknown-person:reporting" : "unknown-person:apposition";
    out.push({ startTok: start, endTok: end, person, rule });
    i = end + 1;
  }
  // Surnames alone become people of their own only when no full name in the document ends in them.
  const known = new Set([...people.values()].flatMap((p) => p.surnames.map((x) => x.join(" "))));
  for (const sg of singles) {
    if (known.has(sg.key)) continue;
    const id = `local:person:${sg.key}`;
    let person = people.get(id);
    if (!person) {
      person = { id, name: sg.name, surnames: [[sg.key]] };
      people.set(id, person);
    }
    out.push({ startTok: sg.startTok, endTok: sg.endTok, person, rule: sg.rule });
  }
  return out.sort((a, b) => a.startTok - b.startTok);
}

/** Sentences in title case ("Taliban Chief Hails Troop Exit"): capitals there say nothing about names. */
function titleCaseSentences(tokens: Token[], text: string, german: boolean): Uint8Array {
  const n = tokens.length ? tokens[tokens.length - 1]!.sentence + 1 : 0;
  const words = new Uint16Array(n);
  const caps = new Uint16Array(n);
  for (const t of tokens) {
    if (t.kind !== "word" || t.end - t.start < 4) continue;
    words[t.sentence]!++;
    if (startsUpper(text[t.start]!)) caps[t.sentence]!++;
  }
  const out = new Uint8Array(n);
  // German capitalizes nouns, so only near-complete capitalization counts there.
  for (let s = 0; s < n; s++) if (words[s]! >= 3 && caps[s]! / words[s]! >= (german ? 0.9 : 0.75)) out[s] = 1;
  return out;
}

function isSentenceStart(tokens: Token[], i: number): boolean {
  return i === 0 || tokens[i - 1]!.sentence !== tokens[i]!.sentence || tokens[i - 1]!.kind === "punct";
}

function isTitle(tokens: Token[], keys: (string | null)[], k: number, lex: NameLexicon): boolean {
  if (k < 0 || tokens[k]!.kind === "punct" && k > 0 && tokens[k]!.end - tokens[k]!.start === 1) {
    // "Gen. Charles Brown": a title abbreviation before its period.
    if (k > 0 && keys[k - 1] != null && lex.titles.has(keys[k - 1]!)) return true;
    return false;
  }
  const key = keys[k];
  if (key == null) return false;
  if (lex.titles.has(key)) return true;
  // German compounds ending in a title noun: "US-Sondergesandter", "Kremlsprecher".
  return key.length > 8 && lex.titleSuffixes.some((x) => key.endsWith(x));
}

function isApposition(tokens: Token[], keys: (string | null)[], text: string, next: number, lex: NameLexicon, german: boolean): boolean {
  const comma = tokens[next];
  if (!comma || text[comma.start] !== "," || comma.end - comma.start !== 1) return false;
  const w = tokens[next + 1];
  if (!w || w.sentence !== comma.sentence || w.kind !== "word") return false;
  const key = keys[next + 1]!;
  if (lex.appositionStarts.has(key)) return true;
  // English appositions open with a lower-case noun phrase: "Ken Gause, director of ...".
  return !german && /^\p{Ll}/u.test(text[w.start]!) && !lex.reportingVerbs.has(key) && !lex.appositionNonStarts.has(key);
}

function surnamesOf(words: number[], end: number, keys: (string | null)[], lex: NameLexicon, tokens: Token[], text: string): string[][] {
  const lastStart = words[words.length - 1]!;
  // A hyphenated last part stays whole: "Berisha-Malltezi" → "berisha malltezi".
  const lastKeys: string[] = [];
  for (let k = lastStart; k <= end; k++) if (tokens[k]!.kind === "word") lastKeys.push(keys[k]!);
  const out: string[][] = [];
  let p = lastStart - 1;
  if (p >= 0 && text[tokens[p]!.start] === "-") p--;
  if (p >= 0 && p > words[0]! && keys[p] != null && lex.particles.has(keys[p]!) && !words.includes(p)) out.push([keys[p]!, ...lastKeys]);
  out.push(lastKeys);
  return out;
}
