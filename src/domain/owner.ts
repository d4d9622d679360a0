/**
 * One primary owner (SPEC §3.1): an owner cell holds exactly one person, one email or one name
 * that People resolves to one email. Anything else is reported, never "fixed".
 */
import { bareAddress, findPeople, isEmail, type Directory } from './directory';

/**
 * Separators people use to list several owners. Words (和, 与, 及, and, or) only count between
 * other text; a name that People knows as a whole (e.g. the surname 和) is never split.
 */
export const OWNER_SEPARATORS = [',', '，', ';', '；', '、', '/', '／', '\\', '|', '&', '＆', '+', '＋', '\n'] as const;
const WORD_SEPARATORS = ['和', '与', '及', '以及', '跟', 'and', 'or'] as const;

export type OwnerCheck =
  | { readonly ok: true; readonly email: string }
  | { readonly ok: false; readonly problem: 'empty' }
  /** Two or more people in one cell; `parts` are what we read as separate people. */
  | { readonly ok: false; readonly problem: 'multiple'; readonly parts: readonly string[] }
  /** Looks like an email but is not a valid one. */
  | { readonly ok: false; readonly problem: 'invalidEmail'; readonly text: string }
  /** A name People does not list. */
  | { readonly ok: false; readonly problem: 'unknown'; readonly text: string }
  /** A name People lists with more than one email. */
  | { readonly ok: false; readonly problem: 'ambiguous'; readonly text: string; readonly emails: readonly string[] };

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const SYMBOL_SPLIT = new RegExp(`[${OWNER_SEPARATORS.map(escapeRegExp).join('')}]`);
// Chinese conjunctions need no spaces around them; English ones must stand as words.
const WORD_SPLIT = new RegExp(
  WORD_SEPARATORS.map((w) => (/^[a-z]+$/.test(w) ? `\\s+${escapeRegExp(w)}\\s+` : escapeRegExp(w))).join('|'),
  'i',
);

function splitParts(text: string, pattern: RegExp): string[] {
  return text
    .split(pattern)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

function checkSingle(text: string, directory: Pick<Directory, 'people'>): OwnerCheck {
  const address = bareAddress(text);
  if (address.includes('@')) {
    return isEmail(address) ? { ok: true, email: address.toLowerCase() } : { ok: false, problem: 'invalidEmail', text };
  }
  const emails = [...new Set(findPeople(directory, text).map((p) => p.email.trim().toLowerCase()))];
  const [only] = emails;
  if (emails.length === 1 && only !== undefined) return { ok: true, email: only };
  if (emails.length > 1) return { ok: false, problem: 'ambiguous', text, emails };
  return { ok: false, problem: 'unknown', text };
}

export function checkOwner(cell: unknown, directory: Pick<Directory, 'people'>): OwnerCheck {
  const text =
    typeof cell === 'string'
      ? cell.replace(/\u3000/g, ' ').trim()
      : cell === undefined || cell === null
        ? ''
        : String(cell).trim();
  if (text === '') return { ok: false, problem: 'empty' };

  // A whole cell that is one valid email (which may contain "+") or one known name is fine.
  const whole = checkSingle(text, directory);
  if (whole.ok || whole.problem === 'ambiguous') return whole;

  let parts = splitParts(text, SYMBOL_SPLIT).flatMap((part) =>
    findPeople(directory, part).length > 0 ? [part] : splitParts(part, WORD_SPLIT),
  );
  const [single] = parts;
  if (parts.length === 1 && single !== undefined) {
    // Plain spaces separate people when the pieces are addresses or names People knows.
    const pieces = splitParts(single, /\s+/);
    const eachIsPerson = pieces.every((p) => p.includes('@') || findPeople(directory, p).length > 0);
    if (pieces.length > 1 && eachIsPerson) parts = pieces;
  }
  return parts.length > 1 ? { ok: false, problem: 'multiple', parts } : whole;
}

/** Task IDs that appear on more than one row, with those rows' numbers. */
export function duplicateIds(
  rows: readonly { readonly id: string; readonly rowNumber: number }[],
): Map<string, number[]> {
  const byId = new Map<string, number[]>();
  for (const { id, rowNumber } of rows) {
    const key = id.trim().toUpperCase();
    if (key === '') continue;
    byId.set(key, [...(byId.get(key) ?? []), rowNumber]);
  }
  return new Map([...byId].filter(([, numbers]) => numbers.length > 1));
}
