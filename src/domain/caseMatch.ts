/**
 * Similar past cases (SPEC §2.12): the kept cases a lagging, overdue or blocked task's card shows,
 * those of the same category or sharing words with its delay reason. Chinese is written without
 * spaces, so a text's words are its character bigrams (等待客户 → 等待 待客 客户) plus whole Latin
 * words and numbers; stop-words (的 了 在 and, the …) and punctuation are dropped first, so one
 * shared character or a shared "的" is never a match. Cases rank by the words they share.
 */
import type { CaseCategory } from './enums';

/** A kept case as the matcher reads it. */
export interface PastCase {
  readonly id: string;
  readonly problem: string;
  readonly rootCause: string;
  readonly countermeasure: string;
  readonly tags: string;
  readonly category: CaseCategory | undefined;
}

export interface CaseQuery {
  /** The task's latest delay reason ('' when it gave none). */
  readonly reason: string;
  /** A category to match whole: the one the reason's words suggest. */
  readonly category: CaseCategory | undefined;
}

export interface SimilarCase<C extends PastCase = PastCase> {
  readonly pastCase: C;
  /** Words the case shares with the reason. */
  readonly shared: number;
  readonly sameCategory: boolean;
}

/** How many cases a card shows. */
export const SIMILAR_LIMIT = 3;

/** Characters and words that say nothing about a problem: grammar, not content. */
const STOP_CHARS = new Set([...'的了在是和与及或也就都而被把对为从向给着过吗呢吧啊之其这那有']);
const STOP_WORDS = new Set([
  'a',
  'an',
  'and',
  'are',
  'as',
  'at',
  'be',
  'by',
  'for',
  'from',
  'in',
  'is',
  'it',
  'of',
  'on',
  'or',
  'the',
  'to',
  'was',
  'were',
  'with',
]);

const HAN = /\p{Script=Han}/u;
const LATIN_WORD = /[\p{L}\p{N}]/u;

/**
 * The text's words: each pair of neighbouring Chinese characters (stop characters and punctuation
 * break a run), and each Latin word or number of two or more characters, lower-cased.
 */
export function caseWords(text: string): Set<string> {
  const words = new Set<string>();
  let han = '';
  let latin = '';
  const endHan = () => {
    for (let i = 0; i + 1 < han.length; i++) words.add(han.slice(i, i + 2));
    han = '';
  };
  const endLatin = () => {
    const word = latin.toLowerCase();
    if (word.length >= 2 && !STOP_WORDS.has(word)) words.add(word);
    latin = '';
  };
  for (const char of text) {
    if (HAN.test(char) && !STOP_CHARS.has(char)) {
      endLatin();
      han += char;
    } else if (!HAN.test(char) && LATIN_WORD.test(char)) {
      endHan();
      latin += char;
    } else {
      endHan();
      endLatin();
    }
  }
  endHan();
  endLatin();
  return words;
}

/** Words two texts share. */
function sharedWords(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let count = 0;
  for (const word of a) if (b.has(word)) count++;
  return count;
}

/**
 * Up to `limit` cases of the query's category or sharing at least one word with its reason, the
 * most shared words first, then the same category, then the newest (later in `cases`).
 */
export function similarCases<C extends PastCase>(
  query: CaseQuery,
  cases: readonly C[],
  limit = SIMILAR_LIMIT,
): SimilarCase<C>[] {
  const reason = caseWords(query.reason);
  const found: (SimilarCase<C> & { readonly order: number })[] = [];
  cases.forEach((pastCase, order) => {
    const words = caseWords([pastCase.problem, pastCase.rootCause, pastCase.tags].join('\n'));
    const shared = sharedWords(reason, words);
    const sameCategory = query.category !== undefined && pastCase.category === query.category;
    if (shared > 0 || sameCategory) found.push({ pastCase, shared, sameCategory, order });
  });
  found.sort((a, b) => b.shared - a.shared || Number(b.sameCategory) - Number(a.sameCategory) || b.order - a.order);
  return found.slice(0, limit).map(({ pastCase, shared, sameCategory }) => ({ pastCase, shared, sameCategory }));
}
