/**
 * The quarter's satisfaction round (SPEC §2.11) on the built bundle: a coordinator opens it from
 * the menu; one 满意度 row per department head × partner department (departments sharing a request
 * with a task active in the quarter); opening it twice adds nothing; each head is told once; the
 * round closes at the quarter's end: a later answer is refused, unanswered rows say they closed.
 */
import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import type { LoadedProject } from '../../emulator/runtime';
import type { ActionResult } from '../../src/contract';
import { loadBundle } from '../support/bundle';
import { at } from '../support/days';
import { runUntil, satisfactionRows } from '../support/ratings';
import { writeSheet } from '../support/sheets';

const COORDINATOR = 'pmo@corp.cn';
const MARKET_HEAD = 'head.market@corp.cn';
const SALES_HEAD = 'head.sales@corp.cn';

/**
 * Monday 2024-09-02 (Q3, its third month): 销售部's request had 市场部 and 设计部 tasks in Q3;
 * 财务部 worked only on a request whose tasks ended in Q2. 设计部 has no head on Departments.
 */
function quarterDesk(): LoadedProject {
  const project = loadBundle({ now: at('2024-09-02T08:00'), activeUser: COORDINATOR });
  writeSheet(project, 'settings', [{ key: 'coordinators', value: COORDINATOR }]);
  writeSheet(project, 'departments', [
    { name: '市场部', head: '周主管' },
    { name: '销售部', head: SALES_HEAD },
    { name: '设计部', head: '' },
    { name: '财务部', head: 'head.finance@corp.cn' },
  ]);
  writeSheet(project, 'people', [{ name: '周主管', email: MARKET_HEAD, dept: '市场部' }]);
  writeSheet(project, 'requests', [
    { id: 'XQ202407001', title: '新品上市', dept: '销售部', requester: '李娜', goal: '销量', status: '执行中' },
    { id: 'XQ202404001', title: '预算', dept: '市场部', requester: '周主管', goal: '预算', status: '已完成' },
  ]);
  const task = { request: 'XQ202407001', owner: '周主管' };
  writeSheet(project, 'tasks', [
    {
      ...task,
      id: 'RW202407001-01',
      name: '方案',
      dept: '市场部',
      start: at('2024-07-06T00:00'),
      due: at('2024-07-15T00:00'),
      status: '已完成',
    },
    {
      ...task,
      id: 'RW202407001-02',
      name: '海报',
      dept: '设计部',
      start: at('2024-08-01T00:00'),
      due: at('2024-09-20T00:00'),
      status: '进行中',
    },
    {
      id: 'RW202404001-01',
      request: 'XQ202404001',
      name: '预算表',
      dept: '财务部',
      owner: '周主管',
      start: at('2024-04-01T00:00'),
      due: at('2024-05-01T00:00'),
      status: '已完成',
    },
  ]);
  writeSheet(project, 'satisfaction', []);
  writeSheet(project, 'cases', []);
  writeSheet(project, 'changeHistory', []);
  writeSheet(project, 'notificationLog', []);
  project.call('automationOn_');
  return project;
}

function openRound(project: LoadedProject, as = COORDINATOR): string {
  project.emulator.session.emuSetActiveUser(as);
  project.call('openSurveyRound_');
  return project.emulator.ui.emuAlerts().at(-1)?.message ?? '';
}

/** "rater → rated: state" per row. */
function roundRows(project: LoadedProject): string[] {
  return satisfactionRows(project).map(
    (row) => `${String(row['评价人'])} → ${String(row['被评部门'])}: ${String(row['评价状态'])}`,
  );
}

function rate(project: LoadedProject, as: string, ratedDept: string): ActionResult {
  project.emulator.session.emuSetActiveUser(as);
  const payload = { ref: '2024-Q3', ratedDept, overall: 5, clarity: 4, flow: 4, communication: 5 };
  return project.runFromSidebar('submitRating', payload) as ActionResult;
}

describe('the quarterly round', () => {
  test('a coordinator opens it once: a row per head and partner department, heads without a name reported', () => {
    const project = quarterDesk();
    const alert = openRound(project);
    assert.match(alert, /已开启 2024-Q3 季度调研：新增 4 条待评价/);
    assert.match(alert, /以下部门在“部门”表中没有负责人，未邀请：设计部/);
    assert.deepEqual(roundRows(project), [
      '周主管 → 设计部: 待评价',
      '周主管 → 销售部: 待评价',
      `${SALES_HEAD} → 市场部: 待评价`,
      `${SALES_HEAD} → 设计部: 待评价`,
    ]);
    assert.ok(
      satisfactionRows(project).every((row) => row['评价类型'] === '季度调研' && row['关联编号'] === '2024-Q3'),
    );

    assert.match(openRound(project), /2024-Q3 季度调研已开启，没有需要新增的评价/);
    assert.equal(satisfactionRows(project).length, 4, 'opening twice adds nothing');
  });

  test('only a coordinator may open it', () => {
    const project = quarterDesk();
    assert.match(openRound(project, MARKET_HEAD), /只有协作总负责人可以执行此操作/);
    assert.equal(satisfactionRows(project).length, 0);
  });

  test('each head is told once, in one mail listing their partners', () => {
    const project = quarterDesk();
    openRound(project);
    runUntil(project, '2024-09-20T12:00');
    const mails = project.emulator.mail.outbox.filter((mail) => /2024-Q3 季度调研：请为与/.test(mail.body));
    assert.deepEqual(mails.map((mail) => mail.to.join()).sort(), [MARKET_HEAD, SALES_HEAD]);
    const market = mails.find((mail) => mail.to.includes(MARKET_HEAD));
    assert.match(market?.body ?? '', /请为与设计部的协作打分/);
    assert.match(market?.body ?? '', /请为与销售部的协作打分/);
    assert.match(market?.body ?? '', /2024-09-30 18:00 截止/);
  });

  test('it closes at the quarter’s end: later answers are refused, unanswered rows say so', () => {
    const project = quarterDesk();
    openRound(project);
    assert.equal(rate(project, MARKET_HEAD, '销售部').ok, true);
    runUntil(project, '2024-10-08T12:00');
    const late = rate(project, SALES_HEAD, '市场部');
    assert.equal(late.ok, false);
    assert.match(late.message, /2024-Q3 季度调研已于 2024-09-30 18:00 截止，不再接受评价/);
    assert.deepEqual(roundRows(project), [
      '周主管 → 设计部: 已截止（未评价）',
      '周主管 → 销售部: 已评价',
      `${SALES_HEAD} → 市场部: 已截止（未评价）`,
      `${SALES_HEAD} → 设计部: 已截止（未评价）`,
    ]);
  });
});
