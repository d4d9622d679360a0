/**
 * My work (SPEC §4): what waits for the active user, as sections the sidebar lists at its top: the
 * tasks they own that are still open (with health), the sign-offs waiting for them, and the open
 * action items of the communication log they own. Each kind is one section builder below; a new
 * kind (ratings waiting for me) is one more entry. Only the columns shown are read (gas/columnRead.ts).
 * A click selects the item's row, found by ID at that moment, so the card follows it.
 */
import * as z from 'zod/mini';
import type { MyWork, MyWorkItem, MyWorkKind, MyWorkSection, MyWorkTarget } from '../contract';
import { resolveEmail } from '../domain/directory';
import { enumLabel, parseEnum } from '../domain/enums';
import type { MessageKey } from '../i18n';
import { readColumns } from '../gas/columnRead';
import { activeSpreadsheet } from '../gas/document';
import { idRowsNow } from '../gas/idRows';
import { selectRow } from '../gas/selection';
import { cellString, type Cell } from '../gas/table';
import { enumDisplay } from './cardText';
import { ratingsWaitingFor } from './ratings';
import { signOffsFor } from './signOffs';
import { activeUserEmail, Workbook } from './workbook';

const CLOSED_TASK = new Set(['done', 'cancelled']);

/** Whether a person cell stands for the active user. */
function isMe(wb: Workbook, person: Cell): boolean {
  const text = cellString(person);
  return text !== '' && resolveEmail(wb.directory(), text) === wb.user;
}

function dueText(wb: Workbook, due: Cell): string {
  const shown = wb.dateText(due);
  return shown === '' ? wb.text('myWorkNoDue') : wb.text('myWorkDue', { due: shown });
}

/** Items sorted by due date, undated last. */
function byDue<T extends { due: number }>(items: T[]): T[] {
  return items.sort((a, b) => a.due - b.due);
}

function dueTime(wb: Workbook, due: Cell): number {
  return wb.readDate(due)?.getTime() ?? Number.POSITIVE_INFINITY;
}

/** The open tasks the user owns, soonest due first. */
function myTasks(wb: Workbook): MyWorkItem[] {
  const rows = readColumns(wb.sheet('tasks'), 'tasks', ['id', 'name', 'owner', 'due', 'status', 'health']);
  const mine = rows.filter(
    (row) =>
      cellString(row.get('id')) !== '' &&
      isMe(wb, row.get('owner')) &&
      !CLOSED_TASK.has(parseEnum('taskStatus', row.get('status')) ?? ''),
  );
  return byDue(
    mine.map((row) => {
      const health = enumDisplay('health', row.get('health'), wb);
      const status = enumDisplay('taskStatus', row.get('status'), wb).label;
      return {
        due: dueTime(wb, row.get('due')),
        item: {
          target: { sheet: 'tasks' as const, id: cellString(row.get('id')) },
          title: cellString(row.get('name')) || cellString(row.get('id')),
          detail: [dueText(wb, row.get('due')), status].filter(Boolean).join(' · '),
          healthCode: health.code,
          health: health.label,
        },
      };
    }),
  ).map(({ item }) => item);
}

/** Titles of requests and task names by upper-case ID: what a sign-off is about. */
function titlesOf(wb: Workbook): Map<string, string> {
  const titles = new Map<string, string>();
  for (const row of readColumns(wb.sheet('requests'), 'requests', ['id', 'title']))
    titles.set(cellString(row.get('id')).toUpperCase(), cellString(row.get('title')));
  for (const row of readColumns(wb.sheet('tasks'), 'tasks', ['id', 'name']))
    titles.set(cellString(row.get('id')).toUpperCase(), cellString(row.get('name')));
  return titles;
}

/** Sign-offs waiting for the user: a split selects its request, a plan change or acceptance its task. */
function mySignOffs(wb: Workbook): MyWorkItem[] {
  const waiting = signOffsFor(wb);
  if (waiting.length === 0) return [];
  const titles = titlesOf(wb);
  return waiting.flatMap((row) => {
    if (!row.subject) return [];
    const title = titles.get(row.ref.toUpperCase()) ?? '';
    return [
      {
        target: { sheet: row.subject === 'split' ? 'requests' : 'tasks', id: row.ref },
        title: `${enumLabel('signOffSubject', row.subject, wb.locale)} · ${title || row.ref}`,
        detail: [row.ref, row.requestedAt ? wb.dateText(row.requestedAt) : ''].filter(Boolean).join(' · '),
        healthCode: '',
        health: '',
      },
    ];
  });
}

/** The communication log's open action items the user owns, soonest due first. */
function myActions(wb: Workbook): MyWorkItem[] {
  const rows = readColumns(wb.sheet('communications'), 'communications', [
    'topic',
    'actions',
    'actionOwner',
    'actionDue',
    'actionStatus',
  ]);
  const open = rows.filter(
    (row) =>
      cellString(row.get('actions')) !== '' &&
      parseEnum('actionStatus', row.get('actionStatus')) !== 'done' &&
      isMe(wb, row.get('actionOwner')),
  );
  return byDue(
    open.map((row) => ({
      due: dueTime(wb, row.get('actionDue')),
      item: {
        target: { sheet: 'communications' as const, id: cellString(row.get('topic')), row: row.rowNumber },
        title: cellString(row.get('actions')),
        detail: [
          dueText(wb, row.get('actionDue')),
          wb.text('myWorkActionFrom', { topic: cellString(row.get('topic')) }),
        ].join(' · '),
        healthCode: '',
        health: '',
      },
    })),
  ).map(({ item }) => item);
}

/** Ratings waiting for the user (SPEC §2.11): a click selects the 满意度 row; the rating card below takes the answer. */
function myRatings(wb: Workbook): MyWorkItem[] {
  return ratingsWaitingFor(wb).map((rating) => ({
    target: { sheet: 'satisfaction' as const, id: rating.ref, row: rating.row },
    title: rating.title,
    detail: [rating.heading, rating.closes === '' ? '' : wb.text('myWorkRatingCloses', { at: rating.closes })]
      .filter(Boolean)
      .join(' · '),
    healthCode: '',
    health: '',
  }));
}

/** Each kind of My work: how its items are found, and its title. */
const SECTIONS: readonly { kind: MyWorkKind; title: MessageKey; items: (wb: Workbook) => MyWorkItem[] }[] = [
  { kind: 'tasks', title: 'myWorkTasks', items: myTasks },
  { kind: 'signOffs', title: 'myWorkSignOffs', items: mySignOffs },
  { kind: 'ratings', title: 'myWorkRatings', items: myRatings },
  { kind: 'actions', title: 'myWorkActions', items: myActions },
];

export function myWork(wb: Workbook): MyWork {
  // An editor Apps Script does not name has no work of their own to show.
  if (wb.user === '') return { sections: [] };
  const sections: MyWorkSection[] = SECTIONS.flatMap(({ kind, title, items }) => {
    const found = items(wb);
    return found.length === 0 ? [] : [{ kind, title: wb.text(title, { n: found.length }), items: found }];
  });
  return { sections };
}

export function getMyWork(now: Date): MyWork {
  return myWork(new Workbook(activeSpreadsheet(), now, activeUserEmail()));
}

const TARGET = z.object({
  sheet: z.enum(['tasks', 'requests', 'communications', 'satisfaction']),
  id: z.string().check(z.maxLength(500)),
  row: z.optional(z.number()),
});

/**
 * The row an item is on now: by ID; a communication (by topic) or a rating (by reference) by its
 * row while it still holds it, else the first that does.
 */
function rowNow(wb: Workbook, target: MyWorkTarget): number | undefined {
  const sheet = wb.sheet(target.sheet);
  if (target.sheet === 'tasks' || target.sheet === 'requests')
    return idRowsNow(sheet, target.sheet).get(target.id.trim().toUpperCase());
  const rows =
    target.sheet === 'communications'
      ? readColumns(sheet, 'communications', ['topic']).map((row) => ({ row, key: row.get('topic') }))
      : readColumns(sheet, 'satisfaction', ['ref']).map((row) => ({ row, key: row.get('ref') }));
  const same = ({ key }: (typeof rows)[number]) => cellString(key) === target.id;
  return (rows.find((r) => r.row.rowNumber === target.row && same(r)) ?? rows.find(same))?.row.rowNumber;
}

/** Selects the item's row; false when it is no longer there. A malformed target fails the call. */
export function selectMyWorkItem(now: Date, target: unknown): boolean {
  const parsed = TARGET.safeParse(target);
  if (!parsed.success) throw new Error(`Not a My work item: ${JSON.stringify(target)}`);
  const wb = new Workbook(activeSpreadsheet(), now, activeUserEmail());
  const sheet = wb.sheet(parsed.data.sheet);
  const row = rowNow(wb, parsed.data);
  if (!sheet || row === undefined) return false;
  selectRow(wb.spreadsheet, sheet, row);
  return true;
}
