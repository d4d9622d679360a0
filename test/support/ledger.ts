/**
 * The Notification log as tests read it: a row per message, each read as a line per notice key
 * it carries and recipient, with the row's status and message ID. Rows of the per-notice log
 * earlier versions wrote read the same way (one key).
 */
import type { LoadedProject } from '../../emulator/runtime';
import { sheetTitle } from '../../src/domain/schema';

export interface LogLine {
  readonly time: Date;
  readonly rule: string;
  readonly level: string;
  readonly item: string;
  readonly recipient: string;
  readonly status: string;
  readonly key: string;
  readonly message: string;
  /** The row's rule column as shown: its message kind (提醒摘要 / digest, 周报 / weekly summary, …). */
  readonly kind: string;
}

/** The log's rows as header → cell records (zh-CN or en headers, ⚙ dropped). */
export function logRows(project: LoadedProject): Record<string, unknown>[] {
  const sheet =
    project.emulator.spreadsheet.getSheetByName(sheetTitle('notificationLog', 'zh-CN')) ??
    project.emulator.spreadsheet.getSheetByName(sheetTitle('notificationLog', 'en'));
  if (!sheet) return [];
  const [header = [], ...rows] = sheet.getDataRange().getValues();
  const names = header.map((cell) => String(cell).replace(/\s*⚙$/, ''));
  return rows
    .filter((row) => row.some((cell) => cell !== ''))
    .map((row) => Object.fromEntries(names.map((name, i) => [name, row[i]])));
}

export function logLines(project: LoadedProject): LogLine[] {
  return logRows(project).flatMap((row) => {
    const cell = (zh: string, en: string) => String(row[zh] ?? row[en] ?? '');
    const recipients = cell('收件人', 'Recipients')
      .split(/,\s*/)
      .filter((r) => r !== '');
    const keys = cell('去重键', 'Key')
      .split('\n')
      .filter((k) => k !== '');
    const time = (row['时间'] ?? row['Time']) as Date;
    return keys.flatMap((key) => {
      const [rule = '', level = '', item = ''] = key.split('|');
      return (recipients.length > 0 ? recipients : ['']).map((recipient) => ({
        time,
        rule,
        level,
        item,
        recipient,
        status: cell('状态', 'Status'),
        key,
        message: cell('消息编号', 'Message ID'),
        kind: cell('规则', 'Rule'),
      }));
    });
  });
}
