import type { Text } from './index';

/**
 * The sidebar's My work, state-aware forms, blocking and request card (SPEC §4, issue 22 point 7):
 * strings added with them, kept apart from the sidebar's older catalogue.
 */
export const myWorkText = {
  myWorkTitle: { 'zh-CN': '我的工作', en: 'My work' },
  myWorkNothing: { 'zh-CN': '暂无等您处理的事项。', en: 'Nothing is waiting for you.' },
  myWorkTasks: { 'zh-CN': '我的任务（{n}）', en: 'My tasks ({n})' },
  myWorkSignOffs: { 'zh-CN': '待我签批（{n}）', en: 'Sign-offs waiting for me ({n})' },
  myWorkRatings: { 'zh-CN': '待我评价（{n}）', en: 'Ratings waiting for me ({n})' },
  myWorkRatingCloses: { 'zh-CN': '{at} 截止', en: 'closes {at}' },
  myWorkActions: { 'zh-CN': '我的行动项（{n}）', en: 'My action items ({n})' },
  myWorkDue: { 'zh-CN': '截止 {due}', en: 'due {due}' },
  myWorkNoDue: { 'zh-CN': '未定截止日期', en: 'no due date' },
  myWorkActionFrom: { 'zh-CN': '来自「{topic}」', en: 'from "{topic}"' },
  myWorkGone: {
    'zh-CN': '找不到这一行了（可能已被删除或移动），请刷新。',
    en: 'That row is no longer there (deleted or moved); refresh the list.',
  },

  sidebarFormBlock: { 'zh-CN': '标记阻塞', en: 'Mark blocked' },
  sidebarBlockReason: { 'zh-CN': '阻塞原因', en: 'What blocks it' },
  sidebarBlocked: {
    'zh-CN': '任务 {id} 已标记为阻塞；更新进度即可解除。',
    en: 'Task {id} is marked blocked; post progress to unblock it.',
  },
  blockedSummary: { 'zh-CN': '阻塞：{reason}', en: 'Blocked: {reason}' },
  blockedHistoryField: { 'zh-CN': '阻塞原因', en: 'Blocked because' },
  sidebarHistoryBlocked: { 'zh-CN': '{by} 标记阻塞：「{newValue}」', en: '{by} marked it blocked: "{newValue}"' },
  blockWrongStatus: {
    'zh-CN': '任务 {id} 当前为「{status}」，只有「{allowed}」的任务可以标记阻塞。',
    en: 'Task {id} is "{status}"; only a task that is {allowed} can be marked blocked.',
  },
  sidebarBehindPlan: {
    'zh-CN': '按计划今天应达 {planned}%，低于 {below}% 需填写滞后原因。',
    en: 'The plan expects {planned}% today; below {below}% a delay reason is required.',
  },
  sidebarProgressNotAllowed: {
    'zh-CN': '只有第一责任人（{owner}）、协助人、部门负责人或协作总负责人可以更新任务 {id} 的进度。',
    en: 'Only the primary owner ({owner}), assisting people, the department head or a coordinator may post progress on task {id}.',
  },
  sidebarProgressUnknownUser: {
    'zh-CN': '协作台无法确认您的身份（Apps Script 未提供），不能代您更新任务 {id} 的进度。',
    en: 'Collab Desk cannot tell who you are (Apps Script gave no identity), so it cannot post progress on task {id} for you.',
  },
  sidebarNotYours: {
    'zh-CN': '您不能在此任务上更新进度：{reason}',
    en: 'You cannot post on this task: {reason}',
  },

  requestCardWaitingReview: { 'zh-CN': '等待协作总负责人审批', en: 'Waiting for approval by a coordinator' },
  requestCardWaitingChanges: {
    'zh-CN': '等待 {requester} 修改后重新提交',
    en: 'Waiting for {requester} to revise and resubmit',
  },
  requestCardWaitingSplit: {
    'zh-CN': '等待协作总负责人拆分任务',
    en: 'Waiting for a coordinator to split it into tasks',
  },
  requestCardWaitingSignOff: { 'zh-CN': '等待 {signers} 会签', en: 'Waiting for sign-off by {signers}' },
  requestCardExecuting: {
    'zh-CN': '各负责人完成 {open} 项未完成任务，{awaiting} 项待验收',
    en: 'owners finish {open} open tasks; {awaiting} awaiting acceptance',
  },
  requestCardWaits: { 'zh-CN': '下一步：{what}', en: 'Next: {what}' },
  requestCardTasks: { 'zh-CN': '任务（{n}）', en: 'Tasks ({n})' },
  requestCardNoTasks: { 'zh-CN': '尚未拆分任务。', en: 'Not split into tasks yet.' },
  requestCardSignOffs: { 'zh-CN': '会签', en: 'Sign-offs' },
  requestCardTaskLine: { 'zh-CN': '{owner} · 截止 {due}', en: '{owner} · due {due}' },
} satisfies Record<string, Text>;
