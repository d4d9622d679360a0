import type { Text } from './index';

/** 满意度 Satisfaction (SPEC §2.11): its settings, the rating card and the round. */
export const satisfactionText = {
  settingRatingAfterDays: { 'zh-CN': '完成后邀请评价（工作日）', en: 'Ask for a rating after (working days)' },
  settingRatingAfterDaysHelp: {
    'zh-CN': '需求完成后满此工作日数，邀请需求方评价一次',
    en: 'Working days after a request is done before its requester is asked, once, to rate it',
  },
  settingRatingReminderDays: { 'zh-CN': '评价提醒（工作日）', en: 'Rating reminder after (working days)' },
  settingRatingReminderDaysHelp: {
    'zh-CN': '邀请后满此工作日数仍未评价，提醒一次，之后不再提醒',
    en: 'Working days after the ask before one reminder; never again after it',
  },
  settingSurveyQuarterMonth: { 'zh-CN': '季度调研月份（1–3）', en: 'Quarterly survey month (1–3)' },
  settingSurveyQuarterMonthHelp: {
    'zh-CN': '每季度第几个月开启部门间满意度调研',
    en: 'Which month of each quarter the departments’ satisfaction round opens',
  },

  ruleRatingAsked: { 'zh-CN': '请评价', en: 'Please rate' },
  ruleRatingReminder: { 'zh-CN': '评价提醒', en: 'Rating reminder' },
  ruleSurveyOpen: { 'zh-CN': '季度协作调研', en: 'Quarterly survey' },
  ruleRatingLow: { 'zh-CN': '低分评价', en: 'Low rating' },
  lineRatingAsked: {
    'zh-CN':
      '需求 {id} 已完成，请为这次协作打分：打开侧边栏“待我评价”，填写总体评分及权责清晰度、流程顺畅度、沟通效率（各 1–5 分）',
    en: 'Request {id} is done: please rate the collaboration in the sidebar’s “Ratings waiting for me” (overall, clarity of roles, process flow and communication, each 1–5)',
  },
  lineRatingReminder: {
    'zh-CN': '需求 {id} 自 {asked} 起等待您的评价（侧边栏“待我评价”）；这是唯一一次提醒',
    en: 'Request {id} has waited for your rating since {asked} (sidebar, “Ratings waiting for me”); this is the only reminder',
  },
  lineSurveyOpen: {
    'zh-CN': '{quarter} 季度调研：请为与{dept}的协作打分（侧边栏“待我评价”），{closes} 截止',
    en: '{quarter} survey: please rate working with {dept} (sidebar, “Ratings waiting for me”) by {closes}',
  },
  lineRatingLow: {
    'zh-CN': '{rater} 给出总体 {overall} 分，最低一项为{dimension} {lowestScore} 分；已在问题案例库提出一条待确认案例',
    en: '{rater} rated it {overall} overall, lowest {dimension} at {lowestScore}; a case is proposed in the case library',
  },
  lineRatingComment: { 'zh-CN': '意见：{comment}', en: 'Comment: {comment}' },

  ratingFieldOverall: { 'zh-CN': '总体评分', en: 'Overall' },
  ratingFieldClarity: { 'zh-CN': '权责清晰度', en: 'Clarity of roles' },
  ratingFieldFlow: { 'zh-CN': '流程顺畅度', en: 'Process flow' },
  ratingFieldCommunication: { 'zh-CN': '沟通效率', en: 'Communication' },
  ratingFieldComment: { 'zh-CN': '意见（选填）', en: 'Comment (optional)' },
  ratingScoreMissing: { 'zh-CN': '请为“{field}”选择 1–5 分', en: 'Choose a score from 1 to 5 for “{field}”' },
  ratingScoreNotWhole: {
    'zh-CN': '“{field}”须为 1–5 的整数，收到“{value}”',
    en: '“{field}” must be a whole number from 1 to 5, not “{value}”',
  },
  ratingCommentTooLong: {
    'zh-CN': '意见最多 {max} 个字，现有 {count} 个',
    en: 'A comment may hold at most {max} characters; this one has {count}',
  },
  ratingNotAsked: {
    'zh-CN': '没有待 {user} 评价的“{ref}”：评价由被邀请的评价人（或其代理人）填写',
    en: 'There is no rating of “{ref}” waiting for {user}: only the person asked (or their delegate) may rate it',
  },
  ratingAlreadyGiven: {
    'zh-CN': '“{ref}”已于 {time} 评价，每项只评价一次',
    en: '“{ref}” was rated on {time}; each is rated once',
  },
  ratingRoundClosed: {
    'zh-CN': '{quarter} 季度调研已于 {closed} 截止，不再接受评价',
    en: 'The {quarter} survey closed on {closed}; it takes no more answers',
  },
  ratingUnknownUser: {
    'zh-CN': '无法确认您的身份（Apps Script 未提供您的邮箱），不能评价',
    en: 'Apps Script did not reveal who you are, so you cannot rate',
  },
  ratingSaved: { 'zh-CN': '已保存您对“{title}”的评价，谢谢！', en: 'Your rating of “{title}” is saved. Thank you!' },
  ratingSavedLow: {
    'zh-CN': '已保存您对“{title}”的评价，协作总负责人会收到通知并跟进，谢谢！',
    en: 'Your rating of “{title}” is saved; the coordinators are told and will follow up. Thank you!',
  },
  ratingCaseProblem: {
    'zh-CN': '需求 {id}「{title}」满意度低：总体 {overall} 分，{dimension} {lowestScore} 分。{comment}',
    en: 'Low satisfaction with request {id} “{title}”: overall {overall}, {dimension} {lowestScore}. {comment}',
  },
  ratingCaseProblemRound: {
    'zh-CN': '{quarter} 季度调研中{rater}对{dept}评价低：总体 {overall} 分，{dimension} {lowestScore} 分。{comment}',
    en: 'In the {quarter} survey {rater} rated {dept} low: overall {overall}, {dimension} {lowestScore}. {comment}',
  },
  ratingCaseTags: { 'zh-CN': '满意度', en: 'satisfaction' },

  sidebarRatingsTitle: { 'zh-CN': '待我评价', en: 'Ratings waiting for me' },
  sidebarRatingRequest: { 'zh-CN': '需求 {ref}', en: 'Request {ref}' },
  sidebarRatingQuarter: { 'zh-CN': '{ref} 季度调研 · 评价{dept}', en: '{ref} survey · rate {dept}' },
  sidebarRatingUntil: { 'zh-CN': '{closes} 截止', en: 'closes {closes}' },
  sidebarRatingSubmit: { 'zh-CN': '提交评价', en: 'Submit rating' },
  sidebarRatingScale: { 'zh-CN': '1 很不满意 … 5 非常满意', en: '1 very dissatisfied … 5 very satisfied' },
  sidebarRatingServerError: {
    'zh-CN': '未能连接服务器（{message}），请再点一次“提交评价”：不会重复保存',
    en: 'Could not reach the server ({message}); click “Submit rating” again: it is saved only once',
  },
  sidebarRatingOnBehalf: { 'zh-CN': '代 {person} 评价', en: 'On behalf of {person}' },

  menuOpenSurveyRound: { 'zh-CN': '开启本季度满意度调研', en: 'Open this quarter’s satisfaction survey' },
  surveyRoundOpened: {
    'zh-CN': '已开启 {quarter} 季度调研：新增 {added} 条待评价（部门负责人将收到一次通知）。',
    en: 'The {quarter} survey is open: {added} ratings added (each head is told once).',
  },
  surveyRoundAlreadyOpen: {
    'zh-CN': '{quarter} 季度调研已开启，没有需要新增的评价。',
    en: 'The {quarter} survey is already open; nothing to add.',
  },
  surveyRoundNoPartners: {
    'zh-CN': '{quarter} 季度没有部门共同参与过需求，无需调研。',
    en: 'No departments worked together on a request in {quarter}; there is nothing to rate.',
  },
  surveyRoundTooEarly: {
    'zh-CN': '按设置，季度调研在每季度第 {month} 个月开启；{quarter} 的调研请于 {from} 起开启。',
    en: 'Settings open the survey in month {month} of each quarter; open {quarter}’s from {from}.',
  },
  surveyRoundNoHead: {
    'zh-CN': '以下部门在“部门”表中没有负责人，未邀请：{depts}',
    en: 'These departments have no head on Departments and were not asked: {depts}',
  },

  kpiSatisfactionDept: { 'zh-CN': '各部门满意度（季度调研）', en: 'Satisfaction by department (quarterly survey)' },
  kpiSatisfactionDeptColumns: { 'zh-CN': '被评部门', en: 'Department rated' },
  kpiSatisfactionAnswers: { 'zh-CN': '答卷数', en: 'Answers' },
  kpiSatisfactionShare: { 'zh-CN': '满意度（4–5 分占比）', en: 'Satisfied (4–5)' },
  kpiSatisfactionMean: { 'zh-CN': '平均总体评分', en: 'Mean overall' },

  summarySatisfactionTitle: { 'zh-CN': '满意度', en: 'Satisfaction' },
  summarySatisfactionLine: {
    'zh-CN': '本周收到 {answers} 份评价，满意（4–5 分）{satisfied} 份，满意度 {share}；低分（≤2 分）{low} 份',
    en: '{answers} ratings this week, {satisfied} satisfied (4–5): {share}; {low} low (≤ 2)',
  },
  summarySatisfactionNone: { 'zh-CN': '本周没有收到评价', en: 'No ratings this week' },
  summarySatisfactionWaiting: { 'zh-CN': '仍待评价 {count} 份', en: '{count} ratings still waiting' },
} satisfies Record<string, Text>;
