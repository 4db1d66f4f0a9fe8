/**
 * The Porter (1980) suffix-stripping stemmer for English, written out here so the library stays
 * dependency-free and browser-safe. It reduces inflected and derived forms to a common stem:
 * "flights" → "flight", "travelling"/"travelled"/"traveller" → "travel", "connection" →
 * "connect", "reimbursed"/"reimbursement" → "reimburs".
 *
 * Stems are not dictionary words and need not be: the matcher stems the words of a pattern with
 * the same function as the words of the text, so only consistency matters. Over-stemming does
 * happen (for example "general" and "generous" both become "gener"); pattern authors who need a
 * sharper distinction can use a prefix term such as `generous*` instead.
 *
 * Reference: M. F. Porter, "An algorithm for suffix stripping", Program 14(3), 1980. Only
 * lower-case a–z words longer than two letters are stemmed; anything else is returned as is.
 */

function isConsonant(word: string, i: number): boolean {
  const c = word[i];
  if (c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u') return false;
  // "y" is a consonant at the start of a word or after a vowel, a vowel after a consonant.
  if (c === 'y') return i === 0 ? true : !isConsonant(word, i - 1);
  return true;
}

/** m: the number of vowel→consonant sequences, in the form [C](VC)^m[V]. */
function measure(stem: string): number {
  let m = 0;
  let i = 0;
  const n = stem.length;
  while (i < n && isConsonant(stem, i)) i++;
  while (i < n) {
    while (i < n && !isConsonant(stem, i)) i++;
    if (i >= n) break;
    while (i < n && isConsonant(stem, i)) i++;
    m++;
  }
  return m;
}

function containsVowel(stem: string): boolean {
  for (let i = 0; i < stem.length; i++) if (!isConsonant(stem, i)) return true;
  return false;
}

function endsWithDoubleConsonant(word: string): boolean {
  const n = word.length;
  return n >= 2 && word[n - 1] === word[n - 2] && isConsonant(word, n - 1);
}

/** *o: the stem ends consonant–vowel–consonant, the last consonant not w, x or y ("hop", not "snow"). */
function endsCvc(word: string): boolean {
  const n = word.length;
  if (n < 3) return false;
  const last = word[n - 1]!;
  return (
    isConsonant(word, n - 3) && !isConsonant(word, n - 2) && isConsonant(word, n - 1) && !'wxy'.includes(last)
  );
}

type SuffixTable = ReadonlyArray<readonly [suffix: string, replacement: string]>;

/** Longest suffix in the table that the word ends with; replaced only when m(stem) > minMeasure. */
function replaceSuffix(word: string, table: SuffixTable, minMeasure: number): string {
  for (const [suffix, replacement] of table) {
    if (!word.endsWith(suffix)) continue;
    const stem = word.slice(0, word.length - suffix.length);
    return measure(stem) > minMeasure ? stem + replacement : word;
  }
  return word;
}

const byLengthDesc = (table: SuffixTable): SuffixTable =>
  [...table].sort((a, b) => b[0].length - a[0].length);

const STEP2: SuffixTable = byLengthDesc([
  ['ational', 'ate'],
  ['tional', 'tion'],
  ['enci', 'ence'],
  ['anci', 'ance'],
  ['izer', 'ize'],
  ['bli', 'ble'],
  ['alli', 'al'],
  ['entli', 'ent'],
  ['eli', 'e'],
  ['ousli', 'ous'],
  ['ization', 'ize'],
  ['ation', 'ate'],
  ['ator', 'ate'],
  ['alism', 'al'],
  ['iveness', 'ive'],
  ['fulness', 'ful'],
  ['ousness', 'ous'],
  ['aliti', 'al'],
  ['iviti', 'ive'],
  ['biliti', 'ble'],
  ['logi', 'log'],
]);

const STEP3: SuffixTable = byLengthDesc([
  ['icate', 'ic'],
  ['ative', ''],
  ['alize', 'al'],
  ['iciti', 'ic'],
  ['ical', 'ic'],
  ['ful', ''],
  ['ness', ''],
]);

const STEP4_SUFFIXES = [
  'al',
  'ance',
  'ence',
  'er',
  'ic',
  'able',
  'ible',
  'ant',
  'ement',
  'ment',
  'ent',
  'ion',
  'ou',
  'ism',
  'ate',
  'iti',
  'ous',
  'ive',
  'ize',
].sort((a, b) => b.length - a.length);

function step1ab(word: string): string {
  // Step 1a: plurals.
  if (word.endsWith('sses')) word = word.slice(0, -2);
  else if (word.endsWith('ies')) word = word.slice(0, -2);
  else if (word.endsWith('ss')) {
    // unchanged
  } else if (word.endsWith('s')) word = word.slice(0, -1);

  // Step 1b: -eed, -ed, -ing.
  if (word.endsWith('eed')) {
    if (measure(word.slice(0, -3)) > 0) word = word.slice(0, -1);
    return word;
  }
  let stripped: string | undefined;
  if (word.endsWith('ed') && containsVowel(word.slice(0, -2))) stripped = word.slice(0, -2);
  else if (word.endsWith('ing') && containsVowel(word.slice(0, -3))) stripped = word.slice(0, -3);
  if (stripped === undefined) return word;

  word = stripped;
  if (word.endsWith('at') || word.endsWith('bl') || word.endsWith('iz')) return word + 'e';
  if (endsWithDoubleConsonant(word) && !/[lsz]$/.test(word)) return word.slice(0, -1);
  if (measure(word) === 1 && endsCvc(word)) return word + 'e';
  return word;
}

function step1c(word: string): string {
  return word.endsWith('y') && containsVowel(word.slice(0, -1)) ? word.slice(0, -1) + 'i' : word;
}

function step4(word: string): string {
  for (const suffix of STEP4_SUFFIXES) {
    if (!word.endsWith(suffix)) continue;
    const stem = word.slice(0, word.length - suffix.length);
    if (suffix === 'ion' && !/[st]$/.test(stem)) return word;
    return measure(stem) > 1 ? stem : word;
  }
  return word;
}

function step5(word: string): string {
  if (word.endsWith('e')) {
    const stem = word.slice(0, -1);
    const m = measure(stem);
    if (m > 1 || (m === 1 && !endsCvc(stem))) word = stem;
  }
  if (word.endsWith('ll') && measure(word) > 1) word = word.slice(0, -1);
  return word;
}

const cache = new Map<string, string>();
const CACHE_LIMIT = 20_000;

/** The Porter stem of a lower-case word; words that are not plain a–z, or ≤ 2 letters, are returned unchanged. */
export function stem(word: string): string {
  if (word.length <= 2 || !/^[a-z]+$/.test(word)) return word;
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  let result = step1ab(word);
  result = step1c(result);
  result = replaceSuffix(result, STEP2, 0);
  result = replaceSuffix(result, STEP3, 0);
  result = step4(result);
  result = step5(result);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, result);
  return result;
}
