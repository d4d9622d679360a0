/**
 * A set-up workbook (the workflow fixture's Desk) holding a week of the SPEC §6 project, typed in
 * as an existing workbook would hold it, with the clock at Friday 2024-07-12 15:00 in Shanghai
 * (ISO week 2024-W28). Shared by the tests of the generated sheets.
 */
import { Desk, type Lang } from './workflow-fixture';
import type { SheetKey } from '../../src/domain/schema';
import { settingKeyOf, type SettingKey } from '../../src/domain/settings';

/** Wall time in Shanghai, the fixture's zone. */
export const at = (local: string) => new Date(`${local}+08:00`);
export const NOW = at('2024-07-12T15:00');

type Row = Record<string, unknown>;

export class ReportDesk extends Desk {
  constructor(lang: Lang, options: { activeUser?: string } = {}) {
    super(lang, options);
    this.project.emulator.clock.set(NOW);
    this.fillDirectory();
  }

  /** Writes rows below the last one by column key, without onEdit: data the workbook already holds. */
  put(key: SheetKey, records: readonly Row[]): number[] {
    const sheet = this.sheet(key);
    const first = sheet.getLastRow() + 1;
    const width = sheet.getLastColumn();
    const grid = records.map((record) => {
      const line: unknown[] = new Array(width).fill('');
      for (const [column, value] of Object.entries(record)) line[this.col(key, column) - 1] = value;
      return line;
    });
    sheet.getRange(first, 1, grid.length, width).setValues(grid as never);
    return records.map((_, i) => first + i);
  }

  /** Types a value into the Settings row setup wrote for `key`. */
  setting(key: SettingKey, value: unknown): void {
    const sheet = this.sheet('settings');
    const keys = sheet
      .getRange(1, this.col('settings', 'key'), sheet.getLastRow(), 1)
      .getValues()
      .map((row) => String(row[0]));
    const row = keys.findIndex((label) => settingKeyOf(label) === key) + 1;
    if (row < 1) throw new Error(`no setting ${key}`);
    this.cell('settings', row, 'value').setValue(value as never);
  }

  /** The sheet row whose `column` holds `value`. */
  rowOf(key: SheetKey, column: string, value: string): number {
    const sheet = this.sheet(key);
    const cells = sheet.getRange(1, this.col(key, column), sheet.getLastRow(), 1).getValues();
    const row = cells.findIndex((line) => line[0] === value) + 1;
    if (row < 1) throw new Error(`no ${value} in ${key}`);
    return row;
  }

  /** Labels in the workbook's language. */
  l(zh: string, en: string): string {
    return this.lang === 'en' ? en : zh;
  }

  /**
   * XQ202407001 (approved) with four tasks: one accepted this week, one overdue, one lagging and
   * stale, one due next week; XQ202407002 filed this week and pending; XQ202406001 finished on
   * 2024-06-05 with one late task, a failed acceptance and two meetings.
   */
  example(): this {
    const l = (zh: string, en: string) => this.l(zh, en);
    this.put('requests', [
      {
        id: 'XQ202406001',
        title: '售后响应手册',
        dept: '售后部',
        requester: '王五',
        goal: '48 小时内处理完客诉',
        lead: '售后部',
        status: l('已完成', 'Done'),
        expected: at('2024-06-10T00:00'),
        submitted: at('2024-05-20T10:00'),
        approved: at('2024-05-21T10:00'),
        closed: at('2024-06-05T16:00'),
      },
      {
        id: 'XQ202407001',
        title: '2024年Q3新品上市推广方案',
        dept: '市场部',
        requester: '张三',
        goal: 'Q3 销售额较 Q2 提升 30%',
        lead: '市场部',
        status: l('已立项', 'Approved'),
        expected: at('2024-08-20T00:00'),
        submitted: at('2024-07-01T10:00'),
        approved: at('2024-07-02T10:00'),
      },
      {
        id: 'XQ202407002',
        title: '客诉处理流程<优化>',
        dept: '销售部',
        requester: '李四',
        goal: '投诉 48 小时内闭环',
        status: l('待审核', 'Pending review'),
        expected: at('2024-08-30T00:00'),
        submitted: at('2024-07-09T11:00'),
      },
    ]);
    this.put('tasks', [
      {
        id: 'RW202406001-01',
        request: 'XQ202406001',
        name: '售后响应手册制定',
        dept: '售后部',
        owner: '王五',
        start: at('2024-05-22T00:00'),
        due: at('2024-06-05T00:00'),
        baseline: at('2024-06-03T00:00'),
        deliverable: '经客户服务部审批',
        status: l('已完成', 'Done'),
        pct: 100,
        lastUpdate: at('2024-06-04T17:00'),
      },
      {
        id: 'RW202406001-02',
        request: 'XQ202406001',
        name: '客服培训',
        dept: '售后部',
        owner: '王五',
        start: at('2024-05-22T00:00'),
        due: at('2024-05-31T00:00'),
        baseline: at('2024-05-31T00:00'),
        deliverable: '培训签到表',
        status: l('已完成', 'Done'),
        pct: 100,
        lastUpdate: at('2024-05-30T12:00'),
      },
      {
        id: 'RW202407001-01',
        request: 'XQ202407001',
        name: '新品推广方案初稿撰写',
        dept: '市场部',
        owner: '张三',
        start: at('2024-07-01T00:00'),
        due: at('2024-07-15T00:00'),
        baseline: at('2024-07-15T00:00'),
        deliverable: '方案初稿经评审通过',
        status: l('已完成', 'Done'),
        pct: 100,
        lastUpdate: at('2024-07-09T17:00'),
      },
      {
        id: 'RW202407001-02',
        request: 'XQ202407001',
        name: '销售培训材料<制作>',
        dept: '销售部',
        owner: '李四',
        start: at('2024-07-01T00:00'),
        due: at('2024-07-10T00:00'),
        baseline: at('2024-07-10T00:00'),
        deliverable: '通过销售部内部测试',
        status: l('进行中', 'In progress'),
        pct: 0.5,
        lastUpdate: at('2024-07-11T10:00'),
        health: l('逾期', 'Overdue'),
      },
      {
        id: 'RW202407001-03',
        request: 'XQ202407001',
        name: '渠道铺货执行',
        dept: '销售部',
        owner: '李四',
        start: at('2024-07-08T00:00'),
        due: at('2024-07-19T00:00'),
        baseline: at('2024-07-19T00:00'),
        deliverable: '30 个核心城市铺货率 90%',
        status: l('进行中', 'In progress'),
        pct: 0,
        lastUpdate: at('2024-07-08T09:00'),
        health: l('滞后', 'Lagging'),
      },
      {
        id: 'RW202407001-04',
        request: 'XQ202407001',
        name: '售后响应手册培训',
        dept: '售后部',
        owner: '王五',
        start: at('2024-07-15T00:00'),
        due: at('2024-07-17T00:00'),
        baseline: at('2024-07-17T00:00'),
        deliverable: '培训完成',
        status: l('未开始', 'Not started'),
        pct: 0,
      },
    ]);
    this.put('progress', [
      {
        task: 'RW202406001-01',
        summary: '初稿完成 60%',
        pct: 0.6,
        delayReason: '等待客户服务部反馈',
        mitigation: '6/5 前定稿',
        updatedAt: at('2024-05-30T17:00'),
        updatedBy: '王五',
      },
      {
        task: 'RW202406001-02',
        summary: '培训完成',
        pct: 100,
        delayReason: '无',
        updatedAt: at('2024-05-30T12:00'),
        updatedBy: '王五',
      },
      {
        task: 'RW202407001-03',
        summary: '启动',
        pct: 0,
        delayReason: '无',
        updatedAt: at('2024-07-08T09:00'),
        updatedBy: '李四',
      },
      {
        task: 'RW202407001-01',
        summary: '方案完成',
        pct: 100,
        delayReason: '无',
        updatedAt: at('2024-07-09T17:00'),
        updatedBy: '张三',
      },
      {
        task: 'RW202407001-02',
        summary: '材料写了一半 <草稿>',
        pct: 0.5,
        delayReason: '等待销售部的大客户数据',
        updatedAt: at('2024-07-11T10:00'),
        updatedBy: '李四',
      },
    ]);
    this.put('acceptance', [
      {
        deliverable: '售后响应手册 v1',
        request: 'XQ202406001',
        task: 'RW202406001-01',
        result: l('不通过', 'Fail'),
        reason: '缺少 48 小时处理时限',
        acceptedBy: 'head.service@example.com',
        date: at('2024-06-04T00:00'),
        standard: '经客户服务部审批',
      },
      {
        deliverable: '售后响应手册 v2',
        request: 'XQ202406001',
        task: 'RW202406001-01',
        result: l('通过', 'Pass'),
        acceptedBy: 'head.service@example.com',
        date: at('2024-06-05T00:00'),
        standard: '经客户服务部审批',
      },
      {
        deliverable: '培训签到表',
        request: 'XQ202406001',
        task: 'RW202406001-02',
        result: l('通过', 'Pass'),
        acceptedBy: 'head.service@example.com',
        date: at('2024-05-31T00:00'),
        standard: '培训签到表',
      },
      {
        deliverable: '方案初稿',
        request: 'XQ202407001',
        task: 'RW202407001-01',
        result: l('通过', 'Pass'),
        acceptedBy: 'head.market@example.com',
        date: at('2024-07-10T00:00'),
        standard: '方案初稿经评审通过',
      },
    ]);
    this.put('communications', [
      {
        date: at('2024-05-24T00:00'),
        ref: 'XQ202406001',
        participants: '销售部、售后部',
        topic: '客诉流程梳理',
        summary: '梳理现有流程',
      },
      {
        date: at('2024-06-03T00:00'),
        ref: 'RW202406001-01',
        participants: '售后部',
        topic: '手册评审',
        summary: '评审',
        actions: '补充处理时限',
        actionOwner: '王五',
        actionDue: at('2024-06-04T00:00'),
        actionStatus: l('已完成', 'Done'),
      },
      {
        date: at('2024-07-03T00:00'),
        ref: 'XQ202407001',
        participants: '市场部、销售部、产品部',
        topic: '方案评审',
        summary: '评审初稿',
        actions: '产品部提供参数',
        actionOwner: '张三',
        actionDue: at('2024-07-08T00:00'),
        actionStatus: l('未完成', 'Open'),
      },
      {
        date: at('2024-07-05T00:00'),
        ref: 'XQ202406001、XQ202407001',
        participants: '售后部、市场部',
        topic: '经验分享',
        summary: '两个项目的交接',
      },
    ]);
    this.put('notificationLog', [
      {
        time: at('2024-07-05T09:00'),
        rule: 'dueSoon',
        level: 'L1',
        item: 'RW202407001-02',
        recipients: 'li.si@example.com',
        status: l('已发送', 'sent'),
        key: 'dueSoon|L1|RW202407001-02',
      },
      {
        time: at('2024-07-11T09:00'),
        rule: 'overdue',
        level: 'L2',
        item: 'RW202407001-02',
        recipients: 'li.si@example.com, head.sales@example.com',
        status: l('已发送', 'sent'),
        key: 'overdue|L2|RW202407001-02',
      },
      {
        time: at('2024-07-11T09:00'),
        rule: 'lagging',
        level: 'L2',
        item: 'RW202407001-03',
        recipients: 'li.si@example.com',
        status: l('排队中', 'queued'),
        key: 'lagging|L2|RW202407001-03',
      },
    ]);
    return this;
  }

  values(title: string): unknown[][] {
    const sheet = this.ss.getSheetByName(title);
    if (!sheet) throw new Error(`no sheet ${title}`);
    return sheet.getDataRange().getValues();
  }

  /** The rows of a report section: below its heading (and column headers) up to the next blank row. */
  section(title: string, heading: string): string[][] {
    const rows = this.values(title).map((row) => row.map(String));
    const start = rows.findIndex((row) => row[0] === heading);
    if (start < 0) throw new Error(`no section ${heading} in ${title}`);
    const end = rows.findIndex((row, i) => i > start && row.every((cell) => cell === ''));
    return rows.slice(start + 1, end < 0 ? undefined : end).map((row) => {
      let last = row.length;
      while (last > 0 && row[last - 1] === '') last--;
      return row.slice(0, last);
    });
  }

  /** Every sheet's values and formulas, to show an operation left them alone. */
  snapshot(except: readonly string[] = []): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    for (const sheet of this.ss.getSheets()) {
      const name = sheet.getName();
      if (except.includes(name)) continue;
      const range = sheet.getDataRange();
      result[name] = { values: range.getValues(), formulas: range.getFormulas() };
    }
    return result;
  }
}
