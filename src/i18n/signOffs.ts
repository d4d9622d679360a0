import type { Text } from './index';

/** Strings of sign-offs (会签), delegation, permissions and the change history (SPEC §2.9, §2.10, §3.6). */
export const signOffText = {
  settingSignOffSplit: { 'zh-CN': '任务分工会签', en: 'Split sign-off' },
  settingSignOffSplitHelp: {
    'zh-CN': '全部负责人：任务所涉各责任部门负责人均同意后才开始执行；协作总负责人：提交即开始',
    en: 'all-heads: the split starts once the head of every responsible department agreed; coordinator: it starts when submitted',
  },
  settingSignOffChange: { 'zh-CN': '计划变更会签', en: 'Plan change sign-off' },
  settingSignOffChangeHelp: {
    'zh-CN': '全部负责人：任务部门及其下游任务部门的负责人均同意后才批准；协作总负责人：由协作总负责人审批',
    en: "all-heads: approved once the heads of the task's department and of the departments depending on it agreed; coordinator: the coordinator decides",
  },
  settingSignOffAcceptance: { 'zh-CN': '验收确认', en: 'Acceptance sign-off' },
  settingSignOffAcceptanceHelp: {
    'zh-CN': '需求方：验收通过须经发起人（或需求部门负责人）确认；协作总负责人：由协作总负责人确认',
    en: 'requester: a Pass takes effect once the requester (or the requesting department head) agreed; coordinator: a coordinator confirms it',
  },
  settingSignOffDays: { 'zh-CN': '签批时限（工作日）', en: 'Sign-off days' },
  settingSignOffDaysHelp: {
    'zh-CN': '待签超过此工作日数，提醒签批人并抄送协作总负责人',
    en: 'Working days a sign-off may wait before the signer and the coordinator are warned',
  },
  signOffAllHeads: { 'zh-CN': '全部负责人', en: 'all-heads' },
  signOffCoordinator: { 'zh-CN': '协作总负责人', en: 'coordinator' },
  signOffRequester: { 'zh-CN': '需求方', en: 'requester' },
  settingAllowedSignOff: { 'zh-CN': '全部负责人 或 协作总负责人', en: 'all-heads or coordinator' },
  settingAllowedAcceptanceSignOff: { 'zh-CN': '需求方 或 协作总负责人', en: 'requester or coordinator' },

  wbRefused: { 'zh-CN': '{message}', en: '{message}' },
  wbSignOffOpened: { 'zh-CN': '已提交会签，等待签批：{signers}。', en: 'Sent for sign-off by {signers}.' },
  wbSplitNoTasks: {
    'zh-CN': '需求 {id} 还没有任务行，请先拆分任务再提交会签。',
    en: 'Request {id} has no task rows yet; split it into tasks before submitting it for sign-off.',
  },
  wbSplitStarted: {
    'zh-CN': '需求 {id} 的任务分工已确认，进入执行中；各任务负责人将收到开始通知。',
    en: "Request {id}'s split is confirmed and in execution; each task owner is told their task has started.",
  },
  wbSplitReturned: {
    'zh-CN': '需求 {id} 的任务分工被退回给协作总负责人，调整后请重新提交会签。',
    en: "Request {id}'s split went back to its coordinator; amend it and submit it for sign-off again.",
  },
  wbSplitReturnedNote: { 'zh-CN': '会签退回（{user}）：{comment}', en: 'Sign-off returned by {user}: {comment}' },
  wbSplitReturnResolved: {
    'zh-CN': '已处理，已重新会签通过。原意见：{note}',
    en: 'Resolved: signed off again. Was: {note}',
  },
  wbSplitAwaitingSignOff: {
    'zh-CN': '任务 {id} 所属需求 {request} 的任务分工尚待各责任部门负责人会签，任务保持未开始，暂不能更新进度。',
    en: "The split of request {request} is still awaiting its heads' sign-off: task {id} stays Not started and takes no progress yet.",
  },
  wbSplitReturnedFlag: {
    'zh-CN': '任务分工被本部门负责人 {signer} 退回：{comment}',
    en: "The split was returned by this department's head {signer}: {comment}",
  },
  wbNoSignOffForYou: {
    'zh-CN': '{ref} 没有等待您（{user}）签批的事项：只有签批人本人，或其外出期间的代理人，可以签批。',
    en: 'Nothing on {ref} waits for your sign-off ({user}): only the signer, or their delegate while they are away, may decide it.',
  },
  wbReturnNeedsComment: { 'zh-CN': '退回时请填写说明。', en: 'Say why when you return it.' },
  wbSignOffDecided: { 'zh-CN': '{ref}：已签批「{decision}」。', en: '{ref}: signed "{decision}".' },
  wbChangeSignedOff: {
    'zh-CN': '任务 {id} 的计划变更已经全部相关负责人同意，截止时间已更新（原定截止不变）。',
    en: "Every affected head agreed to task {id}'s plan change: its due date moved (the baseline stays).",
  },
  wbChangeReturned: {
    'zh-CN': '任务 {id} 的计划变更被退回，已驳回。',
    en: "Task {id}'s plan change was returned and is rejected.",
  },
  wbChangeBySignOff: {
    'zh-CN': '此计划变更由相关部门负责人会签决定（{signers}），不能直接填写「批准/驳回」；请在侧边栏签批。',
    en: 'This plan change is decided by the sign-off of its heads ({signers}), not by typing Approved/Rejected. Sign it off in the sidebar.',
  },
  wbOnlyCoordinatorDecides: {
    'zh-CN': '只有协作总负责人（{coordinators}）可以审批计划变更。',
    en: 'Only a coordinator ({coordinators}) may decide a plan change.',
  },
  wbOwnAcceptance: {
    'zh-CN': '第一责任人（{owner}）不能验收自己的任务；请由需求方或协作总负责人验收。',
    en: 'The primary owner ({owner}) never accepts their own task; the requesting side or a coordinator accepts it.',
  },
  wbAcceptanceAwaitsSignOff: {
    'zh-CN': '任务 {id} 的验收通过已记录，待 {signer} 确认后任务完成。',
    en: "Task {id}'s Pass is recorded; the task is done once {signer} confirms it.",
  },
  wbAcceptanceReturned: {
    'zh-CN': '任务 {id} 的验收确认被退回，任务回到进行中。',
    en: "Task {id}'s acceptance was returned; the task is back in progress.",
  },
  wbProgressNotAllowed: {
    'zh-CN':
      '只有第一责任人（{owner}）、协助人、部门负责人或协作总负责人可以更新任务 {id} 的进度；{user} 填写的这一行未生效，内容已保留。',
    en: 'Only the primary owner ({owner}), assisting people, the department head or a coordinator may post progress on task {id}; this row by {user} was kept as typed and not applied.',
  },
  wbProgressUnknownUser: {
    'zh-CN':
      '协作台无法确认是谁填写的（Apps Script 未提供用户身份），这一行未生效，内容已保留。第一责任人（{owner}）、协助人、部门负责人或协作总负责人可在侧边栏提交，或由协作总负责人点「检查」确认。',
    en: 'Collab Desk cannot tell who typed this (Apps Script gave no identity), so the row was kept as typed and not applied. The primary owner ({owner}), assisting people, the department head or a coordinator may post it from the sidebar, or a coordinator may run Validate to apply it.',
  },

  ruleSignOffPending: { 'zh-CN': '待您签批', en: 'Awaiting your sign-off' },
  ruleSignOffOverdue: { 'zh-CN': '签批超时', en: 'Sign-off overdue' },
  ruleTaskStarted: { 'zh-CN': '任务已开始', en: 'Your task has started' },
  lineSignOff: {
    'zh-CN': '{subject}，{requested} 发起，已等待 {days} 个工作日',
    en: '{subject}, sent for sign-off on {requested}, waiting for {days} working day(s)',
  },
  lineTaskStarted: {
    'zh-CN': '需求 {request} 的任务分工已于 {confirmed} 会签确认，您的任务已开始（截止 {due}）',
    en: "request {request}'s split was signed off on {confirmed}: your task has started (due {due})",
  },

  wbEditorsProtection: {
    'zh-CN': '协作台：仅协作总负责人可编辑',
    en: 'Collab Desk: only coordinators edit this',
  },
  wbEditorsAligned: {
    'zh-CN': '已按「设置」中的协作总负责人更新 {count} 处保护的编辑者。',
    en: 'The editors of {count} protection(s) now match the coordinators in Settings.',
  },
  wbEditorsUnable: {
    'zh-CN':
      '有 {count} 处保护的编辑者与「设置」中的协作总负责人不一致，但您不是这些保护的编辑者，无法更改：请由文件所有者或已是编辑者的协作总负责人运行「校验」。',
    en: "{count} protection(s) list other editors than the coordinators in Settings, and you are not among their editors, so they cannot be changed by you: ask the file's owner or a coordinator who is an editor to run Validate.",
  },
  wbAddOnProtection: {
    'zh-CN': '协作台代各角色写入此处：手动修改会被还原并加批注',
    en: 'Collab Desk writes this for every role: a change typed here is restored, with a note',
  },

  historyAdded: { 'zh-CN': '（新增）', en: '(added)' },
  historyPassConfirmed: {
    'zh-CN': '通过（未提交验收，经协作总负责人确认）',
    en: 'Pass (not submitted for acceptance; confirmed by a coordinator)',
  },
  viaSidebar: { 'zh-CN': '侧边栏', en: 'sidebar' },
  viaSheetEdit: { 'zh-CN': '表格编辑', en: 'sheet edit' },
  viaMenu: { 'zh-CN': '菜单', en: 'menu' },
  viaTrigger: { 'zh-CN': '定时触发', en: 'trigger' },
} satisfies Record<string, Text>;
