import type { Text } from './index';

/** Strings of the generated sheets (SPEC §2.8): weekly summary, dashboard, retrospective, archive. */
export const reportText = {
  reportNone: { 'zh-CN': '（无）', en: '(none)' },
  reportGenerated: { 'zh-CN': '生成于 {at}', en: 'Generated {at}' },

  // Weekly summary
  summaryTitle: { 'zh-CN': '周报 {week}', en: 'Weekly {week}' },
  foldedSummariesSheet: { 'zh-CN': '周报汇总', en: 'Weekly summaries (folded)' },
  foldedSummaryTitle: { 'zh-CN': '周报', en: 'Summary' },
  foldedSummaryPeriod: { 'zh-CN': '周期', en: 'Period' },
  foldedSummaryHeadline: { 'zh-CN': '概要', en: 'Headline' },
  summaryPeriod: { 'zh-CN': '{from} 至 {to}', en: '{from} to {to}' },
  summaryCompleted: { 'zh-CN': '本周完成的任务', en: 'Completed this week' },
  summaryProgress: { 'zh-CN': '本周进度更新', en: 'Progress posted this week' },
  summaryDueNext: { 'zh-CN': '下周到期的任务', en: 'Due next week' },
  summaryNewRequests: { 'zh-CN': '本周新提交的需求', en: 'New requests this week' },
  summaryPendingRequests: { 'zh-CN': '待审核 / 待修改的需求', en: 'Requests pending review or changes' },
  summaryOpenActions: { 'zh-CN': '未完成的行动项', en: 'Open action items' },
  colCompletedOn: { 'zh-CN': '完成日期', en: 'Completed on' },
  colDaysOverdue: { 'zh-CN': '逾期（工作日）', en: 'Working days overdue' },
  colEntriesThisWeek: { 'zh-CN': '本周更新次数', en: 'Entries this week' },
  colPctChange: { 'zh-CN': '进度变化', en: '% from → to' },
  colLatestSummary: { 'zh-CN': '最新进度说明', en: 'Latest summary' },
  colLatestDelayReason: { 'zh-CN': '最新延期原因', en: 'Latest delay reason' },
  colLastUpdateBy: { 'zh-CN': '最近更新 · 更新人', en: 'Last update · by' },
  summaryEmailMore: {
    'zh-CN': '……另有 {count} 行，见工作表「{sheet}」',
    en: '… and {count} more — see the sheet "{sheet}"',
  },
  summaryEmailSubject: {
    'zh-CN': '[协作周报] {week}：需要关注 {attention} 项 · 完成 {completed} 项',
    en: '[Weekly summary] {week}: {attention} need attention · {completed} completed',
  },
  summaryEmailIntro: {
    'zh-CN': '以下是 {week}（{period}）的跨部门协作周报。',
    en: 'Here is the collaboration summary for {week} ({period}).',
  },
  summaryEmailOpen: { 'zh-CN': '在表格中查看', en: 'Open in the spreadsheet' },
  summaryAskEmail: {
    'zh-CN': '即将生成「{sheet}」。要同时用邮件发给协作总负责人和各部门负责人（{count} 人）吗？',
    en: 'About to generate "{sheet}". Email it to the coordinators and department heads ({count} people) too?',
  },
  summaryDone: { 'zh-CN': '已生成「{sheet}」。', en: '"{sheet}" is ready.' },
  summaryMailSent: { 'zh-CN': '周报邮件已发送给 {count} 人。', en: 'The summary was emailed to {count} people.' },
  summaryMailDryRun: {
    'zh-CN': '试运行模式：未发送邮件（本应发送给 {count} 人：{recipients}）。',
    en: 'Dry-run mode: no email sent (it would go to {count} people: {recipients}).',
  },
  summaryMailQueued: {
    'zh-CN':
      '{count} 人的周报邮件未能发出（邮件配额用完或发送失败），已排队，由自动提醒在下一小时起补发：{recipients}。',
    en: 'The summary could not be emailed to {count} people (mail quota used up or sending failed); it is queued and the hourly automation sends it from the next hour: {recipients}.',
  },
  summaryMailQueuedNoAutomation: {
    'zh-CN':
      '{count} 人的周报邮件未能发出（邮件配额用完或发送失败），已排队；自动提醒未开启，请开启自动提醒或明天再生成一次：{recipients}。',
    en: 'The summary could not be emailed to {count} people (mail quota used up or sending failed); it is queued, but automation is off: turn it on, or generate the summary again tomorrow: {recipients}.',
  },

  // Dashboard
  dashboardSheet: { 'zh-CN': '看板', en: 'Dashboard' },
  dashboardTitle: { 'zh-CN': '协作看板', en: 'Collaboration dashboard' },
  dashboardNote: {
    'zh-CN': '刷新于 {at}。数字是实时公式，打开即为最新；增加部门或大量任务后请再次刷新。',
    en: 'Refreshed {at}. Numbers are live formulas, current whenever opened; refresh again after adding departments or many tasks.',
  },
  dashRequests: { 'zh-CN': '需求状态', en: 'Requests by status' },
  dashCount: { 'zh-CN': '数量', en: 'Count' },
  dashTasks: { 'zh-CN': '任务', en: 'Tasks' },
  dashTotal: { 'zh-CN': '任务总数', en: 'Total' },
  dashOnTimeRate: { 'zh-CN': '按期完成率', en: 'On-time completion rate' },
  dashDepartments: { 'zh-CN': '各部门', en: 'By department' },
  dashOpen: { 'zh-CN': '未完成', en: 'Open' },
  dashOverdue: { 'zh-CN': '逾期', en: 'Overdue' },
  dashAvgDelay: { 'zh-CN': '平均逾期（工作日）', en: 'Avg. working days overdue' },
  dashTopOverdue: { 'zh-CN': '逾期最久的 10 项任务', en: 'The 10 most overdue tasks' },
  dashHelper: { 'zh-CN': '计算辅助列（请勿编辑）', en: 'Helper columns (do not edit)' },
  dashHolidays: { 'zh-CN': '节假日', en: 'Holidays' },
  dashWorkdaySwaps: { 'zh-CN': '调休上班日', en: 'Make-up workdays' },
  dashboardDone: { 'zh-CN': '「{sheet}」已刷新。', en: '"{sheet}" is refreshed.' },

  // Retrospective
  retroTitle: { 'zh-CN': '复盘 {id}', en: 'Retrospective {id}' },
  retroOverview: { 'zh-CN': '概况', en: 'Overview' },
  retroItem: { 'zh-CN': '项目', en: 'Item' },
  retroValue: { 'zh-CN': '内容', en: 'Value' },
  retroTaskCount: { 'zh-CN': '任务数', en: 'Tasks' },
  retroOnTimeCount: { 'zh-CN': '按原定截止完成', en: 'Finished by the baseline due date' },
  retroDelayedCount: { 'zh-CN': '延误完成', en: 'Finished late' },
  retroCommunicationCount: { 'zh-CN': '沟通次数', en: 'Communications' },
  retroFailureCount: { 'zh-CN': '验收未通过次数', en: 'Failed acceptances' },
  retroPlanVsActual: { 'zh-CN': '计划与实际', en: 'Planned vs actual' },
  retroFinalDue: { 'zh-CN': '最终截止', en: 'Final due' },
  retroDelayDays: { 'zh-CN': '延误（工作日）', en: 'Delay (working days)' },
  retroDelays: { 'zh-CN': '延误及原因', en: 'Delays and their reasons' },
  retroFailures: { 'zh-CN': '验收未通过', en: 'Acceptance failures' },
  retroCommunications: { 'zh-CN': '沟通记录', en: 'Communications' },
  retroWentWell: { 'zh-CN': '做得好的地方', en: 'What went well' },
  retroImprove: { 'zh-CN': '需要改进的地方', en: 'What to improve' },
  retroSuggestions: { 'zh-CN': '建议', en: 'Suggestions' },
  retroPrompt: {
    'zh-CN': '为哪个已完成的需求生成复盘？请输入需求编号（如 XQ202407001）：',
    en: 'Which finished request should the retrospective cover? Enter its ID (e.g. XQ202407001):',
  },
  retroUnknownRequest: { 'zh-CN': '找不到需求「{id}」。', en: 'There is no request "{id}".' },
  retroNotFinished: {
    'zh-CN': '需求 {id} 的状态是「{status}」：只能为已完成的需求生成复盘。',
    en: 'Request {id} is "{status}": a retrospective is for a finished request only.',
  },
  retroExists: {
    'zh-CN': '「{sheet}」已存在，未做改动（其中可能已有填写的内容）。如需重新生成，请先删除该工作表。',
    en: '"{sheet}" already exists and was left as it is (it may hold what people wrote). Delete it first to generate it again.',
  },
  retroDone: { 'zh-CN': '已生成「{sheet}」。', en: '"{sheet}" is ready.' },

  // Archive
  archiveSheet: { 'zh-CN': '归档 {year}', en: 'Archive {year}' },
  archiveSource: { 'zh-CN': '来源表', en: 'Source sheet' },
  archivedAt: { 'zh-CN': '归档时间', en: 'Archived at' },
  archiveProtection: {
    'zh-CN': '协作台归档：只读，至少保留 2 年，协作台不会删除',
    en: 'Collab Desk archive: read-only, kept at least 2 years, never deleted by the add-on',
  },
  logArchiveSheet: { 'zh-CN': '通知记录 {year}', en: 'Notification log {year}' },
  logArchiveProtection: {
    'zh-CN': '协作台通知记录归档：只读，协作台不会删除',
    en: 'Collab Desk Notification log archive: read-only, never deleted by the add-on',
  },
  logArchiveFirst: { 'zh-CN': '首次时间', en: 'First' },
  logArchiveLast: { 'zh-CN': '末次时间', en: 'Last' },
  logArchiveRows: { 'zh-CN': '次数', en: 'Times' },
  logArchiveKey: { 'zh-CN': '去重键', en: 'Key' },
  logArchiveRecipients: { 'zh-CN': '收件人', en: 'Recipients' },
  logArchiveStatus: { 'zh-CN': '状态', en: 'Status' },
  archiveNothing: {
    'zh-CN': '没有需要归档的需求（已完成超过 {days} 天的需求）。',
    en: 'Nothing to archive (no request finished more than {days} days ago).',
  },
  archiveDone: {
    'zh-CN':
      '已归档 {requests} 个需求，连同任务 {tasks} 行、进度 {progress} 行、沟通 {communications} 行、验收 {acceptance} 行，移入：{sheets}。',
    en: 'Archived {requests} requests with {tasks} task, {progress} progress, {communications} communication and {acceptance} acceptance rows into: {sheets}.',
  },
} satisfies Record<string, Text>;
