/**
 * The demo's second, smaller request (SPEC §6): the loop closed end to end. 陈静 (销售部) files a
 * dealer conference; the coordinator splits it from the 大型市场活动 template and the heads sign the
 * split; the owners report, one task slips past its due with a reason, one deliverable fails its
 * acceptance before it passes, the requester confirms each Pass; the request is done, the next
 * morning's scan asks 陈静 to rate it (ratingAfterDays), and she rates it low (overall 2), which
 * proposes a case and tells the coordinator. The request stays 已完成 for its retrospective.
 *
 * Played hour by hour inside the demo's simulation: `playClosingLoop` runs the steps due by `now`.
 */
import type { EmuSpreadsheet } from '../emulator/spreadsheet';
import { parseLocalDateTime } from '../emulator/spreadsheet/values';
import { findSheet, readRows } from './sheet-rows';
import type { ActionReport, AddOnSession } from './session';

const COORDINATOR = 'wang.qiang@example.com';
const REQUESTER = 'chen.jing@example.com';
const TITLE = '2024年Q3经销商大会';
const TIME_ZONE = 'Asia/Shanghai';
/** The first request's 新品推广方案初稿撰写, overdue since 7/15. */
const NUDGED_TASK = 'RW202407001-01';

/** The template's tasks in its order (-01 … -06): the step that speaks of each uses its sequence. */
const PLAN = 1;
const BUDGET = 2;
const DESIGN = 3;
const GUESTS = 4;
const SITE = 5;
const REVIEW = 6;

interface Step {
  readonly at: string;
  /** An email, or the owner of task `n` of the request. */
  readonly by: string | { readonly ownerOf: number };
  readonly what: string;
  act(session: AddOnSession, id: string): ActionReport;
}

const report = (ok: boolean, messages: string[]): ActionReport => ({ route: 'sheet', target: 'demo', ok, messages });

const SCRIPT: readonly Step[] = [
  {
    at: '2024-07-29 10:00',
    by: REQUESTER,
    what: 'files the second request',
    act: (session) =>
      session.submitForm('request', {
        title: TITLE,
        dept: '销售部',
        requester: '陈静',
        contact: '010-6688 5678',
        goal: '8月下旬在上海举办经销商大会，邀请重点经销商不少于100家，会后两周内新增订单500万元',
        depts: '销售部、市场部、设计部、财务部',
        expected: '2024-08-30',
        resources: '市场部活动执行；设计部主视觉；财务部预算 ≤ 30万元',
      }),
  },
  {
    at: '2024-07-29 11:00',
    by: COORDINATOR,
    what: 'approves it',
    act(session, id) {
      session.editRow('requests', (f) => f.id === id, {
        lead: '市场部',
        coordinator: '王强',
        review: '同意，按模板拆分',
      });
      return session.runMenu('menuApproveRequest', {
        dialog: { button: '立项', fields: { notes: '同意，按模板拆分' } },
        select: requestRow(session, id),
      });
    },
  },
  {
    at: '2024-07-29 14:00',
    by: COORDINATOR,
    what: 'splits it from the 大型市场活动 template and submits the split',
    act: (session, id) =>
      session.runMenu('menuSplitFromTemplate', {
        answers: [['ok', '大型市场活动 2024-07-30']],
        dialog: { button: '提交会签' },
        select: requestRow(session, id),
      }),
  },
  {
    at: '2024-07-29 16:00',
    by: COORDINATOR,
    what: 'the heads sign the split',
    act: (s, id) => signAll(s, 'split', id),
  },
  progress('2024-08-02 17:00', PLAN, { summary: '活动方案初稿', pct: '60', delayReason: '无' }),
  progress('2024-08-05 17:00', PLAN, {
    summary: '方案待嘉宾名单定稿',
    pct: '80',
    delayReason: '销售部重点经销商名单未确认，方案定稿顺延',
    mitigation: '8月7日前定稿',
  }),
  progress('2024-08-07 10:00', PLAN, {
    summary: '方案定稿',
    pct: '100',
    delayReason: '销售部重点经销商名单确认晚了两天，方案定稿顺延',
  }),
  progress('2024-08-07 10:30', BUDGET, { summary: '预算审批完成', pct: '100', delayReason: '无' }),
  accepted('2024-08-07 14:00', PLAN, '活动方案'),
  accepted('2024-08-07 14:30', BUDGET, '预算审批'),
  progress('2024-08-08 10:00', DESIGN, { summary: '主视觉与邀请函完成', pct: '100', delayReason: '无' }),
  {
    at: '2024-08-08 14:00',
    by: REQUESTER,
    what: 'fails the design deliverable',
    act: (session, id) =>
      session.submitForm('acceptance', {
        task: taskId(id, DESIGN),
        deliverable: '主视觉、邀请函',
        result: '不通过',
        reason: '主视觉未体现经销商大会主题，邀请函缺少报名二维码',
        acceptedBy: '陈静',
        date: '2024-08-08',
      }),
  },
  progress('2024-08-09 11:00', DESIGN, { summary: '按验收意见修改定稿', pct: '100', delayReason: '无' }),
  accepted('2024-08-09 15:00', DESIGN, '主视觉、邀请函'),
  progress('2024-08-12 11:00', GUESTS, { summary: '确认出席经销商 108 家', pct: '100', delayReason: '无' }),
  accepted('2024-08-12 15:00', GUESTS, '嘉宾名单'),
  progress('2024-08-13 11:00', SITE, { summary: '场地与物料验收完成', pct: '100', delayReason: '无' }),
  accepted('2024-08-13 15:00', SITE, '场地与物料'),
  progress('2024-08-14 11:00', REVIEW, { summary: '线索移交与复盘报告提交', pct: '100', delayReason: '无' }),
  accepted('2024-08-14 15:00', REVIEW, '复盘报告'),
  // The next morning's scan asks 陈静 to rate the request (ratingAfterDays = 1); she does after lunch.
  {
    at: '2024-08-15 14:00',
    by: REQUESTER,
    what: 'rates the request: overall 2',
    act: (session, id) =>
      session.callSidebar('submitRating', {
        ref: id,
        overall: 2,
        clarity: 3,
        flow: 3,
        communication: 1,
        comment: '设计返工时沟通不及时，验收意见反复确认了两次',
      }),
  },
  // The coordinator's retrospective proposes the request's cases (SPEC §2.12): the late task, the failed acceptance.
  {
    at: '2024-08-15 16:00',
    by: COORDINATOR,
    what: 'creates its retrospective, which proposes cases',
    act: (session, id) => session.runMenu('menuRetrospective', { select: requestRow(session, id) }),
  },
  // SPEC §6: the coordinator nudges 张伟 once, on the first request's overdue draft.
  {
    at: '2024-07-30 10:00',
    by: COORDINATOR,
    what: 'nudges 张伟 on 新品推广方案初稿撰写',
    act: (session) =>
      session.submitForm('nudge', { task: NUDGED_TASK, words: '方案初稿已逾期两周，请今天给出新的完成时间和所需支持' }),
  },
];

/** In time order, as the hours pass. */
const STEPS = [...SCRIPT].sort((a, b) => a.at.localeCompare(b.at));

function progress(at: string, task: number, entry: Record<string, string>): Step {
  return {
    at,
    by: { ownerOf: task },
    what: `reports ${entry.pct}% on task ${task}`,
    act: (session, id) => session.submitForm('progress', { task: taskId(id, task), ...entry }),
  };
}

/**
 * The requester records the Pass; a Pass that still waits for the requesting side's sign-off
 * (someone else recorded it) she confirms in her sidebar at once.
 */
function accepted(at: string, task: number, deliverable: string): Step {
  return {
    at,
    by: REQUESTER,
    what: `accepts task ${task}`,
    act(session, id) {
      const pass = session.submitForm('acceptance', {
        task: taskId(id, task),
        deliverable,
        result: '通过',
        acceptedBy: '陈静',
        date: at.slice(0, 10),
      });
      return pending(session, taskId(id, task)).length > 0 ? signAll(session, 'acceptance', taskId(id, task)) : pass;
    },
  };
}

/** SPEC §2.2: XQ202407002 → RW202407002-03. */
function taskId(requestId: string, sequence: number): string {
  return `RW${requestId.replace(/^\D+/, '')}-${String(sequence).padStart(2, '0')}`;
}

function requestRow(session: AddOnSession, id: string) {
  const row = readRows(session.spreadsheet, 'requests').find((r) => r.fields.id === id)?.row ?? 0;
  return { sheet: findSheet(session.spreadsheet, 'requests')!, row };
}

/** Everyone whose sign-off on `ref` is pending agrees, each as themselves in their sidebar. */
function signAll(session: AddOnSession, subject: 'split' | 'acceptance', ref: string): ActionReport {
  const waiting = pending(session, ref);
  if (waiting.length === 0) return report(false, [`nothing of ${ref} waits for a sign-off`]);
  const reports = waiting.map((r) => {
    session.actAs(emailOf(session.spreadsheet, String(r.fields.signer)));
    return session.callSidebar('decideSignOff', { subject, ref, decision: 'agree', comment: '' });
  });
  return report(
    reports.every((r) => r.ok),
    reports.flatMap((r) => r.messages),
  );
}

function pending(session: AddOnSession, ref: string) {
  return readRows(session.spreadsheet, 'signOffs').filter(
    (r) => String(r.fields.ref) === ref && String(r.fields.decision) === '待签',
  );
}

/** A person as People writes them (name or email) → their email. */
function emailOf(spreadsheet: EmuSpreadsheet, person: string): string {
  if (person.includes('@')) return person;
  const found = readRows(spreadsheet, 'people').find((r) => r.fields.name === person);
  return String(found?.fields.email ?? person);
}

/** Per session: the steps played so far and the request's ID once it is filed. */
const played = new WeakMap<AddOnSession, { next: number; id: string }>();

/**
 * Runs the closing loop's steps due by `now` (ms), each as its person at its time; `say` gets a
 * line per step. Called once an hour by the demo's simulation.
 */
export function playClosingLoop(session: AddOnSession, now: number, say: (line: string) => void): void {
  const state = played.get(session) ?? { next: 0, id: '' };
  played.set(session, state);
  for (;;) {
    const step = STEPS[state.next];
    const at = step && parseLocalDateTime(step.at, TIME_ZONE);
    if (!step || !at || at.getTime() > now) return;
    state.next++;
    const by = typeof step.by === 'string' ? step.by : ownerEmail(session, taskId(state.id, step.by.ownerOf));
    session.actAs(by, at);
    const result = step.act(session, state.id);
    if (state.id === '')
      state.id = String(
        readRows(session.spreadsheet, 'requests').find((r) => r.fields.title === TITLE)?.fields.id ?? '',
      );
    const outcome = result.ok ? '' : ` ✗ ${result.messages.join(' | ')}`;
    say(`${step.at.slice(11)} ${state.id} ${emailName(session, by)} ${step.what}${outcome}`);
  }
}

function ownerEmail(session: AddOnSession, task: string): string {
  const owner = readRows(session.spreadsheet, 'tasks').find((r) => r.fields.id === task)?.fields.owner;
  return emailOf(session.spreadsheet, String(owner ?? ''));
}

function emailName(session: AddOnSession, email: string): string {
  return String(readRows(session.spreadsheet, 'people').find((r) => r.fields.email === email)?.fields.name ?? email);
}

/**
 * The rest of the loop as the workbook holds it at the end, for the console: the second request,
 * its rating and cases, the suggestions, the nudges.
 */
export function closingLoopLines(session: AddOnSession): string[] {
  const spreadsheet = session.spreadsheet;
  const request = readRows(spreadsheet, 'requests').find((r) => r.fields.title === TITLE)?.fields;
  const id = String(request?.id ?? '');
  const ratings = readRows(spreadsheet, 'satisfaction')
    .filter((r) => r.fields.ref === id && r.fields.overall !== '')
    .map((r) => `rated ${String(r.fields.overall)}/5 by ${String(r.fields.rater)}`);
  const cases = readRows(spreadsheet, 'cases').filter((r) => String(r.fields.links).includes(id));
  const suggestions = readRows(spreadsheet, 'suggestions').map(
    (r) =>
      `${String(r.fields.proposer)} suggested "${String(r.fields.title)}": ${String(r.fields.status)}, owner ${String(r.fields.owner)}`,
  );
  const nudges = readRows(spreadsheet, 'changeHistory').filter((r) =>
    /催办|nudge/i.test(String(r.fields.field)),
  ).length;
  return [
    `${id} ${TITLE} (from the 大型市场活动 template): ${String(request?.status ?? '')} · ${[
      ...ratings,
      `${cases.length} cases proposed (问题案例库)`,
    ].join(' · ')}`,
    [...suggestions, `${nudges} nudge (催办) of 张伟`].join(' · '),
  ];
}
