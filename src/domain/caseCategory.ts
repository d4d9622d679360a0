/**
 * A proposed case's category guessed from its words (SPEC §2.12: 权责 · 流程 · 沟通 · 资源 · 外部 ·
 * 其他): each category has cue words; the category with the most cues found in the text wins, and
 * a tie or no cue at all is 其他, for the coordinator to set. A guess only: the coordinator who
 * keeps the case may change it.
 */
import type { CaseCategory } from './enums';

/** Cue words per category, Chinese and English, matched as substrings of the lower-cased text. */
const CUES: Readonly<Record<Exclude<CaseCategory, 'other'>, readonly string[]>> = {
  roles: [
    '权责',
    '职责',
    '责任不清',
    '分工',
    '谁负责',
    '推诿',
    '负责人不明',
    'responsib',
    'ownership',
    'unclear owner',
  ],
  process: [
    '流程',
    '审批',
    '签批',
    '会签',
    '手续',
    '规范',
    '标准',
    '步骤',
    'process',
    'approval',
    'sign-off',
    'procedure',
  ],
  communication: [
    '沟通',
    '反馈',
    '回复',
    '通知',
    '信息',
    '确认',
    '误解',
    '会议',
    'communicat',
    'feedback',
    'reply',
    'misunderst',
    'inform',
  ],
  resources: [
    '资源',
    '人手',
    '人力',
    '预算',
    '经费',
    '设备',
    '排期',
    '档期',
    '数据',
    'resource',
    'budget',
    'staff',
    'capacity',
  ],
  // Not 客户 alone: 客户服务部 and 大客户数据 are inside the company.
  external: [
    '客户方',
    '外部客户',
    '甲方',
    '供应商',
    '外部',
    '第三方',
    '政策',
    '监管',
    '物流',
    'customer',
    'supplier',
    'vendor',
    'external',
    'regulat',
  ],
};

export function guessCategory(text: string): CaseCategory {
  const lower = text.toLowerCase();
  let best: CaseCategory = 'other';
  let bestCount = 0;
  let tied = false;
  for (const [category, cues] of Object.entries(CUES) as [CaseCategory, readonly string[]][]) {
    const count = cues.filter((cue) => lower.includes(cue)).length;
    if (count > bestCount) {
      best = category;
      bestCount = count;
      tied = false;
    } else if (count === bestCount && count > 0) tied = true;
  }
  return tied ? 'other' : best;
}
