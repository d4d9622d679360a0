import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { archivedRequestOf, requestsToArchive } from '../../src/domain/archive';

const now = new Date('2024-07-12T07:00:00Z');
const days = (n: number) => new Date(now.getTime() - n * 86_400_000);

test("only requests done for at least archiveAfterDays are archived, under the year they closed in the sheet's zone", () => {
  const plan = requestsToArchive(
    [
      { id: 'XQ1', status: 'done', closed: days(30) },
      { id: 'xq2', status: 'done', closed: new Date(days(31).getTime() + 1) },
      { id: 'XQ3', status: 'done', closed: days(29.99) },
      { id: 'XQ4', status: 'approved', closed: days(90) },
      { id: 'XQ5', status: 'done', closed: undefined },
      { id: 'XQ6', status: 'done', closed: new Date('2023-12-31T17:00:00Z') },
    ],
    now,
    30,
    'Asia/Shanghai',
  );
  assert.deepEqual(
    [...plan],
    [
      ['XQ1', 2024],
      ['XQ2', 2024],
      ['XQ6', 2024],
    ],
  );
  assert.deepEqual(
    [...requestsToArchive([{ id: 'XQ6', status: 'done', closed: new Date('2023-12-31T17:00:00Z') }], now, 30, 'UTC')],
    [['XQ6', 2023]],
  );
});

test('a row moves only when every request it mentions is being archived', () => {
  const plan = new Map([['XQ202406001', 2024]]);
  const tasks = new Map([
    ['RW202406001-01', 'XQ202406001'],
    ['RW202407001-01', 'XQ202407001'],
  ]);
  assert.equal(archivedRequestOf(plan, ['XQ202406001', 'RW202406001-01'], tasks), 'XQ202406001');
  assert.equal(archivedRequestOf(plan, ['rw202406001-01'], tasks), 'XQ202406001');
  assert.equal(archivedRequestOf(plan, ['XQ202406001、RW202407001-01'], tasks), undefined);
  assert.equal(archivedRequestOf(plan, ['XQ202407001'], tasks), undefined);
  assert.equal(archivedRequestOf(plan, ['', '周会'], tasks), undefined);
});
