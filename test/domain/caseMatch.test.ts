import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { guessCategory } from '../../src/domain/caseCategory';
import { caseWords, similarCases, type PastCase } from '../../src/domain/caseMatch';

function pastCase(id: string, problem: string, rootCause = '', category?: PastCase['category']): PastCase {
  return { id, problem, rootCause, countermeasure: '', tags: '', category };
}

test('Chinese text is split into character bigrams; stop characters and punctuation break the runs', () => {
  assert.deepEqual([...caseWords('等待客户反馈')], ['等待', '待客', '客户', '户反', '反馈']);
  // 的 and the comma are no words and join nothing across them.
  assert.deepEqual([...caseWords('销售部的数据，延迟')], ['销售', '售部', '数据', '延迟']);
});

test('Latin text is split into whole words, lower-cased, stop-words and single letters dropped', () => {
  assert.deepEqual([...caseWords('Waiting for the Customer data (v2) a')], ['waiting', 'customer', 'data', 'v2']);
  assert.deepEqual([...caseWords('CRM系统')], ['crm', '系统']);
});

test('a case sharing a Chinese word with the delay reason matches; one sharing a single character does not', () => {
  const cases = [
    pastCase('AL1', '客户数据迟迟未到，方案延误', '大客户数据由销售部提供，无人跟进'),
    // Shares 数 and 据 with the reason, never side by side: no bigram in common.
    pastCase('AL2', '据说预算数额不足'),
    // Shares 的 only: a stop character.
    pastCase('AL3', '设计稿的版本混乱'),
  ];
  const found = similarCases({ reason: '等待销售部的大客户数据', category: undefined }, cases);
  assert.deepEqual(
    found.map((f) => [f.pastCase.id, f.shared]),
    [['AL1', 6]],
  );
});

test('English reasons match whole words, not parts of words', () => {
  const cases = [
    pastCase('AL1', 'Customer data arrived late from sales'),
    pastCase('AL2', 'Customers were informed late'),
    pastCase('AL3', 'Budget approval took two weeks'),
  ];
  const found = similarCases({ reason: 'Waiting for customer data', category: undefined }, cases);
  assert.deepEqual(
    found.map((f) => f.pastCase.id),
    ['AL1'],
  );
});

test('the same category matches without shared words; more shared words rank first, then newer cases; three at most', () => {
  const cases = [
    pastCase('AL1', '审批流程太长', '', 'process'),
    pastCase('AL2', '会签等待三天', '', 'process'),
    pastCase('AL3', '会签流程卡在财务', '', 'process'),
    pastCase('AL4', '设备到货晚', '', 'resources'),
    pastCase('AL5', '会签流程无人催办', '', 'process'),
  ];
  const found = similarCases({ reason: '会签流程未完成', category: 'process' }, cases);
  assert.deepEqual(
    found.map((f) => [f.pastCase.id, f.shared, f.sameCategory]),
    [
      ['AL5', 3, true],
      ['AL3', 3, true],
      ['AL2', 1, true],
    ],
  );
  assert.deepEqual(similarCases({ reason: '', category: undefined }, cases), []);
});

test('a category is guessed from cue words, 其他 when none or a tie', () => {
  assert.equal(guessCategory('会签流程太长，审批卡住'), 'process');
  assert.equal(guessCategory('职责不明确，分工有重叠'), 'roles');
  assert.equal(guessCategory('人手不足，预算未批'), 'resources');
  assert.equal(guessCategory('Waiting for the supplier'), 'external');
  assert.equal(guessCategory('天气原因'), 'other');
  // 客户服务部 is a department, not a customer.
  assert.equal(guessCategory('等待客户服务部反馈'), 'communication');
});

test('a tie between categories is unsure: 其他', () => {
  // 流程 (process) and 预算 (resources) once each.
  assert.equal(guessCategory('流程里预算'), 'other');
});
