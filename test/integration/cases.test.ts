/**
 * 问题案例库 on the built bundle (SPEC §2.12, issue 25 point 2): the retrospective proposes a case per
 * delayed task, acceptance failure and L3 episode, once ever; a coordinator keeps or discards each
 * (others are refused and restored); Validate names bad rows; a behind task's card shows kept cases
 * like its delay reason.
 */
import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import type { SidebarState, TaskCard } from '../../src/contract';
import { at, ReportDesk } from './reports-fixture';
import type { Lang } from './workflow-fixture';

const COORDINATOR = 'coordinator@example.com';
const STAFF = 'li.si@example.com';

const CASE_COLUMNS = [
  'id',
  'problem',
  'rootCause',
  'category',
  'depts',
  'links',
  'status',
  'addedBy',
  'source',
] as const;
type CaseRow = Record<(typeof CASE_COLUMNS)[number], string>;

/** The case library's rows as records by column key. */
function cases(desk: ReportDesk): CaseRow[] {
  const last = desk.sheet('cases').getLastRow();
  return Array.from(
    { length: Math.max(0, last - 1) },
    (_, i) => Object.fromEntries(CASE_COLUMNS.map((key) => [key, desk.text('cases', i + 2, key)])) as CaseRow,
  );
}

/** Two L3 episodes of the late task (May 23, then June 3–4), and one of another request's task. */
function escalations(desk: ReportDesk): void {
  const sent = desk.l('已发送', 'sent');
  const row = (time: string, item: string) => ({
    time: at(time),
    rule: 'unresolved',
    level: 'L3',
    item,
    recipients: 'vp.sales@example.com',
    status: sent,
    key: `unresolved|L3|${item}`,
  });
  desk.put('notificationLog', [
    row('2024-05-23T09:00', 'RW202406001-01'),
    row('2024-06-03T09:00', 'RW202406001-01'),
    row('2024-06-04T09:00', 'RW202406001-01'),
    row('2024-07-11T09:00', 'RW202407001-02'),
  ]);
}

/** The selected task's card, as the page receives it (plain JSON). */
function card(desk: ReportDesk): TaskCard {
  return (JSON.parse(JSON.stringify(desk.project.runFromSidebar('getSidebarState'))) as SidebarState).card!;
}

function retrospective(desk: ReportDesk): string {
  desk.select('requests', desk.rowOf('requests', 'id', 'XQ202406001'));
  desk.project.call('createRetrospective_');
  return desk.lastAlert();
}

describe.each(['zh-CN', 'en'] as Lang[])('case library (%s)', (lang) => {
  test('the retrospective proposes one case per delayed task, acceptance failure and L3 episode, once, and says so', () => {
    const desk = new ReportDesk(lang).example();
    escalations(desk);
    const alert = retrospective(desk);
    const rows = cases(desk);
    assert.equal(rows.length, 4, JSON.stringify(rows, null, 1));
    assert.match(
      alert,
      lang === 'en'
        ? /4 case\(s\) proposed to "Case library" \(AL202407001, AL202407002, AL202407003, AL202407004\), marked Proposed/
        : /已向「问题案例库」提议 4 条案例（AL202407001、AL202407002、AL202407003、AL202407004），状态为「待确认」/,
    );
    const [delay, failure, firstL3, secondL3] = rows as [CaseRow, CaseRow, CaseRow, CaseRow];
    assert.equal(
      delay.problem,
      desk.l(
        'RW202406001-01 售后响应手册制定 延误 2 个工作日完成（原定 2024-06-03，完成 2024-06-05）',
        'RW202406001-01 售后响应手册制定 finished 2 working day(s) late (baseline 2024-06-03, done 2024-06-05)',
      ),
    );
    assert.equal(delay.rootCause, '等待客户服务部反馈');
    assert.equal(delay.links, desk.l('RW202406001-01、XQ202406001', 'RW202406001-01, XQ202406001'));
    assert.equal(delay.depts, '售后部');
    assert.equal(delay.status, desk.l('待确认', 'Proposed'));
    assert.equal(delay.source, 'delay:RW202406001-01');
    assert.match(failure.problem, /售后响应手册 v1.*2024-06-04.*缺少 48 小时处理时限/);
    assert.equal(failure.rootCause, '缺少 48 小时处理时限');
    // 时限 is no cue word: unsure, so 其他.
    assert.equal(failure.category, desk.l('其他', 'Other'));
    assert.match(firstL3.problem, /RW202406001-01 .*2024-05-23.*1/);
    assert.match(secondL3.problem, /RW202406001-01 .*2024-06-03.*2/);
    assert.equal(secondL3.rootCause, '等待客户服务部反馈');
    assert.ok(
      rows.every((row) => !row.links.includes('RW202407001')),
      'another request’s escalation is not this one’s',
    );

    // Again, with the sheet there, and again after it was deleted: nothing proposed twice.
    assert.match(retrospective(desk), lang === 'en' ? /No new cases to propose/ : /没有新的案例可提议/);
    desk.ss.deleteSheet(desk.ss.getSheetByName(desk.l('复盘 XQ202406001', 'Retrospective XQ202406001'))!);
    desk.edit('cases', 2, 'status', desk.l('弃用', 'Discarded'));
    assert.match(retrospective(desk), lang === 'en' ? /No new cases to propose/ : /没有新的案例可提议/);
    assert.equal(cases(desk).length, 4);
  });

  test('a workbook set up before the case library still gets its retrospective, and is told why no case was proposed', () => {
    const desk = new ReportDesk(lang).example();
    desk.ss.deleteSheet(desk.sheet('cases'));
    const alert = retrospective(desk);
    assert.ok(desk.ss.getSheetByName(desk.l('复盘 XQ202406001', 'Retrospective XQ202406001')));
    assert.match(
      alert,
      lang === 'en' ? /no "Case library" sheet.*Set up workbook/ : /没有「问题案例库」表.*设置工作簿/,
    );
  });

  test('a coordinator keeps or discards a case; anyone else is refused and the status restored, typed or pasted', () => {
    const desk = new ReportDesk(lang).example();
    retrospective(desk);
    const kept = desk.l('保留', 'Kept');
    const proposed = desk.l('待确认', 'Proposed');
    desk.as(COORDINATOR, () => desk.edit('cases', 2, 'status', kept));
    assert.equal(desk.text('cases', 2, 'status'), kept);
    assert.equal(desk.note('cases', 2, 'status'), '');
    const history = desk
      .sheet('changeHistory')
      .getDataRange()
      .getValues()
      .map((row) => row.map(String));
    assert.ok(
      history.some((row) => row.includes('AL202407001') && row.includes(proposed) && row.includes(kept)),
      'the decision is in the Change history',
    );

    desk.as(STAFF, () => desk.edit('cases', 3, 'status', kept));
    assert.equal(desk.text('cases', 3, 'status'), proposed);
    assert.match(
      desk.note('cases', 3, 'status'),
      lang === 'en' ? /coordinator@example\.com/ : /协作总负责人（coordinator@example\.com）/,
    );
    desk.as(STAFF, () => desk.pasteOver('cases', [2, 3], 'status', [desk.l('弃用', 'Discarded')]));
    assert.equal(desk.text('cases', 2, 'status'), kept, 'restored to the coordinator’s decision');
    assert.equal(desk.text('cases', 3, 'status'), proposed, 'restored to 待确认');
  });

  test('Validate names each bad case row and field with what is allowed', () => {
    const desk = new ReportDesk(lang).example();
    desk.put('cases', [
      { problem: '', rootCause: '没写问题', category: desk.l('流程', 'Process'), status: desk.l('保留', 'Kept') },
      { problem: '需求反复变更', category: '紧急', status: '已解决' },
    ]);
    desk.project.call('validate_');
    const report = desk.lastAlert();
    if (lang === 'en') {
      assert.match(report, /row 2.*Problem/i);
      assert.match(report, /row 3.*Category.*"紧急".*Roles, Process, Communication, Resources, External, Other/i);
      assert.match(report, /row 3.*Status.*"已解决".*Proposed, Kept, Discarded/i);
    } else {
      assert.match(report, /第 2 行.*问题描述/);
      assert.match(report, /第 3 行.*类别.*紧急.*权责、流程、沟通、资源、外部、其他/);
      assert.match(report, /第 3 行.*状态.*已解决.*待确认、保留、弃用/);
    }
    assert.notEqual(desk.note('cases', 3, 'category'), '', 'marked on the cell too');
  });

  test('a lagging task’s card shows kept cases like its Chinese delay reason; an on-track task’s card shows none', () => {
    const desk = new ReportDesk(lang).example();
    desk.put('cases', [
      {
        id: 'AL202406001',
        problem: '大客户数据迟迟未到，培训材料延误',
        rootCause: '数据由销售部提供，无人跟进',
        countermeasure: '立项时写明数据提供人和日期',
        category: desk.l('资源', 'Resources'),
        status: desk.l('保留', 'Kept'),
      },
      // Discarded and proposed cases never show.
      { id: 'AL202406002', problem: '大客户数据口径不一致', status: desk.l('弃用', 'Discarded') },
      { id: 'AL202406003', problem: '大客户数据缺失', status: desk.l('待确认', 'Proposed') },
      // Shares only the character 据 with the reason.
      { id: 'AL202406004', problem: '据说场地预订冲突', status: desk.l('保留', 'Kept') },
    ]);
    desk.put('progress', [
      { task: 'RW202407001-03', summary: '铺货启动', pct: 0.1, delayReason: '渠道商的大客户数据还没给' },
      { task: 'RW202407001-04', summary: '准备中', pct: 0, delayReason: '渠道商的大客户数据还没给' },
    ]);
    desk.cell('tasks', desk.rowOf('tasks', 'id', 'RW202407001-04'), 'health').setValue(desk.l('正常', 'On track'));

    desk.select('tasks', desk.rowOf('tasks', 'id', 'RW202407001-03'));
    const lagging = card(desk);
    assert.equal(lagging.similarCases?.heading, desk.l('类似案例（问题案例库）', 'Similar cases (case library)'));
    assert.deepEqual(
      lagging.similarCases?.cases.map((c) => [c.id, c.countermeasure]),
      [['AL202406001', desk.l('措施：立项时写明数据提供人和日期', 'Countermeasure: 立项时写明数据提供人和日期')]],
    );

    desk.select('tasks', desk.rowOf('tasks', 'id', 'RW202407001-04'));
    const onTrack = card(desk);
    assert.equal(onTrack.id, 'RW202407001-04');
    assert.equal(onTrack.similarCases ?? null, null);
  });
});
