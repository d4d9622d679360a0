import type { Text } from './index';

/** Strings of workbook setup, validation and the request → task → progress → acceptance workflow. */
export const workbookText = {
  // How a problem is shown: on a cell note, in the Validate list and in sidebar answers.
  wbProblemAt: { 'zh-CN': '第 {row} 行「{field}」：{message}', en: 'Row {row}, {field}: {message}' },
  wbProblemField: { 'zh-CN': '「{field}」：{message}', en: '{field}: {message}' },
  wbNoteMarker: { 'zh-CN': '⚠ 协作台：', en: '⚠ Collab Desk: ' },
  wbListSeparator: { 'zh-CN': '、', en: ', ' },

  wbRequired: { 'zh-CN': '必填。', en: 'Required.' },
  wbTooLong: {
    'zh-CN': '最多 {max} 个字符（现在 {length} 个）。',
    en: 'At most {max} characters (now {length}).',
  },
  wbUnknownDept: {
    'zh-CN': '“{value}”不是已登记的部门；请填写「部门」表中的部门：{allowed}。',
    en: '"{value}" is not a known department; use one from the Departments sheet: {allowed}.',
  },
  wbNoDepartments: { 'zh-CN': '（「部门」表还是空的）', en: '(the Departments sheet is still empty)' },
  wbOwnerMultiple: {
    'zh-CN':
      '只能填一位第一责任人（一个邮箱，或「人员」表中的一个姓名），这里有 {count} 人：{parts}。协助的人请填在「协助部门/协作人」。',
    en: 'Exactly one primary owner (one email, or one name from People); this cell names {count}: {parts}. Put helpers under Assisting.',
  },
  wbPersonMultiple: {
    'zh-CN': '只能填一个人（一个邮箱，或「人员」表中的一个姓名），这里有 {count} 人：{parts}。',
    en: 'Exactly one person (one email, or one name from People); this cell names {count}: {parts}.',
  },
  wbPersonUnknown: {
    'zh-CN': '“{value}”不在「人员」表中；请填写邮箱，或先在「人员」表登记此人。',
    en: '"{value}" is not in the People sheet; type an email, or add the person to People first.',
  },
  wbPersonAmbiguous: {
    'zh-CN': '“{value}”在「人员」表中对应多个邮箱（{emails}）；请直接填写邮箱。',
    en: '"{value}" matches several emails in People ({emails}); type the email instead.',
  },
  wbPersonInvalidEmail: {
    'zh-CN': '“{value}”不是有效的邮箱地址。',
    en: '"{value}" is not a valid email address.',
  },
  wbOwnerEmpty: {
    'zh-CN': '状态为“{status}”的任务必须有一位第一责任人。',
    en: 'A task that is "{status}" needs one primary owner.',
  },
  wbNotDate: {
    'zh-CN':
      '“{value}”不是日期（或写法无法识别）；请年份在前，写作 2024-08-20、2024/8/20、2024.8.20、2024年8月20日 或 20240820（可加时间，如 2024-08-20 18:00）。',
    en: '"{value}" is not a date the desk can read; write it year first, as 2024-08-20, 2024/8/20, 2024.8.20, 2024年8月20日 or 20240820 (a time may follow, e.g. 2024-08-20 18:00).',
  },
  wbAsap: {
    'zh-CN': '“{value}”不是日期：请写明具体的期望完成日期（如 2024-08-20），才能排期和提醒。',
    en: '"{value}" is not a date: give a concrete date (e.g. 2024-08-20) so the work can be planned and reminded.',
  },
  wbBeforeSubmission: {
    'zh-CN': '期望完成时间 {value} 早于提交日期 {submitted}。',
    en: 'Expected by {value} is before the submission date {submitted}.',
  },
  wbVagueGoal: {
    'zh-CN': '目标里没有数字或日期（如“尽快”“提升效率”）；请写明可衡量的目标，如“Q3 销售额较 Q2 提升 30%”。',
    en: 'The goal has no number or date (like "ASAP" or "improve efficiency"); state something measurable, e.g. "Q3 sales +30 % over Q2".',
  },
  wbBadEnum: {
    'zh-CN': '“{value}”不是可用的取值；可选：{allowed}。',
    en: '"{value}" is not allowed; choose one of: {allowed}.',
  },
  wbReviewRequired: {
    'zh-CN': '退回修改或驳回时必须填写审核意见。',
    en: 'Review notes are required when a request is returned or rejected.',
  },
  wbUnknownRequest: { 'zh-CN': '找不到需求“{value}”。', en: 'There is no request "{value}".' },
  wbRequestWrongStatus: {
    'zh-CN': '需求 {value} 当前为“{status}”；此操作只适用于：{allowed}。',
    en: 'Request {value} is "{status}"; this only works for: {allowed}.',
  },
  wbDueBeforeStart: {
    'zh-CN': '截止时间 {due} 早于开始时间 {start}。',
    en: 'Due {due} is before the start {start}.',
  },
  wbUnknownTask: { 'zh-CN': '找不到任务“{value}”。', en: 'There is no task "{value}".' },
  wbSelfDependency: { 'zh-CN': '任务不能依赖它自己。', en: 'A task cannot depend on itself.' },
  wbDuplicateId: {
    'zh-CN': '{field} {value} 重复出现在第 {rows} 行；每个编号只能出现一次。',
    en: '{field} {value} appears on rows {rows}; each ID may appear only once.',
  },
  wbTaskIdDuplicated: {
    'zh-CN': '任务编号 {value} 在「{sheet}」中重复出现（第 {rows} 行），无法确定是哪个任务；请先改正编号再登记。',
    en: 'Task ID {value} appears more than once in {sheet} (rows {rows}), so it is unclear which task is meant; fix the IDs first.',
  },
  wbTaskWrongStatus: {
    'zh-CN': '任务 {value} 当前为“{status}”；此操作只适用于：{allowed}。',
    en: 'Task {value} is "{status}"; this only works for: {allowed}.',
  },
  wbPctRange: {
    'zh-CN': '完成百分比必须是 0 到 100 之间的数字（现在是“{value}”）。',
    en: '% complete must be a number from 0 to 100 (now "{value}").',
  },
  wbPctAmbiguous: {
    'zh-CN': '“{value}”可能是 1%，也可能是输入“100%”后表格存下的 1，无法区分：已完成请填 100，1% 请填“1%”。',
    en: '"{value}" may be 1% or a "100%" that the sheet stored as 1, which cannot be told apart: type 100 when done, or "1%" for one percent.',
  },
  wbPctShownAsPercent: {
    'zh-CN': '此单元格按百分比显示，填入的 {value} 显示为 {shown}%，超出 0% 到 100%；请改填“{value}%”。',
    en: 'This cell shows percentages, so {value} shows as {shown}%, outside 0% to 100%; type "{value}%" instead.',
  },
  wbPctLower: {
    'zh-CN': '完成百分比 {value}% 低于上一次的 {previous}%；如确实回退，请在「{noteField}」中写明原因。',
    en: '{value}% is lower than the previous entry ({previous}%); if progress really went back, explain why under {noteField}.',
  },
  wbDelayReasonRequired: {
    'zh-CN': '按计划此时应完成约 {expected}%，本次为 {value}%，请填写滞后原因（按计划时填“无”）。',
    en: 'By plan about {expected}% should be done by now and this entry says {value}%; give the delay reason ("none" only when on track).',
  },
  wbReasonOnFail: {
    'zh-CN': '验收不通过时必须填写不通过原因。',
    en: 'A reason is required when the deliverable fails acceptance.',
  },
  wbChangeDecided: {
    'zh-CN': '该计划变更已是“{status}”，不能再次审批。',
    en: 'This plan change is already "{status}" and cannot be decided again.',
  },
  wbNotOnSelectedRow: {
    'zh-CN': '请先在「{sheet}」工作表中选中一行数据。',
    en: 'Select a data row in the {sheet} sheet first.',
  },
  formAlreadySaved: {
    'zh-CN': '已保存；重复的提交没有再次写入。',
    en: 'Saved; the repeated submission wrote nothing again.',
  },
  wbMissingSheet: {
    'zh-CN': '找不到「{sheet}」工作表；请先运行“设置工作簿”。',
    en: 'There is no {sheet} sheet; run "Set up workbook" first.',
  },
  wbMissingColumns: {
    'zh-CN': '「{sheet}」缺少列：{columns}；请运行“设置工作簿”补齐。',
    en: 'The {sheet} sheet lacks columns: {columns}; run "Set up workbook" to add them.',
  },

  // Setup and Validate.
  wbSetupDone: {
    'zh-CN': '工作簿已就绪：新建 {created} 个工作表，沿用 {adopted} 个，补充 {columns} 列。',
    en: 'Workbook ready: {created} sheets created, {adopted} adopted, {columns} columns added.',
  },
  wbStampForCoordinator: {
    'zh-CN': '任务编号和原定截止只由协作总负责人写入：下一次每小时检查或协作总负责人运行「校验」时填写',
    en: "Task ID and baseline due are written only for coordinators: the next hourly check or a coordinator's Validate fills them in",
  },
  wbHeaderProtection: {
    'zh-CN': '协作台表头：改动表头会让协作台找不到列',
    en: 'Collab Desk header: renaming headers stops Collab Desk from finding columns',
  },
  wbHelpChoice: { 'zh-CN': '请选择：{allowed}', en: 'Choose one: {allowed}' },
  wbHelpDept: { 'zh-CN': '填写「部门」表中的一个部门', en: 'One department from the Departments sheet' },
  wbHelpPerson: {
    'zh-CN': '只填一个人：一个邮箱，或「人员」表中的一个姓名',
    en: 'One person only: one email, or one name from the People sheet',
  },
  wbHelpDate: { 'zh-CN': '填写日期，如 2024-08-20', en: 'A date, e.g. 2024-08-20' },
  wbHelpPct: { 'zh-CN': '0 到 100 之间的数字', en: 'A number from 0 to 100' },
  wbImportPrompt: {
    'zh-CN': '把「{sheet}」中的任务导入到哪个已立项的需求？请输入需求编号（如 XQ202407001）。',
    en: 'Which approved request do the tasks in "{sheet}" belong to? Enter its ID (e.g. XQ202407001).',
  },
  wbImportOwnSheet: {
    'zh-CN': '请先打开要导入的部门任务表（不是协作台自己的工作表）。',
    en: "Open the department's own task list first (not one of Collab Desk's sheets).",
  },
  wbImportMissing: {
    'zh-CN': '「{sheet}」缺少必需的列：{columns}；无法导入。',
    en: '"{sheet}" lacks the columns {columns}; nothing was imported.',
  },
  wbImportDone: {
    'zh-CN': '已导入 {count} 个任务：{ids}。未导入 {rejected} 行（原表未改动）：',
    en: 'Imported {count} tasks: {ids}. Rows not imported: {rejected} (the source sheet is unchanged):',
  },
  wbImportAlreadyPresent: {
    'zh-CN': '{count} 行已在该需求的任务中（任务名称与责任部门相同），未重复导入：原表第 {rows} 行。',
    en: '{count} rows already present among the request’s tasks (same task and department), skipped: source rows {rows}.',
  },
  wbValidateClean: { 'zh-CN': '检查完成，没有发现问题。', en: 'Checked: no problems found.' },
  wbValidateSummary: {
    'zh-CN': '发现 {errors} 个问题、{warnings} 个提醒（已在单元格上批注并标色）：',
    en: 'Found {errors} problems and {warnings} warnings (noted and highlighted on the cells):',
  },
  wbMoreProblems: {
    'zh-CN': '……另有 {count} 条，见各单元格批注。',
    en: '… and {count} more; see the cell notes.',
  },

  // Request review and split from the menu.
  wbReviewed: { 'zh-CN': '需求 {id} 已更新为“{status}”。', en: 'Request {id} is now "{status}".' },
  wbSubmitted: { 'zh-CN': '需求 {id} 已提交，等待审核。', en: 'Request {id} submitted for review.' },
  wbProgressPosted: { 'zh-CN': '已记录任务 {id} 的进度：{pct}%。', en: 'Progress on {id} recorded: {pct}%.' },
  wbAccepted: { 'zh-CN': '任务 {id} 验收通过，已完成。', en: 'Task {id} passed acceptance and is done.' },
  wbRejectedDeliverable: {
    'zh-CN': '任务 {id} 验收不通过，已退回“进行中”。',
    en: 'Task {id} failed acceptance and is back in progress.',
  },
  wbChangeRequested: {
    'zh-CN': '任务 {id} 的计划变更已提交，等待审批。',
    en: 'Plan change for {id} submitted for approval.',
  },
  wbReviewedChange: { 'zh-CN': '任务 {id} 的计划变更：{status}。', en: 'Plan change for {id}: {status}.' },
  wbBadPayload: {
    'zh-CN': '无法识别此请求，未保存任何内容。',
    en: 'The request was not understood; nothing was saved.',
  },
  wbBadValue: { 'zh-CN': '取值无效', en: 'Invalid value' },
  wbTaskNumber: { 'zh-CN': '任务 {n}', en: 'Task {n}' },
  wbTasksCreated: { 'zh-CN': '已新建任务：{ids}。', en: 'Tasks created: {ids}.' },
} satisfies Record<string, Text>;
