import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { WorkCalendar } from '../../src/domain/calendar';
import { escalationEpisodes } from '../../src/domain/retrospectiveCases';
import { defaultSettings } from '../../src/domain/settings';
import { at } from '../support/days';

const calendar = new WorkCalendar(defaultSettings({ locale: 'zh_CN', timeZone: 'Asia/Shanghai' }));

test('an item’s L3 tellings are one episode while the repeat schedule holds, a new one after a longer silence', () => {
  const told = (time: string, item = 'RW202406001-01') => ({ time: at(time), item });
  const episodes = escalationEpisodes(
    [
      told('2024-06-03T09:00'),
      // 2, then 4 working days later: repeats of the same episode.
      told('2024-06-05T09:00'),
      told('2024-06-11T09:00'),
      // Six working days of silence: it had cleared, this is a new episode.
      told('2024-06-19T09:00'),
      told('2024-06-04T09:00', 'rw202406001-02'),
    ],
    calendar,
  );
  assert.deepEqual(
    episodes.map((e) => [e.item, e.first.toISOString(), e.told]),
    [
      ['RW202406001-01', at('2024-06-03T09:00').toISOString(), 3],
      ['RW202406001-01', at('2024-06-19T09:00').toISOString(), 1],
      ['RW202406001-02', at('2024-06-04T09:00').toISOString(), 1],
    ],
  );
});
