/**
 * "Create retrospective" (SPEC §2.8): the sheet 复盘 <request ID> for one finished request, and the
 * cases it proposes to the 问题案例库 (SPEC §2.12: a delayed task, an acceptance failure, an L3
 * episode, each once ever). An existing retrospective is never overwritten: people write their
 * conclusions into it.
 */
import { WorkCalendar } from '../domain/calendar';
import { enumLabel } from '../domain/enums';
import { requestsMentioned, retrospective, retrospectiveTitle } from '../domain/retrospective';
import { retrospectiveCases } from '../domain/retrospectiveCases';
import { sheetTitle } from '../domain/schema';
import { casesOfRequest } from './cases';
import { proposeCases } from './caseProposals';
import { readAcceptances, readActions, readProgress } from './records';
import { readEscalations, readRatings, readSuggestions } from './retrospectiveSources';
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
  /** IDs of the cases this run proposed (none twice: a source proposes once ever). */
  readonly proposed: readonly string[];
  /** false in a workbook set up before the case library: nothing could be proposed. */
  readonly library: boolean;
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
  const calendar = new WorkCalendar(wb.settings);
  const progress = readProgress(wb);
  const allTasks = readReportTasks(wb, calendar, progress);
  const taskRequests = new Map(allTasks.map((x) => [x.id.toUpperCase(), x.request.toUpperCase()]));
  const tasks = allTasks.filter((x) => x.request.toUpperCase() === wanted);
  const ids = new Set(tasks.map((x) => x.id.toUpperCase()));
  const failures = readAcceptances(wb).filter(
    (acceptance) => ids.has(acceptance.task.toUpperCase()) && acceptance.result === 'fail',
  );
  const ownProgress = progress.filter((p) => ids.has(p.task.toUpperCase()));
  // Proposed whether or not the sheet exists: a source already proposed adds nothing.
  const library = wb.sheet('cases') !== undefined;
  const proposed = !library
    ? []
    : proposeCases(
        wb,
        retrospectiveCases({
          locale: wb.locale,
          calendar,
          request,
          tasks,
          progress: ownProgress,
          failures,
          escalations: readEscalations(wb, request.id, ids),
        }),
      );
  wb.commit();

  const existing = sheetTitled(wb.spreadsheet, [title]);
  if (existing) {
    existing.activate();
    return { sheet: title, created: false, proposed, library };
  }
  const depts = new Set([request.dept, request.lead, ...tasks.map((x) => x.dept)].map((d) => d.trim()));
  depts.delete('');
  const report = retrospective({
    locale: wb.locale,
    now: wb.now,
    calendar,
    request,
    tasks,
    progress: ownProgress,
    failures,
    communications: readActions(wb).filter((c) => requestsMentioned(c.ref, taskRequests).includes(wanted)),
    conclusions: {
      ratings: readRatings(wb, request.id),
      cases: casesOfRequest(wb, request.id, ids),
      suggestions: readSuggestions(wb, request, depts, taskRequests),
    },
  });
  writeReport(wb.spreadsheet, title, report, wb.locale).activate();
  return { sheet: title, created: true, proposed, library };
}

/** The alert after a retrospective: the sheet, and the cases proposed and where a coordinator decides them. */
function retrospectiveAlert(wb: Workbook, outcome: RetrospectiveOutcome): string {
  const sheet = wb.text(outcome.created ? 'retroDone' : 'retroExists', { sheet: outcome.sheet });
  const cases = !outcome.library
    ? wb.text('retroNoCaseSheet', { sheet: sheetTitle('cases', wb.locale) })
    : outcome.proposed.length > 0
      ? wb.text('retroCasesProposed', {
          count: outcome.proposed.length,
          ids: outcome.proposed.join(wb.text('wbListSeparator')),
          sheet: wb.sheet('cases')?.getName() ?? sheetTitle('cases', wb.locale),
        })
      : wb.text('retroNoNewCases');
  return `${sheet}\n${cases}`;
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
    ui.alert(retrospectiveAlert(view, outcome));
  });
}

function selectedRequestId(wb: Workbook): string {
  const selection = currentSelection(wb.spreadsheet);
  if (!selection.isOn(wb.sheet('requests'))) return '';
  return selection.rowOf(() => wb.table('requests'))?.text('id') ?? '';
}
