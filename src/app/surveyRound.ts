/**
 * The quarter's satisfaction round (SPEC §2.11), opened by a coordinator from the menu: one 满意度
 * row per department head × partner department for the current quarter (YYYY-Qn), asked now; the
 * heads hear of it from the next daily scan (rule surveyOpen), once. Opening it again adds only
 * pairs not asked yet; the round closes at the quarter's last day (the scan marks what is left).
 */
import { findDepartment, resolveEmail } from '../domain/directory';
import { enumLabel } from '../domain/enums';
import { dayKeyOf } from '../domain/calendar';
import { quarterOf, roundPairs } from '../domain/satisfaction';
import { spreadsheetUi } from '../gas/document';
import { inWorkbook, menuAction } from './operation';
import { ratingOf } from './ratings';
import { readRequests, readTasks } from './records';
import { requireCoordinator, UserError, type Workbook } from './workbook';

export interface RoundOutcome {
  readonly quarter: string;
  readonly added: number;
  /** Partner departments whose head Departments does not name: nobody was asked for them. */
  readonly headless: readonly string[];
  /** Whether any department of the quarter worked with another. */
  readonly partners: boolean;
}

export function openSurveyRound(wb: Workbook): RoundOutcome {
  requireCoordinator(wb);
  const calendar = wb.calendar();
  const quarter = quarterOf(calendar.dayOf(wb.now));
  const month = wb.settings.surveyQuarterMonth;
  if (quarter.month < month) {
    // The quarter's first day, moved on by whole months: the first day of the survey month.
    const [year = '', first = '1'] = dayKeyOf(quarter.first).split('-');
    const from = `${year}-${String(Number(first) + month - 1).padStart(2, '0')}-01`;
    throw new UserError(wb.text('surveyRoundTooEarly', { month, quarter: quarter.ref, from }));
  }
  const table = wb.table('satisfaction', ['state', 'askedAt', 'ratedDept']);
  const directory = wb.directory();
  const pairs = roundPairs(quarter, readRequests(wb), readTasks(wb, new Map()), (date) => calendar.dayOf(date));
  const asked = new Set(
    table
      .records()
      .map((row) => ratingOf(wb, row))
      .filter((rating) => rating.kind === 'quarter' && rating.ref.toUpperCase() === quarter.ref)
      .map((rating) => `${resolveEmail(directory, rating.rater) ?? rating.rater}|${rating.ratedDept}`),
  );
  const headless = new Set<string>();
  let added = 0;
  for (const pair of pairs) {
    const head = findDepartment(directory, pair.dept)?.head ?? '';
    const email = resolveEmail(directory, head);
    if (email === undefined) {
      headless.add(pair.dept);
      continue;
    }
    const key = `${email}|${pair.ratedDept}`;
    if (asked.has(key)) continue;
    asked.add(key);
    table.append({
      kind: enumLabel('ratingKind', 'quarter', wb.locale),
      ref: quarter.ref,
      rater: wb.nameOf(email),
      ratedDept: pair.ratedDept,
      state: enumLabel('ratingState', 'waiting', wb.locale),
      askedAt: wb.now,
    });
    added++;
  }
  if (added > 0) wb.commit();
  return { quarter: quarter.ref, added, headless: [...headless], partners: pairs.length > 0 };
}

export function surveyRoundFromMenu(now: Date): void {
  const ui = spreadsheetUi();
  menuAction(ui, () => {
    const { wb, outcome } = inWorkbook(now, (wb) => ({ wb, outcome: openSurveyRound(wb) }));
    const { quarter, added } = outcome;
    const lines = [
      wb.text(
        !outcome.partners ? 'surveyRoundNoPartners' : added > 0 ? 'surveyRoundOpened' : 'surveyRoundAlreadyOpen',
        { quarter, added },
      ),
    ];
    if (outcome.headless.length > 0)
      lines.push(wb.text('surveyRoundNoHead', { depts: outcome.headless.join(wb.text('wbListSeparator')) }));
    ui.alert(lines.join('\n'));
  });
}
