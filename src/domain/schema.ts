/**
 * The sheet catalogue (SPEC §2): every sheet and column the add-on knows, with a stable key for
 * code, a Chinese and an English header, aliases users commonly type instead, and a type.
 * Code finds columns by header (either language or an alias), never by position. Enumerated
 * values are enums.ts's.
 */
import type { Locale } from '../i18n/index';
import { normalizeLabel, type EnumKey } from './enums';

export type ColumnType =
  | 'text'
  | 'longText'
  | 'date'
  | 'datetime'
  | 'number'
  | 'percent'
  | 'person'
  | 'people'
  | 'personsOrDepts'
  | 'dept'
  | 'depts'
  | 'email'
  | 'emails'
  | 'enum'
  | 'link'
  | 'links'
  | 'taskId'
  | 'taskIds'
  | 'requestId'
  | 'ref';

export interface ColumnDef<K extends string = string> {
  readonly key: K;
  readonly zh: string;
  readonly en: string;
  readonly aliases: readonly string[];
  readonly type: ColumnType;
  /** ⚙: written only by the add-on. */
  readonly computed: boolean;
  readonly required: boolean;
  readonly enumeration?: EnumKey;
  readonly maxLength?: number;
  /** Pixels, used when setup creates the column. */
  readonly width: number;
  /** A datetime whose time is optional (a due date): shown as a date unless a time was given. */
  readonly timeOptional?: boolean;
}

interface ColumnOptions {
  readonly aliases?: readonly string[];
  readonly computed?: boolean;
  readonly required?: boolean;
  readonly enumeration?: EnumKey;
  readonly maxLength?: number;
  readonly width?: number;
  readonly timeOptional?: boolean;
}

const DEFAULT_WIDTH: Record<ColumnType, number> = {
  text: 140,
  longText: 260,
  date: 100,
  datetime: 140,
  number: 90,
  percent: 90,
  person: 150,
  people: 200,
  personsOrDepts: 200,
  dept: 110,
  depts: 200,
  email: 200,
  emails: 260,
  enum: 110,
  link: 200,
  links: 200,
  taskId: 130,
  taskIds: 180,
  requestId: 120,
  ref: 130,
};

function col<const K extends string>(
  key: K,
  zh: string,
  en: string,
  type: ColumnType,
  options: ColumnOptions = {},
): ColumnDef<K> {
  return {
    key,
    zh,
    en,
    type,
    aliases: options.aliases ?? [],
    computed: options.computed ?? false,
    required: options.required ?? false,
    width: options.width ?? DEFAULT_WIDTH[type],
    ...(options.enumeration ? { enumeration: options.enumeration } : {}),
    ...(options.maxLength ? { maxLength: options.maxLength } : {}),
    ...(options.timeOptional ? { timeOptional: true } : {}),
  };
}

export interface SheetDef<S extends string = string, K extends string = string> {
  readonly key: S;
  readonly zh: string;
  readonly en: string;
  /** Other titles a user's existing sheet may have. */
  readonly aliases: readonly string[];
  readonly columns: readonly ColumnDef<K>[];
}

function sheet<const S extends string, const K extends string>(
  key: S,
  zh: string,
  en: string,
  aliases: readonly string[],
  columns: readonly ColumnDef<K>[],
): SheetDef<S, K> {
  return { key, zh, en, aliases, columns };
}

const computed = { computed: true } as const;
const required = { required: true } as const;
const timeOptional = { timeOptional: true } as const;

// Columns are listed in the order a new workbook lays them out (SPEC §2 "Layout for people"): ID
// and name first (frozen by setup), then who, when and how it stands, then the detail. Only new
// sheets take this order; an existing sheet keeps its own, since columns are found by header.
// Requests keeps its ⚙ stamps last: a requester's new row is written up to its last filled cell,
// and must not reach the coordinators-only approval time (workbookSetup's protections).

export const SHEETS = {
  requests: sheet(
    'requests',
    '需求申请',
    'Requests',
    ['需求', '需求单', 'Request list'],
    [
      col('id', '需求编号', 'Request ID', 'requestId', { ...computed, aliases: ['编号', 'ID'] }),
      col('title', '需求名称', 'Title', 'text', {
        ...required,
        maxLength: 120,
        aliases: ['需求标题', '名称', 'Request', 'Name'],
        width: 220,
      }),
      col('dept', '需求部门', 'Requesting dept', 'dept', { ...required, aliases: ['发起部门', 'Department', 'Dept'] }),
      col('requester', '发起人', 'Requester', 'person', { ...required, aliases: ['申请人', '提出人'] }),
      col('expected', '期望完成时间', 'Expected by', 'date', {
        ...required,
        aliases: ['期望完成日期', '期望时间', 'Expected date', 'Expected'],
      }),
      col('status', '状态', 'Status', 'enum', { enumeration: 'requestStatus', aliases: ['需求状态'] }),
      col('coordinator', '协作总负责人', 'Coordinator', 'person', { aliases: ['总负责人'] }),
      col('lead', '牵头部门', 'Lead dept', 'dept', { aliases: ['Lead department'] }),
      col('goal', '需求背景与目标', 'Background & goal', 'longText', {
        ...required,
        aliases: ['需求背景', '目标', 'Goal', 'Background and goal'],
      }),
      col('depts', '涉及部门', 'Involved depts', 'depts', { aliases: ['协作部门', 'Involved departments'] }),
      col('contact', '联系方式', 'Contact', 'text', { aliases: ['电话', 'Phone'] }),
      col('resources', '所需资源支持', 'Resources needed', 'longText', {
        aliases: ['所需资源', '资源支持', 'Resources'],
      }),
      col('attachments', '附件', 'Attachments', 'links', { aliases: ['附件链接', 'Links'] }),
      col('review', '审核意见', 'Review notes', 'longText', { aliases: ['审批意见', 'Review'] }),
      col('submitted', '提交时间', 'Submitted at', 'datetime', { ...computed, aliases: ['Submitted'] }),
      col('approved', '立项时间', 'Approved at', 'datetime', { ...computed, aliases: ['Approved on'] }),
      col('closed', '完成时间', 'Closed at', 'datetime', { ...computed, aliases: ['Closed'] }),
    ],
  ),
  tasks: sheet(
    'tasks',
    '任务分工',
    'Tasks',
    ['任务', '任务清单', '任务列表', 'Task list'],
    [
      col('id', '任务编号', 'Task ID', 'taskId', { ...computed, aliases: ['编号', 'ID'] }),
      col('name', '任务名称', 'Task', 'text', {
        ...required,
        aliases: ['任务', '任务内容', 'Task name', 'Name'],
        width: 220,
      }),
      col('owner', '第一责任人', 'Primary owner', 'person', {
        ...required,
        aliases: ['负责人', '责任人', 'Owner'],
        width: 110,
      }),
      col('due', '截止时间', 'Due', 'datetime', {
        ...required,
        ...timeOptional,
        aliases: ['截止日期', '完成时限', 'Due date', 'Deadline'],
        width: 130,
      }),
      col('status', '完成状态', 'Status', 'enum', { enumeration: 'taskStatus', aliases: ['状态', 'Task status'] }),
      col('health', '健康度', 'Health', 'enum', { ...computed, enumeration: 'health' }),
      col('pct', '完成百分比', '% complete', 'percent', {
        ...computed,
        aliases: ['进度', '完成度', 'Progress', 'Percent complete'],
      }),
      col('lastUpdate', '最近更新', 'Last update', 'datetime', { ...computed, aliases: ['更新时间', 'Updated'] }),
      col('dept', '责任部门', 'Responsible dept', 'dept', {
        ...required,
        aliases: ['主导部门', '部门', 'Department', 'Dept'],
      }),
      col('request', '所属需求', 'Request ID', 'requestId', { aliases: ['需求编号', 'Request'] }),
      col('start', '开始时间', 'Start', 'date', { aliases: ['开始日期', 'Start date'] }),
      col('baseline', '原定截止', 'Baseline due', 'datetime', {
        ...computed,
        ...timeOptional,
        aliases: ['原截止时间', 'Baseline'],
      }),
      col('assisting', '协助部门/协作人', 'Assisting', 'personsOrDepts', {
        aliases: ['协助部门', '协作人', 'Assistants'],
      }),
      col('deliverable', '交付成果标准', 'Deliverable standard', 'longText', {
        ...required,
        aliases: ['交付标准', '成果标准', 'Deliverable'],
      }),
      col('description', '任务描述', 'Description', 'longText', { aliases: ['描述', '说明'] }),
      col('dependsOn', '前置任务', 'Depends on', 'taskIds', { aliases: ['依赖任务', 'Dependencies', 'Predecessors'] }),
      col('resources', '资源需求', 'Resources', 'longText', { aliases: ['所需资源'] }),
      col('risk', '风险预案', 'Risk plan', 'longText', { aliases: ['风险', 'Risk'] }),
      col('notes', '备注', 'Notes', 'longText', { aliases: ['Note', 'Remarks'] }),
      // The latest accepted Progress entry's summary and delay reason, written with its % and last
      // update (SPEC §3.7): an L3 quotes them without reading Progress above the scan's mark. Not
      // required: a workbook set up by an earlier version gets them from setup, and until a
      // progress save or a scan fills a row, the scan reads its entry from Progress.
      col('progressSummary', '最新进度', 'Latest progress', 'longText', { ...computed }),
      col('delayReason', '最新滞后原因', 'Latest delay reason', 'longText', { ...computed }),
    ],
  ),
  progress: sheet(
    'progress',
    '进度跟踪',
    'Progress',
    ['进度', '进度记录', 'Progress log'],
    [
      col('task', '任务编号', 'Task ID', 'taskId', { ...required, aliases: ['任务', 'Task'] }),
      col('summary', '当前进度', 'Progress summary', 'longText', {
        ...required,
        aliases: ['进度说明', 'Summary', 'Progress'],
      }),
      col('pct', '完成百分比', '% complete', 'percent', { ...required, aliases: ['完成度', 'Percent complete'] }),
      col('planned', '计划关键节点', 'Planned milestone', 'text', { aliases: ['计划节点', 'Planned'] }),
      col('actual', '实际节点', 'Actual milestone', 'text', { aliases: ['Actual'] }),
      col('delayReason', '滞后原因', 'Delay reason', 'longText', { aliases: ['延误原因', 'Reason for delay'] }),
      col('mitigation', '解决措施/新节点', 'Mitigation / new milestone', 'longText', {
        aliases: ['解决措施', 'Mitigation'],
      }),
      col('owner', '责任人', 'Owner', 'person', { ...computed, aliases: ['负责人'] }),
      col('updatedAt', '更新日期', 'Updated at', 'datetime', { ...computed, aliases: ['更新时间', 'Date'] }),
      col('updatedBy', '更新人', 'Updated by', 'person', { ...computed }),
      col('reviewer', '审核人', 'Reviewer', 'person'),
      col('note', '说明', 'Note', 'longText', { aliases: ['备注', 'Notes'] }),
    ],
  ),
  communications: sheet(
    'communications',
    '沟通记录',
    'Communication log',
    ['沟通', '会议记录', 'Communications', 'Meetings'],
    [
      col('date', '日期', 'Date', 'date', { ...required, aliases: ['会议日期'] }),
      col('ref', '关联需求/任务', 'Request / task', 'ref', { aliases: ['关联编号', 'Reference', 'Ref'] }),
      col('participants', '参与部门/人员', 'Participants', 'personsOrDepts', { aliases: ['参与人员', '参会人员'] }),
      col('topic', '沟通主题', 'Topic', 'text', { ...required, aliases: ['主题', '会议主题'] }),
      col('summary', '讨论内容摘要', 'Summary', 'longText', { aliases: ['内容摘要', '讨论内容'] }),
      col('actions', '行动项', 'Action items', 'longText', { aliases: ['Action item', 'Actions'] }),
      col('actionOwner', '负责人', 'Action owner', 'person', { aliases: ['行动项负责人', 'Owner'] }),
      col('actionDue', '完成时限', 'Action due', 'date', { aliases: ['截止日期', 'Due'] }),
      col('actionStatus', '状态', 'Status', 'enum', {
        enumeration: 'actionStatus',
        aliases: ['行动项状态', 'Action status'],
      }),
    ],
  ),
  acceptance: sheet(
    'acceptance',
    '成果验收',
    'Acceptance',
    ['验收', '验收记录', 'Acceptances'],
    [
      col('deliverable', '成果名称', 'Deliverable', 'text', { ...required, aliases: ['成果', '交付成果'] }),
      col('request', '协作项目', 'Request ID', 'requestId', { aliases: ['需求编号', 'Project', 'Request'] }),
      col('task', '任务编号', 'Task ID', 'taskId', { ...required, aliases: ['任务', 'Task'] }),
      col('lead', '牵头部门', 'Lead dept', 'dept'),
      col('depts', '涉及部门', 'Involved depts', 'depts'),
      col('standard', '验收标准', 'Acceptance standard', 'longText', { ...computed, aliases: ['Standard'] }),
      col('result', '验收结果', 'Result', 'enum', { ...required, enumeration: 'acceptanceResult' }),
      col('reason', '不通过原因', 'Reason for failure', 'longText', { aliases: ['原因', 'Reason'] }),
      col('acceptedBy', '验收人', 'Accepted by', 'person', { aliases: ['Reviewer'] }),
      col('date', '日期', 'Date', 'date', { aliases: ['验收日期'] }),
    ],
  ),
  planChanges: sheet(
    'planChanges',
    '计划变更',
    'Plan changes',
    ['变更', '变更申请', 'Changes'],
    [
      col('task', '任务编号', 'Task ID', 'taskId', { ...required, aliases: ['任务', 'Task'] }),
      col('oldDue', '原截止时间', 'Old due', 'datetime', {
        ...computed,
        ...timeOptional,
        aliases: ['原截止', 'Previous due'],
      }),
      col('newDue', '新截止时间', 'New due', 'datetime', {
        ...required,
        ...timeOptional,
        aliases: ['新截止', 'New due date'],
      }),
      col('reason', '变更原因', 'Reason', 'longText', { ...required, aliases: ['原因'] }),
      col('impact', '影响', 'Impact', 'longText', { aliases: ['影响评估'] }),
      col('requestedBy', '申请人', 'Requested by', 'person', { ...computed }),
      col('requestedAt', '申请时间', 'Requested at', 'datetime', { ...computed }),
      col('status', '状态', 'Status', 'enum', { enumeration: 'changeStatus', aliases: ['审批状态'] }),
      col('decidedBy', '审批人', 'Decided by', 'person'),
      col('decidedAt', '审批时间', 'Decided at', 'datetime', { ...computed }),
    ],
  ),
  settings: sheet(
    'settings',
    '设置',
    'Settings',
    ['配置', 'Config'],
    [
      col('key', '设置项', 'Setting', 'text', { ...required, aliases: ['键', 'Key'], width: 180 }),
      col('value', '值', 'Value', 'text', { aliases: ['取值'], width: 260 }),
      col('description', '说明', 'Description', 'longText', { aliases: ['备注'], width: 360 }),
    ],
  ),
  departments: sheet(
    'departments',
    '部门',
    'Departments',
    ['部门列表', 'Depts'],
    [
      col('name', '部门名称', 'Department', 'text', { ...required, aliases: ['部门', 'Name', 'Dept'] }),
      col('head', '部门负责人', 'Head email', 'email', { aliases: ['负责人邮箱', 'Head'] }),
      col('sponsor', '分管领导', 'Sponsor email', 'email', { aliases: ['分管领导邮箱', 'Sponsor'] }),
      col('liaison', '接口人', 'Liaison', 'person', { aliases: ['联络人'] }),
      // The department's group robot (SPEC §2.7, §3.8); the sheet is coordinators-only, so only they see these.
      col('robot', '群机器人', 'Group robot', 'enum', { enumeration: 'robotPlatform', aliases: ['机器人', 'Robot'] }),
      col('webhook', '机器人地址', 'Webhook', 'text', { aliases: ['Webhook 地址', 'Webhook URL'] }),
      col('secret', '加签密钥', 'Secret', 'text', { aliases: ['密钥', 'Signing secret'] }),
      col('keyword', '关键词', 'Keyword', 'text', { aliases: ['自定义关键词'] }),
    ],
  ),
  people: sheet(
    'people',
    '人员',
    'People',
    ['人员名单', '通讯录', 'Directory'],
    [
      col('name', '姓名', 'Name', 'text', { ...required, aliases: ['名字'] }),
      col('email', '邮箱', 'Email', 'email', { ...required, aliases: ['电子邮箱', 'E-mail', 'Mail'] }),
      col('dept', '部门', 'Department', 'dept', { aliases: ['所属部门', 'Dept'] }),
      // For @mentions in group robots (SPEC §3.8).
      col('mobile', '手机', 'Mobile', 'text', { aliases: ['手机号', 'Phone'] }),
      col('chatId', '即时通讯账号', 'Chat ID', 'text', { aliases: ['userid', 'User ID'] }),
      // While away (dates inclusive) sign-offs and notices go to the delegate (SPEC §2.7).
      col('delegate', '代理人', 'Delegate', 'person', { aliases: ['代理'] }),
      col('awayFrom', '外出开始', 'Away from', 'date', { aliases: ['离开日期'] }),
      col('awayTo', '外出结束', 'Away to', 'date', { aliases: ['返回日期'] }),
    ],
  ),
  // SPEC §2.14: one row per template task, the template's name on each; offsets and durations in working days.
  templates: sheet(
    'templates',
    '协作模板',
    'Templates',
    ['模板库', '协作流程模板', 'Template library'],
    [
      col('template', '模板名称', 'Template', 'text', { ...required, aliases: ['模板'], width: 200 }),
      col('projectType', '项目类型', 'Project type', 'text', { aliases: ['类型'] }),
      col('task', '任务名称', 'Task', 'text', { ...required, aliases: ['任务'], width: 200 }),
      col('dept', '责任部门', 'Responsible dept', 'dept', { ...required, aliases: ['部门'] }),
      col('offset', '开始偏移（工作日）', 'Start offset (working days)', 'number', { ...required, width: 130 }),
      col('duration', '工期（工作日）', 'Duration (working days)', 'number', { ...required, width: 120 }),
      col('deliverable', '交付成果标准', 'Deliverable standard', 'longText', { width: 460 }),
      col('dependsOn', '前置任务', 'Depends on', 'text', { aliases: ['依赖'], width: 320 }),
    ],
  ),
  // SPEC §2.11: one row per answer, a request's rating by its requester or a quarter round's by a head.
  satisfaction: sheet(
    'satisfaction',
    '满意度',
    'Satisfaction',
    ['满意度调研', '满意度评价', 'Ratings'],
    [
      col('kind', '评价类型', 'Kind', 'enum', { ...required, enumeration: 'ratingKind', width: 100 }),
      col('ref', '关联编号', 'Reference', 'ref', { ...required, aliases: ['需求编号/季度', 'Ref'] }),
      col('rater', '评价人', 'Rater', 'person', { ...computed, ...required }),
      col('ratedDept', '被评部门', 'Rated department', 'dept', { aliases: ['被评价部门'] }),
      col('overall', '总体评分', 'Overall', 'number', { aliases: ['总体满意度'], width: 80 }),
      col('clarity', '权责清晰度', 'Clarity of roles', 'number', { width: 90 }),
      col('flow', '流程顺畅度', 'Process flow', 'number', { width: 90 }),
      col('communication', '沟通效率', 'Communication', 'number', { width: 90 }),
      col('comment', '意见', 'Comment', 'longText', { aliases: ['评价意见', '备注'] }),
      col('time', '评价时间', 'Rated at', 'datetime', { ...computed }),
      // ⚙ state kept in the workbook, not on the Notification log (pruned after logRetentionDays):
      // a row asked is never asked again, and a round's unanswered rows say they closed.
      col('state', '评价状态', 'Rating state', 'enum', { ...computed, enumeration: 'ratingState', width: 130 }),
      col('askedAt', '邀请时间', 'Asked at', 'datetime', { ...computed }),
    ],
  ),
  // SPEC §2.12: proposed by retrospectives and low ratings; a coordinator keeps or discards each.
  cases: sheet(
    'cases',
    '问题案例库',
    'Case library',
    ['案例库', '问题案例', 'Cases'],
    [
      col('id', '案例编号', 'Case ID', 'text', { ...computed, aliases: ['编号', 'ID'], width: 120 }),
      col('problem', '问题描述', 'Problem', 'longText', { ...required, aliases: ['问题'] }),
      col('rootCause', '根本原因', 'Root cause', 'longText', { aliases: ['原因'] }),
      col('category', '类别', 'Category', 'enum', { enumeration: 'caseCategory', width: 80 }),
      col('countermeasure', '解决措施', 'Countermeasure', 'longText', { aliases: ['措施', '改进措施'] }),
      col('depts', '涉及部门', 'Departments', 'depts', { aliases: ['部门'] }),
      col('links', '关联编号', 'Linked IDs', 'text', { aliases: ['关联', 'Links'], width: 180 }),
      col('tags', '标签', 'Tags', 'text'),
      col('status', '状态', 'Status', 'enum', { enumeration: 'caseStatus', width: 90 }),
      col('addedBy', '提出人', 'Added by', 'person', { ...computed }),
      col('time', '提出时间', 'Added at', 'datetime', { ...computed }),
      // What proposed the case (a delayed task, an acceptance failure, an L3 episode, a rating): a case is proposed once per source.
      col('source', '来源', 'Source', 'text', { ...computed, width: 160 }),
    ],
  ),
  // SPEC §2.13: anyone files one; a coordinator decides; adopted ones are watched like tasks.
  suggestions: sheet(
    'suggestions',
    '改进建议',
    'Suggestions',
    ['优化建议', '建议', 'Improvement suggestions'],
    [
      col('id', '建议编号', 'Suggestion ID', 'text', { ...computed, aliases: ['编号', 'ID'], width: 120 }),
      col('title', '建议标题', 'Title', 'text', { ...required, aliases: ['标题'], width: 220 }),
      col('detail', '建议内容', 'Detail', 'longText', { aliases: ['内容', '详细说明'] }),
      col('dept', '部门', 'Department', 'dept', { aliases: ['相关部门'] }),
      col('proposer', '提出人', 'Proposed by', 'person', { ...computed }),
      col('status', '状态', 'Status', 'enum', { enumeration: 'suggestionStatus', width: 90 }),
      col('owner', '负责人', 'Owner', 'person', { aliases: ['实施负责人'] }),
      col('due', '完成时限', 'Due', 'date', { aliases: ['截止日期'] }),
      col('decisionNote', '评估意见', 'Decision note', 'longText', { aliases: ['处理意见'] }),
      col('time', '提出时间', 'Proposed at', 'datetime', { ...computed }),
    ],
  ),
  notificationLog: sheet(
    'notificationLog',
    '通知记录',
    'Notification log',
    ['通知日志', 'Notifications'],
    [
      // Every column required: a sheet is adopted as the log only when its headers hold all of them.
      col('time', '时间', 'Time', 'datetime', { ...computed, ...required }),
      col('rule', '规则', 'Rule', 'text', { ...computed, ...required }),
      col('level', '级别', 'Level', 'text', { ...computed, ...required, width: 60 }),
      col('item', '事项', 'Item', 'ref', { ...computed, ...required }),
      col('recipients', '收件人', 'Recipients', 'emails', { ...computed, ...required }),
      col('status', '状态', 'Status', 'enum', { ...computed, ...required, enumeration: 'notificationStatus' }),
      col('key', '去重键', 'Key', 'text', { ...computed, ...required, width: 120 }),
      // A row per message (SPEC §3.5); a log written before these columns gets them added, and
      // its per-notice rows are read as they were.
      col('id', '消息编号', 'Message ID', 'text', { ...computed, width: 110 }),
      col('channel', '渠道', 'Channel', 'enum', { ...computed, enumeration: 'channel', width: 60 }),
      col('recordedAt', '记录时间', 'Recorded at', 'datetime', { ...computed }),
      col('attempts', '失败次数', 'Failed sends', 'number', { ...computed, width: 70 }),
      // What a person reads (the digest's subject) where the key column is the ledger's; last, so
      // the columns earlier logs and readers count on stay where they were.
      col('about', '内容', 'About', 'text', { ...computed, width: 320 }),
    ],
  ),
  signOffs: sheet(
    'signOffs',
    '签批记录',
    'Sign-offs',
    ['会签', '会签记录', 'Sign-off log'],
    [
      col('subject', '签批事项', 'Subject', 'enum', { ...computed, ...required, enumeration: 'signOffSubject' }),
      col('ref', '关联编号', 'Reference', 'ref', { ...computed, ...required }),
      col('signer', '签批人', 'Signer', 'email', { ...computed, ...required }),
      col('onBehalfOf', '代签', 'Signed on behalf by', 'email', { ...computed }),
      col('decision', '意见', 'Decision', 'enum', { ...required, enumeration: 'signOffDecision' }),
      col('comment', '说明', 'Comment', 'longText'),
      col('decidedAt', '签批时间', 'Decided at', 'datetime', { ...computed }),
      col('requestedAt', '发起时间', 'Requested at', 'datetime', { ...computed, ...required }),
    ],
  ),
  changeHistory: sheet(
    'changeHistory',
    '变更记录',
    'Change history',
    ['修改记录', 'History'],
    [
      // Every column required: a sheet is adopted as the history only when its headers hold all of them.
      col('time', '时间', 'Time', 'datetime', { ...computed, ...required }),
      col('sheet', '工作表', 'Sheet', 'text', { ...computed, ...required }),
      col('item', '事项', 'Item', 'ref', { ...computed, ...required }),
      col('field', '字段', 'Field', 'text', { ...computed, ...required }),
      col('oldValue', '原值', 'Old value', 'text', { ...computed, ...required }),
      col('newValue', '新值', 'New value', 'text', { ...computed, ...required }),
      col('by', '修改人', 'By', 'text', { ...computed, ...required }),
      col('via', '方式', 'Via', 'text', { ...computed, ...required }),
      // The client token of the sidebar save that wrote the row, written in the same batch as its data
      // (SPEC §3.4): a retry after a failure whose write had landed finds it and writes nothing.
      // Not required: a history set up by an earlier version gets it from setup.
      col('save', '提交编号', 'Submission', 'text', { ...computed, width: 110 }),
    ],
  ),
} as const;

export type SheetKey = keyof typeof SHEETS;
export type ColumnKey<S extends SheetKey> = (typeof SHEETS)[S]['columns'][number]['key'];

/** Sheets in the order setup creates them (data first, then reference and log sheets). */
export const SHEET_ORDER: readonly SheetKey[] = [
  'requests',
  'tasks',
  'progress',
  'communications',
  'acceptance',
  'planChanges',
  'settings',
  'departments',
  'people',
  'templates',
  'satisfaction',
  'cases',
  'suggestions',
  'notificationLog',
  'signOffs',
  'changeHistory',
];

/** The sheets people work in; without one of them part of the work is neither checked nor monitored. */
export const DATA_SHEETS: readonly SheetKey[] = [
  'requests',
  'tasks',
  'progress',
  'communications',
  'acceptance',
  'planChanges',
];

export function sheetDef<S extends SheetKey>(key: S): SheetDef<S, ColumnKey<S>> {
  return SHEETS[key] as unknown as SheetDef<S, ColumnKey<S>>;
}

export function columnDef<S extends SheetKey>(sheetKey: S, column: ColumnKey<S>): ColumnDef<ColumnKey<S>> {
  const found = sheetDef(sheetKey).columns.find((c) => c.key === column);
  if (!found) throw new Error(`Unknown column ${sheetKey}.${column}`);
  return found;
}

export function sheetTitle(key: SheetKey, locale: Locale): string {
  return locale === 'en' ? SHEETS[key].en : SHEETS[key].zh;
}

/** The header setup writes: the title in the workbook language, ⚙ on computed columns. */
export function headerText(column: ColumnDef, locale: Locale): string {
  const title = locale === 'en' ? column.en : column.zh;
  return column.computed ? `${title} ⚙` : title;
}

export function columnLabel(column: ColumnDef, locale: Locale): string {
  return locale === 'en' ? column.en : column.zh;
}

/**
 * Maps column keys to 0-based positions in a header row. An exact zh/en title wins over an
 * alias (Tasks has both "任务编号" and the alias "编号"), and each header cell serves one column.
 */
export function mapHeaders<K extends string>(
  def: SheetDef<string, K>,
  headers: readonly unknown[],
): Partial<Record<K, number>> {
  const result: Partial<Record<K, number>> = {};
  const used = new Set<number>();
  const normalized = headers.map((h) => (typeof h === 'string' ? normalizeLabel(h) : ''));
  const pass = (labels: (c: ColumnDef<K>) => readonly string[]) => {
    for (const column of def.columns) {
      if (result[column.key] !== undefined) continue;
      const wanted = labels(column).map(normalizeLabel);
      const index = normalized.findIndex((h, i) => h !== '' && !used.has(i) && wanted.includes(h));
      if (index >= 0) {
        result[column.key] = index;
        used.add(index);
      }
    }
  };
  pass((c) => [c.zh, c.en]);
  pass((c) => c.aliases);
  return result;
}

/** Whether a sheet title names this sheet (either language or an alias). */
export function titleMatches(def: SheetDef, title: string): boolean {
  const wanted = normalizeLabel(title);
  return [def.zh, def.en, ...def.aliases].some((l) => normalizeLabel(l) === wanted);
}
