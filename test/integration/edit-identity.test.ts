/**
 * Identity and the short lock in onEdit (SPEC §4: simple triggers run in AuthMode.LIMITED, where
 * the active user's email is blank for users outside the developer's domain), on the built bundle.
 */
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { Desk } from './workflow-fixture';

function deskWithTask(): { desk: Desk; taskId: string; taskRow: number } {
  const desk = new Desk('zh-CN', { emulator: { enforceSimpleTriggerAuth: true, developerDomain: 'example.com' } });
  desk.fillDirectory();
  const {
    taskRows: [row],
  } = desk.executingRequest();
  return { desk, taskId: String(desk.value('tasks', row!, 'id')), taskRow: row! };
}

// SPEC §3.6: progress comes only from people allowed to post it, and an editor Apps Script does not
// name cannot be told apart from anyone else: the entry is kept, not applied, and says who may.
test('onEdit in LIMITED mode keeps an outside user’s progress as typed and unapplied, with a note saying who may', () => {
  const { desk, taskId } = deskWithTask();
  desk.project.emulator.session.emuSetActiveUser('partner@outside.cn');
  const [row] = desk.paste('progress', [{ task: taskId, summary: '方案撰写70%', pct: 70, delayReason: '无' }]);
  assert.equal(desk.value('progress', row!, 'summary'), '方案撰写70%', 'nothing typed is lost');
  assert.equal(desk.value('progress', row!, 'updatedAt'), '', 'not applied');
  assert.equal(desk.value('progress', row!, 'updatedBy'), '', 'never another user’s email');
  assert.match(desk.note('progress', row!, 'task'), /无法确认是谁填写的.*第一责任人（张三）/);
});

test('onEdit in LIMITED mode records a user of the domain by their email', () => {
  const { desk, taskId } = deskWithTask();
  const [row] = desk.paste('progress', [{ task: taskId, summary: '方案撰写70%', pct: 70, delayReason: '无' }]);
  assert.equal(desk.value('progress', row!, 'updatedBy'), 'coordinator@example.com');
});

test('onEdit waits a few seconds for the lock, then leaves the entry as typed, unstamped, for later', () => {
  const { desk, taskId } = deskWithTask();
  const { clock, lock } = desk.project.emulator;
  lock.emuHoldByAnotherProcess('document', clock.now().getTime() + 2_000);
  const [waited] = desk.paste('progress', [{ task: taskId, summary: '二十秒内', pct: 60, delayReason: '无' }]);
  assert.ok(desk.value('progress', waited!, 'updatedAt') instanceof Date, 'stamped after a 2 s wait');

  lock.emuHoldByAnotherProcess('document', clock.now().getTime() + 60_000);
  const [left] = desk.paste('progress', [{ task: taskId, summary: '方案撰写70%', pct: 70, delayReason: '无' }]);
  assert.equal(desk.value('progress', left!, 'summary'), '方案撰写70%', 'what the user typed is kept');
  assert.equal(desk.value('progress', left!, 'updatedAt'), '', 'left for the next sync');
  clock.set(new Date(clock.now().getTime() + 60_000));
  desk.project.call('validate_');
  assert.ok(desk.value('progress', left!, 'updatedAt') instanceof Date, 'stamped by the next sync');
});

test('a request typed while the lock is busy is left as typed, then given its ID and time by the next tick', () => {
  const desk = new Desk('zh-CN');
  desk.fillDirectory();
  desk.project.call('automationOn_');
  const { clock, lock, triggers } = desk.project.emulator;
  lock.emuHoldByAnotherProcess('document', clock.now().getTime() + 60_000);
  const [row] = desk.paste('requests', [desk.requestRecord()]);
  assert.equal(desk.value('requests', row!, 'id'), '', 'onEdit gave up after a few seconds');
  assert.equal(desk.value('requests', row!, 'title'), '2024年Q3新品上市推广方案', 'what the user typed is kept');

  clock.advanceHours(1);
  triggers.emuRunDue();
  assert.match(String(desk.value('requests', row!, 'id')), /^XQ\d{9}$/);
  assert.ok(desk.value('requests', row!, 'submitted') instanceof Date);
  assert.equal(desk.value('requests', row!, 'status'), '待审核');
});

// SPEC §3.6: an edit onEdit could not finish is handled by the tick as its typist, at its time.
test('progress typed while the lock is busy is applied by the next tick as its typist, at the typed time', () => {
  const { desk, taskId, taskRow } = deskWithTask();
  desk.project.call('automationOn_');
  const { clock, lock, triggers } = desk.project.emulator;
  desk.project.emulator.session.emuSetActiveUser('zhang.san@example.com');
  lock.emuHoldByAnotherProcess('document', clock.now().getTime() + 60_000);
  const typedAt = clock.now().getTime();
  const [row] = desk.paste('progress', [{ task: taskId, summary: '方案撰写70%', pct: 70, delayReason: '无' }]);
  assert.equal(desk.value('progress', row!, 'updatedAt'), '', 'onEdit gave up after a few seconds');

  clock.advanceHours(1);
  triggers.emuRunDue();
  assert.equal(desk.value('progress', row!, 'updatedBy'), '张三', 'as its typist (by name), never unknown');
  const stamped = desk.value('progress', row!, 'updatedAt') as Date;
  assert.ok(Math.abs(stamped.getTime() - typedAt) < 60_000, 'at the typed time, not the tick’s');
  assert.equal(desk.value('tasks', taskRow, 'pct'), 70, 'applied to the task');
  assert.equal(desk.note('progress', row!, 'task'), '');
});

// Where Apps Script names nobody the add-on cannot know who typed it: kept for a coordinator, not applied.
test('progress typed while the lock is busy by an editor Apps Script does not name is kept for a coordinator', () => {
  const { desk, taskId, taskRow } = deskWithTask();
  desk.project.call('automationOn_');
  const { clock, lock, triggers } = desk.project.emulator;
  desk.project.emulator.session.emuSetActiveUser('partner@outside.cn');
  lock.emuHoldByAnotherProcess('document', clock.now().getTime() + 60_000);
  const [row] = desk.paste('progress', [{ task: taskId, summary: '方案撰写70%', pct: 70, delayReason: '无' }]);
  desk.project.emulator.session.emuSetActiveUser('coordinator@example.com');

  clock.advanceHours(1);
  triggers.emuRunDue();
  assert.equal(desk.value('progress', row!, 'updatedAt'), '', 'not applied by the tick');
  assert.match(desk.note('progress', row!, 'task'), /无法确认是谁填写的/);
  assert.equal(desk.value('progress', row!, 'summary'), '方案撰写70%', 'what the user typed is kept');

  desk.project.call('validate_');
  assert.ok(desk.value('progress', row!, 'updatedAt') instanceof Date, 'applied by the coordinator’s Validate');
  assert.equal(desk.value('tasks', taskRow, 'pct'), 70, 'applied to the task');
});
