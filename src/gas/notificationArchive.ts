/**
 * The 通知记录 YYYY sheets (SPEC §3.7, §2.8): where Notification log rows past retention go,
 * compacted (domain/logRetention.ts), protected and never deleted by the add-on. Written first,
 * before the rows leave the live log: a run that dies between the two leaves them in both, and the
 * next run finds them in the archive's last lines (covers) and only removes them from the log.
 */
import { compact, covers, type ArchivedNotices } from '../domain/logRetention';
import type { LogEntry } from '../domain/notices';
import { enumLabel, parseEnum } from '../domain/schema';
import { parseList } from '../domain/values';
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

/** The archive's last `count` lines, as lines (a header or an unreadable line is left out). */
function lastLines(sheet: Sheet, count: number): ArchivedNotices[] {
  const lastRow = sheet.getLastRow();
  const first = Math.max(2, lastRow - count + 1);
  if (lastRow < first) return [];
  const values = sheet.getRange(first, 1, lastRow - first + 1, COLUMNS.length).getValues() as Cell[][];
  return values.flatMap(([firstAt, lastAt, rows, key, recipients, status]) =>
    firstAt instanceof Date && lastAt instanceof Date && typeof key === 'string'
      ? [
          {
            first: firstAt,
            last: lastAt,
            rows: Number(rows),
            key,
            recipients: parseList(recipients),
            status: typeof status === 'string' ? parseEnum('notificationStatus', status) : undefined,
          },
        ]
      : [],
  );
}

/**
 * Appends `moved`, compacted, to the archive of `year`, leaving out rows a dead run already
 * archived, in one setValues, the grid sized to exactly what it holds. Returns the archive's title.
 */
export function appendToLogArchive(
  spreadsheet: Spreadsheet,
  year: number,
  moved: readonly LogEntry[],
  locale: Locale,
): string {
  const sheet = logArchiveSheet(spreadsheet, year, locale);
  // A dead run appended at most this batch's lines, give or take rows whose use ended since.
  const written = lastLines(sheet, 2 * compact(moved).length + 10);
  const lines = compact(moved.filter((entry) => !written.some((line) => covers(line, entry))));
  if (lines.length === 0) return sheet.getName();
  const first = sheet.getLastRow() + 1;
  growToFit(sheet, first + lines.length - 1, COLUMNS.length);
  sheet
    .getRange(first, 1, lines.length, COLUMNS.length)
    .setValues(
      lines.map((line) => [
        line.first,
        line.last,
        line.rows,
        literalInput(line.key),
        literalInput(line.recipients.join(', ')),
        line.status ? enumLabel('notificationStatus', line.status, locale) : '',
      ]),
    );
  sizeToContent(sheet, first + lines.length - 1, COLUMNS.length);
  return sheet.getName();
}
