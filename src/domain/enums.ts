/**
 * Enumerated values (SPEC §2): statuses, results, decisions and the like, stored in the workbook's
 * language; code works with their stable codes and reads either language (or an alias).
 */
import type { Locale } from '../i18n/index';

export interface EnumValue {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly aliases?: readonly string[];
}

function values<const V extends readonly EnumValue[]>(list: V): V {
  return list;
}

export const ENUMS = {
  requestStatus: values([
    { code: 'pending', zh: '待审核', en: 'Pending review', aliases: ['pending', '审核中'] },
    { code: 'changes', zh: '待修改', en: 'Needs changes', aliases: ['returned', '退回'] },
    { code: 'approved', zh: '已立项', en: 'Approved', aliases: ['立项'] },
    // The split is with the responsible heads for sign-off (SPEC §2.9), then under way.
    { code: 'signOff', zh: '待会签', en: 'Awaiting sign-off', aliases: ['会签中'] },
    { code: 'executing', zh: '执行中', en: 'In execution', aliases: ['执行'] },
    { code: 'rejected', zh: '已驳回', en: 'Rejected', aliases: ['驳回'] },
    { code: 'done', zh: '已完成', en: 'Done', aliases: ['completed', '完成'] },
    { code: 'archived', zh: '已归档', en: 'Archived', aliases: ['归档'] },
  ]),
  taskStatus: values([
    { code: 'notStarted', zh: '未开始', en: 'Not started', aliases: ['todo', 'to do'] },
    { code: 'inProgress', zh: '进行中', en: 'In progress', aliases: ['doing', 'ongoing'] },
    { code: 'blocked', zh: '阻塞', en: 'Blocked', aliases: ['受阻'] },
    { code: 'awaitingAcceptance', zh: '待验收', en: 'Awaiting acceptance', aliases: ['in review'] },
    { code: 'done', zh: '已完成', en: 'Done', aliases: ['completed', '完成'] },
    { code: 'cancelled', zh: '已取消', en: 'Cancelled', aliases: ['canceled', '取消'] },
  ]),
  health: values([
    { code: 'onTrack', zh: '正常', en: 'On track' },
    { code: 'dueSoon', zh: '即将到期', en: 'Due soon' },
    { code: 'lagging', zh: '滞后', en: 'Lagging' },
    { code: 'stale', zh: '未更新', en: 'Stale' },
    { code: 'overdue', zh: '逾期', en: 'Overdue' },
    { code: 'blocked', zh: '阻塞', en: 'Blocked' },
    { code: 'done', zh: '已完成', en: 'Done' },
  ]),
  actionStatus: values([
    { code: 'open', zh: '未完成', en: 'Open' },
    { code: 'done', zh: '已完成', en: 'Done', aliases: ['完成', 'closed'] },
  ]),
  acceptanceResult: values([
    { code: 'pass', zh: '通过', en: 'Pass', aliases: ['passed', '合格'] },
    { code: 'fail', zh: '不通过', en: 'Fail', aliases: ['failed', '不合格'] },
  ]),
  changeStatus: values([
    { code: 'pending', zh: '待批', en: 'Pending', aliases: ['待审批'] },
    { code: 'approved', zh: '批准', en: 'Approved', aliases: ['已批准'] },
    { code: 'rejected', zh: '驳回', en: 'Rejected', aliases: ['已驳回'] },
  ]),
  signOffSubject: values([
    { code: 'split', zh: '任务分工', en: 'Task split', aliases: ['split', '分工'] },
    { code: 'change', zh: '计划变更', en: 'Plan change', aliases: ['change', '变更'] },
    { code: 'acceptance', zh: '成果验收', en: 'Acceptance', aliases: ['acceptance', '验收'] },
  ]),
  signOffDecision: values([
    { code: 'pending', zh: '待签', en: 'Pending', aliases: ['待签批'] },
    { code: 'agree', zh: '同意', en: 'Agree', aliases: ['agreed', '通过'] },
    { code: 'return', zh: '退回', en: 'Return', aliases: ['returned'] },
    // A pending row of a round that a Return ended: nobody signs it any more (SPEC §2.9).
    { code: 'superseded', zh: '已作废', en: 'Superseded' },
  ]),
  notificationStatus: values([
    { code: 'sent', zh: '已发送', en: 'sent' },
    { code: 'queued', zh: '排队中', en: 'queued' },
    // A send that failed (not for quota): retried by later ticks, backing off.
    { code: 'retry', zh: '待重试', en: 'retrying' },
    { code: 'sending', zh: '发送中', en: 'sending' },
    { code: 'unconfirmed', zh: '未确认', en: 'unconfirmed' },
    { code: 'dry-run', zh: '演练', en: 'dry-run' },
    { code: 'failed', zh: '失败', en: 'failed' },
    // A waiting message none of whose notices still holds: nothing left to send.
    { code: 'superseded', zh: '已作废', en: 'superseded' },
  ]),
  channel: values([
    { code: 'email', zh: '邮件', en: 'email' },
    { code: 'wecom', zh: '企业微信', en: 'WeCom' },
    { code: 'dingtalk', zh: '钉钉', en: 'DingTalk' },
    { code: 'feishu', zh: '飞书', en: 'Feishu' },
    { code: 'googleChat', zh: 'Google Chat', en: 'Google Chat' },
  ]),
  // A department's (or the coordinators') group robot, SPEC §2.7.
  robotPlatform: values([
    { code: 'wecom', zh: '企业微信', en: 'WeCom', aliases: ['企微', 'WeChat Work', 'wxwork'] },
    { code: 'dingtalk', zh: '钉钉', en: 'DingTalk', aliases: ['ding'] },
    { code: 'feishu', zh: '飞书', en: 'Feishu', aliases: ['Lark', '飞书/Lark'] },
    { code: 'googleChat', zh: 'Google Chat', en: 'Google Chat', aliases: ['Chat', 'Hangouts Chat'] },
  ]),
  // SPEC §2.11: a request rated by its requester, or a department rated in a quarter's round.
  ratingKind: values([
    { code: 'request', zh: '需求评价', en: 'Request', aliases: ['需求'] },
    { code: 'quarter', zh: '季度调研', en: 'Quarter', aliases: ['季度'] },
  ]),
  // Where a 满意度 row stands: asked and waiting, answered, or its round closed before an answer.
  ratingState: values([
    { code: 'waiting', zh: '待评价', en: 'Awaiting rating' },
    { code: 'rated', zh: '已评价', en: 'Rated' },
    { code: 'closed', zh: '已截止（未评价）', en: 'Closed (not rated)', aliases: ['已截止', 'Closed'] },
  ]),
  caseCategory: values([
    { code: 'roles', zh: '权责', en: 'Roles', aliases: ['权责不清'] },
    { code: 'process', zh: '流程', en: 'Process' },
    { code: 'communication', zh: '沟通', en: 'Communication' },
    { code: 'resources', zh: '资源', en: 'Resources' },
    { code: 'external', zh: '外部', en: 'External' },
    { code: 'other', zh: '其他', en: 'Other' },
  ]),
  caseStatus: values([
    { code: 'proposed', zh: '待确认', en: 'Proposed' },
    { code: 'kept', zh: '保留', en: 'Kept', aliases: ['已保留'] },
    { code: 'discarded', zh: '弃用', en: 'Discarded', aliases: ['已弃用'] },
  ]),
  suggestionStatus: values([
    { code: 'proposed', zh: '提出', en: 'Proposed', aliases: ['已提出'] },
    { code: 'evaluating', zh: '评估中', en: 'Evaluating' },
    { code: 'adopted', zh: '采纳', en: 'Adopted', aliases: ['已采纳'] },
    { code: 'declined', zh: '不采纳', en: 'Declined' },
    { code: 'inProgress', zh: '实施中', en: 'In progress' },
    { code: 'closed', zh: '已关闭', en: 'Closed', aliases: ['关闭'] },
  ]),
  // What a Notification log row's message is (its rule column); rows of an earlier version hold a notice's rule.
  messageKind: values([
    { code: 'digest', zh: '提醒摘要', en: 'digest' },
    { code: 'weeklySummary', zh: '周报', en: 'weekly summary' },
    { code: 'automationStopped', zh: '自动化已停止', en: 'automation stopped' },
    { code: 'deliveryFailed', zh: '送达失败', en: 'delivery failed' },
    { code: 'robotBroken', zh: '群机器人失效', en: 'group robot broken' },
    { code: 'nudge', zh: '催办', en: 'nudge' },
  ]),
} as const;

export type EnumKey = keyof typeof ENUMS;
export type EnumCode<E extends EnumKey> = (typeof ENUMS)[E][number]['code'];
export type RequestStatus = EnumCode<'requestStatus'>;
export type TaskStatus = EnumCode<'taskStatus'>;
export type Health = EnumCode<'health'>;
export type ActionStatus = EnumCode<'actionStatus'>;
export type AcceptanceResult = EnumCode<'acceptanceResult'>;
export type ChangeStatus = EnumCode<'changeStatus'>;
export type NotificationStatus = EnumCode<'notificationStatus'>;
export type MessageKind = EnumCode<'messageKind'>;
export type Channel = EnumCode<'channel'>;
export type SignOffSubject = EnumCode<'signOffSubject'>;
export type SignOffDecision = EnumCode<'signOffDecision'>;
export type RatingKind = EnumCode<'ratingKind'>;
export type RatingState = EnumCode<'ratingState'>;
export type CaseCategory = EnumCode<'caseCategory'>;
export type CaseStatus = EnumCode<'caseStatus'>;
export type SuggestionStatus = EnumCode<'suggestionStatus'>;

/** What normalizeLabel may change besides case; most names, emails and IDs hold none of it. */
const FOLDED = /[\s（）*⚙]/;

/** Header and value comparison: trimmed, case-insensitive, full-width spaces and brackets folded. */
export function normalizeLabel(text: string): string {
  if (!FOLDED.test(text)) return text.toLowerCase();
  return text
    .replace(/\u3000/g, ' ')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .trim()
    .replace(/\s*(\*|\(⚙\)|⚙)\s*$/u, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/** The stable code for a value typed in either language (or an alias); undefined if unknown. */
export function parseEnum<E extends EnumKey>(kind: E, value: unknown): EnumCode<E> | undefined {
  if (typeof value !== 'string') return undefined;
  const wanted = normalizeLabel(value);
  if (wanted === '') return undefined;
  const list: readonly EnumValue[] = ENUMS[kind];
  const hit = list.find((v) =>
    [v.code, v.zh, v.en, ...(v.aliases ?? [])].some((label) => normalizeLabel(label) === wanted),
  );
  return hit?.code as EnumCode<E> | undefined;
}

export function enumLabel<E extends EnumKey>(kind: E, code: EnumCode<E>, locale: Locale): string {
  const list: readonly EnumValue[] = ENUMS[kind];
  const hit = list.find((v) => v.code === code);
  if (!hit) throw new Error(`Unknown ${kind} code: ${code}`);
  return locale === 'en' ? hit.en : hit.zh;
}

/** Every label (both languages) of the given codes: for formulas that must match either. */
export function enumLabels<E extends EnumKey>(kind: E, codes: readonly EnumCode<E>[]): string[] {
  const list: readonly EnumValue[] = ENUMS[kind];
  const wanted: readonly string[] = codes;
  return list.filter((v) => wanted.includes(v.code)).flatMap((v) => [...new Set([v.zh, v.en])]);
}
