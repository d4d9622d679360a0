import type { Text } from './index';

/** 催办 Nudge (SPEC §3.8): its setting, what the owner and the group read, and why a nudge is refused. */
export const nudgeText = {
  settingNudgeCooldownHours: { 'zh-CN': '催办间隔（小时）', en: 'Nudge cooldown (hours)' },
  settingNudgeCooldownHoursHelp: {
    'zh-CN': '同一任务催办一次后，此小时数内不论谁都不能再催办',
    en: 'After a task is nudged, nobody may nudge it again within this many hours',
  },

  nudgeHistoryField: { 'zh-CN': '催办', en: 'Nudge' },
  nudgeMailSubject: {
    'zh-CN': '[协作台] {nudger} 催办：{id} {name}',
    en: '[Collab Desk] {nudger} nudges you: {id} {name}',
  },
  nudgeMailIntro: {
    'zh-CN': '{nudger} 催办您负责的任务 {id} {name}（截止 {due}，当前 {pct}）：',
    en: '{nudger} nudges you about your task {id} {name} (due {due}, now {pct}):',
  },
  nudgeMailLink: { 'zh-CN': '打开任务', en: 'Open the task' },
  nudgeRobotTitle: { 'zh-CN': '【协作台】{nudger} 催办', en: 'Collab Desk · {nudger} nudges' },
  nudgeRobotItem: { 'zh-CN': '{id} {name}（{owner}）：{words}', en: '{id} {name} ({owner}): {words}' },

  nudgeSent: {
    'zh-CN': '已催办 {owner}（{channels}）。',
    en: 'Nudged {owner} ({channels}).',
  },
  nudgeSentDryRun: {
    'zh-CN': '已记录催办 {owner}（试运行模式：未实际发送）。',
    en: 'Nudge to {owner} recorded (dry-run mode: nothing was sent).',
  },
  nudgeChannelMail: { 'zh-CN': '邮件', en: 'email' },
  nudgeChannelGroup: { 'zh-CN': '{group}群', en: 'the {group} group' },
  nudgeQueued: {
    'zh-CN': '催办已记录，但 {channels} 未能立即发出，下次自动检查时重试。',
    en: 'The nudge is recorded, but {channels} could not go out now; the next automatic check retries.',
  },

  nudgeNotAllowed: {
    'zh-CN': '只有任务 {id} 的需求发起人、{dept}的部门负责人或协作总负责人可以催办。',
    en: 'Only the requester of task {id}, the head of {dept} or a coordinator may nudge it.',
  },
  nudgeOwnTask: { 'zh-CN': '任务 {id} 由您负责，无需催办自己。', en: 'You own task {id}; there is no one to nudge.' },
  nudgeUnknownUser: {
    'zh-CN': '无法确认您的身份（Google 未提供您的邮箱），不能催办。',
    en: 'Google did not tell us who you are, so you cannot nudge.',
  },
  nudgeTaskClosed: {
    'zh-CN': '任务 {id} 状态为“{status}”，只能催办未完成的任务。',
    en: 'Task {id} is "{status}"; only open tasks can be nudged.',
  },
  nudgeNoOwner: {
    'zh-CN': '任务 {id} 没有可发邮件的负责人（负责人列需填写人员表中的姓名或邮箱）。',
    en: 'Task {id} has no owner to mail (its Owner must be a name on People or an email).',
  },
  nudgeCooldown: {
    'zh-CN': '任务 {id} 已于 {time} 由 {by} 催办；每个任务 {hours} 小时内只能催办一次，{next} 之后可再催办。',
    en: 'Task {id} was nudged at {time} by {by}; a task can be nudged once every {hours} hours, next after {next}.',
  },
  nudgeWordsRequired: {
    'zh-CN': '催办留言：请写下要对负责人说的话（最多 {max} 个字符）。',
    en: 'Your message: write what the owner should read (at most {max} characters).',
  },
  nudgeWordsTooLong: {
    'zh-CN': '催办留言：最多 {max} 个字符（现为 {count} 个），群机器人消息有长度上限。',
    en: 'Your message: at most {max} characters (now {count}); group robot messages have a size limit.',
  },
} satisfies Record<string, Text>;
