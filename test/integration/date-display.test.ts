/** SPEC §2.7, §2.2: one display for dates everywhere, in the Settings time zone; the built bundle. */
import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import { Desk, day } from './workflow-fixture';

// SPEC §2.7: dates shown in the Settings time zone; a due date typed without a time is that day
// wherever the Settings zone lies (the card showed "2024-08-19 12:00" for a due of 08-20).
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
});
