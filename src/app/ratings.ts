/**
 * 满意度 Satisfaction rows (SPEC §2.11) in the workbook: read as records, asked by the daily scan
 * (a row with blank scores and its ⚙ state and ask time: the durable "asked once"), a quarter's
 * round closed after its end, and the ratings waiting for the active user.
 */
import type { RatingItem } from '../contract';
import type { WorkCalendar } from '../domain/calendar';
import { dateText } from '../domain/dateText';
import { resolveEmail, standIn } from '../domain/directory';
import { enumLabel, parseEnum } from '../domain/enums';
import type { RequestRecord } from '../domain/records';
import {
  SCORE_FIELDS,
  endedRound,
  isWaiting,
  quarterNamed,
  requestsToAsk,
  type RatingRecord,
  type ScoreField,
  type Scores,
} from '../domain/satisfaction';
import type { ColumnKey } from '../domain/schema';
import type { TableRow } from '../gas/table';
import type { Workbook } from './workbook';

export type RatingRow = TableRow<ColumnKey<'satisfaction'>>;

/** A row as the rules read it; the scores only when all four are whole numbers 1–5. */
export function ratingOf(wb: Workbook, row: RatingRow): RatingRecord {
  const scores: Partial<Record<ScoreField, number>> = {};
  for (const field of SCORE_FIELDS) {
    const value = Number(row.get(field));
    if (row.text(field) !== '' && Number.isInteger(value) && value >= 1 && value <= 5) scores[field] = value;
  }
  return {
    row: row.rowNumber,
    kind: parseEnum('ratingKind', row.get('kind')),
    ref: row.text('ref').trim(),
    rater: row.text('rater'),
    ratedDept: row.text('ratedDept').trim(),
    scores: Object.keys(scores).length === SCORE_FIELDS.length ? (scores as Scores) : undefined,
    comment: row.text('comment'),
    time: wb.readDate(row.get('time')),
    state: parseEnum('ratingState', row.get('state')),
    askedAt: wb.readDate(row.get('askedAt')),
  };
}

export function readRatings(wb: Workbook): RatingRecord[] {
  return (wb.optionalTable('satisfaction')?.records() ?? []).map((row) => ratingOf(wb, row));
}

/**
 * The daily scan's part: asks each requester now due (ratingAfterDays after the request closed,
 * never asked before) by appending their row, and closes the rows of rounds whose quarter ended
 * unanswered. Written with the scan's Notification log rows; returns every row for the notices.
 */
export function recordRatingAsks(
  wb: Workbook,
  calendar: WorkCalendar,
  requests: readonly RequestRecord[],
): RatingRecord[] | undefined {
  const table = wb.optionalTable('satisfaction');
  if (!table || table.missing(['state', 'askedAt']).length > 0) return table && readRatings(wb);
  const rows = table.records();
  const ratings = rows.map((row) => ratingOf(wb, row));
  const today = calendar.dayOf(wb.now);
  rows.forEach((row, i) => {
    const rating = ratings[i] as RatingRecord;
    if (isWaiting(rating) && endedRound(rating, today)) {
      row.set('state', enumLabel('ratingState', 'closed', wb.locale));
      ratings[i] = { ...rating, state: 'closed' };
    }
  });
  const byId = new Map(requests.map((r) => [r.id.trim().toUpperCase(), r]));
  for (const id of requestsToAsk(requests, ratings, calendar, wb.settings.ratingAfterDays, wb.now)) {
    const request = byId.get(id.trim().toUpperCase());
    if (!request) continue;
    const row = table.append({
      kind: enumLabel('ratingKind', 'request', wb.locale),
      ref: request.id,
      rater: wb.nameOf(request.requester),
      state: enumLabel('ratingState', 'waiting', wb.locale),
      askedAt: wb.now,
    });
    ratings.push(ratingOf(wb, row));
  }
  return ratings;
}

/** Whether `user` answers for the rater of `rating` today: the rater, or their delegate while they are away. */
export function answersFor(wb: Workbook, rating: Pick<RatingRecord, 'rater'>): { ok: boolean; onBehalfOf?: string } {
  const directory = wb.directory();
  const rater = resolveEmail(directory, rating.rater);
  if (wb.user === '' || rater === undefined) return { ok: false };
  if (rater === wb.user) return { ok: true };
  const stand = standIn(directory, rater, wb.today);
  return stand.email === wb.user ? { ok: true, onBehalfOf: rater } : { ok: false };
}

/** The ratings waiting for the active user (or for someone they stand in for), for the sidebar. */
export function ratingsWaitingFor(wb: Workbook): RatingItem[] {
  const table = wb.optionalTable('satisfaction');
  if (!table || wb.user === '') return [];
  const calendar = wb.calendar();
  const requests = new Map(
    (wb.optionalTable('requests')?.records() ?? []).map((r) => [r.text('id').trim().toUpperCase(), r.text('title')]),
  );
  return table.records().flatMap((row) => {
    const rating = ratingOf(wb, row);
    if (!isWaiting(rating) || rating.kind === undefined) return [];
    const who = answersFor(wb, rating);
    if (!who.ok) return [];
    const quarter = rating.kind === 'quarter' ? quarterNamed(rating.ref) : undefined;
    if (rating.kind === 'quarter' && (!quarter || endedRound(rating, calendar.dayOf(wb.now)))) return [];
    const title =
      rating.kind === 'request'
        ? (requests.get(rating.ref.toUpperCase()) ?? rating.ref)
        : wb.text('sidebarRatingQuarter', { ref: rating.ref, dept: rating.ratedDept });
    return [
      {
        ref: rating.ref,
        kind: rating.kind,
        ratedDept: rating.ratedDept,
        title,
        heading:
          rating.kind === 'request' ? wb.text('sidebarRatingRequest', { ref: rating.ref }) : wb.text('ruleSurveyOpen'),
        closes: quarter ? dateText(calendar.endOfWorkingDay(quarter.last), calendar) : '',
        row: row.rowNumber,
        ...(who.onBehalfOf ? { onBehalfOf: wb.nameOf(who.onBehalfOf) } : {}),
      },
    ];
  });
}
