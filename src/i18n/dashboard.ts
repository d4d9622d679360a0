import type { Text } from './index';

/** Strings of the key figures (SPEC §3.9), the dashboard's tiles and tables and the timeline (SPEC §2.8). */
export const dashboardText = {
  kpiOnTime: { 'zh-CN': '按期完成率', en: 'On-time rate' },
  kpiDelay: { 'zh-CN': '延期率', en: 'Delay rate' },
  kpiResponse: { 'zh-CN': '平均响应时长（工作小时）', en: 'Avg. response (working hours)' },
  kpiResponseWithin: { 'zh-CN': '{hours} 小时内响应', en: 'Answered within {hours} h' },
  kpiSignOff: { 'zh-CN': '签批及时率（{hours} 小时）', en: 'Sign-offs within {hours} h' },
  kpiResolution: { 'zh-CN': '问题解决率', en: 'Resolution rate' },
  kpiChange: { 'zh-CN': '变更率', en: 'Change rate' },
  kpiSatisfaction: { 'zh-CN': '满意度', en: 'Satisfaction' },
  kpiHours: { 'zh-CN': '{hours} 小时', en: '{hours} h' },
  kpiMonth: { 'zh-CN': '月份', en: 'Month' },
  kpiByMonth: { 'zh-CN': '近六个月关键指标', en: 'Key figures, last six months' },
  kpiWeek: { 'zh-CN': '本周关键指标：{figures}', en: 'Key figures this week: {figures}' },
  settingResponseTargetHours: { 'zh-CN': '响应目标（工作小时）', en: 'Response target (working hours)' },
  settingResponseTargetHoursHelp: {
    'zh-CN': '需求提交后在此工作小时数内审核（通过、退回或驳回）即算及时响应，用于关键指标「平均响应时长」',
    en: 'A request reviewed (approved, returned or rejected) within this many working hours of submission counts as answered in time, for the key figure "response time"',
  },
  settingSignOffTargetHours: { 'zh-CN': '签批及时目标（工作小时）', en: 'Sign-off target (working hours)' },
  settingSignOffTargetHoursHelp: {
    'zh-CN': '签批在发起后此工作小时数内作出即算及时，用于关键指标「签批及时率」',
    en: 'A sign-off decided within this many working hours of its request counts as on time, for the key figure "sign-off timeliness"',
  },
  dashWaitingSignOff: { 'zh-CN': '待会签需求', en: 'Requests awaiting sign-off' },
  dashWaitingAcceptance: { 'zh-CN': '待验收任务', en: 'Tasks awaiting acceptance' },
  dashChangesPending: { 'zh-CN': '待批计划变更', en: 'Plan changes pending' },
  dashOpenRequests: { 'zh-CN': '进行中的需求', en: 'Open requests' },
  dashPctDone: { 'zh-CN': '完成度（按任务）', en: '% done (by tasks)' },
  dashHealthMix: { 'zh-CN': '任务健康', en: 'Task health' },
  dashNextDue: { 'zh-CN': '下一个截止', en: 'Next due' },
  dashWaitingOn: { 'zh-CN': '等待谁（刷新时）', en: 'Waiting on (at refresh)' },
  timelineSheet: { 'zh-CN': '时间线', en: 'Timeline' },
  timelineDone: { 'zh-CN': '「{sheet}」已刷新：{tasks} 项任务。', en: '"{sheet}" is refreshed: {tasks} tasks.' },
  menuRefreshTimeline: { 'zh-CN': '刷新时间线', en: 'Refresh timeline' },
} satisfies Record<string, Text>;
