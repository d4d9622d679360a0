import type { Text } from './index';

/** 问题案例库 Case library (SPEC §2.12): proposals, keep or discard, similar cases, the retrospective's conclusions. */
export const caseText = {
  caseDelayProblem: {
    'zh-CN': '{id} {name} 延误 {days} 个工作日完成（原定 {baseline}，完成 {done}）',
    en: '{id} {name} finished {days} working day(s) late (baseline {baseline}, done {done})',
  },
  caseFailureProblem: {
    'zh-CN': '{id} {name}：「{deliverable}」验收未通过（{date}），意见：{reason}',
    en: '{id} {name}: "{deliverable}" failed acceptance ({date}), comment: {reason}',
  },
  caseNoComment: { 'zh-CN': '未填写原因', en: 'no reason given' },
  caseEscalationProblem: {
    'zh-CN': '{id} {name} 自 {since} 起升级（L3），共提醒 {told} 次',
    en: '{id} {name} escalated (L3) from {since}, told {told} time(s)',
  },
  retroCasesProposed: {
    'zh-CN':
      '已向「{sheet}」提议 {count} 条案例（{ids}），状态为「待确认」：请协作总负责人逐条设为「保留」或「弃用」。',
    en: '{count} case(s) proposed to "{sheet}" ({ids}), marked Proposed: a coordinator sets each to Kept or Discarded.',
  },
  retroNoNewCases: {
    'zh-CN': '没有新的案例可提议（本需求的延误、验收未通过和升级此前已提议过，或没有）。',
    en: 'No new cases to propose (this request’s delays, failed acceptances and escalations were proposed before, or there are none).',
  },
  retroNoCaseSheet: {
    'zh-CN': '本工作簿还没有「{sheet}」表，未提议案例：请协作总负责人运行「设置工作簿」后再生成一次。',
    en: 'This workbook has no "{sheet}" sheet, so no cases were proposed: a coordinator runs Set up workbook, then creates the retrospective again.',
  },
  retroFrom: { 'zh-CN': '来源', en: 'From' },
  retroWhat: { 'zh-CN': '内容', en: 'What' },
  retroFromRating: { 'zh-CN': '满意度', en: 'Rating' },
  retroRatingLine: {
    'zh-CN': '总体 {overall} · 权责清晰度 {clarity} · 流程顺畅度 {flow} · 沟通效率 {communication}',
    en: 'overall {overall} · clarity {clarity} · flow {flow} · communication {communication}',
  },
  retroRatingComment: { 'zh-CN': '；意见：{comment}', en: '; comment: {comment}' },
  retroDimClarity: { 'zh-CN': '权责清晰度', en: 'Clarity of roles' },
  retroDimFlow: { 'zh-CN': '流程顺畅度', en: 'Process flow' },
  retroDimCommunication: { 'zh-CN': '沟通效率', en: 'Communication' },
  retroDimAverage: { 'zh-CN': '{dimension} 平均 {average} 分', en: '{dimension}: {average} on average' },
  retroOnTimeLine: {
    'zh-CN': '{judged} 项任务中 {onTime} 项按原定截止完成',
    en: '{onTime} of {judged} tasks finished by their baseline due date',
  },
  retroCaseLine: { 'zh-CN': '{problem}；原因：{cause}', en: '{problem}; cause: {cause}' },
  retroSuggestionLine: { 'zh-CN': '{title}{detail}（{dept} · {status}）', en: '{title}{detail} ({dept} · {status})' },
  retroSuggestionDetail: { 'zh-CN': '：{detail}', en: ': {detail}' },
  caseSimilarHeading: { 'zh-CN': '类似案例（问题案例库）', en: 'Similar cases (case library)' },
  caseSimilarSameCategory: { 'zh-CN': '同类：{category}', en: 'same category: {category}' },
  caseSimilarShared: { 'zh-CN': '与延误原因用词相近', en: 'shares words with the delay reason' },
  caseSimilarCountermeasure: { 'zh-CN': '措施：{text}', en: 'Countermeasure: {text}' },
} satisfies Record<string, Text>;
