/** SPEC §2.7, §2.2: one display for dates everywhere, in the Settings time zone; the built bundle. */
import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import { Desk, day } from './workflow-fixture';

// SPEC §2.7: dates shown in the Settings time zone; a due date typed without a time is that day
// wherever the Settings zone lies (the card showed "2024-08-19 12:00" for a due of 08-20), and is
// shown as typed, not as the end of the working day the rules measure it by (mails said "18:00").
describe.each(['zh-CN', 'en'] as const)('%s', (lang) => {
  test('the sidebar card shows a due date typed without a time as that day when Settings has another zone', () => {
    const desk = new Desk(lang);
    desk.fillDirectory();
    desk.setSetting('timeZone', 'America/New_York');
    const { id } = desk.approvedRequest();
    const due = day(5);
    const [row] = desk.paste('tasks', [desk.taskRecord(id, { due })]);
    desk.select('tasks', row!);
    const state = desk.project.runFromSidebar('getSidebarState') as { card: { due: string } | null };
    assert.equal(state.card?.due, due);
  });

  test('a digest mail and the weekly summary show that due date as the same day, with no time', () => {
    const desk = new Desk(lang);
    desk.fillDirectory();
    desk.setSetting('timeZone', 'America/New_York');
    const due = day(-3);
    desk.executingRequest([{ due, status: lang === 'en' ? 'In progress' : '进行中' }]);
    desk.project.call('runChecksNow_');
    const digest = desk.project.emulator.mail.outbox.find((mail) => mail.to.includes('zhang.san@example.com'));
    assert.ok(digest, 'the owner of the overdue task gets a digest');
    const shown = new RegExp(`${due}(?! \\d)`);
    assert.match(digest.body, shown);
    assert.doesNotMatch(digest.body, new RegExp(`${due} \\d\\d:\\d\\d|${day(-4)}`));

    desk.answer('NO');
    desk.project.call('weeklySummary_');
    const summary = desk.ss.getSheets().at(-1)!;
    const cells = summary.getDataRange().getDisplayValues().flat();
    assert.ok(cells.includes(due), `the summary's overdue list shows ${due}`);
    assert.ok(!cells.some((cell) => cell.startsWith(day(-4))), 'never the day before');
  });
});
