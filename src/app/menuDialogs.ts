/**
 * The menu questions whose answers are not Yes / No (SPEC §4 "Menus ask with labelled buttons"):
 * Set up workbook (中文 / English), Approve / return request (立项 / 退回修改 / 驳回) and Split into
 * tasks (task rows, "add another task", "submit for sign-off"). Each menu item shows an HTML
 * dialog and ends; each button calls one of the answers below through google.script.run, which
 * anyone with the workbook open could call, so every answer checks its caller and payload again.
 */
import type { ActionResult } from '../contract';
import type { DialogText, SplitColumn, SplitDialog } from '../dialogContract';
import { columnDef, columnLabel, sheetTitle, type ColumnKey } from '../domain/schema';
import { personName } from '../domain/directory';
import { showDialog } from '../gas/dialog';
import { submissionToken } from '../gas/submissions';
import { setupWorkbook } from '../gas/workbookSetup';
import { LOCALES, t, type Locale } from '../i18n/index';
import { refreshDashboard } from './dashboard';
import { formAction, inWorkbook, menuAction, peekWorkbook } from './operation';
import { findRequest } from './requests';
import { assertSplittable, submitSplit } from './tasks';
import { requireCoordinator, UserError, type Workbook } from './workbook';
import { selectedRow } from './workbookMenu';

type Ui = GoogleAppsScript.Base.Ui;

const SPLIT_COLUMNS: readonly SplitColumn[] = ['name', 'dept', 'owner', 'start', 'due', 'deliverable'];

export function dialogText(locale: Locale): DialogText {
  return { working: t(locale, 'dlgWorking'), close: t(locale, 'dlgClose'), failed: t(locale, 'dlgFailed') };
}

/** Set up workbook: the language is asked with a button per language. */
export function askSetupLanguage(ui: Ui, now: Date): void {
  const view = peekWorkbook(now);
  requireCoordinator(view);
  const locale = view.locale;
  showDialog(
    ui,
    t(locale, 'dlgSetupTitle'),
    {
      kind: 'choice',
      message: t(locale, 'dlgSetupQuestion'),
      fields: [],
      buttons: [
        { label: t(locale, 'dlgSetupChinese'), call: { name: 'setupWorkbookIn', payload: { locale: 'zh-CN' } } },
        { label: t(locale, 'dlgSetupEnglish'), call: { name: 'setupWorkbookIn', payload: { locale: 'en' } } },
        { label: t(locale, 'dlgCancel') },
      ],
      text: dialogText(locale),
    },
    200,
  );
}

/** The language button's answer: sets the workbook up in `payload.locale`; coordinators only. */
export function setupWorkbookIn(payload: unknown, now: Date): ActionResult {
  const asked = (payload as { locale?: unknown } | null)?.locale;
  const locale = LOCALES.find((l) => l === asked);
  try {
    const current = peekWorkbook(now);
    requireCoordinator(current);
    if (!locale) throw new UserError(t(current.locale, 'dlgSetupBadLanguage', { value: String(asked) }));
    const result = inWorkbook(now, (wb) => setupWorkbook(wb.spreadsheet, locale, wb.user));
    // A fresh read: the dashboard's formulas point at the sheets and columns setup just made.
    inWorkbook(now, (wb) => refreshDashboard(wb));
    return { ok: true, message: t(locale, 'wbSetupDone', { ...result }) };
  } catch (error) {
    if (error instanceof UserError) return { ok: false, message: error.message, errors: {} };
    throw error;
  }
}

/** The selected request row's ID, for a coordinator; a UserError otherwise. */
function selectedRequest(view: Workbook, columns: readonly ColumnKey<'requests'>[]) {
  requireCoordinator(view);
  const request = selectedRow(view, 'requests', () => view.table('requests', ['id', 'status', ...columns]));
  if (request.text('id') === '')
    throw new UserError(view.text('wbNotOnSelectedRow', { sheet: view.sheet('requests')!.getName() }));
  return request;
}

/** Approve / return request: one button per decision, the review notes and (when unset) the lead department. */
export function askReview(ui: Ui, now: Date): void {
  const view = peekWorkbook(now);
  const request = selectedRequest(view, ['title', 'lead', 'review']);
  const id = request.text('id');
  const departments = view.directory().departments.map((d) => ({ value: d.name, label: d.name }));
  const lead = request.text('lead');
  const call = (decision: 'approve' | 'return' | 'reject') =>
    ({ name: 'reviewRequest', payload: { id, decision, ...(lead === '' ? {} : { lead }) } }) as const;
  showDialog(
    ui,
    view.text('dlgReviewTitle', { id }),
    {
      kind: 'choice',
      message: view.text('dlgReviewQuestion', { id, title: request.text('title') }),
      fields: [
        ...(lead === ''
          ? [
              {
                key: 'lead',
                label: view.text('dlgReviewLead'),
                input: 'select',
                options: [{ value: '', label: view.text('dlgChoose') }, ...departments],
              } as const,
            ]
          : []),
        {
          key: 'notes',
          label: view.text('dlgReviewNotes'),
          input: 'textarea',
          initial: request.text('review'),
          errorKey: 'review',
        },
      ],
      buttons: [
        { label: view.text('dlgReviewApprove'), call: call('approve'), primary: true },
        { label: view.text('dlgReviewReturn'), call: call('return') },
        { label: view.text('dlgReviewReject'), call: call('reject') },
        { label: view.text('dlgCancel') },
      ],
      text: dialogText(view.locale),
    },
    lead === '' ? 340 : 280,
  );
}

/** The split form's data: the request, its tasks already on the sheet, the pickers' departments and people. */
function splitDialog(view: Workbook, id: string, title: string, lead: string): SplitDialog {
  const directory = view.directory();
  const existing = view
    .table('tasks', ['id', 'request', 'name', 'dept', 'owner', 'due'])
    .records()
    .filter((row) => row.text('request').toUpperCase() === id.toUpperCase())
    .map((row) =>
      [
        row.text('id'),
        row.text('name'),
        row.text('dept'),
        view.nameOf(row.text('owner')),
        view.dateText(row.get('due')),
      ]
        .filter((part) => part !== '')
        .join(' · '),
    );
  const tasksSheet = view.sheet('tasks')?.getName() ?? sheetTitle('tasks', view.locale);
  const intro = view.text('dlgSplitIntro', { id, title });
  return {
    kind: 'split',
    requestId: id,
    intro:
      existing.length === 0
        ? intro
        : `${intro}\n${view.text('dlgSplitExisting', { sheet: tasksSheet, count: existing.length })}`,
    existing,
    departments: directory.departments.map((dept) => ({
      name: dept.name,
      people: directory.people
        .filter((person) => person.dept === dept.name)
        .map((person) => ({ value: personName(directory, person.email), label: person.name || person.email })),
    })),
    lead,
    columns: Object.fromEntries(
      SPLIT_COLUMNS.map((column) => [column, columnLabel(columnDef('tasks', column), view.locale)]),
    ) as SplitDialog['columns'],
    labels: {
      task: view.text('dlgSplitTask'),
      choose: view.text('dlgChoose'),
      addTask: view.text('dlgSplitAddTask'),
      removeTask: view.text('dlgSplitRemoveTask'),
      submit: view.text('dlgSplitSubmit'),
      cancel: view.text('dlgCancel'),
    },
    text: dialogText(view.locale),
  };
}

/** Split into tasks: the form with the request's task rows to fill, sent for sign-off in one write. */
export function openSplitDialog(ui: Ui, now: Date): void {
  const view = peekWorkbook(now);
  const request = selectedRequest(view, ['title', 'lead']);
  const id = request.text('id');
  // Checked before asking (and again under the lock), so no typing is wasted.
  assertSplittable(view, findRequest(view, id));
  const data = splitDialog(view, id, request.text('title'), request.text('lead'));
  showDialog(ui, view.text('dlgSplitTitle', { id }), data, data.existing.length === 0 ? 560 : 620);
}

/** "Submit for sign-off" with no new rows: the request's tasks on the sheet go to its heads; coordinators only. */
export function submitSplitForSignOff(payload: unknown, now: Date, token?: unknown): ActionResult {
  return formAction(
    now,
    (wb) => {
      requireCoordinator(wb);
      const requestId = (payload as { requestId?: unknown } | null)?.requestId;
      if (typeof requestId !== 'string' || requestId.trim() === '')
        throw new UserError(wb.text('wbUnknownRequest', { value: String(requestId) }));
      const message = submitSplit(wb, requestId);
      wb.commit();
      return { ok: true, message, id: requestId };
    },
    submissionToken(token),
  );
}

export function setupFromMenu(ui: Ui, now: Date): void {
  menuAction(ui, () => askSetupLanguage(ui, now));
}

export function approveFromMenu(ui: Ui, now: Date): void {
  menuAction(ui, () => askReview(ui, now));
}

export function splitFromMenu(ui: Ui, now: Date): void {
  menuAction(ui, () => openSplitDialog(ui, now));
}
