/**
 * Improvement suggestions (SPEC §2.13): filed by anyone from the sidebar (a JY ID, 提出, the
 * proposer and time stamped), rows typed into the sheet kept current and checked, and the rows
 * the scan and the weekly summary read.
 */
import { enumLabel, parseEnum } from '../domain/enums';
import { nextMonthlyId, SUGGESTION_ID_PREFIX } from '../domain/ids';
import { columnDef, columnLabel, sheetTitle } from '../domain/schema';
import { checkSuggestion, type SuggestionItem } from '../domain/suggestions';
import type { SuggestionDecision } from '../domain/suggestionSummary';
import { isBlank } from '../domain/values';
import { hasErrors, type Problem, type RecordOf } from '../domain/workflow';
import type { ActionResult } from '../contract';
import { LOCALES } from '../i18n/index';
import { enumOf } from './records';
import { recordedAuthor, type Workbook } from './workbook';

/** What anyone fills in; the rest is the add-on's or a coordinator's. */
export type SuggestionDraft = Pick<RecordOf<'suggestions'>, 'title' | 'detail' | 'dept'>;

export function submitSuggestion(wb: Workbook, draft: SuggestionDraft): ActionResult {
  const table = wb.table('suggestions', ['id', 'title', 'status', 'proposer', 'time']);
  const record: RecordOf<'suggestions'> = { title: draft.title, detail: draft.detail, dept: draft.dept };
  const problems = checkSuggestion(record, wb.env());
  if (hasErrors(problems)) return wb.failure(problems);
  const id = nextMonthlyId(
    SUGGESTION_ID_PREFIX,
    table.records().map((row) => row.text('id')),
    wb.now,
    wb.timeZone,
  );
  table.append({
    ...record,
    id,
    proposer: recordedAuthor(wb),
    status: enumLabel('suggestionStatus', 'proposed', wb.locale),
    time: wb.now,
  });
  wb.commit();
  return { ok: true, id, message: wb.text('sgFiled', { id }) };
}

/**
 * Rows typed into Suggestions: a complete new row gets its ID, 提出, its typist and time; every
 * row is checked (an adopted one needs its owner and due, a declined one its note).
 */
export function syncSuggestions(wb: Workbook): Problem[] {
  const table = wb.table('suggestions', ['id', 'title', 'status', 'proposer', 'time']);
  const env = wb.env();
  const ids = table.records().map((row) => row.text('id'));
  const problems: Problem[] = [];
  for (const row of table.records()) {
    const record = table.recordOf(row);
    const rowProblems = checkSuggestion(record, env, row.rowNumber);
    problems.push(...rowProblems);
    if (!wb.acts('suggestions', row.rowNumber) || row.text('id') !== '' || hasErrors(rowProblems)) continue;
    const id = nextMonthlyId(SUGGESTION_ID_PREFIX, ids, wb.now, wb.timeZone);
    ids.push(id);
    row.set('id', id);
    if (isBlank(row.get('status'))) row.set('status', enumLabel('suggestionStatus', 'proposed', wb.locale));
    if (isBlank(row.get('proposer'))) row.set('proposer', recordedAuthor(wb));
    if (isBlank(row.get('time'))) row.set('time', wb.now);
  }
  return problems;
}

/** Suggestions with an ID, the columns the rules read. */
export function readSuggestions(wb: Workbook): SuggestionItem[] {
  const table = wb.optionalTable('suggestions');
  if (!table) return [];
  return table
    .records()
    .filter((row) => row.text('id') !== '')
    .map((row) => ({
      row: row.rowNumber,
      id: row.text('id'),
      title: row.text('title'),
      dept: row.text('dept'),
      proposer: row.text('proposer'),
      owner: row.text('owner'),
      status: enumOf('suggestionStatus', row.get('status')),
      due: wb.readDate(row.get('due')),
      decisionNote: row.text('decisionNote'),
      filed: wb.readDate(row.get('time')),
    }));
}

/** Each status a suggestion was moved to, and when, as the Change history recorded it (either language). */
export function readSuggestionDecisions(wb: Workbook): SuggestionDecision[] {
  const history = wb.optionalTable('changeHistory');
  if (!history) return [];
  const sheets = new Set(LOCALES.map((locale) => sheetTitle('suggestions', locale)));
  const fields = new Set(LOCALES.map((locale) => columnLabel(columnDef('suggestions', 'status'), locale)));
  const decisions: SuggestionDecision[] = [];
  for (const row of history.records()) {
    if (!sheets.has(row.text('sheet')) || !fields.has(row.text('field'))) continue;
    const status = parseEnum('suggestionStatus', row.get('newValue'));
    const at = wb.readDate(row.get('time'));
    if (status && at) decisions.push({ id: row.text('item'), status, at });
  }
  return decisions;
}
