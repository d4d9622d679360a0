import type { Text } from './index';

/** The menus' dialogs (SPEC §4): each button says what it does. */
export const dialogText = {
  dlgWorking: { 'zh-CN': '正在处理，请稍候…', en: 'Working on it…' },
  dlgClose: { 'zh-CN': '关闭', en: 'Close' },
  dlgCancel: { 'zh-CN': '取消', en: 'Cancel' },
  dlgFailed: { 'zh-CN': '没有完成，什么也没有写入：', en: 'Not done, nothing was written: ' },
  dlgChoose: { 'zh-CN': '请选择', en: 'Choose' },
  dlgSetupTitle: { 'zh-CN': '设置工作簿', en: 'Set up workbook' },
  dlgSetupQuestion: {
    'zh-CN': '工作簿的表名、表头和下拉选项用哪种语言？\n已填写的内容不会移动或丢失。',
    en: 'Which language should the sheet names, headers and dropdowns use?\nNothing already entered moves or disappears.',
  },
  dlgSetupChinese: { 'zh-CN': '中文', en: '中文' },
  dlgSetupEnglish: { 'zh-CN': 'English', en: 'English' },
  dlgSetupBadLanguage: {
    'zh-CN': '语言“{value}”无效；可选：中文（zh-CN）、English（en）。',
    en: 'Language "{value}" is not offered; choose 中文 (zh-CN) or English (en).',
  },
  dlgSplitTitle: { 'zh-CN': '拆分任务 · {id}', en: 'Split into tasks · {id}' },
  dlgSplitIntro: {
    'zh-CN':
      '需求 {id}「{title}」：为每个任务填写名称、责任部门、第一责任人、截止日期和交付成果标准，然后提交各责任部门负责人会签。所有任务一次写入；有一项不对，什么也不写入。',
    en: 'Request {id} "{title}": give each task a name, responsible department, primary owner, due date and deliverable standard, then submit the split to the departments\' heads for sign-off. All tasks are written at once; if one is wrong, nothing is written.',
  },
  dlgSplitExisting: {
    'zh-CN': '已在「{sheet}」表中的 {count} 个任务会一起提交：',
    en: 'The {count} tasks already on the {sheet} sheet are submitted with them:',
  },
  dlgSplitTask: { 'zh-CN': '任务 {n}', en: 'Task {n}' },
  dlgSplitAddTask: { 'zh-CN': '再添加一个任务', en: 'Add another task' },
  dlgSplitRemoveTask: { 'zh-CN': '删除此任务', en: 'Remove this task' },
  dlgSplitSubmit: { 'zh-CN': '提交会签', en: 'Submit for sign-off' },
  dlgTemplateKeep: { 'zh-CN': '先修改负责人，稍后提交', en: 'Change owners first, submit later' },
  dlgReviewTitle: { 'zh-CN': '立项 / 退回需求 · {id}', en: 'Approve / return request · {id}' },
  dlgReviewQuestion: {
    'zh-CN': '需求 {id}「{title}」\n立项后可拆分任务；退回修改或驳回时请填写审核意见。',
    en: 'Request {id} "{title}"\nOnce approved it can be split into tasks; to return or reject it, write the review notes.',
  },
  dlgReviewNotes: { 'zh-CN': '审核意见', en: 'Review notes' },
  dlgReviewLead: { 'zh-CN': '牵头部门', en: 'Lead department' },
  dlgReviewApprove: { 'zh-CN': '立项', en: 'Approve' },
  dlgReviewReturn: { 'zh-CN': '退回修改', en: 'Return for changes' },
  dlgReviewReject: { 'zh-CN': '驳回', en: 'Reject' },
} satisfies Record<string, Text>;
