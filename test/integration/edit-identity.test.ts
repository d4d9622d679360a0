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
  const { id: requestId } = desk.approvedRequest();
  const [row] = desk.paste('tasks', [desk.taskRecord(requestId)]);
  return { desk, taskId: String(desk.value('tasks', row!, 'id')), taskRow: row! };
}

test('onEdit in LIMITED mode stamps an outside user’s progress as (unknown), never another user’s email', () => {
  const { desk, taskId } = deskWithTask();
  desk.project.emulator.session.emuSetActiveUser('partner@outside.cn');
  const [row] = desk.paste('progress', [{ task: taskId, summary: '方案撰写70%', pct: 70, delayReason: '无' }]);
  assert.ok(desk.value('progress', row!, 'updatedAt') instanceof Date, 'the entry is stamped');
  assert.equal(desk.value('progress', row!, 'updatedBy'), '（未知用户）');
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

test('progress typed while the lock is busy is stamped and applied by the next tick, as (unknown)', () => {
  const { desk, taskId, taskRow } = deskWithTask();
  desk.project.call('automationOn_');
  const { clock, lock, triggers } = desk.project.emulator;
  lock.emuHoldByAnotherProcess('document', clock.now().getTime() + 60_000);
  const [row] = desk.paste('progress', [{ task: taskId, summary: '方案撰写70%', pct: 70, delayReason: '无' }]);
  assert.equal(desk.value('progress', row!, 'updatedAt'), '', 'onEdit gave up after a few seconds');

  clock.advanceHours(1);
  triggers.emuRunDue();
  assert.ok(desk.value('progress', row!, 'updatedAt') instanceof Date, 'stamped by the tick');
  // The tick acts for nobody: it cannot know who typed the row.
  assert.equal(desk.value('progress', row!, 'updatedBy'), '（未知用户）');
  assert.equal(desk.value('tasks', taskRow, 'pct'), 70, 'applied to the task');
});
