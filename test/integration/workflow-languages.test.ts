/** Every bad input of the workflow, in both workbook languages: the note on the cell says what is allowed. */
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { Desk, day, type Lang } from './workflow-fixture';

const EXPECTED: Record<Lang, Record<string, RegExp>> = {
  'zh-CN': {
    unknownDept: /“法务”不是已登记的部门/,
    asap: /“尽快”不是日期：请写明具体的期望完成日期/,
    twoOwners: /只能填一位第一责任人.*这里有 2 人/,
    unknownOwner: /“赵六”不在「人员」表中/,
    badStatus: /“搞定了”不是可用的取值；可选：未开始、进行中、阻塞、待验收、已完成、已取消/,
    duplicate: /任务编号 RW\d{9}-01 重复出现在第/,
    pctRange: /完成百分比必须是 0 到 100 之间的数字（现在是“120”）/,
    unknownTask: /找不到任务“RW999999999-99”/,
    failReason: /验收不通过时必须填写不通过原因/,
    changeDate: /“下个月”不是日期/,
    actionOwner: /只能填一个人.*2 人：张三、李四/,
  },
  en: {
    unknownDept: /"法务" is not a known department/,
    asap: /"尽快" is not a date: give a concrete date/,
    twoOwners: /Exactly one primary owner.*this cell names 2/,
    unknownOwner: /"赵六" is not in the People sheet/,
    badStatus:
      /"搞定了" is not allowed; choose one of: Not started, In progress, Blocked, Awaiting acceptance, Done, Cancelled/,
    duplicate: /Task ID RW\d{9}-01 appears on rows/,
    pctRange: /% complete must be a number from 0 to 100 \(now "120"\)/,
    unknownTask: /There is no task "RW999999999-99"/,
    failReason: /A reason is required when the deliverable fails acceptance/,
    changeDate: /"下个月" is not a date/,
    actionOwner: /Exactly one person.*names 2: 张三, 李四/,
  },
};

for (const lang of ['zh-CN', 'en'] as const) {
  test(`each bad input is noted on its cell with what is allowed (${lang})`, () => {
    const desk = new Desk(lang);
    desk.fillDirectory();
    const expect = EXPECTED[lang];
    const [request] = desk.paste('requests', [desk.requestRecord({ dept: '法务', expected: '尽快' })]);
    assert.match(desk.note('requests', request!, 'dept'), expect.unknownDept!);
    assert.match(desk.note('requests', request!, 'expected'), expect.asap!);

    const { id } = desk.approvedRequest();
    const [two, unknown, status, first, second] = desk.paste('tasks', [
      desk.taskRecord(id, { owner: '张三 李四' }),
      desk.taskRecord(id, { owner: '赵六' }),
      desk.taskRecord(id, { status: '搞定了' }),
      desk.taskRecord(id),
      desk.taskRecord(id),
    ]);
    assert.match(desk.note('tasks', two!, 'owner'), expect.twoOwners!);
    assert.match(desk.note('tasks', unknown!, 'owner'), expect.unknownOwner!);
    assert.match(desk.note('tasks', status!, 'status'), expect.badStatus!);
    desk.copyRow('tasks', two!, second!);
    assert.match(desk.note('tasks', second!, 'id'), expect.duplicate!);
    assert.equal(desk.note('tasks', first!, 'owner'), '');

    const taskId = String(desk.value('tasks', first!, 'id'));
    const [pct, ghost] = desk.paste('progress', [
      { task: taskId, summary: 'x', pct: 120 },
      { task: 'RW999999999-99', summary: 'x', pct: 10 },
    ]);
    assert.match(desk.note('progress', pct!, 'pct'), expect.pctRange!);
    assert.match(desk.note('progress', ghost!, 'task'), expect.unknownTask!);

    const [fail] = desk.paste('acceptance', [{ task: taskId, result: lang === 'en' ? 'Fail' : '不通过' }]);
    assert.match(desk.note('acceptance', fail!, 'reason'), expect.failReason!);

    const [change] = desk.paste('planChanges', [{ task: taskId, newDue: '下个月', reason: 'x' }]);
    assert.match(desk.note('planChanges', change!, 'newDue'), expect.changeDate!);

    const [meeting] = desk.paste('communications', [
      { date: day(0), topic: '方案评审', actions: '提供参数', actionOwner: '张三，李四' },
    ]);
    assert.match(desk.note('communications', meeting!, 'actionOwner'), expect.actionOwner!);

    // Validate lists every one of them with its sheet and row.
    desk.project.call('validate_');
    const report = desk.lastAlert();
    for (const row of [two, unknown, status, second])
      assert.ok(report.includes(lang === 'en' ? `Row ${row},` : `第 ${row} 行`), `row ${row}`);
  });
}
