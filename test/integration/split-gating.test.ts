/**
 * Work starts only through sign-off (SPEC §3.6), end to end on the built bundle: the tasks of a
 * split never submitted raise no task notice, and the coordinator is told of the split after one
 * working day; the same task in a request in execution is told to its owner and head.
 */
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { Desk, day, type Lang } from './workflow-fixture';

const ALERT_SUBJECT = /^\[(协作预警|协作提醒|协作升级|Collab alert|Collab reminder|Collab escalation)\]/;
const COORDINATOR = 'coordinator@example.com';

/** 张三's task, started ten days ago and due in ten, with nothing done: behind the straight-line plan. */
const LAGGING = { start: day(-10), due: day(10) };

/** "to ← subject" of each alert mailed since `from`. */
function alerts(desk: Desk, from: number): string[] {
  return desk.project.emulator.mail.outbox
    .slice(from)
    .filter((mail) => ALERT_SUBJECT.test(mail.subject))
    .map((mail) => `${mail.to.join(',')} ← ${mail.subject}`);
}

function checksNow(desk: Desk): string[] {
  const before = desk.project.emulator.mail.outbox.length;
  desk.project.call('runChecksNow_');
  return alerts(desk, before);
}

for (const lang of ['zh-CN', 'en'] as const satisfies readonly Lang[]) {
  test(`${lang}: the tasks of an 已立项 request raise nothing but the split notice, told to the coordinator after one working day`, () => {
    const desk = new Desk(lang);
    desk.fillDirectory();
    const { id } = desk.approvedRequest();
    const [taskRow] = desk.paste('tasks', [desk.taskRecord(id, LAGGING)]);
    // The split was never submitted: the scan sees a lagging task and does not tell its owner.
    assert.deepEqual(checksNow(desk), []);
    assert.equal(desk.text('tasks', taskRow!, 'health'), lang === 'en' ? 'Lagging' : '滞后');

    // Five days on (at least two working days after the approval): the coordinator hears of the split.
    desk.project.emulator.clock.advanceHours(5 * 24);
    const told = checksNow(desk);
    assert.deepEqual(told, [
      `${COORDINATOR} ← ${lang === 'en' ? '[Collab reminder] Split not submitted: 2024年Q3新品上市推广方案' : '[协作提醒] 任务分工未提交会签：2024年Q3新品上市推广方案'}`,
    ]);
    const mail = desk.project.emulator.mail.outbox.at(-1)!;
    assert.match(
      mail.body,
      lang === 'en'
        ? /1 tasks waiting since .* for their split to be submitted; submit it with Split into tasks/
        : /1 个任务自 .* 起未提交会签；请在「拆分任务」中提交/,
    );
  });
}

test('the same task in a request in execution is told to its owner and department head', () => {
  const desk = new Desk('zh-CN');
  desk.fillDirectory();
  desk.executingRequest([LAGGING]);
  const told = checksNow(desk);
  assert.deepEqual(told.sort(), [
    'head.market@example.com ← [协作预警] 滞后：新品推广方案初稿撰写',
    'zhang.san@example.com ← [协作预警] 滞后：新品推广方案初稿撰写',
  ]);
});
