/**
 * Saving a rating from the sidebar card (SPEC §2.11): only the rater asked (or their delegate while
 * they are away), once, before a round closes; each score a whole number 1–5, named in the answer
 * when it is not. A low overall (≤ 2) proposes one case (SPEC §2.12) in the same write; the
 * coordinators hear of it through the scan's ledger (rule ratingLow), within the hour.
 */
import type { ActionResult, RatingsView } from '../contract';
import { dateText } from '../domain/dateText';
import { enumLabel } from '../domain/enums';
import { scoreFieldName } from '../domain/ratingText';
import {
  COMMENT_MAX,
  LOW_OVERALL,
  SCORE_FIELDS,
  checkAnswer,
  endedRound,
  isAnswered,
  lowestDimension,
  quarterNamed,
  type AnswerProblem,
  type RatingRecord,
  type Scores,
} from '../domain/satisfaction';
import { submissionToken } from '../gas/submissions';
import { proposeCases, type CaseProposal } from './caseProposals';
import { formAction, peekWorkbook } from './operation';
import { readRequests } from './records';
import { answersFor, ratingOf, ratingsWaitingFor } from './ratings';
import { recordedAuthor, type Workbook } from './workbook';

/** The card's list and captions for the active user. */
export function myRatings(now: Date): RatingsView {
  const wb = peekWorkbook(now);
  return {
    section: { kind: 'ratings', title: wb.text('sidebarRatingsTitle'), items: ratingsWaitingFor(wb) },
    text: {
      fields: {
        overall: wb.text('ratingFieldOverall'),
        clarity: wb.text('ratingFieldClarity'),
        flow: wb.text('ratingFieldFlow'),
        communication: wb.text('ratingFieldCommunication'),
        comment: wb.text('ratingFieldComment'),
      },
      scale: wb.text('sidebarRatingScale'),
      submit: wb.text('sidebarRatingSubmit'),
      closes: wb.text('sidebarRatingUntil'),
      onBehalfOf: wb.text('sidebarRatingOnBehalf'),
      serverError: wb.text('sidebarRatingServerError'),
    },
  };
}

export function submitRating(now: Date, payload: unknown, token: unknown): ActionResult {
  return formAction(now, (wb) => saveRating(wb, isRecord(payload) ? payload : {}), submissionToken(token));
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function saveRating(wb: Workbook, payload: Readonly<Record<string, unknown>>): ActionResult {
  const ref = typeof payload.ref === 'string' ? payload.ref.trim() : '';
  const ratedDept = typeof payload.ratedDept === 'string' ? payload.ratedDept.trim() : '';
  const refuse = (message: string, errors: Record<string, string> = {}): ActionResult => ({
    ok: false,
    message,
    errors,
  });
  if (wb.user === '') return refuse(wb.text('ratingUnknownUser'));
  const mine = wb
    .table('satisfaction', ['state', 'askedAt'])
    .records()
    .map((row) => ({ row, rating: ratingOf(wb, row) }))
    .filter(
      ({ rating }) =>
        rating.ref.toUpperCase() === ref.toUpperCase() && rating.ratedDept === ratedDept && answersFor(wb, rating).ok,
    );
  const found = mine.find(({ rating }) => !isAnswered(rating)) ?? mine[0];
  if (!found) return refuse(wb.text('ratingNotAsked', { ref: ref || '—', user: recordedAuthor(wb) }));
  const { row, rating } = found;
  if (isAnswered(rating))
    return refuse(wb.text('ratingAlreadyGiven', { ref, time: rating.time ? wb.dateText(rating.time) : '' }));
  const calendar = wb.calendar();
  const ended = endedRound(rating, calendar.dayOf(wb.now));
  if (ended || rating.state === 'closed') {
    const quarter = ended ?? quarterNamed(rating.ref);
    const closed = quarter ? dateText(calendar.endOfWorkingDay(quarter.last), calendar) : '';
    return refuse(wb.text('ratingRoundClosed', { quarter: rating.ref, closed }));
  }
  const checked = checkAnswer(payload);
  if (!checked.ok) {
    const errors: Record<string, string> = {};
    for (const problem of checked.problems) errors[problem.field] = problemText(wb, problem, payload);
    return refuse(Object.values(errors).join('\n'), errors);
  }
  const { scores, comment } = checked;
  for (const field of SCORE_FIELDS) row.set(field, scores[field]);
  row.set('comment', comment);
  row.set('time', wb.now);
  row.set('state', enumLabel('ratingState', 'rated', wb.locale));
  // A rating is no tracked column: its history row carries the save's token, so a retry writes nothing.
  wb.stated.push({ sheet: 'satisfaction', item: rating.ref, field: 'overall', oldValue: '', newValue: scores.overall });
  const title = titleOf(wb, rating);
  if (scores.overall <= LOW_OVERALL) proposeCases(wb, [lowRatingCase(wb, rating, scores, comment, title)]);
  wb.commit();
  return { ok: true, message: wb.text(scores.overall <= LOW_OVERALL ? 'ratingSavedLow' : 'ratingSaved', { title }) };
}

function problemText(wb: Workbook, problem: AnswerProblem, payload: Readonly<Record<string, unknown>>): string {
  if (problem.problem === 'commentTooLong') {
    const count = [...String(payload.comment ?? '').trim()].length;
    return wb.text('ratingCommentTooLong', { max: COMMENT_MAX, count });
  }
  const field = scoreFieldName(wb.locale, problem.field);
  if (problem.problem === 'scoreMissing') return wb.text('ratingScoreMissing', { field });
  return wb.text('ratingScoreNotWhole', { field, value: String(payload[problem.field]) });
}

function titleOf(wb: Workbook, rating: RatingRecord): string {
  if (rating.kind !== 'request') return wb.text('sidebarRatingQuarter', { ref: rating.ref, dept: rating.ratedDept });
  return readRequests(wb).find((r) => r.id.trim().toUpperCase() === rating.ref.toUpperCase())?.title || rating.ref;
}

/** The case a low rating proposes: category from its lowest dimension, the comment in its problem. */
function lowRatingCase(
  wb: Workbook,
  rating: RatingRecord,
  scores: Scores,
  comment: string,
  title: string,
): CaseProposal {
  const lowest = lowestDimension(scores);
  const params = {
    id: rating.ref,
    title,
    quarter: rating.ref,
    rater: wb.nameOf(rating.rater),
    dept: rating.ratedDept,
    overall: scores.overall,
    dimension: scoreFieldName(wb.locale, lowest.field),
    lowestScore: scores[lowest.field],
    comment,
  };
  const request = rating.kind === 'request' ? requestDepts(wb, rating.ref) : [];
  return {
    source:
      rating.kind === 'request' ? `rating:${rating.ref}` : `rating:${rating.ref}:${rating.rater}:${rating.ratedDept}`,
    problem: wb.text(rating.kind === 'request' ? 'ratingCaseProblem' : 'ratingCaseProblemRound', params).trim(),
    category: lowest.category,
    depts: rating.kind === 'request' ? request : [rating.ratedDept],
    links: [rating.ref],
    tags: wb.text('ratingCaseTags'),
  };
}

/** A request's requesting and involved departments, each once. */
function requestDepts(wb: Workbook, id: string): string[] {
  const request = readRequests(wb).find((r) => r.id.trim().toUpperCase() === id.toUpperCase());
  if (!request) return [];
  return [...new Set([request.dept, ...request.depts].map((d) => d.trim()).filter((d) => d !== ''))];
}
