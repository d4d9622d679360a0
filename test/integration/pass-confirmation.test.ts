/**
 * Pass only on a task 待验收, or with the coordinator's explicit confirmation in the sidebar
 * (SPEC §3.6, §2.5), on the built bundle in both languages: the card asks a coordinator to confirm,
 * the server takes the confirmation only from a coordinator who does not own the task, on a task
 * whose request is in execution, and the Change history says it was confirmed. Never the owner,
 * never an editor Apps Script does not name.
 */
import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import type { ActionResult, SidebarState } from '../../src/contract';
import { t } from '../../src/i18n/index';
import { Desk, type Lang } from './workflow-fixture';

const COORDINATOR = 'coordinator@example.com';
const OWNER = 'zhang.san@example.com'; // 张三, owner of the fixture's 市场部 task
const COLLEAGUE = 'li.si@example.com'; // 李四, 销售部: neither owner nor coordinator

function as(desk: Desk, user: string): void {
  desk.project.emulator.session.emuSetActiveUser(user);
}

function sidebar(desk: Desk, name: string, ...args: unknown[]): ActionResult {
  return desk.project.runFromSidebar(name, ...args) as ActionResult;
}

function said(result: ActionResult): string {
  return [result.message, ...(result.ok ? [] : Object.values(result.errors))].join('\n');
}

function card(desk: Desk, row: number): SidebarState['card'] {
  desk.select('tasks', row);
  return (JSON.parse(JSON.stringify(desk.project.runFromSidebar('getSidebarState'))) as SidebarState).card;
}

/** The Change history rows about `item`, as "field: old → new (by, via)". */
function history(desk: Desk, item: string): string[] {
  const sheet = desk.sheet('changeHistory');
  const text = (row: number, column: string) => desk.text('changeHistory', row, column);
  const lines: string[] = [];
  for (let row = 2; row <= sheet.getLastRow(); row++) {
    if (text(row, 'item') !== item) continue;
    lines.push(
      `${text(row, 'field')}: ${text(row, 'oldValue')} → ${text(row, 'newValue')} (${text(row, 'by')}, ${text(row, 'via')})`,
    );
  }
  return lines;
}

for (const lang of ['zh-CN', 'en'] as const satisfies readonly Lang[]) {
  describe(`Pass on a task not 待验收 (${lang})`, () => {
    const pass = lang === 'en' ? 'Pass' : '通过';
    const notStarted = lang === 'en' ? 'Not started' : '未开始';
    const done = lang === 'en' ? 'Done' : '已完成';

    /** A request in execution whose one task (张三's) is not started; a coordinator's Pass takes effect at once. */
    function executing() {
      const desk = new Desk(lang);
      desk.fillDirectory();
      desk.setSetting('signOffAcceptance', 'coordinator');
      const {
        taskRows: [row],
      } = desk.executingRequest([{}]);
      const task = String(desk.value('tasks', row!, 'id'));
      return { desk, row: row!, task };
    }

    test('a coordinator’s Pass without the confirmation is refused, naming the confirmation; nothing is written', () => {
      const { desk, row, task } = executing();
      assert.equal(card(desk, row)?.passNeedsConfirmation, true, 'the card asks this coordinator to confirm');
      const acceptances = desk.sheet('acceptance').getLastRow();
      const refused = sidebar(desk, 'submitSidebarForm', 'acceptance', { task, result: pass });
      assert.equal(refused.ok, false);
      assert.match(said(refused), new RegExp(t(lang, 'sidebarConfirmPass').replace(/[()]/g, '\\$&')));
      assert.equal(desk.value('tasks', row, 'status'), notStarted);
      assert.equal(desk.sheet('acceptance').getLastRow(), acceptances);
    });

    test('with the coordinator’s confirmation the Pass is recorded, the task is done, and the Change history says so', () => {
      const { desk, row, task } = executing();
      const recorded = sidebar(desk, 'submitSidebarForm', 'acceptance', { task, result: pass, confirmPass: 'true' });
      assert.equal(recorded.ok, true, said(recorded));
      assert.equal(desk.value('tasks', row, 'status'), done);
      const last = desk.sheet('acceptance').getLastRow();
      assert.equal(desk.text('acceptance', last, 'result'), pass);
      assert.equal(desk.text('acceptance', last, 'acceptedBy'), COORDINATOR);
      const via = t(lang, 'viaSidebar');
      const lines = history(desk, task);
      const result = lang === 'en' ? 'Result' : '验收结果';
      assert.ok(
        lines.includes(`${result}: ${notStarted} → ${t(lang, 'historyPassConfirmed')} (${COORDINATOR}, ${via})`),
        lines.join('\n'),
      );
      assert.ok(
        lines.some((line) => line.includes(`${notStarted} → ${done}`)),
        lines.join('\n'),
      );
      assert.equal(card(desk, row)?.passNeedsConfirmation, false, 'a done task asks nothing');
    });

    test('the confirmation counts from no one else: the owner, a colleague and an unnamed editor are refused', () => {
      const { desk, row, task } = executing();
      const confirmed = { task, result: pass, confirmPass: 'true' };
      as(desk, OWNER);
      assert.equal(card(desk, row)?.passNeedsConfirmation, false);
      const own = sidebar(desk, 'submitSidebarForm', 'acceptance', confirmed);
      assert.equal(own.ok, false);
      assert.match(said(own), lang === 'en' ? /never accepts their own task/ : /不能验收自己的任务/);
      as(desk, COLLEAGUE);
      assert.equal(card(desk, row)?.passNeedsConfirmation, false);
      const colleague = sidebar(desk, 'submitSidebarForm', 'acceptance', confirmed);
      assert.equal(colleague.ok, false);
      assert.match(said(colleague), lang === 'en' ? /only a task awaiting acceptance can pass/ : /只有待验收的任务/);
      as(desk, '');
      const unnamed = sidebar(desk, 'submitSidebarForm', 'acceptance', confirmed);
      assert.equal(unnamed.ok, false);
      assert.match(said(unnamed), new RegExp(t(lang, 'wbAcceptanceUnnamed').slice(0, 12)));
      as(desk, COORDINATOR);
      assert.equal(desk.value('tasks', row, 'status'), notStarted);
      assert.deepEqual(
        history(desk, task).filter((line) => line.includes(t(lang, 'historyPassConfirmed'))),
        [],
      );
    });

    test('a task 待验收 passes without any confirmation, and the card asks for none', () => {
      const { desk, row, task } = executing();
      as(desk, OWNER);
      const posted = sidebar(desk, 'submitSidebarForm', 'progress', { task, summary: '交付', pct: '100' });
      assert.equal(posted.ok, true, said(posted));
      as(desk, COORDINATOR);
      assert.equal(card(desk, row)?.passNeedsConfirmation, false);
      const recorded = sidebar(desk, 'submitSidebarForm', 'acceptance', { task, result: pass });
      assert.equal(recorded.ok, true, said(recorded));
      assert.equal(desk.value('tasks', row, 'status'), done);
      assert.deepEqual(
        history(desk, task).filter((line) => line.includes(t(lang, 'historyPassConfirmed'))),
        [],
      );
    });

    test('work starts only through sign-off: no confirmation passes a task whose split was never submitted', () => {
      const desk = new Desk(lang);
      desk.fillDirectory();
      desk.setSetting('signOffAcceptance', 'coordinator');
      const { id } = desk.approvedRequest();
      const [row] = desk.paste('tasks', [desk.taskRecord(id)]);
      const task = String(desk.value('tasks', row!, 'id'));
      assert.equal(card(desk, row!)?.passNeedsConfirmation, false);
      const refused = sidebar(desk, 'submitSidebarForm', 'acceptance', { task, result: pass, confirmPass: 'true' });
      assert.equal(refused.ok, false);
      assert.match(said(refused), lang === 'en' ? /is not in execution yet/ : /还未进入执行中/);
      assert.equal(desk.value('tasks', row!, 'status'), notStarted);
    });
  });
}
