/**
 * SPEC §3.6 (issue 21 point 5): the coordinators' protections follow Settings. A coordinator added
 * to Settings after setup may edit Settings after the next daily scan; one removed may not after
 * the next Validate. Under the emulator's protection enforcement (test/emulator cites the sources),
 * on the built bundle; the file belongs to an IT account, so nobody but the coordinators is let in.
 */
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { Desk } from './workflow-fixture';

const FILE_OWNER = 'it@example.com';
const COORDINATOR = 'coordinator@example.com';
const ADDED = 'li.si@example.com';
const LATER = 'wang.wu@example.com';

/** Whether `user` may type into Settings (a description cell of the last row). */
function mayEditSettings(desk: Desk, user: string): boolean {
  const settings = desk.sheet('settings');
  try {
    desk.as(user, () => settings.getRange(settings.getLastRow(), 3).setValue(`typed by ${user}`));
    return true;
  } catch (error) {
    assert.match(String(error), /protected cell/);
    return false;
  }
}

/** Runs the hourly tick until the daily scan has run once. */
function nextDailyScan(desk: Desk): void {
  const { clock, triggers } = desk.project.emulator;
  const start = clock.now().getTime();
  while (clock.now().getTime() - start < 25 * 3_600_000) {
    clock.advanceHours(1);
    triggers.emuRunDue();
  }
}

test('a coordinator added to Settings may edit Settings after the next daily scan; one removed may not after Validate', () => {
  const desk = new Desk('en', { activeUser: COORDINATOR, emulator: { owner: FILE_OWNER } });
  desk.fillDirectory();
  desk.project.call('automationOn_');
  desk.setSetting('coordinators', `${COORDINATOR}, ${ADDED}`);
  assert.equal(mayEditSettings(desk, ADDED), false, 'setup listed the coordinators of its time');

  nextDailyScan(desk);
  assert.equal(mayEditSettings(desk, ADDED), true, 'the daily scan added the new coordinator');
  assert.equal(mayEditSettings(desk, COORDINATOR), true);
  const editors = desk.sheet('settings').getProtections('SHEET' as never)[0]!;
  assert.deepEqual(
    editors
      .getEditors()
      .map((u) => u.getEmail())
      .sort(),
    [ADDED, COORDINATOR, FILE_OWNER].sort(),
  );

  desk.setSetting('coordinators', COORDINATOR);
  desk.project.call('validate_');
  assert.match(desk.lastAlert(), /The editors of \d+ protection\(s\) now match the coordinators in Settings/);
  assert.equal(mayEditSettings(desk, ADDED), false, 'Validate removed the former coordinator');
  assert.equal(mayEditSettings(desk, COORDINATOR), true);
  desk.project.call('validate_');
  assert.doesNotMatch(desk.lastAlert(), /protection/, 'nothing to change the second time');
});

test('a coordinator who is not yet an editor cannot let themself in: Validate says who can', () => {
  const desk = new Desk('zh-CN', { activeUser: COORDINATOR, emulator: { owner: FILE_OWNER } });
  desk.fillDirectory();
  desk.setSetting('coordinators', `${COORDINATOR}, ${LATER}`);
  desk.as(LATER, () => desk.project.call('validate_'));
  assert.match(desk.lastAlert(), /处保护的编辑者与「设置」中的协作总负责人不一致，但您不是这些保护的编辑者/);
  assert.equal(mayEditSettings(desk, LATER), false);
  desk.project.call('validate_');
  assert.equal(mayEditSettings(desk, LATER), true, 'a coordinator who is an editor brings them in line');
});
