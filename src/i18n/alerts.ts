import type { Text } from './index';

/**
 * Strings of the Settings sheet, health values, notices, digests and automation.
 * Setting labels double as accepted keys in the Settings sheet, so keep them unique.
 */
export const alertText = {
  // Settings sheet: one label + description per setting.
  settingLocale: { 'zh-CN': '语言', en: 'Language' },
  settingLocaleHelp: {
    'zh-CN': '菜单、表格和邮件使用的语言：zh-CN（中文）或 en（English）',
    en: 'Language of menus, sheets and emails: zh-CN (中文) or en (English)',
  },
  settingTimeZone: { 'zh-CN': '时区', en: 'Time zone' },
  settingTimeZoneHelp: {
    'zh-CN': '计算截止时间和工作日所用的时区（IANA 名称，如 Asia/Shanghai）',
    en: 'Time zone for due dates and working days (IANA name, e.g. Asia/Shanghai)',
  },
  settingWorkDays: { 'zh-CN': '工作日', en: 'Work days' },
  settingWorkDaysHelp: {
    'zh-CN': '每周的工作日，如 周一-周五',
    en: 'Working days of the week, e.g. Mon-Fri',
  },
  settingHolidays: { 'zh-CN': '节假日', en: 'Holidays' },
  settingHolidaysHelp: {
    'zh-CN': '不上班的日期，用逗号分隔，可写区间，如 2024-10-01~2024-10-07',
    en: 'Non-working dates, comma-separated; ranges allowed, e.g. 2024-10-01~2024-10-07',
  },
  settingWorkdaySwaps: { 'zh-CN': '调休上班日', en: 'Make-up working days' },
  settingWorkdaySwapsHelp: {
    'zh-CN': '原本休息但需要上班的日期（调休），用逗号分隔',
    en: 'Days off that are working days this time (workday swaps), comma-separated',
  },
  settingEndOfDay: { 'zh-CN': '下班时间', en: 'End of working day' },
  settingEndOfDayHelp: {
    'zh-CN': '只填日期的截止时间按当天这个时刻计算',
    en: 'A due date without a time is due at this time of that day',
  },
  settingDueSoonDays: { 'zh-CN': '即将到期提醒（工作日）', en: 'Due soon within (working days)' },
  settingDueSoonDaysHelp: {
    'zh-CN': '截止前多少个工作日提醒第一责任人',
    en: 'How many working days before the due date the owner is reminded',
  },
  settingStaleDays: { 'zh-CN': '未更新判定（工作日）', en: 'Stale after (working days)' },
  settingStaleDaysHelp: {
    'zh-CN': '进行中的任务连续多少个工作日没有进度记录即为“未更新”',
    en: 'An in-progress task with no progress entry for this many working days is stale',
  },
  settingLagThreshold: { 'zh-CN': '滞后阈值（百分点）', en: 'Lag threshold (points)' },
  settingLagThresholdHelp: {
    'zh-CN': '实际完成百分比落后按工作日直线计划的百分比超过此值即为“滞后”',
    en: 'A task is lagging when its % complete is more than this many points behind the straight-line plan',
  },
  settingEscalateAfterHours: { 'zh-CN': '升级时限（小时）', en: 'Escalate after (hours)' },
  settingEscalateAfterHoursHelp: {
    'zh-CN': 'L2 预警发出后仍未解决多少小时，升级（L3）给分管领导和协作总负责人',
    en: 'Hours after the first L2 warning before a still-open problem escalates (L3) to the sponsor and coordinators',
  },
  settingRequestEvaluationDays: { 'zh-CN': '需求评估时限（工作日）', en: 'Request evaluation limit (working days)' },
  settingRequestEvaluationDaysHelp: {
    'zh-CN': '需求提交后待审核超过此工作日数，提醒协作总负责人',
    en: 'A request still pending review after this many working days reminds the coordinators',
  },
  settingRequestReviewDays: { 'zh-CN': '需求审核时限（工作日）', en: 'Request review limit (working days)' },
  settingRequestReviewDaysHelp: {
    'zh-CN': '需求待审核超过此工作日数，同时提醒涉及部门的负责人',
    en: 'A request still pending review after this many working days also reminds the heads of the involved departments',
  },
  settingAcceptanceDays: { 'zh-CN': '验收时限（工作日）', en: 'Acceptance limit (working days)' },
  settingAcceptanceDaysHelp: {
    'zh-CN': '任务待验收超过此工作日数，提醒需求发起人和牵头部门负责人',
    en: 'A task awaiting acceptance longer than this reminds the requester and the lead department head',
  },
  settingChangeApprovalDays: { 'zh-CN': '变更审批时限（工作日）', en: 'Plan change decision limit (working days)' },
  settingChangeApprovalDaysHelp: {
    'zh-CN': '计划变更待批超过此工作日数，提醒协作总负责人',
    en: 'A plan change still pending after this many working days reminds the coordinator',
  },
  settingDependencyLeadDays: { 'zh-CN': '前置任务提醒（工作日）', en: 'Dependency lead time (working days)' },
  settingDependencyLeadDaysHelp: {
    'zh-CN': '前置任务在此工作日数内到期时提醒下游任务的负责人',
    en: 'Downstream owners are told when a predecessor is due within this many working days',
  },
  settingFinalHours: { 'zh-CN': '最后时限（小时）', en: 'Final hours' },
  settingFinalHoursHelp: {
    'zh-CN': '距截止不足此小时数且尚未提交验收时发出 L2 预警',
    en: 'An L2 warning goes out when a task not yet submitted for acceptance is due within this many hours',
  },
  settingCooldownHours: { 'zh-CN': '重复提醒间隔（小时）', en: 'Reminder cooldown (hours)' },
  settingCooldownHoursHelp: {
    'zh-CN': '同一事项、规则、级别和收件人在此小时数内不重复发送',
    en: 'The same item, rule, level and recipient is not notified again within this many hours',
  },
  settingRunBudgetSeconds: { 'zh-CN': '单次运行发信时限（秒）', en: 'Sending time per run (seconds)' },
  settingRunBudgetSecondsHelp: {
    'zh-CN': '一次运行超过此秒数后不再开始发信，其余留到下一小时发送（Apps Script 每次运行最多 360 秒）',
    en: 'After this many seconds a run starts no more sends; the rest go out the next hour (Apps Script stops a run at 360 s)',
  },
  settingScanHour: { 'zh-CN': '每日检查时间（点）', en: 'Daily check hour' },
  settingScanHourHelp: {
    'zh-CN': '每天几点运行检查并发送提醒（0–23）',
    en: 'Hour of the day when checks run and notices go out (0–23)',
  },
  settingSummaryDay: { 'zh-CN': '周报日', en: 'Weekly summary day' },
  settingSummaryDayHelp: {
    'zh-CN': '每周哪一天生成周报',
    en: 'Day of the week the weekly summary is generated',
  },
  settingSummaryHour: { 'zh-CN': '周报时间（点）', en: 'Weekly summary hour' },
  settingSummaryHourHelp: {
    'zh-CN': '生成周报的时间（0–23 点）',
    en: 'Hour of the day the weekly summary is generated (0–23)',
  },
  settingCoordinators: { 'zh-CN': '协作总负责人', en: 'Coordinators' },
  settingCoordinatorsHelp: {
    'zh-CN': '邮箱，用逗号分隔；可执行管理操作，并接收抄送和升级',
    en: 'Emails, comma-separated; may run admin actions and receive copies and escalations',
  },
  settingEmailMode: { 'zh-CN': '邮件模式', en: 'Email mode' },
  settingEmailModeHelp: {
    'zh-CN': '发送：真实发送邮件；试运行：只在通知记录中记下将要发送的内容',
    en: 'send: emails go out; dry-run: the Notification log records what would be sent, nothing is sent',
  },
  settingArchiveAfterDays: { 'zh-CN': '归档天数', en: 'Archive after (days)' },
  settingArchiveAfterDaysHelp: {
    'zh-CN': '需求完成超过此天数后可归档',
    en: 'Completed requests older than this many days can be archived',
  },
  settingSummaryKeepWeeks: { 'zh-CN': '周报保留周数', en: 'Weekly summaries kept (weeks)' },
  settingSummaryKeepWeeksHelp: {
    'zh-CN': '早于此周数的周报并入「周报汇总」（每周一行：标题、周期、概要），原工作表移除',
    en: 'Older weekly summaries fold into "Weekly summaries (folded)" (one line a week: title, period, headline) and their sheets go',
  },
  settingCellBudgetWarn: { 'zh-CN': '单元格提醒线（%）', en: 'Cell budget warnings (%)' },
  settingCellBudgetWarnHelp: {
    'zh-CN': '工作簿单元格用量达到 Google 上限（1000 万）的这些百分比时提醒协作总负责人，如 70, 85',
    en: "Coordinators are told when the workbook's cells reach these percentages of Google's 10,000,000 limit, e.g. 70, 85",
  },
  settingLogRetentionDays: { 'zh-CN': '通知记录保留天数', en: 'Notification log kept (days)' },
  settingLogRetentionDaysHelp: {
    'zh-CN':
      '通知记录中早于此天数、且不再用于判断重复提醒、升级或待发送邮件的行，移入「通知记录 YYYY」（受保护，不会删除）',
    en: 'Notification log rows older than this, no longer needed to tell repeats, escalations or mail still to send, move to "Notification log YYYY" (protected, never deleted)',
  },

  // What a setting accepts, shown when a value is rejected.
  settingAllowedPercents: {
    'zh-CN': '1 到 100 之间的整数，用逗号分隔，如 70, 85',
    en: 'whole numbers from 1 to 100, separated by commas, e.g. 70, 85',
  },
  settingAllowedInteger: { 'zh-CN': '{min} 到 {max} 之间的整数', en: 'a whole number from {min} to {max}' },
  settingAllowedHour: { 'zh-CN': '0 到 23 之间的整点，如 9 或 09:00', en: 'an hour from 0 to 23, e.g. 9 or 09:00' },
  settingAllowedTime: { 'zh-CN': '时:分，如 18:00', en: 'a time as HH:mm, e.g. 18:00' },
  settingAllowedLocale: { 'zh-CN': 'zh-CN 或 en', en: 'zh-CN or en' },
  settingAllowedTimeZone: {
    'zh-CN': 'IANA 时区名称，如 Asia/Shanghai',
    en: 'an IANA time zone name, e.g. Asia/Shanghai',
  },
  settingAllowedWeekdays: {
    'zh-CN': '星期几的列表或区间，如 周一-周五 或 Mon,Tue,Wed（至少一天）',
    en: 'weekdays as a list or range, e.g. Mon-Fri or 周一,周二 (at least one day)',
  },
  settingAllowedWeekday: { 'zh-CN': '星期几，如 周一 或 Mon', en: 'one weekday, e.g. Mon or 周一' },
  settingAllowedDates: {
    'zh-CN': '日期 yyyy-MM-dd，逗号分隔，可写区间 2024-10-01~2024-10-07',
    en: 'dates as yyyy-MM-dd, comma-separated; ranges like 2024-10-01~2024-10-07',
  },
  settingAllowedEmails: { 'zh-CN': '邮箱地址，逗号分隔', en: 'email addresses, comma-separated' },
  settingAllowedEmailMode: { 'zh-CN': '发送（send）或 试运行（dry-run）', en: 'send or dry-run (发送 / 试运行)' },

  settingInvalid: {
    'zh-CN': '设置第 {row} 行「{setting}」的值“{value}”无效，应为{allowed}；已改用默认值 {default}',
    en: 'Settings row {row} ({setting}): "{value}" is not valid; expected {allowed}. Using the default {default}',
  },
  settingUnknown: {
    'zh-CN': '设置第 {row} 行：不认识的设置项“{label}”，已忽略',
    en: 'Settings row {row}: unknown setting "{label}", ignored',
  },
  settingDuplicate: {
    'zh-CN': '设置第 {row} 行：「{setting}」在第 {firstRow} 行已设置，本行已忽略',
    en: 'Settings row {row}: {setting} is already set in row {firstRow}; this row is ignored',
  },

  // Short weekday names Monday first; used to show and to read work days.
  weekdayNames: { 'zh-CN': '周一,周二,周三,周四,周五,周六,周日', en: 'Mon,Tue,Wed,Thu,Fri,Sat,Sun' },
  emailModeSend: { 'zh-CN': '发送', en: 'send' },
  emailModeDryRun: { 'zh-CN': '试运行', en: 'dry-run' },

  // Digest email (SPEC §3.3). Rule names, subject counts and one line per notice.
  digestGreeting: { 'zh-CN': '以下事项需要您关注：', en: 'These items need your attention:' },
  digestCopy: { 'zh-CN': '（抄送，供知悉）', en: '(copy, for your information)' },
  digestOnBehalf: {
    'zh-CN': '（代 {person} 接收：其不在期间由您代理）',
    en: '(for {person}, who is away: you stand in)',
  },
  digestOpen: { 'zh-CN': '打开', en: 'Open' },
  digestFooter: {
    'zh-CN':
      '本邮件由协作台按“设置”中的规则自动发送；同一事项 {hours} 小时内不会重复提醒，仍未解决的事项之后每 2 个、再每 4 个工作日提醒一次。',
    en: 'Sent by Collab Desk under the rules in Settings; the same item is not repeated within {hours} hours, and an item still open is repeated every 2, then every 4 working days.',
  },
  digestStillOpen: { 'zh-CN': '仍未解决（此前已提醒）', en: 'Still open (told before)' },
  lineStillOpen: { 'zh-CN': '自 {since} 起仍未解决', en: 'still open since {since}' },
  levelL3: { 'zh-CN': 'L3 升级（请介入）', en: 'L3 Escalation (please step in)' },
  levelL2: { 'zh-CN': 'L2 预警', en: 'L2 Warning' },
  levelL1: { 'zh-CN': 'L1 提醒', en: 'L1 Reminder' },

  ruleUnresolved: { 'zh-CN': '升级', en: 'Escalated' },
  ruleOverdue: { 'zh-CN': '逾期', en: 'Overdue' },
  ruleBlocked: { 'zh-CN': '阻塞', en: 'Blocked' },
  ruleFinalHours: { 'zh-CN': '临近截止', en: 'Final hours' },
  ruleNoOwner: { 'zh-CN': '无有效负责人', en: 'No valid owner' },
  ruleLagging: { 'zh-CN': '滞后', en: 'Lagging' },
  ruleAcceptanceFailed: { 'zh-CN': '验收未通过', en: 'Acceptance failed' },
  ruleDependency: { 'zh-CN': '前置任务风险', en: 'Dependency risk' },
  ruleDueSoon: { 'zh-CN': '即将到期', en: 'Due soon' },
  ruleStale: { 'zh-CN': '未更新', en: 'Stale' },
  ruleAcceptancePending: { 'zh-CN': '待验收', en: 'Awaiting acceptance' },
  ruleActionOverdue: { 'zh-CN': '行动项逾期', en: 'Action item overdue' },
  ruleReviewPending: { 'zh-CN': '需求待审核', en: 'Request pending review' },
  ruleChangePending: { 'zh-CN': '变更待批', en: 'Plan change pending' },
  ruleCellBudget: { 'zh-CN': '单元格用量', en: 'Cell budget' },

  lineUnresolved: {
    'zh-CN': '{problems}：自 {since} 起 {days} 个工作日仍未解决，已升级；负责人 {owner}（{dept}）',
    en: '{problems}: unresolved for {days} working day(s) since {since}, escalated; owner {owner} ({dept})',
  },
  lineUnresolvedLate: { 'zh-CN': '已逾期 {daysLate} 个工作日', en: '{daysLate} working day(s) late' },
  lineUnresolvedProgress: { 'zh-CN': '最新进度：{progress}', en: 'latest progress: {progress}' },
  lineUnresolvedNoProgress: { 'zh-CN': '尚无进度记录', en: 'no progress posted yet' },
  lineOverdue: {
    'zh-CN': '截止 {due}，已逾期 {days} 个工作日，完成 {pct}%',
    en: 'due {due}, {days} working day(s) overdue, {pct}% complete',
  },
  lineBlocked: {
    'zh-CN': '任务处于阻塞状态，截止 {due}，完成 {pct}%',
    en: 'the task is blocked; due {due}, {pct}% complete',
  },
  lineFinalHours: {
    'zh-CN': '距截止（{due}）不足 {hours} 小时，尚未提交验收，完成 {pct}%',
    en: 'due {due}: {hours} hour(s) left and not yet submitted for acceptance; {pct}% complete',
  },
  lineNoOwner: {
    'zh-CN': '第一责任人“{owner}”不是唯一且已知的人员，请指定一位负责人',
    en: 'primary owner "{owner}" is not exactly one known person; please assign one owner',
  },
  lineLagging: {
    'zh-CN': '完成 {pct}%，按计划应达 {expected}%，落后 {gap} 个百分点（截止 {due}）',
    en: '{pct}% complete where the plan expects {expected}%: {gap} points behind (due {due})',
  },
  lineAcceptanceFailed: {
    'zh-CN': '成果“{deliverable}”（{date}），原因：{reason}；任务已退回进行中，请修改后重新提交验收',
    en: '"{deliverable}" ({date}), reason: {reason}; the task is back in progress, please rework it and submit it again',
  },
  lineNoOwnerEmpty: {
    'zh-CN': '任务已开始，但还没有第一责任人，请指定一位负责人',
    en: 'work has started but there is no primary owner; please assign one',
  },
  lineDependencyOverdue: { 'zh-CN': '前置任务已逾期：{tasks}', en: 'predecessor overdue: {tasks}' },
  lineDependencySoon: { 'zh-CN': '前置任务即将到期：{tasks}', en: 'predecessor due soon: {tasks}' },
  lineDueSoon: { 'zh-CN': '将于 {due} 到期，当前完成 {pct}%', en: 'due {due}; {pct}% complete' },
  lineStale: {
    'zh-CN': '已 {days} 个工作日没有进度更新（最近一次 {lastUpdate}）',
    en: 'no progress entry for {days} working days (last {lastUpdate})',
  },
  lineAcceptancePending: {
    'zh-CN': '自 {since} 起待验收，已 {days} 个工作日',
    en: 'awaiting acceptance for {days} working days since {since}',
  },
  lineActionOverdue: { 'zh-CN': '行动项已于 {due} 到期（{topic}）', en: 'action item was due {due} ({topic})' },
  lineReviewPending: {
    'zh-CN': '需求于 {submitted} 提交，已待审核 {days} 个工作日',
    en: 'submitted {submitted}, pending review for {days} working days',
  },
  lineChangePending: {
    'zh-CN': '计划变更（新截止 {newDue}）自 {requested} 起待批 {days} 个工作日',
    en: 'plan change (new due {newDue}) pending for {days} working days since {requested}',
  },
  automationCells: {
    'zh-CN': '单元格：已用 {used} / {limit}（{percent}%）；「归档已完成需求」现在可从工作表移出 {archivable} 个单元格',
    en: 'Cells: {used} of {limit} used ({percent}%); Archive completed would now free {archivable} cells in the working sheets',
  },
  cellLimitReached: {
    'zh-CN':
      '工作簿已用 {used} 个单元格，达到 Google 的 {limit} 上限：通知记录无法再增加，因此本次没有记录、也没有发送任何通知。请运行「归档已完成需求」，或删除不需要的工作表后再试。',
    en: "The workbook uses {used} cells, Google's {limit} limit: the Notification log cannot grow, so this run recorded and sent no notice. Run Archive completed, or delete sheets you no longer need, and try again.",
  },
  lineCellBudget: {
    'zh-CN':
      '工作簿已用 {used} 个单元格，占 Google 上限 {limit} 的 {percent}%（提醒线 {threshold}%）。到达上限后通知将无法记录、也不会发送：请运行「归档已完成需求」，详见「自动化 ▸ 状态」',
    en: "The workbook uses {used} cells, {percent}% of Google's {limit} limit (warning at {threshold}%). At the limit notices can no longer be recorded, so none are sent: run Archive completed; see Automation ▸ Status",
  },

  // Automation menu (SPEC §4) and the result of a scan.
  automationOn: {
    'zh-CN':
      '自动化已开启：每小时检查一次；工作日 {scanHour}:00 起发送提醒，每{summaryDay} {summaryHour}:00 生成周报。邮件模式：{mode}。',
    en: 'Automation is on: an hourly check; notices go out on working days from {scanHour}:00, the weekly summary every {summaryDay} at {summaryHour}:00. Email mode: {mode}.',
  },
  automationAlreadyOn: {
    'zh-CN': '自动化原本就已开启，仍只有一个定时触发器。',
    en: 'Automation was already on; there is still exactly one hourly trigger.',
  },
  automationOff: {
    'zh-CN': '自动化已关闭，不再自动检查和发送提醒。',
    en: 'Automation is off: no more automatic checks or notices.',
  },
  automationWasOff: { 'zh-CN': '自动化原本就是关闭的。', en: 'Automation was already off.' },
  automationStatus: {
    'zh-CN': '自动化：{state}\n邮件模式：{mode}\n最近一次每日检查：{lastScan}\n等待发送的提醒：{queued} 条',
    en: 'Automation: {state}\nEmail mode: {mode}\nLast daily check: {lastScan}\nReminders waiting to be sent: {queued}',
  },
  automationStateOn: { 'zh-CN': '已开启（每小时，由 {owner} 运行）', en: 'on (hourly, run by {owner})' },
  automationStateStopped: {
    'zh-CN':
      '已停止：{owner} 已不是协作总负责人，其定时任务于 {at} 自行停止，不再发送邮件。请一位协作总负责人选择「自动化 › 开启」。',
    en: 'stopped: {owner} is no longer a coordinator, so their hourly trigger stopped itself at {at} and sends nothing. A coordinator can choose Automation › Turn on.',
  },
  automationTakeOverQuestion: {
    'zh-CN':
      '自动化目前由 {owner} 运行（每个工作簿只有一位负责人）。\n要改由您运行吗？{owner} 的定时任务会在下一次运行时自行停止。',
    en: 'Automation is run by {owner} (one owner per workbook).\nRun it yourself instead? The hourly trigger of {owner} stops itself at its next run.',
  },
  automationKeptOwner: {
    'zh-CN': '未做更改：自动化仍由 {owner} 运行。',
    en: 'Nothing changed: automation is still run by {owner}.',
  },
  automationOwnedBy: {
    'zh-CN': '自动化刚刚改由 {owner} 运行。如需接管，请再次选择「自动化 › 开启」。',
    en: 'Automation has just been taken over by {owner}. To take it over, choose Automation › Turn on again.',
  },
  automationTookOver: {
    'zh-CN': '已从 {owner} 接管；{owner} 的定时任务会在下一次运行时自行停止，不会重复发送。',
    en: 'Taken over from {owner}: their hourly trigger stops itself at its next run, so nothing is sent twice.',
  },
  automationOffNotOwner: {
    'zh-CN':
      '自动化由 {owner} 运行，仍处于开启状态：定时任务属于开启它的人，只有 {owner} 能关闭。请联系 {owner} 关闭；或选择「自动化 › 开启」接管后再关闭。',
    en: 'Automation is still on: it is run by {owner}, and only they can turn their trigger off. Ask {owner} to turn it off, or choose Automation › Turn on to take it over, then Turn off.',
  },
  automationStoppedMailSubject: {
    'zh-CN': '[协作台] 自动化已停止',
    en: '[Collab Desk] Automation stopped',
  },
  automationStoppedMailBody: {
    'zh-CN':
      '您（{owner}）已不在「设置 › 协作总负责人」中，您开启的自动化已自行停止，不再发送提醒。\n如需继续，请一位协作总负责人（{coordinators}）在工作簿中选择「自动化 › 开启」：\n{url}',
    en: 'You ({owner}) are no longer listed under Settings › coordinators, so the automation you turned on has stopped itself and sends no more notices.\nTo continue, a coordinator ({coordinators}) can choose Automation › Turn on in the workbook:\n{url}',
  },
  automationStoppedCoordinatorMailBody: {
    'zh-CN':
      '{owner} 已不在「设置 › 协作总负责人」中，其开启的自动化已自行停止，工作簿不再发送任何提醒。\n请一位协作总负责人在工作簿中选择「自动化 › 开启」：\n{url}',
    en: '{owner} is no longer listed under Settings › coordinators, so the automation they turned on has stopped itself and the workbook sends no notices.\nA coordinator can choose Automation › Turn on in the workbook:\n{url}',
  },
  deliveryFailedMailSubject: {
    'zh-CN': '[协作台] {count} 封邮件 3 个工作日未能送达',
    en: '[Collab Desk] {count} mails could not be delivered for 3 working days',
  },
  deliveryFailedMailBody: {
    'zh-CN':
      '以下邮件自记录起 3 个工作日内一直未能发出（配额用尽或邮件服务失败），已标记为「失败」，不再重试：\n{list}\n详见「通知记录」：\n{url}',
    en: 'These mails could not be sent for 3 working days since they were recorded (quota used up, or mail failing); they are marked failed and not retried:\n{list}\nSee the Notification log:\n{url}',
  },
  deliveryFailedLine: {
    'zh-CN': '· {recipient}：{items}（{recordedAt} 记录）',
    en: '· {recipient}: {items} (recorded {recordedAt})',
  },
  automationStateOff: { 'zh-CN': '已关闭', en: 'off' },
  automationNever: { 'zh-CN': '尚未运行', en: 'never' },
  scanResult: {
    'zh-CN':
      '检查完成：查看了 {tasks} 个任务，有 {notices} 条提醒；发出 {digests} 封邮件，{queued} 条等下一次发送，{failed} 条发送失败；{coolingDown} 条提醒在「重复提醒间隔」内已发过，未重复发送。',
    en: 'Check done: {tasks} tasks looked at, {notices} reminders; {digests} emails sent, {queued} waiting for the next run, {failed} failed; {coolingDown} reminders were already sent within the reminder interval, so not sent again.',
  },
  scanResultDryRun: {
    'zh-CN': '试运行完成：{tasks} 个任务，{notices} 条通知；{digests} 封邮件只记入「通知记录」，未发送。',
    en: 'Dry run done: {tasks} tasks, {notices} notices; {digests} emails recorded in the Notification log, none sent.',
  },
} satisfies Record<string, Text>;
