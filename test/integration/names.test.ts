/**
 * People are shown by name (SPEC §2, §2.7): the cells the add-on writes, its dialogs and the
 * sidebar name each person as People does, while sign-offs, mails and permissions still find
 * them by email. On the built bundle, in both languages, driven as users drive it.
 */
import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import { mapHeaders, sheetDef, type SheetKey } from '../../src/domain/schema';
import type { ActionResult, SidebarState } from '../../src/contract';
import { Desk, type Lang } from './workflow-fixture';

const COORDINATOR = 'coordinator@example.com';
const MARKET_HEAD = 'head.market@example.com';
const SALES_HEAD = 'head.sales@example.com';
/** Beside the fixture's 张三, 李四, 王五: the coordinator and two heads, so every role has a name. */
const MORE_PEOPLE = [
  ['陈静', COORDINATOR, '产品部'],
  ['刘洋', MARKET_HEAD, '市场部'],
  ['周敏', SALES_HEAD, '销售部'],
];

function as(desk: Desk, user: string): void {
  desk.project.emulator.session.emuSetActiveUser(user);
}

function sidebar(desk: Desk, name: string, ...args: unknown[]): ActionResult {
  return desk.project.runFromSidebar(name, ...args) as ActionResult;
}

function state(desk: Desk): SidebarState {
  return JSON.parse(JSON.stringify(desk.project.runFromSidebar('getSidebarState'))) as SidebarState;
}

function rows(desk: Desk, key: SheetKey): Record<string, unknown>[] {
  const values = desk.sheet(key).getDataRange().getValues();
  const positions = mapHeaders(sheetDef(key), values[0] ?? []) as Record<string, number | undefined>;
  return values
    .slice(1)
    .map((line) => Object.fromEntries(Object.entries(positions).map(([column, index]) => [column, line[index ?? -1]])));
}

function named(lang: Lang): Desk {
  const desk = new Desk(lang);
  desk.fillDirectory();
  const people = desk.sheet('people');
  const first = people.getLastRow() + 1;
  for (const [i, column] of (['name', 'email', 'dept'] as const).entries())
    people.getRange(first, desk.col('people', column), MORE_PEOPLE.length, 1).setValues(MORE_PEOPLE.map((p) => [p[i]]));
  return desk;
}

describe.each(['zh-CN', 'en'] as const)('%s', (lang) => {
  test('a split names its coordinator and signers by name, and the signers named in the cells still sign it', () => {
    const desk = named(lang);
    const { row, id } = desk.approvedRequest();
    assert.equal(desk.value('requests', row, 'coordinator'), '陈静', '协作总负责人 by name');
    desk.paste('tasks', [
      desk.taskRecord(id),
      desk.taskRecord(id, { name: '销售培训材料制作', dept: '销售部', owner: '李四' }),
    ]);
    const alert = desk.submitSplit(row)?.message ?? '';
    assert.match(alert, lang === 'en' ? /Sent for sign-off by 刘洋, 周敏\./ : /等待签批：刘洋、周敏。/);
    assert.doesNotMatch(alert, /@/, 'no email in the dialog');
    assert.deepEqual(
      rows(desk, 'signOffs').map((r) => r.signer),
      ['刘洋', '周敏'],
      '签批人 by name',
    );

    // Notices still travel by email.
    desk.project.call('runChecksNow_');
    const told = desk.project.emulator.mail.outbox.flatMap((m) => m.to);
    assert.ok(told.includes(MARKET_HEAD) && told.includes(SALES_HEAD), told.join());

    // Each head is matched to the row that names them.
    as(desk, MARKET_HEAD);
    assert.deepEqual(
      state(desk).signOffs.map((s) => s.ref),
      [id],
    );
    assert.equal(
      sidebar(desk, 'decideSignOff', { subject: 'split', ref: id, decision: 'agree', comment: '' }).ok,
      true,
    );
    as(desk, SALES_HEAD);
    assert.equal(
      sidebar(desk, 'decideSignOff', { subject: 'split', ref: id, decision: 'agree', comment: '' }).ok,
      true,
    );
    assert.equal(desk.value('requests', row, 'status'), lang === 'en' ? 'In execution' : '执行中');
  });

  test('progress is stamped with its author by name; the card shows owner, updater and history by name', () => {
    const desk = named(lang);
    const {
      taskRows: [taskRow],
    } = desk.executingRequest([{ owner: 'zhang.san@example.com' }]);
    const taskId = String(desk.value('tasks', taskRow!, 'id'));
    as(desk, 'zhang.san@example.com');
    const posted = sidebar(desk, 'submitSidebarForm', 'progress', {
      task: taskId,
      summary: '初稿完成',
      pct: '60',
      delayReason: '无',
    });
    assert.equal(posted.ok, true, posted.message);
    assert.equal(rows(desk, 'progress').at(-1)?.updatedBy, '张三', '更新人 by name');
    desk.select('tasks', taskRow!);
    const card = state(desk).card;
    assert.equal(card?.owner, '张三', 'the owner typed as an email is shown by name');
    assert.equal(card?.latest?.updatedBy, '张三');
    const history = card?.history.map((line) => line.sentence) ?? [];
    assert.ok(
      history.some((line) => line.startsWith('张三 ')) && !history.some((line) => line.includes('@')),
      history.join('\n'),
    );

    // Someone who may not post is refused in words that name the owner, not their email.
    as(desk, 'wang.wu@example.com');
    const refused = sidebar(desk, 'submitSidebarForm', 'progress', { task: taskId, summary: 'x', pct: '70' });
    assert.equal(refused.ok, false);
    assert.match(refused.message, /张三/);
    assert.doesNotMatch(refused.message, /@/);
  });
});
