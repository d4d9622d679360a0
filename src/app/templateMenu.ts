/**
 * The Templates menu items (SPEC §2.14), coordinators only: "Split from template" on a selected
 * approved request, "Save as template" on a selected finished one. Each asks before the document
 * lock is taken, and each prompt's OK says what it does; Cancel (or closing it) writes nothing.
 * The filled split is then offered for sign-off in a dialog whose buttons say what they do.
 */
import { sheetTitle } from '../domain/schema';
import { inWorkbook, menuAction, peekWorkbook } from './operation';
import { findRequest } from './requests';
import { assertSplittable } from './tasks';
import {
  assertFinished,
  assertNoTasks,
  fillSplitFromTemplate,
  namedTemplate,
  savableTaskCount,
  saveAsTemplate,
  templateCatalogue,
  templateNames,
} from './templates';
import { requireCoordinator, UserError, type Workbook } from './workbook';
import { showDialog } from '../gas/dialog';
import { dialogText } from './menuDialogs';
import { selectedRow } from './workbookMenu';

type Ui = GoogleAppsScript.Base.Ui;

/** The selected request's ID, for a coordinator; a UserError otherwise. */
function selectedRequestId(view: Workbook): string {
  requireCoordinator(view);
  const request = selectedRow(view, 'requests', () => view.table('requests', ['id', 'status']));
  const id = request.text('id');
  if (id === '') throw new UserError(view.text('wbNotOnSelectedRow', { sheet: view.sheet('requests')!.getName() }));
  return id;
}

/** A date typed as the answer's last word: "大型市场活动 2024-09-02". */
const TRAILING_DATE = /^(.*?)\s+(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)$/;

/** The template name and the start day (yyyy-MM-dd, or undefined for today) of an answer. */
function parseSplitAnswer(view: Workbook, answer: string): { name: string; startKey: string | undefined } {
  const text = answer.trim();
  const match = TRAILING_DATE.exec(text);
  if (!match) return { name: text, startKey: undefined };
  const typed = match[2]!;
  const startKey = view.dayKey(
    typed
      .replace(/\s+/g, '')
      .replace(/[年月]/g, '-')
      .replace('日', ''),
  );
  if (startKey === '') throw new UserError(view.text('tplBadStartDate', { value: typed }));
  return { name: match[1]!.trim(), startKey };
}

export function splitFromTemplateMenu(ui: Ui, now: Date): void {
  menuAction(ui, () => {
    const view = peekWorkbook(now);
    const id = selectedRequestId(view);
    // Checked before asking (and again under the lock), so no answer is wasted.
    assertSplittable(view, findRequest(view, id));
    assertNoTasks(view, id);
    const catalogue = templateCatalogue(view);
    const first = [...catalogue.templates.values()][0];
    if (!first) throw new UserError(view.text('tplNoTemplates', { sheet: sheetTitle('templates', view.locale) }));
    const answer = ui.prompt(
      view.text('tplSplitPrompt', {
        id,
        names: templateNames(view, catalogue),
        example: first.name,
        today: view.today,
      }),
      ui.ButtonSet.OK_CANCEL,
    );
    if (answer.getSelectedButton() !== ui.Button.OK) return;
    const { name, startKey } = parseSplitAnswer(view, answer.getResponseText());
    namedTemplate(view, catalogue, name);
    const split = inWorkbook(now, (wb) => fillSplitFromTemplate(wb, id, name, startKey));
    const filled = view.text('tplSplitFilled', {
      name: split.name,
      start: split.start,
      ids: split.ids.join(view.text('wbListSeparator')),
      owners: split.owners.join('\n'),
    });
    const late = split.lateFor ? [view.text('tplPlanEndsLate', { end: split.end, expected: split.lateFor })] : [];
    const tasksSheet = view.sheet('tasks')?.getName() ?? sheetTitle('tasks', view.locale);
    showDialog(
      ui,
      view.text('dlgSplitTitle', { id }),
      {
        kind: 'choice',
        message: [filled, ...late, '', view.text('tplSubmitQuestion', { sheet: tasksSheet })].join('\n'),
        fields: [],
        buttons: [
          {
            label: view.text('dlgSplitSubmit'),
            call: { name: 'submitSplitForSignOff', payload: { requestId: id } },
            primary: true,
          },
          { label: view.text('dlgTemplateKeep') },
        ],
        text: dialogText(view.locale),
      },
      420,
    );
  });
}

export function saveAsTemplateMenu(ui: Ui, now: Date): void {
  menuAction(ui, () => {
    const view = peekWorkbook(now);
    const id = selectedRequestId(view);
    assertFinished(view, id);
    const count = savableTaskCount(view, id);
    const sheet = view.sheet('templates')?.getName() ?? sheetTitle('templates', view.locale);
    const answer = ui.prompt(
      view.text('tplSavePrompt', { id, count, names: templateNames(view, templateCatalogue(view)), sheet }),
      ui.ButtonSet.OK_CANCEL,
    );
    if (answer.getSelectedButton() !== ui.Button.OK) return;
    const [name = '', ...type] = answer.getResponseText().split(/[/／]/);
    const saved = inWorkbook(now, (wb) => saveAsTemplate(wb, id, name.trim(), type.join('/').trim()));
    ui.alert(view.text('tplSaved', { id, count: saved, name: name.trim(), sheet }));
  });
}
