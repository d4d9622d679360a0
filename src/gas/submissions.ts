/**
 * Answers already given to sidebar submissions, by the page's client token (SPEC §3.4: a retried
 * submission writes nothing twice). google.script.run can lose an answer after the server has
 * written, and the page then offers the same submission again; with its token, the retry gets the
 * first answer back. Kept in the document cache for its longest life, six hours: a retry comes
 * seconds or minutes later.
 * https://developers.google.com/apps-script/reference/cache/cache#put(String,String,Integer)
 */
import type { ActionResult } from '../contract';

const PREFIX = 'collabDesk.submission.';
const KEEP_SECONDS = 21_600;
/** What the sidebar sends (128 random bits as hex); anything else names no submission. */
const TOKEN = /^[0-9a-f]{32}$/;

export function submissionToken(raw: unknown): string | undefined {
  return typeof raw === 'string' && TOKEN.test(raw) ? raw : undefined;
}

export function answeredSubmission(token: string): ActionResult | undefined {
  const cached = CacheService.getDocumentCache()?.get(PREFIX + token);
  if (!cached) return undefined;
  try {
    return JSON.parse(cached) as ActionResult;
  } catch {
    return undefined;
  }
}

export function rememberSubmission(token: string, answer: ActionResult): void {
  CacheService.getDocumentCache()?.put(PREFIX + token, JSON.stringify(answer), KEEP_SECONDS);
}
