import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { at, ReportDesk } from './reports-fixture';

test('the retrospective of a finished request: plan vs actual, delays with reasons, failed acceptances, meetings, and room for conclusions', () => {
  const desk = new ReportDesk('zh-CN').example();
  desk.select('requests', desk.rowOf('requests', 'id', 'XQ202406001'));
  desk.project.call('createRetrospective_');
  const title = '复盘 XQ202406001';
  assert.equal(desk.lastAlert().split('\n')[0], `已生成「${title}」。`);
  assert.equal(desk.ss.getActiveSheet().getName(), title);

  const overview = Object.fromEntries(desk.section(title, '概况').slice(1));
  assert.equal(overview['任务数'], '2');
  assert.equal(overview['按原定截止完成'], '1');
  assert.equal(overview['延误完成'], '1');
  assert.equal(overview['验收未通过次数'], '1');
  // Two meetings about this request, and one shared with XQ202407001.
  assert.equal(overview['沟通次数'], '3');
  assert.equal(overview['完成时间'], '2024-06-05 16:00');

  assert.deepEqual(desk.section(title, '计划与实际'), [
    [
      '任务编号',
      '任务名称',
      '责任部门',
      '第一责任人',
      '开始时间',
      '原定截止',
      '最终截止',
      '完成日期',
      '延误（工作日）',
      '完成状态',
    ],
    // Baseline Monday 6/3, due moved to 6/5, accepted 6/5: two working days late.
    [
      'RW202406001-01',
      '售后响应手册制定',
      '售后部',
      '王五',
      '2024-05-22',
      '2024-06-03',
      '2024-06-05',
      '2024-06-05',
      '2',
      '已完成',
    ],
    [
      'RW202406001-02',
      '客服培训',
      '售后部',
      '王五',
      '2024-05-22',
      '2024-05-31',
      '2024-05-31',
      '2024-05-31',
      '0',
      '已完成',
    ],
  ]);
  assert.deepEqual(desk.section(title, '延误及原因').slice(1), [
    ['RW202406001-01', '2024-05-30 17:00', '初稿完成 60%', '60%', '等待客户服务部反馈', '6/5 前定稿'],
  ]);
  assert.deepEqual(desk.section(title, '验收未通过').slice(1), [
    ['RW202406001-01', '售后响应手册 v1', '2024-06-04', '缺少 48 小时处理时限', 'head.service@example.com'],
  ]);
  assert.deepEqual(
    desk
      .section(title, '沟通记录')
      .slice(1)
      .map((row) => row[1]),
    ['客诉流程梳理', '手册评审', '经验分享'],
  );
  // What the records say under each conclusion, then blank rows for people's own words.
  assert.deepEqual(desk.section(title, '做得好的地方'), [
    ['来源', '内容'],
    ['计划与实际', '2 项任务中 1 项按原定截止完成'],
  ]);
  assert.deepEqual(desk.section(title, '需要改进的地方'), [
    ['来源', '内容'],
    [
      'AL202407001',
      'RW202406001-01 售后响应手册制定 延误 2 个工作日完成（原定 2024-06-03，完成 2024-06-05）；原因：等待客户服务部反馈',
    ],
    [
      'AL202407002',
      'RW202406001-01 售后响应手册制定：「售后响应手册 v1」验收未通过（2024-06-04），意见：缺少 48 小时处理时限',
    ],
  ]);
  assert.deepEqual(desk.section(title, '建议'), []);
  const rows = desk.values(title).map((row) => String(row[0]));
  for (const heading of ['做得好的地方', '需要改进的地方', '建议']) {
    const at = rows.indexOf(heading);
    const filled = desk.section(title, heading).length;
    assert.deepEqual(
      desk
        .values(title)
        .slice(at + 1 + filled, at + 1 + filled + 4)
        .flat()
        .filter((cell) => cell !== ''),
      [],
      `${heading} leaves room to write in`,
    );
  }
});

test('the conclusions draw on the request’s ratings, its cases and the suggestions about it or its departments', () => {
  const desk = new ReportDesk('en').example();
  desk.put('satisfaction', [
    {
      kind: 'Request',
      ref: 'XQ202406001',
      rater: 'wang.wu@example.com',
      overall: 2,
      clarity: 4,
      flow: 2,
      communication: 5,
      comment: 'Slow answers from service',
      time: at('2024-06-07T10:00'),
    },
    // Another request's rating is not this one's.
    { kind: 'Request', ref: 'XQ202407001', rater: 'zhang.san@example.com', overall: 1, time: at('2024-07-10T10:00') },
  ]);
  desk.put('suggestions', [
    {
      id: 'JY202406001',
      title: 'Put the acceptance deadline in the request',
      detail: 'as XQ202406001 showed',
      dept: '市场部',
      status: 'Adopted',
      time: at('2024-06-06T10:00'),
    },
    { id: 'JY202406002', title: 'Shared hotline', dept: '售后部', status: 'Proposed', time: at('2024-06-08T10:00') },
    // Neither mentions the request nor comes from its departments; the last one predates it.
    { id: 'JY202406003', title: 'New canteen menu', dept: '产品部', status: 'Proposed', time: at('2024-06-08T10:00') },
    { id: 'JY202405001', title: 'Old idea', dept: '售后部', status: 'Closed', time: at('2024-05-01T10:00') },
  ]);
  desk.select('requests', desk.rowOf('requests', 'id', 'XQ202406001'));
  desk.project.call('createRetrospective_');
  const title = 'Retrospective XQ202406001';
  assert.deepEqual(desk.section(title, 'What went well'), [
    ['From', 'What'],
    ['Planned vs actual', '1 of 2 tasks finished by their baseline due date'],
    ['Rating', 'Clarity of roles: 4 on average'],
    ['Rating', 'Communication: 5 on average'],
  ]);
  const improve = desk.section(title, 'What to improve');
  assert.deepEqual(improve.slice(0, 3), [
    ['From', 'What'],
    ['Rating · 王五', 'overall 2 · clarity 4 · flow 2 · communication 5; comment: Slow answers from service'],
    ['Rating', 'Process flow: 2 on average'],
  ]);
  assert.deepEqual(
    improve.slice(3).map((row) => row[0]),
    ['AL202407001', 'AL202407002'],
  );
  assert.deepEqual(desk.section(title, 'Suggestions'), [
    ['From', 'What'],
    ['JY202406001', 'Put the acceptance deadline in the request: as XQ202406001 showed (市场部 · Adopted)'],
    ['JY202406002', 'Shared hotline (售后部 · Proposed)'],
  ]);
});

test('what people wrote into a retrospective is never overwritten', () => {
  const desk = new ReportDesk('en').example();
  desk.select('requests', desk.rowOf('requests', 'id', 'XQ202406001'));
  desk.project.call('createRetrospective_');
  const title = 'Retrospective XQ202406001';
  assert.deepEqual(desk.section(title, 'Planned vs actual')[0]?.slice(5, 9), [
    'Baseline due',
    'Final due',
    'Completed on',
    'Delay (working days)',
  ]);
  const sheet = desk.ss.getSheetByName(title)!;
  // The first blank row under the section's filled rows.
  const wentWell =
    desk.values(title).findIndex((row) => row[0] === 'What went well') +
    desk.section(title, 'What went well').length +
    2;
  sheet.getRange(wentWell, 1).setValue('Daily stand-ups with after-sales');
  desk.select('requests', desk.rowOf('requests', 'id', 'XQ202406001'));
  desk.project.call('createRetrospective_');
  assert.match(desk.lastAlert(), /"Retrospective XQ202406001" already exists and was left as it is/);
  assert.equal(sheet.getRange(wentWell, 1).getValue(), 'Daily stand-ups with after-sales');
});

test('without a selected request the user is asked for the ID; an unfinished request gets an explanation', () => {
  const desk = new ReportDesk('zh-CN').example();
  desk.select('tasks', 3);
  desk.answer('OK', 'XQ202407001');
  desk.project.call('createRetrospective_');
  assert.equal(desk.lastAlert(), '需求 XQ202407001 的状态是「已立项」：只能为已完成的需求生成复盘。');
  desk.answer('OK', 'XQ209912001');
  desk.project.call('createRetrospective_');
  assert.equal(desk.lastAlert(), '找不到需求「XQ209912001」。');
  assert.equal(desk.ss.getSheets().filter((s) => s.getName().startsWith('复盘')).length, 0);
  desk.answer('OK', ' xq202406001 ');
  desk.project.call('createRetrospective_');
  assert.ok(desk.ss.getSheetByName('复盘 XQ202406001'));
});
