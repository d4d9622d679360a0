/**
 * Strings of the digest mails (SPEC §3.3): subjects that name the item, the sign-off mail, and the
 * L3 escalation's structured message with its plain ask.
 */
import type { Text } from './index';

export const mailText = {
  subjectPrefixL3: { 'zh-CN': '[协作升级]', en: '[Collab escalation]' },
  subjectPrefixL2: { 'zh-CN': '[协作预警]', en: '[Collab alert]' },
  subjectPrefixL1: { 'zh-CN': '[协作提醒]', en: '[Collab reminder]' },
  subjectOneItem: { 'zh-CN': '{prefix} {flags}：{title}', en: '{prefix} {flags}: {title}' },
  subjectManyItems: {
    'zh-CN': '{prefix} {n} 项需处理：{first}等',
    en: '{prefix} {n} items need action: {first} and {more} more',
  },
  subjectSignOffOne: { 'zh-CN': '[协作台] 待您签批：{what}', en: '[Collab Desk] Waiting for your sign-off: {what}' },
  subjectSignOffMany: {
    'zh-CN': '[协作台] 待您签批 {n} 项：{first}等',
    en: '[Collab Desk] {n} sign-offs waiting for you: {first} and {more} more',
  },
  signOffWhat: { 'zh-CN': '{subject}「{title}」', en: '{subject} "{title}"' },
  signOffSplitTasks: { 'zh-CN': '待签分工：{tasks}', en: 'tasks to sign: {tasks}' },
  signOffSplitTask: { 'zh-CN': '{name}（{dept}，{owner}，截止 {due}）', en: '{name} ({dept}, {owner}, due {due})' },
  signOffGreeting: { 'zh-CN': '以下事项等待您签批：', en: 'These are waiting for your sign-off:' },
  signOffHowTo: {
    'zh-CN':
      '如何签批：打开表格，点菜单「协作台 ▸ 打开侧边栏」，在「待您签批」中查看内容后点「同意」或「退回」（退回请写明原因）。',
    en: 'How to sign: open the spreadsheet, choose Collab Desk ▸ Open sidebar, read the item under "Waiting for your sign-off", then click Agree or Return (say why when you return it).',
  },
  l3Problem: { 'zh-CN': '问题', en: 'Problem' },
  l3ProblemText: {
    'zh-CN': '{problems}，自 {since} 起 {days} 个工作日仍未解决',
    en: '{problems}, unresolved for {days} working day(s) since {since}',
  },
  l3Owner: { 'zh-CN': '负责人', en: 'Owner' },
  l3OwnerText: { 'zh-CN': '{owner}（{dept}）', en: '{owner} ({dept})' },
  l3Late: { 'zh-CN': '逾期天数', en: 'Late by' },
  l3LateText: { 'zh-CN': '{daysLate} 个工作日', en: '{daysLate} working day(s)' },
  l3Progress: { 'zh-CN': '最新进度', en: 'Latest progress' },
  l3NoProgress: { 'zh-CN': '尚无进度记录', en: 'no progress posted yet' },
  l3Reason: { 'zh-CN': '滞后原因', en: 'Delay reason' },
  l3ReasonUnstated: { 'zh-CN': '负责人尚未说明', en: 'not stated by the owner' },
  l3ReasonUnstatedLag: {
    'zh-CN': '负责人尚未说明；目前完成 {pct}%，按计划应达 {expected}%',
    en: 'not stated by the owner; {pct}% complete where the plan expects {expected}%',
  },
  l3Ask: { 'zh-CN': '请您', en: 'Your call' },
  l3AskText: {
    'zh-CN':
      '在 {askBy} 前与 {owner}（{dept}）商定并拍板：追加人手或资源、经「计划变更」调整截止时间，或改派负责人；并把决定告诉协作总负责人。',
    en: 'by {askBy}, with {owner} ({dept}), decide: add people or resources, move the due date through a plan change, or reassign the task; then tell the coordinator what you decided.',
  },
} satisfies Record<string, Text>;
