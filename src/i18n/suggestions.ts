import type { Text } from './index';

/** 改进建议 Improvement suggestions (SPEC §2.13): the form, the status flow's refusals, notices and the weekly section. */
export const suggestionText = {
  sidebarFormSuggestion: { 'zh-CN': '改进建议', en: 'Suggestion' },
  sgFiled: {
    'zh-CN': '已提交改进建议 {id}，协作总负责人会在评估后答复。',
    en: 'Suggestion {id} filed; a coordinator will answer once it is evaluated.',
  },

  sgSave: { 'zh-CN': '保存评估结果', en: 'Save the decision' },
  sgDecided: { 'zh-CN': '建议 {id} 已更新为「{status}」。', en: 'Suggestion {id} is now {status}.' },
  sgDecideCoordinators: {
    'zh-CN': '只有协作总负责人（{coordinators}）可以评估建议。',
    en: 'Only a coordinator ({coordinators}) may decide on a suggestion.',
  },
  sgUnknown: { 'zh-CN': '没有编号为 {id} 的建议。', en: 'There is no suggestion {id}.' },

  sgOwnerNotInPeople: {
    'zh-CN': '“{value}”不在「人员」表中；采纳的建议须由「人员」表中的一人负责。',
    en: '"{value}" is not in the People sheet; an adopted suggestion is owned by one person from People.',
  },
  sgOwnerRequired: {
    'zh-CN': '状态为「{status}」时必填：采纳的建议须有一位负责人（「人员」表中的一人）。',
    en: 'Required while the status is "{status}": an adopted suggestion has one owner (a person from People).',
  },
  sgDueRequired: {
    'zh-CN': '状态为「{status}」时必填：采纳的建议须有完成时限。',
    en: 'Required while the status is "{status}": an adopted suggestion has a due date.',
  },
  sgNoteRequired: {
    'zh-CN': '不采纳时必填：请写明不采纳的理由，提出人会收到。',
    en: 'Required when declining: say why; the proposer is told.',
  },
  maySuggestionFlow: {
    'zh-CN': '建议 {id} 的状态只能从「{from}」改为：{allowed}',
    en: 'Suggestion {id} can only go from "{from}" to: {allowed}',
  },
  maySuggestionFlowEnd: {
    'zh-CN': '建议 {id} 已「{from}」，状态不能再改',
    en: 'Suggestion {id} is {from}; its status no longer changes',
  },

  ruleSuggestionFiled: { 'zh-CN': '新改进建议', en: 'New suggestion' },
  ruleSuggestionDecided: { 'zh-CN': '建议已评估', en: 'Suggestion decided' },
  ruleSuggestionDueSoon: { 'zh-CN': '建议即将到期', en: 'Suggestion due soon' },
  ruleSuggestionOverdue: { 'zh-CN': '建议逾期', en: 'Suggestion overdue' },
  lineSuggestionFiled: {
    'zh-CN': '{proposer} 于 {filed} 提出（{dept}），请评估',
    en: 'filed by {proposer} on {filed} ({dept}); please evaluate it',
  },
  lineSuggestionAdopted: {
    'zh-CN': '您的建议已采纳：负责人 {owner}，完成时限 {due}',
    en: 'your suggestion was adopted: owner {owner}, due {due}',
  },
  lineSuggestionDeclined: {
    'zh-CN': '您的建议未被采纳：{note}',
    en: 'your suggestion was declined: {note}',
  },
  lineSuggestionDueSoon: { 'zh-CN': '采纳的建议将于 {due} 到期', en: 'adopted suggestion due {due}' },
  lineSuggestionOverdue: {
    'zh-CN': '采纳的建议截止 {due}，已逾期 {days} 个工作日',
    en: 'adopted suggestion due {due}, {days} working day(s) overdue',
  },

  summarySuggestions: { 'zh-CN': '改进建议', en: 'Improvement suggestions' },
  summarySuggestionWhat: { 'zh-CN': '本周', en: 'This week' },
  summarySuggestionFiled: { 'zh-CN': '新提出', en: 'Filed' },
  summarySuggestionDecided: { 'zh-CN': '已评估（{status}）', en: 'Decided ({status})' },
} satisfies Record<string, Text>;
