/** A sheet as a user would have typed it, for tests that start from data rather than from setup. */
import { headerText, sheetDef, sheetTitle, type SheetKey } from '../../src/domain/schema';
import type { LoadedProject } from '../../emulator/runtime';

/** Inserts `key`'s sheet with the zh-CN catalogue headers and `rows` by column key, grown to fit. */
export function writeSheet(project: LoadedProject, key: SheetKey, rows: readonly Record<string, unknown>[]): void {
  const sheet = project.emulator.spreadsheet.insertSheet(sheetTitle(key, 'zh-CN'));
  const columns = sheetDef(key).columns;
  const values = [
    columns.map((c) => headerText(c, 'zh-CN')),
    ...rows.map((row) => columns.map((c) => row[c.key] ?? '')),
  ];
  if (values.length > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), values.length - sheet.getMaxRows());
  sheet.getRange(1, 1, values.length, columns.length).setValues(values as unknown[][] as string[][]);
}

/**
 * One request 执行中 and a task per owner, overdue since Wednesday 2024-07-10 at 20 %, last
 * updated that morning (Shanghai): what the delivery and robot tests start from.
 */
export function writeOverdueTasks(project: LoadedProject, owners: readonly { name: string; dept?: string }[]): void {
  const at = (local: string) => new Date(`${local}+08:00`);
  writeSheet(project, 'requests', [
    { id: 'XQ202407001', title: '新品上市', dept: '市场部', requester: '员工0', goal: '销量', status: '执行中' },
  ]);
  writeSheet(
    project,
    'tasks',
    owners.map((owner, i) => ({
      id: `RW202407001-${String(i + 1).padStart(2, '0')}`,
      request: 'XQ202407001',
      name: `任务${i}`,
      dept: owner.dept,
      owner: owner.name,
      start: at('2024-07-08T00:00'),
      due: at('2024-07-10T00:00'),
      status: '进行中',
      pct: 0.2,
      lastUpdate: at('2024-07-10T08:00'),
    })),
  );
}
