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
} satisfies Record<string, Text>;
