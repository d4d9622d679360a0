/**
 * The example project of SPEC §6 as data: the people, one request (XQ202407001, Q3 new-product
 * launch), its four tasks, two meetings, and what each person does when. The demo plays it; tests
 * can use it as a fixture. Field names are the column keys of the sheet catalogue
 * (src/domain/schema.ts); times are wall-clock times in the example's time zone.
 *
 * The hourly tick writes the weekly summary each Monday; the coordinator refreshes the dashboard at the end.
 * The story is written so that at the end (Fri 2024-08-16 18:00) one task is overdue (the launch
 * plan, still waiting for Sales' key-account data), one is lagging (channel roll-out), one is stale
 * (after-sales handbook: due date moved by an approved plan change, then no update), and one is done.
 *
 * Sign-offs (会签, SPEC §2.9): the split goes to the heads of 市场部, 销售部 and 售后部; 销售部 returns
 * it once with a comment, the coordinator submits it again, and all agree — 售后部's head is away
 * that week, so her delegate 赵敏 signs on her behalf. The training's Pass waits a night for the
 * requester; the handbook's plan change is signed by the heads of 售后部 and of 销售部 (whose roll-out
 * depends on the handbook), the second after a weekend, so the outbox holds 待您签批 digests.
 */

import type { FakePlatform } from '../emulator/robots';
import type { Department, Person } from '../src/domain/directory';

export type { Department, Person };

/** A record keyed by the sheet catalogue's column keys; dates as 'yyyy-MM-dd[ HH:mm]'. */
export type Fields = Readonly<Record<string, string>>;

interface Step {
  /** 'yyyy-MM-dd HH:mm' in the example's time zone. */
  readonly at: string;
  /** Email of the person acting. */
  readonly by: string;
}

export type ExampleStep = Step &
  (
    | { readonly kind: 'setup' }
    | { readonly kind: 'referenceData' }
    | { readonly kind: 'submitRequest'; readonly request: Fields }
    | {
        readonly kind: 'approveRequest';
        readonly requestId: string;
        readonly lead: string;
        readonly coordinator: string;
        readonly notes: string;
      }
    | { readonly kind: 'splitTasks'; readonly requestId: string; readonly tasks: readonly Fields[] }
    | { readonly kind: 'progress'; readonly entry: Fields }
    | { readonly kind: 'taskStatus'; readonly task: string; readonly status: string }
    | { readonly kind: 'communication'; readonly entry: Fields }
    | { readonly kind: 'actionDone'; readonly topic: string }
    | { readonly kind: 'acceptance'; readonly entry: Fields }
    | { readonly kind: 'planChange'; readonly entry: Fields }
    | { readonly kind: 'submitSplit'; readonly requestId: string }
    | {
        readonly kind: 'signOff';
        readonly subject: 'split' | 'change' | 'acceptance';
        readonly ref: string;
        readonly decision: 'agree' | 'return';
        readonly comment?: string;
      }
    | { readonly kind: 'automationOn' }
    | { readonly kind: 'refreshDashboard' }
  );

export type ExampleStepKind = ExampleStep['kind'];

export interface ExampleProject {
  readonly spreadsheetName: string;
  readonly spreadsheetLocale: string;
  readonly timeZone: string;
  /** The coordinator: owner of the spreadsheet and of the automation trigger. */
  readonly coordinator: string;
  /** Settings rows (key → value) the coordinator fills in after setup. */
  readonly settings: Fields;
  /** Departments, with a group robot (SPEC §2.7) for some. */
  readonly departments: readonly (Department & RobotColumns)[];
  readonly people: readonly Person[];
  /** The fake robot endpoints the demo stands up for those departments (emulator/robots.ts). */
  readonly robots: readonly ExampleRobot[];
  /** Hourly ticks run from `start` (exclusive) to `end` (inclusive); steps before `start` are history. */
  readonly simulation: { readonly start: string; readonly end: string };
  readonly steps: readonly ExampleStep[];
  /** The Health each task should show at the end of the simulation (stable codes). */
  readonly expectedHealth: Readonly<Record<string, string>>;
}

/** Departments' robot columns as typed: 群机器人 · 机器人地址 · 加签密钥 · 关键词. */
type RobotColumns = Partial<Record<'robot' | 'webhook' | 'secret' | 'keyword', string>>;

export interface ExampleRobot {
  readonly group: string;
  readonly platform: FakePlatform;
  /** The webhook's key or access token. */
  readonly token: string;
  readonly secret?: string;
  readonly keyword?: string;
}

const COORDINATOR = 'wang.qiang@example.com';
/** 销售部's DingTalk robot signs (加签): its secret as DingTalk shows it, SEC and 64 hex digits. */
const SALES_SECRET = 'SEC4d1f0c2b9a8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a392817060512';
const REQUEST = 'XQ202407001';
const taskId = (n: string) => `RW202407001-${n}`;
const PLAN = taskId('01');
const TRAINING = taskId('02');
const ROLLOUT = taskId('03');
const HANDBOOK = taskId('04');

export const EXAMPLE: ExampleProject = {
  spreadsheetName: '2024年Q3新品上市推广 · 协作台',
  spreadsheetLocale: 'zh_CN',
  timeZone: 'Asia/Shanghai',
  coordinator: COORDINATOR,
  settings: { coordinators: COORDINATOR },
  departments: [
    {
      name: '市场部',
      head: 'li.na@example.com',
      sponsor: 'huang.wei@example.com',
      liaison: '张伟',
      robot: '企业微信',
      webhook: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=demo-market-2024q3',
    },
    {
      name: '销售部',
      head: 'gao.feng@example.com',
      sponsor: 'huang.wei@example.com',
      liaison: '刘洋',
      robot: '钉钉',
      webhook: 'https://oapi.dingtalk.com/robot/send?access_token=demo-sales-2024q3',
      secret: SALES_SECRET,
      keyword: '协作台',
    },
    { name: '设计部', head: 'sun.li@example.com', sponsor: 'zheng.jie@example.com', liaison: '孙丽' },
    { name: '财务部', head: 'wu.gang@example.com', sponsor: 'qian.jin@example.com', liaison: '吴刚' },
    { name: '产品部', head: 'zhou.jie@example.com', sponsor: 'zheng.jie@example.com', liaison: '周杰' },
    { name: '售后部', head: 'he.fang@example.com', sponsor: 'zheng.jie@example.com', liaison: '赵敏' },
    { name: '客户服务部', head: 'xu.lei@example.com', sponsor: 'zheng.jie@example.com', liaison: '徐磊' },
  ],
  people: [
    { name: '王强', email: COORDINATOR, dept: '市场部' },
    { name: '李娜', email: 'li.na@example.com', dept: '市场部', chatId: 'LiNa' },
    { name: '张伟', email: 'zhang.wei@example.com', dept: '市场部', chatId: 'ZhangWei' },
    { name: '高峰', email: 'gao.feng@example.com', dept: '销售部', mobile: '13900000003' },
    { name: '刘洋', email: 'liu.yang@example.com', dept: '销售部', mobile: '13900000004' },
    { name: '陈静', email: 'chen.jing@example.com', dept: '销售部', mobile: '13900000005' },
    { name: '孙丽', email: 'sun.li@example.com', dept: '设计部' },
    { name: '吴刚', email: 'wu.gang@example.com', dept: '财务部' },
    { name: '周杰', email: 'zhou.jie@example.com', dept: '产品部' },
    {
      name: '何芳',
      email: 'he.fang@example.com',
      dept: '售后部',
      delegate: '赵敏',
      awayFrom: '2024-07-03',
      awayTo: '2024-07-05',
    },
    { name: '赵敏', email: 'zhao.min@example.com', dept: '售后部' },
    { name: '徐磊', email: 'xu.lei@example.com', dept: '客户服务部' },
    { name: '黄伟', email: 'huang.wei@example.com', dept: '市场部' },
    { name: '郑洁', email: 'zheng.jie@example.com', dept: '产品部' },
    { name: '钱进', email: 'qian.jin@example.com', dept: '财务部' },
  ],
  robots: [
    { group: '市场部', platform: 'wecom', token: 'demo-market-2024q3' },
    { group: '销售部', platform: 'dingtalk', token: 'demo-sales-2024q3', secret: SALES_SECRET, keyword: '协作台' },
  ],
  simulation: { start: '2024-07-26 18:00', end: '2024-08-16 18:00' },
  steps: [
    // History: the project before automation was turned on.
    { at: '2024-07-01 09:30', by: COORDINATOR, kind: 'setup' },
    { at: '2024-07-01 09:45', by: COORDINATOR, kind: 'referenceData' },
    {
      at: '2024-07-01 10:30',
      by: 'li.na@example.com',
      kind: 'submitRequest',
      request: {
        title: '2024年Q3新品上市推广方案',
        dept: '市场部',
        requester: '李娜',
        contact: '010-6688 1234',
        goal: 'Q3新品销售额较Q2提升30%；推广预算不超过50万元；方案于2024-08-20前完成评审',
        depts: '市场部、销售部、设计部、财务部、产品部、售后部',
        expected: '2024-08-20',
        resources: '销售部重点客户数据；设计部物料支持；财务部预算审核（≤50万元）',
      },
    },
    {
      at: '2024-07-02 11:00',
      by: COORDINATOR,
      kind: 'approveRequest',
      requestId: REQUEST,
      lead: '市场部',
      coordinator: '王强',
      notes: '同意立项，市场部牵头',
    },
    {
      at: '2024-07-03 15:00',
      by: COORDINATOR,
      kind: 'splitTasks',
      requestId: REQUEST,
      tasks: [
        {
          name: '新品推广方案初稿撰写',
          dept: '市场部',
          owner: '张伟',
          assisting: '销售部、设计部',
          start: '2024-07-06',
          due: '2024-07-15',
          status: '进行中',
          deliverable: '推广方案初稿：目标拆解、渠道策略、预算分配（≤50万元），经市场部负责人审阅',
          risk: '销售部数据延迟时先用Q2数据估算',
        },
        {
          name: '销售培训材料制作',
          dept: '销售部',
          owner: '刘洋',
          assisting: '产品部',
          start: '2024-08-01',
          due: '2024-08-07',
          status: '未开始',
          deliverable: '培训材料包含核心卖点与竞品话术，通过销售部内部测试',
        },
        {
          name: '渠道铺货执行',
          dept: '销售部',
          owner: '陈静',
          start: '2024-08-10',
          due: '2024-08-20',
          status: '未开始',
          deliverable: '覆盖30个核心城市，铺货率达到90%',
          dependsOn: `${TRAINING}, ${HANDBOOK}`,
        },
        {
          name: '售后响应手册制定',
          dept: '售后部',
          owner: '赵敏',
          assisting: '客户服务部',
          start: '2024-08-05',
          due: '2024-08-12',
          status: '未开始',
          deliverable: '客诉48小时内处理完毕的流程与话术，经客户服务部审批',
        },
      ],
    },
    {
      at: '2024-07-03 17:00',
      by: 'gao.feng@example.com',
      kind: 'signOff',
      subject: 'split',
      ref: REQUEST,
      decision: 'return',
      comment: '销售培训需避开8月初大促，请确认培训排期后再提交',
    },
    { at: '2024-07-04 09:30', by: COORDINATOR, kind: 'submitSplit', requestId: REQUEST },
    {
      at: '2024-07-04 10:00',
      by: 'li.na@example.com',
      kind: 'signOff',
      subject: 'split',
      ref: REQUEST,
      decision: 'agree',
    },
    {
      at: '2024-07-04 11:00',
      by: 'gao.feng@example.com',
      kind: 'signOff',
      subject: 'split',
      ref: REQUEST,
      decision: 'agree',
    },
    // 何芳 is away 7/3–7/5: 赵敏, her delegate, signs for her.
    {
      at: '2024-07-04 14:00',
      by: 'zhao.min@example.com',
      kind: 'signOff',
      subject: 'split',
      ref: REQUEST,
      decision: 'agree',
    },
    {
      at: '2024-07-08 18:00',
      by: 'zhang.wei@example.com',
      kind: 'progress',
      entry: { task: PLAN, summary: '完成市场调研与竞品分析', pct: '30', planned: '7/10 方案过半', delayReason: '无' },
    },
    {
      at: '2024-07-10 18:00',
      by: 'zhang.wei@example.com',
      kind: 'progress',
      entry: {
        task: PLAN,
        summary: '方案撰写70%',
        pct: '70',
        planned: '7/15 初稿',
        actual: '7/10 70%',
        delayReason: '等待销售部重点客户数据',
        mitigation: '已协调销售部，7月17日前提供',
      },
    },
    // The three simulated weeks, with hourly ticks.
    { at: '2024-07-26 18:00', by: COORDINATOR, kind: 'automationOn' },
    {
      at: '2024-07-29 10:00',
      by: 'zhang.wei@example.com',
      kind: 'progress',
      entry: {
        task: PLAN,
        summary: '补充渠道预算测算',
        pct: '80',
        delayReason: '销售部重点客户数据仍未提供',
        mitigation: '已升级至销售部负责人，8月2日前提供',
      },
    },
    { at: '2024-08-01 10:00', by: 'liu.yang@example.com', kind: 'taskStatus', task: TRAINING, status: '进行中' },
    {
      at: '2024-08-01 17:00',
      by: 'liu.yang@example.com',
      kind: 'progress',
      entry: { task: TRAINING, summary: '完成培训大纲', pct: '20', delayReason: '无' },
    },
    {
      at: '2024-08-03 15:00',
      by: COORDINATOR,
      kind: 'communication',
      entry: {
        date: '2024-08-03',
        ref: REQUEST,
        participants: '市场部、销售部、产品部',
        topic: '方案评审',
        summary: '评审推广方案初稿，新品参数需产品部确认',
        actions: '产品部8/6前提供新品参数',
        actionOwner: '周杰',
        actionDue: '2024-08-08',
        actionStatus: '未完成',
      },
    },
    {
      at: '2024-08-05 10:00',
      by: 'liu.yang@example.com',
      kind: 'progress',
      entry: { task: TRAINING, summary: '核心卖点与竞品话术初稿完成', pct: '60', delayReason: '无' },
    },
    { at: '2024-08-05 11:00', by: 'zhao.min@example.com', kind: 'taskStatus', task: HANDBOOK, status: '进行中' },
    {
      at: '2024-08-05 11:30',
      by: 'zhao.min@example.com',
      kind: 'progress',
      entry: { task: HANDBOOK, summary: '梳理现有客诉流程', pct: '10', delayReason: '无' },
    },
    {
      at: '2024-08-07 17:00',
      by: 'liu.yang@example.com',
      kind: 'progress',
      entry: { task: TRAINING, summary: '培训材料定稿，提交验收', pct: '100', delayReason: '无' },
    },
    { at: '2024-08-07 17:05', by: 'liu.yang@example.com', kind: 'taskStatus', task: TRAINING, status: '待验收' },
    {
      at: '2024-08-08 11:00',
      by: 'zhao.min@example.com',
      kind: 'progress',
      entry: { task: HANDBOOK, summary: '48小时处理流程初稿', pct: '40', delayReason: '无' },
    },
    {
      at: '2024-08-08 16:00',
      by: 'gao.feng@example.com',
      kind: 'acceptance',
      entry: { task: TRAINING, deliverable: '销售培训材料', result: '通过', acceptedBy: '高峰', date: '2024-08-08' },
    },
    // The requester confirms the Pass the next morning, after the daily scan asked her to.
    {
      at: '2024-08-09 09:30',
      by: 'li.na@example.com',
      kind: 'signOff',
      subject: 'acceptance',
      ref: TRAINING,
      decision: 'agree',
    },
    { at: '2024-08-09 10:00', by: 'zhou.jie@example.com', kind: 'actionDone', topic: '方案评审' },
    {
      at: '2024-08-09 11:00',
      by: 'zhao.min@example.com',
      kind: 'planChange',
      entry: {
        task: HANDBOOK,
        newDue: '2024-08-23',
        reason: '客户服务部审批会议改期至8月21日',
        impact: '不影响铺货；售后培训顺延',
      },
    },
    {
      at: '2024-08-09 15:00',
      by: 'he.fang@example.com',
      kind: 'signOff',
      subject: 'change',
      ref: HANDBOOK,
      decision: 'agree',
    },
    {
      at: '2024-08-12 09:45',
      by: 'gao.feng@example.com',
      kind: 'signOff',
      subject: 'change',
      ref: HANDBOOK,
      decision: 'agree',
    },
    { at: '2024-08-12 10:00', by: 'chen.jing@example.com', kind: 'taskStatus', task: ROLLOUT, status: '进行中' },
    {
      at: '2024-08-12 10:30',
      by: 'chen.jing@example.com',
      kind: 'progress',
      entry: { task: ROLLOUT, summary: '首批5个城市铺货完成', pct: '10', delayReason: '无' },
    },
    {
      at: '2024-08-12 11:00',
      by: 'zhao.min@example.com',
      kind: 'progress',
      entry: { task: HANDBOOK, summary: '手册初稿提交客户服务部', pct: '60', delayReason: '无' },
    },
    {
      at: '2024-08-14 17:00',
      by: 'chen.jing@example.com',
      kind: 'progress',
      entry: {
        task: ROLLOUT,
        summary: '完成8个城市铺货',
        pct: '25',
        delayReason: '部分城市经销商库存不足',
        mitigation: '调配华东仓库存，8/18前补齐',
      },
    },
    {
      at: '2024-08-15 15:00',
      by: COORDINATOR,
      kind: 'communication',
      entry: {
        date: '2024-08-15',
        ref: HANDBOOK,
        participants: '销售部、售后部',
        topic: '客诉处理流程优化',
        summary: '统一客诉升级路径与48小时时限',
        actions: '售后政策培训',
        actionOwner: '赵敏',
        actionDue: '2024-08-18',
        actionStatus: '未完成',
      },
    },
    { at: '2024-08-16 17:30', by: COORDINATOR, kind: 'refreshDashboard' },
  ],
  expectedHealth: { [PLAN]: 'overdue', [TRAINING]: 'done', [ROLLOUT]: 'lagging', [HANDBOOK]: 'stale' },
};
