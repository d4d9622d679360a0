/**
 * What the sidebar shows (SPEC §4): its setup (strings, card labels and forms in the workbook's
 * language) and the card of the task on the selected row, which the page polls.
 */
import type {
  CardField,
  HistoryLine,
  LatestProgress,
  PendingSignOff,
  RequestCardField,
  SidebarSetup,
  SidebarState,
  SidebarTextKey,
  TaskCard,
} from '../contract';
import { isTaskId } from '../domain/ids';
import { columnDef, columnLabel, type ColumnKey, type SheetKey } from '../domain/schema';
import { enumLabel, parseEnum } from '../domain/enums';
import { enumDisplay } from './cardText';
import { parsePercent, parseTypedPercent } from '../domain/values';
import { activeSpreadsheet } from '../gas/document';
import { currentSelection } from '../gas/selection';
import type { Cell, Table } from '../gas/table';
import { catalogue, LOCALES, t } from '../i18n';
import { myWorkText } from '../i18n/myWork';
import { sidebarText } from '../i18n/sidebar';
import { passNeedsConfirmation } from './acceptance';
import { mayNudge } from './nudge';
import { FORM_KEYS, formContext, formSpec, pickersOf } from './sidebarForms';
import { requestCard } from './requestCard';
import { taskOffers } from './taskOffers';
import { signOffDetailsOf } from './signOffDetails';
import { signOffsFor } from './signOffs';
import { similarCasesFor } from './similarCases';
import { suggestionCard } from './suggestionDecision';
import { taskIndex } from './tasks';
import { activeUserEmail, Workbook } from './workbook';

const CARD_COLUMNS: Record<CardField, ColumnKey<'tasks'>> = {
  id: 'id',
  name: 'name',
  owner: 'owner',
  dept: 'dept',
  due: 'due',
  status: 'status',
  health: 'health',
  pct: 'pct',
  deliverable: 'deliverable',
};

const REQUEST_COLUMNS: Record<RequestCardField, ColumnKey<'requests'>> = {
  id: 'id',
  status: 'status',
  dept: 'dept',
  requester: 'requester',
  due: 'expected',
};

/** Strings and forms in the workbook's language, so captions match the sheets' headers. */
function sidebarSetup(workbook: Workbook): SidebarSetup {
  const ctx = formContext(workbook);
  const pickers = pickersOf(workbook.directory());
  const { locale } = workbook;
  const keys = [...Object.keys(sidebarText), ...Object.keys(myWorkText)] as SidebarTextKey[];
  return {
    locale,
    title: t(locale, 'appName'),
    text: Object.fromEntries(keys.map((key) => [key, catalogue[key][locale]])) as Record<SidebarTextKey, string>,
    cardLabels: Object.fromEntries(
      Object.entries(CARD_COLUMNS).map(([field, column]) => [field, columnLabel(columnDef('tasks', column), locale)]),
    ) as Record<CardField, string>,
    requestLabels: Object.fromEntries(
      Object.entries(REQUEST_COLUMNS).map(([field, column]) => [
        field,
        columnLabel(columnDef('requests', column), locale),
      ]),
    ) as Record<RequestCardField, string>,
    forms: FORM_KEYS.map((key) => formSpec(key, ctx, pickers)),
  };
}

/** Sheets whose rows name a task, the column holding its ID, and whether it may hold a request ID instead. */
const TASK_REFERENCES = [
  { sheet: 'tasks', column: 'id', mixed: false },
  { sheet: 'progress', column: 'task', mixed: false },
  { sheet: 'acceptance', column: 'task', mixed: false },
  { sheet: 'planChanges', column: 'task', mixed: false },
  { sheet: 'communications', column: 'ref', mixed: true },
] as const satisfies readonly { sheet: SheetKey; column: string; mixed: boolean }[];

/** The task ID on the row the user has selected, if that row names one. */
function selectedTaskId(workbook: Workbook): string | undefined {
  const selection = currentSelection(workbook.spreadsheet);
  const reference = TASK_REFERENCES.find((ref) => selection.isOn(workbook.sheet(ref.sheet)));
  if (!reference) return undefined;
  const row = selection.rowOf(() => workbook.table(reference.sheet) as Table<string>);
  const id = row?.text(reference.column) ?? '';
  return id === '' || (reference.mixed && !isTaskId(id)) ? undefined : id;
}

/** The request ID on the selected Requests row, if one is selected. */
function selectedRequestId(workbook: Workbook): string | undefined {
  const selection = currentSelection(workbook.spreadsheet);
  if (!selection.isOn(workbook.sheet('requests'))) return undefined;
  const id = selection.rowOf(() => workbook.table('requests') as Table<string>)?.text('id') ?? '';
  return id === '' ? undefined : id;
}

/** A cell as the card shows it: dates as everywhere else (Workbook.dateText). */
function display(value: Cell, workbook: Workbook): string {
  return workbook.dateText(value);
}

/** `pct` as the card shows it: "70%". */
function pctDisplay(pct: number | undefined): string {
  return pct === undefined ? '' : `${pct}%`;
}

function latestProgress(workbook: Workbook, taskId: string): LatestProgress | null {
  const latest = workbook
    .optionalTable('progress')
    ?.records()
    .filter((row) => row.text('task') === taskId)
    .at(-1);
  if (!latest) return null;
  return {
    summary: latest.text('summary'),
    pct: pctDisplay(parseTypedPercent(latest.get('pct'))),
    updatedAt: display(latest.get('updatedAt'), workbook),
    updatedBy: workbook.nameOf(latest.text('updatedBy')),
  };
}

/** How many of an item's changes the card lists. */
const HISTORY_LINES = 5;

/** The item's last changes, newest first. */
function itemHistory(workbook: Workbook, id: string): HistoryLine[] {
  const wanted = id.toUpperCase();
  return (workbook.optionalTable('changeHistory')?.records() ?? [])
    .filter((row) => row.text('item').toUpperCase() === wanted)
    .slice(-HISTORY_LINES)
    .reverse()
    .map((row) => ({
      time: display(row.get('time'), workbook),
      sentence: historySentence(workbook, {
        by: workbook.nameOf(row.text('by')),
        field: row.text('field'),
        oldValue: row.text('oldValue'),
        newValue: row.text('newValue'),
      }),
    }));
}

/** A change in words: a nudge as "李娜 催办：「…」", a sign-off decision as "王强 同意了签批", other fields as "李娜 将完成百分比由「60」改为「70」". */
function historySentence(
  workbook: Workbook,
  change: { by: string; field: string; oldValue: string; newValue: string },
): string {
  if (LOCALES.some((locale) => t(locale, 'nudgeHistoryField') === change.field))
    return workbook.text('sidebarHistoryNudged', change);
  if (LOCALES.some((locale) => t(locale, 'blockedHistoryField') === change.field))
    return workbook.text('sidebarHistoryBlocked', change);
  const decided = parseEnum('signOffDecision', change.newValue);
  if (parseEnum('signOffDecision', change.oldValue) === 'pending' && (decided === 'agree' || decided === 'return'))
    return workbook.text(decided === 'agree' ? 'sidebarHistoryAgreed' : 'sidebarHistoryReturned', change);
  return workbook.text(change.oldValue === '' ? 'sidebarHistorySet' : 'sidebarHistoryChanged', change);
}

/** What waits for the active user's sign-off, each with what it is about. */
function pendingSignOffs(workbook: Workbook): PendingSignOff[] {
  if (!workbook.sheet('signOffs')) return [];
  // Polled every few seconds: Requests and Tasks are read for titles only when something waits.
  const waiting = signOffsFor(workbook);
  if (waiting.length === 0) return [];
  const titles = new Map<string, string>();
  for (const row of workbook.optionalTable('requests')?.records() ?? [])
    titles.set(row.text('id').toUpperCase(), row.text('title'));
  for (const row of workbook.optionalTable('tasks')?.records() ?? [])
    titles.set(row.text('id').toUpperCase(), row.text('name'));
  const detailsOf = signOffDetailsOf(workbook);
  return waiting.flatMap((row) =>
    row.subject
      ? [
          {
            subject: row.subject,
            subjectLabel: enumLabel('signOffSubject', row.subject, workbook.locale),
            ref: row.ref,
            title: titles.get(row.ref.toUpperCase()) ?? '',
            requestedAt: row.requestedAt ? display(row.requestedAt, workbook) : '',
            onBehalfOf: row.signer === workbook.user ? '' : workbook.nameOf(row.signer),
            ...detailsOf(row.subject, row.ref),
          },
        ]
      : [],
  );
}

function sidebarState(workbook: Workbook): SidebarState {
  const hint = workbook.text('sidebarSelectTask');
  const signOffs = pendingSignOffs(workbook);
  const id = selectedTaskId(workbook);
  if (!id) {
    const requestId = selectedRequestId(workbook);
    const request = requestId ? requestCard(workbook, requestId) : null;
    return { card: null, request, signOffs, hint: request ? '' : hint };
  }
  const task = workbook.sheet('tasks') ? taskIndex(workbook).get(id.toUpperCase()) : undefined;
  if (!task) return { card: null, request: null, signOffs, hint: workbook.text('sidebarUnknownTask', { id }) };
  const health = enumDisplay('health', task.get('health'), workbook);
  const card: TaskCard = {
    id,
    name: task.text('name'),
    owner: workbook.nameOf(task.text('owner')),
    dept: task.text('dept'),
    due: display(task.get('due'), workbook),
    status: enumDisplay('taskStatus', task.get('status'), workbook).label,
    healthCode: health.code,
    health: health.label,
    pct: pctDisplay(parsePercent(task.get('pct'))),
    deliverable: task.text('deliverable'),
    latest: latestProgress(workbook, id),
    history: itemHistory(workbook, id),
    passNeedsConfirmation: passNeedsConfirmation(workbook, {
      status: parseEnum('taskStatus', task.get('status')),
      owner: task.text('owner'),
      request: task.text('request'),
    }),
    mayNudge: mayNudge(workbook, task),
    similarCases: similarCasesFor(workbook, task),
    ...taskOffers(workbook, task),
  };
  return { card, request: null, signOffs, hint };
}

/** Reads for the page take no lock: they write nothing, and the page polls. */
function readWorkbook(now: Date): Workbook {
  return new Workbook(activeSpreadsheet(), now, activeUserEmail());
}

export function getSidebarSetup(now: Date): SidebarSetup {
  return sidebarSetup(readWorkbook(now));
}

export function getSidebarState(now: Date): SidebarState {
  const workbook = readWorkbook(now);
  return { ...sidebarState(workbook), suggestion: suggestionCard(workbook) };
}
