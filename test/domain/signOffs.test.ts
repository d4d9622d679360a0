import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { standIn, type Directory } from '../../src/domain/directory';
import { acceptanceSigner, pendingSignOffs, roundState, type SignOffRecord } from '../../src/domain/signOffs';

const directory: Directory = {
  departments: [{ name: '市场部', head: 'head@corp.cn', sponsor: '', liaison: '' }],
  people: [
    { name: '甲', email: 'a@corp.cn', dept: '市场部', delegate: '乙', awayFrom: '2024-07-03', awayTo: '2024-07-05' },
    { name: '乙', email: 'b@corp.cn', dept: '市场部', delegate: 'c@corp.cn', awayFrom: '2024-07-05', awayTo: '' },
    { name: '丙', email: 'c@corp.cn', dept: '市场部', delegate: '甲', awayFrom: '', awayTo: '2024-07-05' },
    { name: '张三', email: 'owner@corp.cn', dept: '市场部' },
  ],
};

test('while away (dates inclusive) a person’s work goes to their delegate, on behalf of them', () => {
  assert.deepEqual(standIn(directory, 'a@corp.cn', '2024-07-02'), { email: 'a@corp.cn' });
  assert.deepEqual(standIn(directory, 'a@corp.cn', '2024-07-03'), { email: 'b@corp.cn', onBehalfOf: 'a@corp.cn' });
  assert.deepEqual(standIn(directory, 'a@corp.cn', '2024-07-06'), { email: 'a@corp.cn' });
});

test('a chain is followed while each delegate is away, and a loop leaves the work with its person', () => {
  // 乙 is away from 7/5 on, with no end: 甲 → 乙 → 丙; 丙 is away until 7/5 and names 甲: a loop.
  assert.deepEqual(standIn(directory, 'a@corp.cn', '2024-07-05'), { email: 'a@corp.cn' });
  assert.deepEqual(standIn(directory, 'b@corp.cn', '2024-07-06'), { email: 'c@corp.cn', onBehalfOf: 'b@corp.cn' });
});

const row = (decision: SignOffRecord['decision'], requestedAt: string, signer = 'a@corp.cn'): SignOffRecord => ({
  row: 2,
  subject: 'split',
  ref: 'XQ202407001',
  signer,
  onBehalfOf: '',
  decision,
  comment: '',
  decidedAt: undefined,
  requestedAt: new Date(requestedAt),
});

test('a round is agreed when all agreed, returned by one Return; only the latest round waits', () => {
  assert.equal(roundState([row('agree', '2024-07-01'), row('pending', '2024-07-01')]), 'pending');
  assert.equal(roundState([row('agree', '2024-07-01'), row('agree', '2024-07-01')]), 'agreed');
  assert.equal(roundState([row('return', '2024-07-01'), row('pending', '2024-07-01')]), 'returned');
  const first = [row('return', '2024-07-01'), row('pending', '2024-07-01', 'b@corp.cn')];
  const second = [row('agree', '2024-07-02'), row('pending', '2024-07-02', 'b@corp.cn')];
  assert.deepEqual(
    pendingSignOffs([...first, ...second]).map((r) => [r.signer, r.requestedAt?.toISOString().slice(0, 10)]),
    [['b@corp.cn', '2024-07-02']],
  );
});

test('an acceptance is signed by the requester, or the requesting head when the requester owns the task', () => {
  assert.equal(acceptanceSigner(directory, { requester: '甲', dept: '市场部' }, 'owner@corp.cn'), 'a@corp.cn');
  assert.equal(acceptanceSigner(directory, { requester: '张三', dept: '市场部' }, 'owner@corp.cn'), 'head@corp.cn');
});
