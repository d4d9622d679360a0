import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { WorkCalendar } from '../../src/domain/calendar';
import type { Directory } from '../../src/domain/directory';
import { checkCommunication, describeProblem, type Problem, type WorkflowEnv } from '../../src/domain/workflow';
import {
  checkRequest,
  checkTask,
  duplicateIdProblems,
  requestComplete,
  reviewRequest,
} from '../../src/domain/requestFlow';
import {
  acceptanceEffect,
  checkAcceptance,
  checkPlanChange,
  checkProgress,
  planChangeEffect,
  progressEffect,
  type TaskSnapshot,
} from '../../src/domain/executionFlow';
import {
  isPercentFormat,
  parseDate,
  parseList,
  parsePercent,
  parseTypedPercent,
  typedPercentCell,
} from '../../src/domain/values';

const TZ = 'Asia/Shanghai';
const directory: Directory = {
  departments: [
    { name: '市场部', head: 'head.m@example.com', sponsor: 'vp@example.com', liaison: '' },
    { name: '销售部', head: 'head.s@example.com', sponsor: 'vp@example.com', liaison: '' },
  ],
  people: [
    { name: '张三', email: 'zhang.san@example.com', dept: '市场部' },
    { name: '李四', email: 'li.si@example.com', dept: '销售部' },
  ],
};
// Wednesday 10 July 2024, 10:00 in Shanghai.
const NOW = new Date('2024-07-10T02:00:00Z');
const env = (locale: 'zh-CN' | 'en' = 'zh-CN'): WorkflowEnv => ({
  now: NOW,
  timeZone: TZ,
  sheetTimeZone: TZ,
  directory,
  locale,
});
const calendar = new WorkCalendar({
  timeZone: TZ,
  workDays: [1, 2, 3, 4, 5],
  holidays: [],
  workdaySwaps: [],
  endOfDay: '18:00',
});
const at = (text: string) => parseDate(text, TZ)!;

const fields = (problems: readonly Problem[]) => problems.map((p) => `${p.field}:${p.message}`);

const request = {
  title: '2024年Q3新品上市推广方案',
  dept: '市场部',
  requester: '张三',
  goal: 'Q3 销售额较 Q2 提升 30%',
  depts: '市场部、销售部',
  expected: '2024-08-20',
};

// ---------------------------------------------------------------- requests

test('a complete request has no problems', () => {
  assert.deepEqual(checkRequest(request, env()), []);
});

test('each request rule names its field', () => {
  const problems = checkRequest(
    {
      title: 'x'.repeat(121),
      dept: '市场',
      requester: '张三、李四',
      goal: '',
      depts: '市场部、法务部',
      expected: 'ASAP',
    },
    env(),
    7,
  );
  assert.deepEqual(fields(problems), [
    'title:wbTooLong',
    'dept:wbUnknownDept',
    'requester:wbPersonMultiple',
    'goal:wbRequired',
    'depts:wbUnknownDept',
    'expected:wbAsap',
  ]);
  assert.ok(problems.every((p) => p.row === 7 && p.sheet === 'requests'));
});

test('a problem reads with row, field and what is allowed, in either language', () => {
  const [problem] = checkRequest({ ...request, dept: '市场' }, env(), 4);
  assert.equal(
    describeProblem('zh-CN', problem!),
    '第 4 行「需求部门」：“市场”不是已登记的部门；请填写「部门」表中的部门：市场部、销售部。',
  );
  const [english] = checkRequest({ ...request, dept: '市场' }, env('en'), 4);
  assert.equal(
    describeProblem('en', english!),
    'Row 4, Requesting dept: "市场" is not a known department; use one from the Departments sheet: 市场部, 销售部.',
  );
  const [payload] = checkRequest({ ...request, dept: '市场' }, env('en'));
  assert.match(describeProblem('en', payload!), /^Requesting dept: "市场"/);
});

test('an expected date must be a date on or after the submission day', () => {
  assert.deepEqual(fields(checkRequest({ ...request, expected: '下周' }, env())), ['expected:wbNotDate']);
  assert.deepEqual(fields(checkRequest({ ...request, expected: '尽快' }, env())), ['expected:wbAsap']);
  assert.deepEqual(fields(checkRequest({ ...request, expected: '2024-07-09' }, env())), [
    'expected:wbBeforeSubmission',
  ]);
  assert.deepEqual(checkRequest({ ...request, expected: '2024-07-10' }, env()), []);
  // A row submitted earlier is measured from its own submission time.
  assert.deepEqual(
    checkRequest({ ...request, expected: '2024-07-05', submitted: new Date('2024-07-01T02:00:00Z') }, env()),
    [],
  );
});

test('a request adopted with an ID but no submission time is not measured against today', () => {
  assert.deepEqual(checkRequest({ ...request, id: 'XQ202401001', expected: '2024-02-01' }, env()), []);
});

test('a goal without a number or date is a warning, not an error', () => {
  const problems = checkRequest({ ...request, goal: '尽快提升效率' }, env());
  assert.deepEqual(
    problems.map((p) => [p.field, p.level]),
    [['goal', 'warning']],
  );
});

test('returned or rejected requests need review notes; an unknown status is refused', () => {
  assert.deepEqual(fields(checkRequest({ ...request, status: '待修改' }, env())), ['review:wbReviewRequired']);
  assert.deepEqual(checkRequest({ ...request, status: 'Needs changes', review: '补充预算' }, env()), []);
  assert.deepEqual(fields(checkRequest({ ...request, status: '处理中' }, env())), ['status:wbBadEnum']);
});

test('approval sets status, lead, coordinator and time; the actor is the default coordinator', () => {
  const { problems, changes } = reviewRequest(
    { ...request, status: '待审核' },
    { decision: 'approve', notes: '', lead: '市场部' },
    'boss@example.com',
    env(),
  );
  assert.deepEqual(problems, []);
  assert.deepEqual(changes, {
    status: '已立项',
    review: '',
    lead: '市场部',
    coordinator: 'boss@example.com',
    approved: NOW,
  });
});

test('approval needs a known lead; return and reject need notes; only pending or returned requests are reviewed', () => {
  const pending = { ...request, status: 'Pending review', id: 'XQ202407001' };
  assert.deepEqual(
    fields(reviewRequest(pending, { decision: 'approve', notes: '', lead: '' }, 'a@x.com', env()).problems),
    ['lead:wbRequired'],
  );
  assert.deepEqual(fields(reviewRequest(pending, { decision: 'return', notes: ' ' }, 'a@x.com', env()).problems), [
    'review:wbReviewRequired',
  ]);
  assert.equal(
    reviewRequest(pending, { decision: 'reject', notes: '重复' }, 'a@x.com', env('en')).changes.status,
    'Rejected',
  );
  assert.equal(
    reviewRequest({ ...pending, status: '待修改' }, { decision: 'return', notes: '再补充' }, 'a@x.com', env()).changes
      .status,
    '待修改',
  );
  const done = reviewRequest(
    { ...pending, status: '已完成' },
    { decision: 'approve', notes: '', lead: '市场部' },
    'a@x.com',
    env(),
  );
  assert.deepEqual(fields(done.problems), ['status:wbRequestWrongStatus']);
  assert.deepEqual(done.changes, {});
});

test('a request is complete when every live task is done', () => {
  assert.equal(requestComplete(['done', 'cancelled', 'done']), true);
  assert.equal(requestComplete(['done', 'inProgress']), false);
  assert.equal(requestComplete(['cancelled']), false);
  assert.equal(requestComplete([]), false);
});

// ---------------------------------------------------------------- tasks

const context = {
  requests: new Map([
    ['XQ202407001', 'approved' as const],
    ['XQ202407002', 'pending' as const],
  ]),
  taskIds: new Set(['RW202407001-01', 'RW202407001-02']),
};
const task = {
  id: 'RW202407001-02',
  request: 'XQ202407001',
  name: '销售培训材料制作',
  dept: '销售部',
  owner: '李四',
  start: '2024-08-01',
  due: '2024-08-07',
  deliverable: '核心卖点与竞品话术，通过销售部内部考核',
  dependsOn: 'RW202407001-01',
};

test('a complete task has no problems', () => {
  assert.deepEqual(checkTask(task, env(), context), []);
});

test('task rules: request known and approved, one owner, due after start, deliverable, dependencies', () => {
  assert.deepEqual(fields(checkTask({ ...task, request: 'XQ202407009' }, env(), context)), [
    'request:wbUnknownRequest',
  ]);
  assert.deepEqual(fields(checkTask({ ...task, request: 'XQ202407002' }, env(), context)), [
    'request:wbRequestWrongStatus',
  ]);
  assert.deepEqual(fields(checkTask({ ...task, owner: '李四/张三' }, env(), context)), ['owner:wbOwnerMultiple']);
  assert.deepEqual(fields(checkTask({ ...task, due: '2024-07-30' }, env(), context)), ['due:wbDueBeforeStart']);
  assert.deepEqual(fields(checkTask({ ...task, deliverable: '' }, env(), context)), ['deliverable:wbRequired']);
  assert.deepEqual(fields(checkTask({ ...task, dependsOn: 'RW202407001-02, RW209901001-01' }, env(), context)), [
    'dependsOn:wbSelfDependency',
    'dependsOn:wbUnknownTask',
  ]);
});

test('tasks of a finished request stay valid, but a finished request takes no new tasks', () => {
  const finished = { ...context, requests: new Map([['XQ202407001', 'done' as const]]) };
  assert.deepEqual(checkTask(task, env(), finished), []);
  assert.deepEqual(fields(checkTask({ ...task, id: '' }, env(), finished)), ['request:wbRequestWrongStatus']);
});

test('an empty owner is allowed only before the task starts', () => {
  assert.deepEqual(checkTask({ ...task, owner: '' }, env(), context), []);
  assert.deepEqual(checkTask({ ...task, owner: '', status: '未开始' }, env(), context), []);
  const problems = checkTask({ ...task, owner: '', status: 'Blocked' }, env('en'), context, 3);
  assert.equal(
    describeProblem('en', problems[0]!),
    'Row 3, Primary owner: A task that is "Blocked" needs one primary owner.',
  );
});

test('the owner message tells where helpers go, in both languages', () => {
  const [zh] = checkTask({ ...task, owner: '李四和张三' }, env(), context, 9);
  assert.equal(
    describeProblem('zh-CN', zh!),
    '第 9 行「第一责任人」：只能填一位第一责任人（一个邮箱，或「人员」表中的一个姓名），这里有 2 人：李四、张三。协助的人请填在「协助部门/协作人」。',
  );
  const [en] = checkTask({ ...task, owner: 'li.si@example.com; zhang.san@example.com' }, env('en'), context, 9);
  assert.match(
    describeProblem('en', en!),
    /this cell names 2: li.si@example.com, zhang.san@example.com. Put helpers under Assisting\.$/,
  );
});

test('duplicate task IDs give a problem on every row carrying them', () => {
  const problems = duplicateIdProblems(
    'tasks',
    [
      { id: 'RW202407001-01', rowNumber: 2 },
      { id: 'RW202407001-01', rowNumber: 5 },
      { id: 'RW202407001-02', rowNumber: 6 },
    ],
    'zh-CN',
  );
  assert.deepEqual(
    problems.map((p) => [p.row, p.field, p.params?.rows]),
    [
      [2, 'id', '2, 5'],
      [5, 'id', '2, 5'],
    ],
  );
});

test('a copied request ID is a problem on both rows, named as a request ID', () => {
  const problems = duplicateIdProblems(
    'requests',
    [
      { id: 'XQ202407001', rowNumber: 2 },
      { id: 'xq202407001 ', rowNumber: 3 },
    ],
    'en',
  );
  assert.deepEqual(
    problems.map((p) => describeProblem('en', p)),
    [
      'Row 2, Request ID: Request ID XQ202407001 appears on rows 2, 3; each ID may appear only once.',
      'Row 3, Request ID: Request ID XQ202407001 appears on rows 2, 3; each ID may appear only once.',
    ],
  );
});

// ---------------------------------------------------------------- progress

const snapshot: TaskSnapshot = {
  id: 'RW202407001-01',
  status: 'inProgress',
  start: at('2024-07-08'),
  due: at('2024-07-19'),
  owner: '张三',
  deliverable: '方案初稿',
  request: 'XQ202407001',
  dept: '市场部',
  assisting: '',
  pct: 30,
};
const rules = { calendar, lagThreshold: 20 };

test('a progress entry on plan has no problems', () => {
  assert.deepEqual(
    checkProgress({ task: snapshot.id, summary: '方案撰写30%', pct: 30, delayReason: '无' }, snapshot, env(), rules),
    [],
  );
});

test('a done or cancelled task takes no more progress', () => {
  for (const status of ['done', 'cancelled'] as const) {
    const problems = checkProgress(
      { task: snapshot.id, summary: 'x', pct: 40, delayReason: '无' },
      { ...snapshot, status },
      env('en'),
      rules,
    );
    assert.deepEqual(fields(problems), ['task:wbTaskWrongStatus'], status);
    assert.match(describeProblem('en', problems[0]!), /only works for: Not started, In progress, Blocked, Awaiting/);
  }
});

test('a % cell that reads as 1 % or 100 %, or shows more than 100 %, says what to type', () => {
  const entry = { task: snapshot.id, summary: 'x', delayReason: '无' };
  assert.deepEqual(fields(checkProgress({ ...entry, pct: 1 }, snapshot, env(), rules, 4, false)), [
    'pct:wbPctAmbiguous',
  ]);
  const shown = checkProgress({ ...entry, pct: 50 }, snapshot, env('en'), rules, 4, true);
  assert.deepEqual(
    shown.map((p) => describeProblem('en', p)),
    ['Row 4, % complete: This cell shows percentages, so 50 shows as 5000%, outside 0% to 100%; type "50%" instead.'],
  );
  assert.deepEqual(checkProgress({ ...entry, pct: 1 }, snapshot, env(), rules, 4, true), []);
});

test('progress rules: known task, summary, pct 0–100, no silent drop', () => {
  assert.deepEqual(fields(checkProgress({ task: 'RW1', summary: 'x', pct: 10 }, undefined, env(), rules)), [
    'task:wbUnknownTask',
  ]);
  assert.deepEqual(fields(checkProgress({ task: snapshot.id, summary: '', pct: 40 }, snapshot, env(), rules)), [
    'summary:wbRequired',
  ]);
  for (const pct of [-1, 101, 'seventy', '']) {
    const expected = pct === '' ? ['pct:wbRequired'] : ['pct:wbPctRange'];
    assert.deepEqual(
      fields(checkProgress({ task: snapshot.id, summary: 'x', pct }, snapshot, env(), rules)),
      expected,
      String(pct),
    );
  }
  assert.deepEqual(fields(checkProgress({ task: snapshot.id, summary: 'x', pct: 20 }, snapshot, env(), rules)), [
    'pct:wbPctLower',
  ]);
  assert.deepEqual(
    checkProgress({ task: snapshot.id, summary: 'x', pct: 20, note: '返工' }, snapshot, env(), rules),
    [],
  );
});

test('an entry behind plan by more than the threshold needs a real delay reason', () => {
  // By Friday 19 July evening the plan expects 100 %; on Thursday 18 July 10:00 it expects 80 %.
  const late: WorkflowEnv = { ...env(), now: new Date('2024-07-18T02:00:00Z') };
  const behind = { task: snapshot.id, summary: '方案撰写50%', pct: 50, delayReason: '无' };
  const [problem] = checkProgress(behind, snapshot, late, rules, 6);
  assert.equal(
    describeProblem('zh-CN', problem!),
    '第 6 行「滞后原因」：按计划此时应完成约 80%，本次为 50%，请填写滞后原因（按计划时填“无”）。',
  );
  assert.deepEqual(checkProgress({ ...behind, delayReason: '等待销售部大客户数据' }, snapshot, late, rules), []);
  assert.deepEqual(checkProgress({ ...behind, pct: 60 }, snapshot, late, rules), [], 'within the threshold');
});

test('a progress entry moves the task: started at >0 %, up for acceptance at 100 %', () => {
  const notStarted = { ...snapshot, status: 'notStarted' as const };
  assert.deepEqual(progressEffect(notStarted, 10, NOW, 'zh-CN'), { pct: 10, lastUpdate: NOW, status: '进行中' });
  assert.deepEqual(progressEffect(snapshot, 100, NOW, 'en'), {
    pct: 100,
    lastUpdate: NOW,
    status: 'Awaiting acceptance',
  });
  assert.deepEqual(progressEffect(snapshot, 50, NOW, 'en'), { pct: 50, lastUpdate: NOW });
});

test('progress posted on a blocked task unblocks it (SPEC §4): back in progress, or up for acceptance at 100 %', () => {
  const blocked = { ...snapshot, status: 'blocked' as const };
  assert.deepEqual(progressEffect(blocked, 40, NOW, 'zh-CN'), { pct: 40, lastUpdate: NOW, status: '进行中' });
  assert.deepEqual(progressEffect(blocked, 100, NOW, 'en'), {
    pct: 100,
    lastUpdate: NOW,
    status: 'Awaiting acceptance',
  });
});

// ---------------------------------------------------------------- acceptance, plan changes, communications

test('acceptance: result required and known, a reason on Fail, only open tasks', () => {
  const base = { task: snapshot.id, result: '通过' };
  assert.deepEqual(checkAcceptance(base, snapshot, env()), []);
  assert.deepEqual(fields(checkAcceptance({ ...base, result: '' }, snapshot, env())), ['result:wbRequired']);
  assert.deepEqual(fields(checkAcceptance({ ...base, result: 'fail' }, snapshot, env())), ['reason:wbReasonOnFail']);
  assert.deepEqual(checkAcceptance({ ...base, result: 'Fail', reason: '缺竞品对比' }, snapshot, env()), []);
  assert.deepEqual(fields(checkAcceptance(base, { ...snapshot, status: 'done' }, env())), ['task:wbTaskWrongStatus']);
  assert.deepEqual(fields(checkAcceptance(base, undefined, env())), ['task:wbUnknownTask']);
  assert.deepEqual(acceptanceEffect(true, 'zh-CN'), { status: '已完成', pct: 100 });
  assert.deepEqual(acceptanceEffect(false, 'en'), { status: 'In progress' });
});

test('plan changes need a task, a date not before start and a reason; approval keeps the baseline', () => {
  const change = { task: snapshot.id, newDue: '2024-07-26', reason: '数据延迟' };
  assert.deepEqual(checkPlanChange(change, snapshot, env()), []);
  assert.deepEqual(fields(checkPlanChange({ ...change, newDue: '2024-07-01', reason: '' }, snapshot, env())), [
    'newDue:wbDueBeforeStart',
    'reason:wbRequired',
  ]);
  assert.deepEqual(fields(checkPlanChange(change, { ...snapshot, status: 'cancelled' }, env())), [
    'task:wbTaskWrongStatus',
  ]);
  const original = at('2024-07-19');
  const moved = at('2024-07-26');
  assert.deepEqual(planChangeEffect({ due: original, baseline: '' }, moved), { due: moved, baseline: original });
  assert.deepEqual(planChangeEffect({ due: moved, baseline: original }, at('2024-08-02')), { due: at('2024-08-02') });
});

test('a communication action item needs one owner; dates and statuses are checked', () => {
  const entry = {
    date: '2024-08-03',
    topic: '方案评审',
    actions: '产品部提供参数',
    actionOwner: '李四',
    actionDue: '2024-08-08',
    actionStatus: '未完成',
  };
  assert.deepEqual(checkCommunication(entry, env()), []);
  assert.deepEqual(fields(checkCommunication({ ...entry, actionOwner: '' }, env())), ['actionOwner:wbRequired']);
  assert.deepEqual(
    fields(
      checkCommunication({ ...entry, actionOwner: '李四、张三', actionDue: '8月8日', actionStatus: 'pending' }, env()),
    ),
    ['actionOwner:wbPersonMultiple', 'actionDue:wbNotDate', 'actionStatus:wbBadEnum'],
  );
});

// ---------------------------------------------------------------- reading cells

test('dates are read from Date cells and common written forms, on the spreadsheet wall clock', () => {
  const expected = new Date('2024-08-19T16:00:00Z');
  for (const text of ['2024-08-20', '2024/8/20', '2024.08.20', '2024年8月20日'])
    assert.deepEqual(parseDate(text, TZ), expected, text);
  assert.deepEqual(parseDate('2024-08-20 14:30', TZ), new Date('2024-08-20T06:30:00Z'));
  assert.deepEqual(parseDate(expected, TZ), expected);
  for (const bad of ['2024-02-30', '尽快', '', 45000, '20/08/2024'])
    assert.equal(parseDate(bad, TZ), undefined, String(bad));
});

test('percentages accept numbers, "70%" text and the 0.7 Sheets stores for a typed 70 %', () => {
  assert.equal(parsePercent(70), 70);
  assert.equal(parsePercent('70%'), 70);
  assert.equal(parsePercent(' 55 ％'), 55);
  assert.equal(parsePercent(0.7), 70);
  assert.equal(parsePercent(0), 0);
  assert.equal(parsePercent('七十'), undefined);
});

test('a % typed into Progress reads the way the cell shows it', () => {
  // Percent format: Sheets stores a typed "100%" as 1 and keeps a typed 50 as 50 (shown 5000%).
  assert.equal(parseTypedPercent(1, true), 100);
  assert.equal(parseTypedPercent(0.7, true), 70);
  assert.equal(parseTypedPercent(50, true), 5000);
  // Plain number format: 50 is 50; 0.5 only comes from a typed "50%"; 1 may be either.
  assert.equal(parseTypedPercent(50, false), 50);
  assert.equal(parseTypedPercent(0.5, false), 50);
  assert.equal(parseTypedPercent(1, false), 'ambiguous');
  assert.equal(parseTypedPercent('1', false), 1, 'text is read as typed');
  assert.equal(parseTypedPercent('100%', true), 100);
  // Without the format: what the two readings accepted agrees.
  assert.equal(parseTypedPercent(1), 100);
  assert.equal(parseTypedPercent(0.5), 50);
  assert.equal(parseTypedPercent(50), 50);
});

test('the sidebar writes a % into Progress as a number that reads back the same without its format', () => {
  for (const pct of [0, 0.5, 1, 2, 50, 100]) assert.equal(parseTypedPercent(typedPercentCell(pct)), pct, String(pct));
});

test('a percent format is a % outside quotes', () => {
  assert.equal(isPercentFormat('0%'), true);
  assert.equal(isPercentFormat('0.00%'), true);
  assert.equal(isPercentFormat('0'), false);
  assert.equal(isPercentFormat('0"%"'), false);
  assert.equal(isPercentFormat('0.###############'), false);
});

test('a date typed in the spreadsheet’s zone is the same calendar day in the Settings zone; a time stays an instant', () => {
  const shanghaiMidnight = new Date('2024-08-19T16:00:00Z');
  assert.deepEqual(parseDate(shanghaiMidnight, 'Europe/London', TZ), new Date('2024-08-19T23:00:00Z'));
  assert.deepEqual(parseDate(shanghaiMidnight, 'America/New_York', TZ), new Date('2024-08-20T04:00:00Z'));
  const stamp = new Date('2024-08-20T06:30:00Z');
  assert.deepEqual(parseDate(stamp, 'Europe/London', TZ), stamp);
  assert.deepEqual(parseDate('2024-08-20', 'Europe/London', TZ), new Date('2024-08-19T23:00:00Z'));
});

test('lists split on every usual separator', () => {
  assert.deepEqual(parseList('市场部、销售部，设计部; 财务部/产品部\n售后部'), [
    '市场部',
    '销售部',
    '设计部',
    '财务部',
    '产品部',
    '售后部',
  ]);
  assert.deepEqual(parseList(''), []);
});
