/**
 * The 通知记录 YYYY sheets (SPEC §3.7, §2.8): where Notification log rows past retention go,
 * compacted (domain/logRetention.ts) into one line per key, status and month, protected and never
 * deleted by the add-on. A batch is merged into the archive's lines of its months (the sheet's last
 * ones: weeks move in order) and written back in one setValues, before the rows leave the live log:
 * a run that dies between the two leaves them in both, and the next run finds them in those lines
 * (covers) and only removes them from the log.
 */
import {
  compact,
  coveredBy,
  monthOf,
  type ArchivedNotices,
  type LogArchiveBatch,
  type RecipientsTally,
} from '../domain/logRetention';
import { enumLabel, parseEnum } from '../domain/enums';
import { LOCALES, t, type Locale } from '../i18n/index';
import { protectedSheet } from './archiveSheets';
import { growToFit, sizeToContent } from './grid';
import type { Cell } from './table';
import { literalInput } from './typedInput';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const COLUMNS = [
  'logArchiveFirst',
  'logArchiveLast',
  'logArchiveRows',
  'logArchiveKey',
  'logArchiveRecipients',
  'logArchiveStatus',
] as const;

function logArchiveSheet(spreadsheet: Spreadsheet, year: number, locale: Locale): Sheet {
  const sheet = protectedSheet(
    spreadsheet,
    LOCALES.map((each) => t(each, 'logArchiveSheet', { year })),
    t(locale, 'logArchiveSheet', { year }),
    t(locale, 'logArchiveProtection'),
  );
  if (sheet.getLastRow() === 0) {
    sheet.getRange(1, 1, 1, COLUMNS.length).setValues([COLUMNS.map((key) => t(locale, key))]);
    sheet.setFrozenRows(1);
    sizeToContent(sheet, 1, COLUMNS.length);
  }
  return sheet;
}

// A tally reads "owner@corp.cn ×12 ≤ 2024-05-24T01:00:00.000Z": the instant kept exact, for covers.
const TALLY_SEPARATOR = '; ';
const TALLY = /^(.*) ×(\d+) ≤ (\S+)$/;

function tallyText(tally: RecipientsTally): string {
  return `${tally.recipients.join(', ')} ×${tally.rows} ≤ ${tally.last.toISOString()}`;
}

function parseTallies(value: Cell | undefined): RecipientsTally[] {
  return String(value ?? '')
    .split(TALLY_SEPARATOR)
    .flatMap((text) => {
      const [, recipients, rows, last] = TALLY.exec(text) ?? [];
      const time = new Date(last ?? '');
      return recipients === undefined || Number.isNaN(time.getTime())
        ? []
        : [{ recipients: recipients === '' ? [] : recipients.split(', '), rows: Number(rows), last: time }];
    });
}

function lineOf(values: Cell[], timeZone: string): ArchivedNotices | undefined {
  const [first, last, rows, key, recipients, status] = values;
  if (!(first instanceof Date) || !(last instanceof Date) || typeof key !== 'string') return undefined;
  return {
    month: monthOf(first, timeZone),
    first,
    last,
    rows: Number(rows),
    key,
    recipients: parseTallies(recipients),
    status: typeof status === 'string' ? parseEnum('notificationStatus', status) : undefined,
  };
}

/**
 * The archive's last lines from month `from` on, and the sheet row the first of them is on: read
 * back from the end, a chunk growing each time, until a line of an earlier month or the header.
 */
function linesFrom(sheet: Sheet, from: string, timeZone: string): { start: number; lines: ArchivedNotices[] } {
  const lastRow = sheet.getLastRow();
  let chunk = 256;
  for (;;) {
    const first = Math.max(2, lastRow - chunk + 1);
    if (lastRow < first) return { start: lastRow + 1, lines: [] };
    const values = sheet.getRange(first, 1, lastRow - first + 1, COLUMNS.length).getValues() as Cell[][];
    const lines = values.map((row) => lineOf(row, timeZone));
    let earlier = lines.length - 1;
    while (earlier >= 0 && lines[earlier] !== undefined && lines[earlier]!.month >= from) earlier--;
    if (earlier >= 0 || first === 2) {
      const kept = lines.slice(earlier + 1).filter((line): line is ArchivedNotices => line !== undefined);
      return { start: first + earlier + 1, lines: kept };
    }
    chunk *= 4;
  }
}

/**
 * Merges `batch.moved` into the archive of `batch.year`, leaving out rows a dead run already
 * archived: the lines of the batch's months rewritten in place and new ones after them, in one
 * setValues, the grid sized to exactly what it holds. Returns the archive's title.
 */
export function appendToLogArchive(spreadsheet: Spreadsheet, batch: LogArchiveBatch, locale: Locale): string {
  const { year, moved, timeZone } = batch;
  const sheet = logArchiveSheet(spreadsheet, year, locale);
  if (moved.length === 0) return sheet.getName();
  const from = moved.map((entry) => monthOf(entry.time, timeZone)).reduce((a, b) => (a < b ? a : b));
  const { start, lines } = linesFrom(sheet, from, timeZone);
  const archived = coveredBy(lines, timeZone);
  const fresh = moved.filter((entry) => !archived(entry));
  if (fresh.length === 0) return sheet.getName();
  const merged = compact(lines, fresh, timeZone);
  const lastRow = start + merged.length - 1;
  growToFit(sheet, lastRow, COLUMNS.length);
  sheet
    .getRange(start, 1, merged.length, COLUMNS.length)
    .setValues(
      merged.map((line) => [
        line.first,
        line.last,
        line.rows,
        literalInput(line.key),
        literalInput(line.recipients.map(tallyText).join(TALLY_SEPARATOR)),
        line.status ? enumLabel('notificationStatus', line.status, locale) : '',
      ]),
    );
  sizeToContent(sheet, lastRow, COLUMNS.length);
  return sheet.getName();
}
