import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { archivedRequestOf, archivedText, foldedCells, foldedEntry, requestsToArchive } from '../../src/domain/archive';

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

test('folded entries keep one entry a line and start a new cell where the next would pass the limit', () => {
  const entries = ['[1] a', '[2] bb', '[3] ccc'];
  assert.deepEqual(foldedCells(entries, 1_000), ['[1] a\n[2] bb\n[3] ccc']);
  // "[1] a\n[2] bb" is 12 characters: the third entry starts the next cell.
  assert.deepEqual(foldedCells(entries, 12), ['[1] a\n[2] bb', '[3] ccc']);
  // An entry longer than a cell is cut across cells; nothing is dropped.
  const long = `[1] ${'x'.repeat(25)}`;
  const cells = foldedCells([long, '[2] y'], 10);
  assert.ok(cells.every((cell) => cell.length <= 10));
  assert.equal(cells.join('').replace('\n', ''), `${long}[2] y`);
  assert.deepEqual(foldedCells([]), []);
});

test('an archived cell reads as its day, date-time or percentage, and empty fields are left out of an entry', () => {
  const instant = new Date('2024-06-04T16:00:00Z');
  assert.equal(archivedText(instant, 'date', 'Asia/Shanghai'), '2024-06-05');
  assert.equal(archivedText(instant, 'datetime', 'Asia/Shanghai'), '2024-06-05 00:00:00');
  assert.equal(archivedText(0.6, 'percent', 'UTC'), '60%');
  assert.equal(archivedText(60, 'percent', 'UTC'), '60%');
  assert.equal(archivedText(60, 'number', 'UTC'), '60');
  assert.equal(archivedText('  =1+1 ', 'text', 'UTC'), '  =1+1 ');
  assert.equal(
    foldedEntry(2, [
      ['当前进度', '初稿'],
      ['滞后原因', ' '],
      ['更新人', '王五'],
    ]),
    '[2] 当前进度: 初稿 | 更新人: 王五',
  );
});
