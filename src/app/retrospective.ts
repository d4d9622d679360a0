/**
 * "Create retrospective" (SPEC §2.8): the sheet 复盘 <request ID> for one finished request. An
 * existing retrospective is never overwritten: people write their conclusions into it.
 */
import { WorkCalendar } from '../domain/calendar';
import { enumLabel } from '../domain/enums';
import { requestsMentioned, retrospective, retrospectiveTitle } from '../domain/retrospective';
import { readAcceptances, readActions, readProgress } from './records';
import { currentSelection } from '../gas/selection';
import { sheetTitled, writeReport } from '../gas/reportSheet';
import { readReportRequests, readReportTasks } from './summary';
import { menuAction, peekWorkbook, inWorkbook } from './operation';
import { UserError, type Workbook } from './workbook';

type Ui = GoogleAppsScript.Base.Ui;

export interface RetrospectiveOutcome {
  readonly sheet: string;
  /** false when the sheet already existed and was left alone. */
  readonly created: boolean;
}

export function createRetrospective(wb: Workbook, requestId: string): RetrospectiveOutcome {
  const wanted = requestId.trim().toUpperCase();
  const request = readReportRequests(wb).find((r) => r.id.toUpperCase() === wanted);
  if (!request) throw new UserError(wb.text('retroUnknownRequest', { id: requestId.trim() }));
  if (request.status !== 'done' && request.status !== 'archived') {
    const status = request.status ? enumLabel('requestStatus', request.status, wb.locale) : '';
    throw new UserError(wb.text('retroNotFinished', { id: request.id, status }));
  }
  const title = retrospectiveTitle(wb.locale, request.id);
  const existing = sheetTitled(wb.spreadsheet, [title]);
  if (existing) {
    existing.activate();
    return { sheet: title, created: false };
  }

  const calendar = new WorkCalendar(wb.settings);
  const progress = readProgress(wb);
  const allTasks = readReportTasks(wb, calendar, progress);
  const taskRequests = new Map(allTasks.map((x) => [x.id.toUpperCase(), x.request.toUpperCase()]));
  const tasks = allTasks.filter((x) => x.request.toUpperCase() === wanted);
  const ids = new Set(tasks.map((x) => x.id.toUpperCase()));
  const failures = readAcceptances(wb).filter(
    (acceptance) => ids.has(acceptance.task.toUpperCase()) && acceptance.result === 'fail',
  );
  const report = retrospective({
    locale: wb.locale,
    now: wb.now,
    calendar,
    request,
    tasks,
    progress: progress.filter((p) => ids.has(p.task.toUpperCase())),
    failures,
    communications: readActions(wb).filter((c) => requestsMentioned(c.ref, taskRequests).includes(wanted)),
  });
  writeReport(wb.spreadsheet, title, report, wb.locale, existing).activate();
  return { sheet: title, created: true };
}

/** The selected Requests row's ID, or the one the user types. */
export function retrospectiveFromMenu(ui: Ui, now: Date): void {
  menuAction(ui, () => {
    const view = peekWorkbook(now);
    let id = selectedRequestId(view);
    if (id === '') {
      const answer = ui.prompt(view.text('retroPrompt'), ui.ButtonSet.OK_CANCEL);
      if (answer.getSelectedButton() !== ui.Button.OK) return;
      id = answer.getResponseText().trim();
      if (id === '') return;
    }
    const outcome = inWorkbook(now, (wb) => createRetrospective(wb, id));
    ui.alert(view.text(outcome.created ? 'retroDone' : 'retroExists', { sheet: outcome.sheet }));
  });
}

function selectedRequestId(wb: Workbook): string {
  const selection = currentSelection(wb.spreadsheet);
  if (!selection.isOn(wb.sheet('requests'))) return '';
  return selection.rowOf(() => wb.table('requests'))?.text('id') ?? '';
}
