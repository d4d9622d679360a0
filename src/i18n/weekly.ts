import type { Text } from './index';

/** Strings of the weekly summary's headline, its task-once sections and each head's department part (SPEC §2.8). */
export const weeklyText = {
  summaryHeadline: {
    'zh-CN':
      '需要关注 {attention} 项任务（逾期 {overdue} · 滞后 {lagging} · 未更新 {stale}）· 本周完成 {completed} 项 · 下周到期 {dueNext} 项 · 待审核需求 {pending} 个',
    en: '{attention} tasks need attention ({overdue} overdue · {lagging} lagging · {stale} stale) · completed {completed} · due next week {dueNext} · requests pending {pending}',
  },
  summaryAttention: { 'zh-CN': '需要关注的任务', en: 'Tasks needing attention' },
  summaryFlags: { 'zh-CN': '情况', en: 'What is wrong' },
  summaryFlagOverdue: { 'zh-CN': '逾期 {days} 个工作日', en: '{days} working days overdue' },
  summaryFlagLagging: {
    'zh-CN': '滞后（完成 {pct}%，按计划应达 {planned}%）',
    en: 'lagging ({pct}% done, {planned}% planned)',
  },
  summaryFlagStale: { 'zh-CN': '未更新（最近 {at}）', en: 'stale (last update {at})' },
  summaryFlagBlocked: { 'zh-CN': '受阻', en: 'blocked' },
  summaryFlagSeparator: { 'zh-CN': '；', en: '; ' },
  /** A request, task or action item by its name, its ID after it (small in the mail). */
  summaryNamed: { 'zh-CN': '{name}（{id}）', en: '{name} ({id})' },
  summaryColTask: { 'zh-CN': '任务', en: 'Task' },
  summaryColRequest: { 'zh-CN': '需求', en: 'Request' },
  summaryColAction: { 'zh-CN': '行动项', en: 'Action item' },
  summaryColAbout: { 'zh-CN': '关于', en: 'About' },
  summaryColLevel: { 'zh-CN': '级别', en: 'Level' },
  summaryColItemCount: { 'zh-CN': '事项数', en: 'Items' },
  summaryColItems: { 'zh-CN': '事项', en: 'What about' },
  summaryEscalationsSent: { 'zh-CN': '本周发出的提醒、预警与升级', en: 'Reminders, warnings and escalations sent' },
  summaryEscalationItem: { 'zh-CN': '{name}（{rule}）', en: '{name} ({rule})' },
  summaryYourDepartment: { 'zh-CN': '您的部门：{dept}', en: 'Your department: {dept}' },
  summaryCompanyWide: { 'zh-CN': '全公司', en: 'Company-wide' },
  summaryWaitingOnYou: { 'zh-CN': '待您签批', en: 'Sign-offs waiting on you' },
  summaryColSignOff: { 'zh-CN': '签批事项', en: 'Sign-off' },
  summaryColRequestedAt: { 'zh-CN': '发起时间', en: 'Requested' },
  summaryColWaitingDays: { 'zh-CN': '已等待（工作日）', en: 'Working days waiting' },
  summaryMailAlreadyTold: {
    'zh-CN': '本周已发送过周报的 {count} 人不再重复发送：{recipients}。',
    en: 'Not emailed again to the {count} people who already had this week’s summary: {recipients}.',
  },
} satisfies Record<string, Text>;
