/** A done request whose requester is asked to rate it (SPEC §2.11), for the 满意度 tests on the built bundle. */
import assert from 'node:assert/strict';
import type { LoadedProject } from '../../emulator/runtime';
import { sheetTitle } from '../../src/domain/schema';
import { loadBundle } from './bundle';
import { at } from './days';
import { writeSheet } from './sheets';

export const COORDINATOR = 'pmo@corp.cn';
export const REQUESTER = 'lina@corp.cn';

/** 李娜's request, done on Monday 2024-07-08 at 10:00; automation on since 08:00. */
export function doneRequest(settings: readonly Record<string, unknown>[] = []): LoadedProject {
  const project = loadBundle({ now: at('2024-07-08T08:00'), activeUser: COORDINATOR });
  writeSheet(project, 'settings', [{ key: 'coordinators', value: COORDINATOR }, ...settings]);
  writeSheet(project, 'departments', [
    { name: '市场部', head: '周主管' },
    { name: '销售部', head: 'head.sales@corp.cn' },
  ]);
  writeSheet(project, 'people', [
    { name: '李娜', email: REQUESTER, dept: '销售部' },
    { name: '周主管', email: 'head.market@corp.cn', dept: '市场部' },
  ]);
  writeSheet(project, 'requests', [
    {
      id: 'XQ202407001',
      title: '新品上市',
      dept: '销售部',
      requester: '李娜',
      goal: '销量 +30%',
      depts: '市场部',
      status: '已完成',
      closed: at('2024-07-08T10:00'),
    },
  ]);
  writeSheet(project, 'satisfaction', []);
  writeSheet(project, 'cases', []);
  writeSheet(project, 'changeHistory', []);
  writeSheet(project, 'notificationLog', []);
  project.call('automationOn_');
  return project;
}

/** Runs the hourly ticks until `until` (Shanghai wall time). */
export function runUntil(project: LoadedProject, until: string): void {
  const { clock, triggers } = project.emulator;
  while (clock.now() < at(until)) {
    clock.advanceHours(1);
    triggers.emuRunDue();
  }
}

export function satisfactionRows(project: LoadedProject): Record<string, unknown>[] {
  const sheet = project.emulator.spreadsheet.getSheetByName(sheetTitle('satisfaction', 'zh-CN'));
  assert.ok(sheet);
  const [header = [], ...rows] = sheet.getDataRange().getValues();
  return rows
    .filter((row) => row.some((cell) => cell !== ''))
    .map((row) => Object.fromEntries(header.map((name, i) => [String(name).replace(/\s*[⚙*]$/u, ''), row[i]])));
}
