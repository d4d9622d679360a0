import type { Text } from './index';

/** Strings of the sidebar page and of the answers its forms get (field errors, outcomes). */
export const sidebarText = {
  sidebarSelectTask: {
    'zh-CN': '在「任务分工」表（或进度、验收、变更表）中选中一行即可查看该任务；选中「需求申请」中的一行可查看该需求。',
    en: 'Select a row in Tasks (or Progress, Acceptance, Plan changes) to see that task, or a row in Requests to see that request.',
  },
  sidebarUnknownTask: {
    'zh-CN': '任务分工表中没有任务 {id}。',
    en: 'The Tasks sheet has no task {id}.',
  },
  sidebarLatestProgress: { 'zh-CN': '最新进度', en: 'Latest progress' },
  sidebarNoProgress: { 'zh-CN': '尚无进度记录。', en: 'No progress posted yet.' },
  sidebarSubmit: { 'zh-CN': '提交', en: 'Submit' },
  sidebarSubmitting: { 'zh-CN': '提交中…', en: 'Submitting…' },
  sidebarNeedsTask: { 'zh-CN': '请先选中一个任务行。', en: 'Select a task row first.' },
  sidebarForTask: { 'zh-CN': '任务：{id} {name}', en: 'Task: {id} {name}' },
  sidebarFixFields: { 'zh-CN': '请修改标出的字段，未保存任何内容。', en: 'Fix the marked fields; nothing was saved.' },
  sidebarServerError: { 'zh-CN': '出错了：{message}', en: 'Something went wrong: {message}' },

  sidebarFormProgress: { 'zh-CN': '更新进度', en: 'Post progress' },
  sidebarFormCommunication: { 'zh-CN': '沟通记录', en: 'Log a communication' },
  sidebarFormAcceptance: { 'zh-CN': '成果验收', en: 'Accept or reject' },
  sidebarFormPlanChange: { 'zh-CN': '计划变更', en: 'Plan change' },
  sidebarFormRequest: { 'zh-CN': '新建需求', en: 'New request' },
  sidebarFormNudge: { 'zh-CN': '催办', en: 'Nudge' },
  sidebarNudgeWords: { 'zh-CN': '催办留言', en: 'Your message' },
  sidebarNudgeButton: { 'zh-CN': '催办负责人', en: 'Nudge the owner' },

  sidebarConfirmPass: {
    'zh-CN': '确认：该任务尚未提交验收，仍按通过记录',
    en: 'Confirm: the task was not submitted for acceptance; record Pass anyway',
  },

  sidebarCommunicationLogged: { 'zh-CN': '沟通记录“{topic}”已保存。', en: 'Logged "{topic}".' },

  sidebarSignOffsTitle: { 'zh-CN': '待您签批', en: 'Waiting for your sign-off' },
  sidebarAgree: { 'zh-CN': '同意', en: 'Agree' },
  sidebarReturn: { 'zh-CN': '退回', en: 'Return' },
  sidebarComment: { 'zh-CN': '说明（退回时必填）', en: 'Comment (required to return)' },
  sidebarOnBehalfOf: { 'zh-CN': '代 {signer} 签批（外出中）', en: 'On behalf of {signer} (away)' },
  sidebarSignOffDue: { 'zh-CN': '截止时间', en: 'Due date' },
  sidebarSignOffReason: { 'zh-CN': '变更原因', en: 'Reason' },
  sidebarSignOffImpact: { 'zh-CN': '影响', en: 'Impact' },
  sidebarSignOffRequestedBy: { 'zh-CN': '申请人', en: 'Requested by' },
  sidebarSignOffDeliverable: { 'zh-CN': '成果', en: 'Deliverable' },
  sidebarSignOffStandard: { 'zh-CN': '验收标准', en: 'Standard' },
  sidebarSignOffResult: { 'zh-CN': '验收结果', en: 'Result' },
  sidebarSignOffTasks: { 'zh-CN': '分工（{n} 项任务）', en: 'Split ({n} tasks)' },
  sidebarSignOffTaskLine: { 'zh-CN': '{dept} · {owner} · 截止 {due}', en: '{dept} · {owner} · due {due}' },
  sidebarSignOffStandardLine: { 'zh-CN': '交付标准：{deliverable}', en: 'Standard: {deliverable}' },
  sidebarHistory: { 'zh-CN': '最近变更', en: 'Recent changes' },
  sidebarHistoryChanged: {
    'zh-CN': '{by} 将{field}由「{oldValue}」改为「{newValue}」',
    en: '{by} changed {field} from "{oldValue}" to "{newValue}"',
  },
  sidebarHistoryNudged: { 'zh-CN': '{by} 催办：「{newValue}」', en: '{by} nudged: "{newValue}"' },
  sidebarHistorySet: { 'zh-CN': '{by} 将{field}设为「{newValue}」', en: '{by} set {field} to "{newValue}"' },
  sidebarHistoryAgreed: { 'zh-CN': '{by} 同意了签批', en: '{by} agreed to the sign-off' },
  sidebarHistoryReturned: { 'zh-CN': '{by} 退回了签批', en: '{by} returned the sign-off' },

  sidebarFieldInvalid: { 'zh-CN': '格式不正确。', en: 'Not a valid value.' },
  sidebarFieldTooLong: { 'zh-CN': '最多 {max} 个字符。', en: 'At most {max} characters.' },
} satisfies Record<string, Text>;
