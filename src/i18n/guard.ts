import type { Text } from './index';

/**
 * Strings of the edit guard (SPEC §3.6): who may change a guarded cell, what happened to a change
 * made by someone else, and the split and acceptance rules that keep work behind sign-off.
 */
export const guardText = {
  mayCoordinators: {
    'zh-CN': '只有协作总负责人（{coordinators}）可以把「{field}」改为「{value}」',
    en: 'Only a coordinator ({coordinators}) may set {field} to "{value}"',
  },
  mayApprove: {
    'zh-CN': '只有协作总负责人（{coordinators}）可以立项、退回或驳回需求',
    en: 'Only a coordinator ({coordinators}) may approve a request, return it or reject it',
  },
  maySignOffStarts: {
    'zh-CN': '「待会签」「执行中」由任务分工会签设置：请协作总负责人在「拆分任务」中提交会签',
    en: "Awaiting sign-off and In execution are set by the split's sign-off: a coordinator submits it with Split into tasks",
  },
  mayAcceptance: {
    'zh-CN':
      '任务经验收通过才算完成：请在「成果验收」登记结果（第一责任人不能验收自己的任务；不是第一责任人的协作总负责人可直接填写）',
    en: 'A task is done once its acceptance passes: record it in Acceptance (its owner never accepts it; a coordinator who does not own it may type Done)',
  },
  mayChangeSignOff: {
    'zh-CN': '此计划变更由相关部门负责人会签决定（{signers}），请在侧边栏签批',
    en: 'This plan change is decided by the sign-off of its heads ({signers}) in the sidebar',
  },
  mayChangeCoordinator: {
    'zh-CN': '只有协作总负责人（{coordinators}）可以审批计划变更',
    en: 'Only a coordinator ({coordinators}) may decide a plan change',
  },
  maySidebarSignOff: {
    'zh-CN': '签批由签批人（{signer}）或其代理人在侧边栏「待您签批」中点“同意”或“退回”',
    en: 'A sign-off is decided by its signer ({signer}) or their delegate with Agree or Return under Pending sign-offs in the sidebar',
  },
  mayWorkers: {
    'zh-CN': '只有第一责任人（{owner}）、协助人、部门负责人或协作总负责人可以修改任务 {id} 的「{field}」',
    en: 'Only the primary owner ({owner}), assisting people, the department head or a coordinator may change {field} of task {id}',
  },
  mayComputed: {
    'zh-CN': '「{field}」由协作台计算（⚙），只由协作台写入',
    en: '{field} is computed (⚙): only Collab Desk writes it',
  },
  mayNewTask: {
    'zh-CN':
      '任务 {id} 属于需求 {request}，不能移到 {value}：如需在 {value} 下开展，请在该需求的任务分工中新增任务并提交会签',
    en: 'Task {id} belongs to request {request} and cannot move to {value}: add it to the split of {value} as a new task and submit that split for sign-off',
  },
  mayRequestExecuting: {
    'zh-CN': '需求 {request} 还未进入执行中：任务分工经会签确认后，任务 {id} 才能改为「{value}」',
    en: 'Request {request} is not in execution yet: task {id} can be "{value}" only once its split is signed off',
  },
  guardEmpty: { 'zh-CN': '（空）', en: '(empty)' },
  guardRestored: {
    'zh-CN': '{why}；{user} 填写的「{value}」已恢复为「{restored}」。',
    en: '{why}; the "{value}" entered by {user} was restored to "{restored}".',
  },
  guardNotRestorable: {
    'zh-CN': '{why}；{user} 粘贴的「{value}」无法自动恢复（粘贴不带原值），请协作总负责人核对此格。',
    en: '{why}; the "{value}" pasted by {user} could not be restored (a paste does not carry the old value): a coordinator should check this cell.',
  },
  guardStampCleared: {
    'zh-CN':
      '{why}；{user} 粘贴的「{value}」已清除（粘贴不带原值，无法恢复）：有权提交的人的进度由协作台重新盖章，其他人的保持未生效。',
    en: '{why}; the "{value}" pasted by {user} was cleared (a paste does not carry the old value): Collab Desk stamps the entry again if its author may post it, otherwise it stays unapplied.',
  },
  guardUnknownOld: { 'zh-CN': '（粘贴覆盖，原值不明）', en: '(pasted over, old value unknown)' },
  guardPasteUnconfirmed: {
    'zh-CN':
      '{user} 于 {at} 在此格（⚙）粘贴了「{value}」，粘贴不带原值，记录中也无从得知原值：请协作总负责人核对，核对后粘贴正确的值即确认。',
    en: '{user} pasted "{value}" over this ⚙ cell at {at}; neither the paste nor the records tell what it held: a coordinator should check it and confirm it by pasting the right value over it.',
  },
  guardUnnamed: {
    'zh-CN':
      'Apps Script 未提供填写人的身份，协作台无法确认这次修改（「{value}」，{at}）是否有权限：已保留，待协作总负责人确认。{why}。',
    en: 'Apps Script did not say who typed this, so Collab Desk cannot tell whether the change ("{value}", {at}) was allowed: it is kept, waiting for a coordinator to confirm it. {why}.',
  },
  wbApprovalAwaitsCoordinator: {
    'zh-CN': '此需求为「已立项」但没有立项时间：待协作总负责人（{coordinators}）点「检查」确认立项，或改回待审核。',
    en: 'This request says Approved but has no approval time: a coordinator ({coordinators}) confirms it by running Validate, or sets it back to Pending review.',
  },
  wbSplitNotSubmitted: {
    'zh-CN':
      '需求 {id} 已拆分出 {count} 个任务，但任务分工尚未提交会签：请协作总负责人在「拆分任务」中提交，任务开始前不接收进度。',
    en: 'Request {id} has {count} tasks but its split was never submitted for sign-off: a coordinator submits it with Split into tasks; its tasks take no progress until then.',
  },
  wbProgressBeforeExecution: {
    'zh-CN': '任务 {id} 所属需求 {request} 还未进入执行中（任务分工须提交并经会签确认），暂不能更新进度。',
    en: 'Request {request} of task {id} is not in execution yet (its split must be submitted and signed off): no progress yet.',
  },
  wbAcceptanceUnnamed: {
    'zh-CN':
      'Apps Script 未提供填写人的身份，协作台无法确认验收人：这一行未生效，内容已保留。请需求方或协作总负责人在侧边栏验收。',
    en: 'Apps Script did not say who typed this, so Collab Desk cannot tell who accepts: the row was kept as typed and not applied. The requesting side or a coordinator accepts it in the sidebar.',
  },
  wbPassNeedsAwaiting: {
    'zh-CN':
      '任务 {id} 当前为「{status}」：只有待验收的任务可以验收通过；如确已交付，协作总负责人可先把任务状态改为「待验收」再登记通过，或在侧边栏勾选确认后登记通过。',
    en: 'Task {id} is "{status}": only a task awaiting acceptance can pass; if it was delivered, a coordinator may set it to Awaiting acceptance first, then record the Pass, or record it in the sidebar with their explicit confirmation.',
  },
  wbPassNeedsConfirmation: {
    'zh-CN': '任务 {id} 当前为「{status}」，尚未提交验收：如确已交付，请勾选“{confirm}”后再提交。',
    en: 'Task {id} is "{status}" and was not submitted for acceptance: if it was delivered, tick "{confirm}" and submit again.',
  },
  ruleSplitNotSubmitted: { 'zh-CN': '任务分工未提交会签', en: 'Split not submitted' },
  lineSplitNotSubmitted: {
    'zh-CN': '{count} 个任务自 {since} 起未提交会签；请在「拆分任务」中提交，任务在会签确认后才开始',
    en: '{count} tasks waiting since {since} for their split to be submitted; submit it with Split into tasks: the tasks start once it is signed off',
  },
  lineSplitNotSubmittedUndated: {
    'zh-CN': '{count} 个任务的分工尚未提交会签；请在「拆分任务」中提交，任务在会签确认后才开始',
    en: '{count} tasks waiting for their split to be submitted; submit it with Split into tasks: the tasks start once it is signed off',
  },
} satisfies Record<string, Text>;
