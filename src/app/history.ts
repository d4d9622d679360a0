/**
 * Change history (变更记录, SPEC §2.10): every change of a task's owner, due date, status or %, of a
 * request's or plan change's status and of a sign-off decision, with old → new, who and how.
 * What the add-on changes is found when an operation commits (the cells it changed, against the
 * row as read); what a user types is told by onEdit, which alone knows the value it replaced.
 */
import { dateText } from '../domain/dateText';
import { WorkCalendar } from '../domain/calendar';
import { columnDef, columnLabel, sheetTitle, type ColumnKey, type SheetKey } from '../domain/schema';
import type { Settings } from '../domain/settings';
import { asCell, type Cell, type Table } from '../gas/table';
import { t, type Locale, type MessageKey } from '../i18n/index';

/** How a change was made. */
export type Via = 'sidebar' | 'sheetEdit' | 'menu' | 'trigger';

const VIA_TEXT: Readonly<Record<Via, MessageKey>> = {
  sidebar: 'viaSidebar',
  sheetEdit: 'viaSheetEdit',
  menu: 'viaMenu',
  trigger: 'viaTrigger',
};

/** The columns whose changes are recorded, and the column naming each row's item. */
const TRACKED: Partial<Record<SheetKey, { readonly item: string; readonly fields: readonly string[] }>> = {
  tasks: { item: 'id', fields: ['owner', 'due', 'status', 'pct'] },
  requests: { item: 'id', fields: ['status'] },
  planChanges: { item: 'task', fields: ['status'] },
  signOffs: { item: 'ref', fields: ['decision'] },
  cases: { item: 'id', fields: ['status'] },
  suggestions: { item: 'id', fields: ['status', 'owner', 'due'] },
};

/**
 * ⚙ stamps recorded when the add-on writes them, one history row each in the same write batch, so
 * that a paste over one (whose edit event carries no old value) can be restored from the records
 * (app/standingStamps.ts): nothing else in the workbook tells when a request was submitted,
 * approved or closed, when a plan change was asked for or decided, or which standard an
 * acceptance was judged against.
 */
const STAMPS: Partial<Record<SheetKey, { readonly item: string; readonly fields: readonly string[] }>> = {
  requests: { item: 'id', fields: ['submitted', 'approved', 'closed'] },
  planChanges: { item: 'task', fields: ['oldDue', 'requestedBy', 'requestedAt', 'decidedAt'] },
  acceptance: { item: 'task', fields: ['standard'] },
};

/** Whether the add-on records each value it writes into `field` of `sheet` (a stamp). */
export function isStamp(sheet: SheetKey, field: string): boolean {
  return STAMPS[sheet]?.fields.includes(field) ?? false;
}

export interface Change {
  readonly sheet: SheetKey;
  readonly item: string;
  /** The column key; '' for a row added (addedRow). */
  readonly field: string;
  readonly oldValue: Cell;
  readonly newValue: Cell;
  /** The caption of an event that is no column (a nudge), instead of the field's. */
  readonly label?: MessageKey;
}

export interface Author {
  readonly now: Date;
  /** The acting user's email, or the workbook's "(unknown)". */
  readonly by: string;
  readonly via: Via;
  readonly settings: Settings;
  /** A cell as people read it (Workbook.dateText); dates on the Settings calendar without it. */
  readonly show?: (value: Cell) => string;
  /** The client token of the sidebar save making the changes, recorded on each of its rows. */
  readonly submission?: string | undefined;
}

/** The columns naming the item of a row added to a sheet, the first one filled wins. */
const ITEM_COLUMNS = ['id', 'task', 'ref', 'title'] as const;

/**
 * The first row `tables` add (a request filed, a progress entry, a meeting logged), as a history
 * line: a save that changed no tracked column still leaves its token in the history with its data.
 */
export function addedRow(tables: Iterable<Table<string>>): Change | undefined {
  for (const table of tables) {
    const sheet = table.def.key as SheetKey;
    const row = table.pendingRows[0];
    if (!row || sheet === 'changeHistory') continue;
    const key = ITEM_COLUMNS.find((column) => table.has(column) && row.text(column) !== '');
    return { sheet, item: key ? row.text(key) : '', field: '', oldValue: '', newValue: '' };
  }
  return undefined;
}

/** Whether a save with this client token already wrote (its token is on a history row). */
export function historyHasSubmission(history: Table<ColumnKey<'changeHistory'>>, token: string): boolean {
  if (!history.has('save')) return false;
  return history.rows.some((row) => row.text('save') === token);
}

/**
 * The change a user typed into one cell (0-based `column` of sheet row `rowNumber`), when that
 * cell is tracked; onEdit gives the value it replaced, which a read afterwards no longer shows.
 */
export function typedChange(
  table: Table<string>,
  rowNumber: number,
  column: number,
  oldValue: unknown,
  newValue: unknown,
): Change | undefined {
  const sheet = table.def.key as SheetKey;
  const tracked = TRACKED[sheet];
  const field = tracked?.fields.find((f) => table.positions[f] === column);
  const row = table.rows[rowNumber - 2];
  if (!tracked || !field || !row) return undefined;
  return { sheet, item: row.text(tracked.item), field, oldValue: asCell(oldValue), newValue: asCell(newValue) };
}

/** Whether changes of `field` on `sheet` are recorded (a stamp's too). */
export function isTracked(sheet: SheetKey, field: string): boolean {
  return (TRACKED[sheet]?.fields.includes(field) ?? false) || isStamp(sheet, field);
}

/**
 * The changes of tracked columns that `tables` hold, not yet written, and the stamps of rows they
 * append (a new row's other cells are new, not changed); cells `quiet` names ("sheet|row|0-based
 * column": a refused edit restored) changed nothing.
 */
export function pendingChanges(tables: Iterable<Table<string>>, quiet: ReadonlySet<string> = new Set()): Change[] {
  const changes: Change[] = [];
  for (const table of tables) {
    const sheet = table.def.key as SheetKey;
    for (const recorded of [TRACKED[sheet], STAMPS[sheet]]) {
      if (!recorded) continue;
      const { item, fields } = recorded;
      const watched = fields
        .map((field) => ({ field, index: table.positions[field] }))
        .filter((w): w is { field: string; index: number } => w.index !== undefined);
      if (watched.length === 0) continue;
      for (const row of table.rows) {
        if (row.changed.length === 0) continue;
        for (const { field, index } of watched) {
          if (!row.changed.includes(index) || quiet.has(`${sheet}|${row.rowNumber}|${index}`)) continue;
          changes.push({
            sheet,
            item: row.text(item),
            field,
            oldValue: row.read[index] ?? '',
            newValue: row.cells[index] ?? '',
          });
        }
      }
      if (recorded !== STAMPS[sheet]) continue;
      for (const row of table.pendingRows) {
        for (const { field } of watched) {
          const value = row.get(field);
          if (value !== '') changes.push({ sheet, item: row.text(item), field, oldValue: '', newValue: value });
        }
      }
    }
  }
  return changes;
}

/** Appends `changes` to the Change history table (written with the operation's other tables). */
export function appendHistory(
  history: Table<ColumnKey<'changeHistory'>>,
  changes: readonly Change[],
  author: Author,
): void {
  const { locale } = author.settings;
  const calendar = new WorkCalendar(author.settings);
  const shown = author.show ?? ((value: Cell) => dateText(value, calendar));
  for (const change of changes) {
    history.append({
      time: author.now,
      sheet: sheetTitle(change.sheet, locale),
      item: change.item,
      field: change.label
        ? t(locale, change.label)
        : change.field === ''
          ? t(locale, 'historyAdded')
          : fieldLabel(change.sheet, change.field, locale),
      oldValue: shown(change.oldValue),
      newValue: shown(change.newValue),
      by: author.by,
      via: t(locale, VIA_TEXT[author.via]),
      save: author.submission ?? '',
    });
  }
}

function fieldLabel(sheet: SheetKey, field: string, locale: Locale): string {
  return columnLabel(columnDef(sheet, field as never), locale);
}
