/**
 * 满意度 Satisfaction (SPEC §2.11): who is asked to rate what and when, the quarter's round and its
 * partner departments, an answer checked field by field, and the case a low rating proposes.
 * Pure: rows in, decisions out; the app layer reads and writes the 满意度 sheet.
 */
import { civilDayFromKey, dayKeyOf, type CivilDay, type WorkCalendar } from './calendar';
import type { CaseCategory, RatingKind, RatingState } from './enums';
import { SATISFIED_OVERALL } from './kpis';
import type { RequestRecord, TaskRecord } from './records';

/** The four scores of an answer, each a whole number 1–5. */
export const SCORE_FIELDS = ['overall', 'clarity', 'flow', 'communication'] as const;
export type ScoreField = (typeof SCORE_FIELDS)[number];
export type Scores = Readonly<Record<ScoreField, number>>;

/** An overall score at or below this notifies the coordinators and proposes a case (SPEC §2.11). */
export const LOW_OVERALL = 2;
/** Characters a comment may hold: one readable cell, and a line in a coordinator's mail. */
export const COMMENT_MAX = 1000;

/** One 满意度 row as the rules read it. */
export interface RatingRecord {
  /** 1-based sheet row, for links. */
  readonly row: number;
  readonly kind: RatingKind | undefined;
  /** A request ID, or a round's YYYY-Qn. */
  readonly ref: string;
  /** As the row holds them: a name on People or an email. */
  readonly rater: string;
  readonly ratedDept: string;
  /** All four when the row is answered, none while it waits. */
  readonly scores: Scores | undefined;
  readonly comment: string;
  readonly time: Date | undefined;
  readonly state: RatingState | undefined;
  readonly askedAt: Date | undefined;
}

/** Answered: a row with its scores, or marked rated (a row typed in by hand with its scores). */
export function isAnswered(rating: RatingRecord): boolean {
  return rating.scores !== undefined || rating.state === 'rated';
}

/** Waiting for its rater: asked, not answered, its round not closed. */
export function isWaiting(rating: RatingRecord): boolean {
  return !isAnswered(rating) && rating.state !== 'closed' && rating.askedAt !== undefined;
}

/**
 * The done requests whose requester is now due to be asked: ratingAfterDays working days after
 * the request closed, and never asked before. "Never" rests on the 满意度 row the ask writes, not
 * on the Notification log (pruned after logRetentionDays), so a request reopened and done again,
 * or one whose ask left the log long ago, is not asked twice.
 */
export function requestsToAsk(
  requests: readonly Pick<RequestRecord, 'id' | 'status' | 'closed' | 'requester'>[],
  ratings: readonly Pick<RatingRecord, 'kind' | 'ref'>[],
  calendar: WorkCalendar,
  ratingAfterDays: number,
  now: Date,
): string[] {
  const asked = new Set(ratings.filter((r) => r.kind === 'request').map((r) => r.ref.trim().toUpperCase()));
  return requests
    .filter(
      (request) =>
        request.status === 'done' &&
        request.closed !== undefined &&
        request.requester.trim() !== '' &&
        !asked.has(request.id.trim().toUpperCase()) &&
        calendar.workingDaysBetween(request.closed, now) >= ratingAfterDays,
    )
    .map((request) => request.id);
}

/** A quarter: its reference (2024-Q3) and its first and last civil days. */
export interface Quarter {
  readonly ref: string;
  readonly first: CivilDay;
  readonly last: CivilDay;
  /** 1–3: which month of the quarter `day` was in. */
  readonly month: number;
}

/** The quarter a civil day falls in. */
export function quarterOf(day: CivilDay): Quarter {
  const [year = 1970, month = 1] = dayKeyOf(day).split('-').map(Number);
  const index = Math.floor((month - 1) / 3);
  const startMonth = index * 3 + 1;
  const first = civilDayFromKey(`${year}-${pad(startMonth)}-01`) as CivilDay;
  const next =
    index === 3 ? civilDayFromKey(`${year + 1}-01-01`) : civilDayFromKey(`${year}-${pad(startMonth + 3)}-01`);
  return { ref: `${year}-Q${index + 1}`, first, last: (next as CivilDay) - 1, month: month - startMonth + 1 };
}

/** The quarter a round's reference names, or undefined when it names none. */
export function quarterNamed(ref: string): Quarter | undefined {
  const match = /^(\d{4})-Q([1-4])$/i.exec(ref.trim());
  if (!match) return undefined;
  const first = civilDayFromKey(`${match[1]}-${pad((Number(match[2]) - 1) * 3 + 1)}-01`);
  return first === undefined ? undefined : quarterOf(first);
}

/** A round's row whose quarter has ended by `today` (SPEC §2.11: the round closes at its end): that quarter. */
export function endedRound(rating: Pick<RatingRecord, 'kind' | 'ref'>, today: CivilDay): Quarter | undefined {
  const quarter = rating.kind === 'quarter' ? quarterNamed(rating.ref) : undefined;
  return quarter && today > quarter.last ? quarter : undefined;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** One row of a round: a head rates a department their own worked with. */
export interface RoundPair {
  readonly dept: string;
  readonly ratedDept: string;
}

/**
 * Who rates whom in a quarter's round: departments are partners when they share a request one of
 * whose tasks was active in the quarter (started on or before its last day, and due on or after
 * its first day or still open). A request's departments are its requesting department and the
 * responsible departments of those tasks. Each department rates each partner once.
 */
export function roundPairs(
  quarter: Quarter,
  requests: readonly Pick<RequestRecord, 'id' | 'dept'>[],
  tasks: readonly Pick<TaskRecord, 'request' | 'dept' | 'start' | 'due' | 'status'>[],
  dayOf: (date: Date) => CivilDay,
): RoundPair[] {
  const requestDept = new Map(requests.map((r) => [r.id.trim().toUpperCase(), r.dept.trim()]));
  const byRequest = new Map<string, Set<string>>();
  for (const task of tasks) {
    const from = task.start ?? task.due;
    if (!from || task.dept.trim() === '' || task.status === 'cancelled') continue;
    const open = task.status !== 'done';
    if (dayOf(from) > quarter.last) continue;
    if (!open && (!task.due || dayOf(task.due) < quarter.first)) continue;
    const id = task.request.trim().toUpperCase();
    let depts = byRequest.get(id);
    if (!depts) byRequest.set(id, (depts = new Set([requestDept.get(id) ?? ''])));
    depts.add(task.dept.trim());
  }
  const pairs = new Map<string, RoundPair>();
  for (const depts of byRequest.values()) {
    const named = [...depts].filter((d) => d !== '');
    for (const dept of named)
      for (const ratedDept of named) if (dept !== ratedDept) pairs.set(`${dept}\t${ratedDept}`, { dept, ratedDept });
  }
  return [...pairs.values()].sort((a, b) => compare(a.dept, b.dept) || compare(a.ratedDept, b.ratedDept));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A problem with one field of an answer: the field and what is allowed. */
export interface AnswerProblem {
  readonly field: ScoreField | 'comment';
  readonly problem: 'scoreMissing' | 'scoreNotWhole' | 'commentTooLong';
}

/** An answer as the sidebar sends it, checked: the four scores and the comment, or each field's problem. */
export function checkAnswer(
  values: Readonly<Record<string, unknown>>,
): { ok: true; scores: Scores; comment: string } | { ok: false; problems: AnswerProblem[] } {
  const problems: AnswerProblem[] = [];
  const scores: Partial<Record<ScoreField, number>> = {};
  for (const field of SCORE_FIELDS) {
    const raw = values[field];
    const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
    if (text === '') problems.push({ field, problem: 'scoreMissing' });
    else if (!/^[1-5]$/.test(text)) problems.push({ field, problem: 'scoreNotWhole' });
    else scores[field] = Number(text);
  }
  const comment = typeof values.comment === 'string' ? values.comment.trim() : '';
  if ([...comment].length > COMMENT_MAX) problems.push({ field: 'comment', problem: 'commentTooLong' });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, scores: scores as Scores, comment };
}

/** The three dimensions and the case category a low score in each points to (SPEC §2.12). */
const DIMENSION_CATEGORY: Readonly<Record<Exclude<ScoreField, 'overall'>, CaseCategory>> = {
  clarity: 'roles',
  flow: 'process',
  communication: 'communication',
};

/** The lowest of the three dimensions (the first of equals, in the form's order) and its case category. */
export function lowestDimension(scores: Scores): { field: Exclude<ScoreField, 'overall'>; category: CaseCategory } {
  const fields = Object.keys(DIMENSION_CATEGORY) as Exclude<ScoreField, 'overall'>[];
  const field = fields.reduce((low, f) => (scores[f] < scores[low] ? f : low));
  return { field, category: DIMENSION_CATEGORY[field] };
}

/** Per department rated, and overall: answers, satisfied answers and their share (SPEC §2.11, §3.9). */
export interface SatisfactionResult {
  /** '' for every answer together. */
  readonly dept: string;
  readonly answers: number;
  readonly satisfied: number;
  /** 0–1; undefined without answers. */
  readonly share: number | undefined;
  /** Mean overall score, 1–5; undefined without answers. */
  readonly mean: number | undefined;
}

/** satisfaction = answers rating overall 4 or 5 ÷ answers (SPEC §2.11), of the answers given. */
export function satisfactionOf(dept: string, answers: readonly Pick<RatingRecord, 'scores'>[]): SatisfactionResult {
  const overall = answers.flatMap((a) => (a.scores ? [a.scores.overall] : []));
  const satisfied = overall.filter((score) => score >= SATISFIED_OVERALL).length;
  const n = overall.length;
  return {
    dept,
    answers: n,
    satisfied,
    share: n === 0 ? undefined : satisfied / n,
    mean: n === 0 ? undefined : overall.reduce((sum, score) => sum + score, 0) / n,
  };
}

/** The round's answers per department rated, by name. */
export function resultsByDept(ratings: readonly RatingRecord[]): SatisfactionResult[] {
  const byDept = new Map<string, RatingRecord[]>();
  for (const rating of ratings) {
    if (rating.kind !== 'quarter' || !rating.scores || rating.ratedDept.trim() === '') continue;
    const dept = rating.ratedDept.trim();
    byDept.set(dept, [...(byDept.get(dept) ?? []), rating]);
  }
  return [...byDept].map(([dept, rows]) => satisfactionOf(dept, rows)).sort((a, b) => compare(a.dept, b.dept));
}
