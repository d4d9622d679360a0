/**
 * 满意度 rows typed on the sheet (SPEC §2.11; issue 25 "bad input on every new sheet gets a field
 * message"): the card checks its answers, and Validate and onEdit check the sheet's rows: a known
 * kind, a reference, scores whole numbers 1–5, a quarter's rated department a known one.
 */
import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import { ReportDesk } from './reports-fixture';
import type { Lang } from './workflow-fixture';

describe.each(['zh-CN', 'en'] as Lang[])('%s', (lang) => {
  test('Validate names each bad 满意度 row and field with what is allowed', () => {
    const desk = new ReportDesk(lang).example();
    desk.put('satisfaction', [
      { kind: desk.l('需求评价', 'Request'), ref: 'XQ202407001', overall: 4, clarity: 4, flow: 5, communication: 4 },
      { kind: desk.l('季度调研', 'Quarter'), ref: '2024-Q3', ratedDept: '采购部', overall: 7, flow: 3.5 },
      { kind: '年度', ref: '' },
    ]);
    desk.project.call('validate_');
    const report = desk.lastAlert();
    if (lang === 'en') {
      assert.doesNotMatch(report, /row 2\b/i);
      assert.match(report, /row 3.*Overall.*whole number from 1 to 5, not “7”/i);
      assert.match(report, /row 3.*Process flow.*whole number from 1 to 5, not “3.5”/i);
      assert.match(report, /row 3.*Rated department.*采购部/i);
      assert.match(report, /row 4.*Kind.*"年度".*Request, Quarter/i);
      assert.match(report, /row 4.*Reference/i);
    } else {
      assert.doesNotMatch(report, /第 2 行/);
      assert.match(report, /第 3 行.*总体评分.*须为 1–5 的整数，收到“7”/);
      assert.match(report, /第 3 行.*流程顺畅度.*收到“3.5”/);
      assert.match(report, /第 3 行.*被评部门.*采购部/);
      assert.match(report, /第 4 行.*评价类型.*年度.*需求评价、季度调研/);
      assert.match(report, /第 4 行.*关联编号/);
    }
    assert.notEqual(desk.note('satisfaction', 3, 'overall'), '', 'marked on the cell too');
  });

  test('a score typed on the sheet is checked at once', () => {
    const desk = new ReportDesk(lang).example();
    desk.put('satisfaction', [{ kind: desk.l('需求评价', 'Request'), ref: 'XQ202407001', overall: 4 }]);
    desk.edit('satisfaction', 2, 'clarity', '9');
    assert.match(desk.note('satisfaction', 2, 'clarity'), lang === 'en' ? /not “9”/ : /收到“9”/);
  });
});
