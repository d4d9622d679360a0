import type { Text } from './index';

/** Templates (SPEC §2.14): the sheet's checks, Split from template and Save as template. */
export const templateText = {
  menuSplitFromTemplate: { 'zh-CN': '从模板拆分任务', en: 'Split from template' },
  menuSaveAsTemplate: { 'zh-CN': '存为模板', en: 'Save as template' },
  tplOffsetInvalid: {
    'zh-CN': '“{value}”不是有效的开始偏移；请填写 0 或更大的整数（从拆分开始日算起的工作日数）。',
    en: '"{value}" is not a valid start offset; use a whole number of working days, 0 or more, counted from the split\'s start.',
  },
  tplDurationInvalid: {
    'zh-CN': '“{value}”不是有效的工期；请填写 1 或更大的整数（工作日数，任务在最后一个工作日到期）。',
    en: '"{value}" is not a valid duration; use a whole number of working days, 1 or more (the task is due on the last of them).',
  },
  tplDuplicateTask: {
    'zh-CN': '任务“{value}”在本模板第 {row} 行已出现；同一模板内任务名称不能重复。',
    en: 'Task "{value}" is already on row {row} of this template; task names within a template must differ.',
  },
  tplUnknownDependency: {
    'zh-CN': '“{value}”不是模板“{template}”中的任务；前置任务请填写本模板的任务名称：{allowed}。',
    en: '"{value}" is not a task of template "{template}"; name tasks of the same template: {allowed}.',
  },
  tplDependencyCycle: {
    'zh-CN': '前置任务形成循环：{cycle}；这些任务永远无法开始，请去掉其中一个前置任务。',
    en: 'The dependencies go round in a circle: {cycle}; these tasks could never start, so remove one of them.',
  },
  tplNoTemplates: {
    'zh-CN': '「{sheet}」表中还没有模板；请运行“设置工作簿”添加内置模板，或自己添加模板行。',
    en: 'The {sheet} sheet holds no template yet; run Set up workbook to add the shipped ones, or add template rows.',
  },
  tplSplitPrompt: {
    'zh-CN':
      '从模板拆分需求 {id}。\n请输入模板名称：{names}\n可在名称后加开始日期，如“{example} 2024-09-02”；不填则从今天（{today}）开始。\n确定：按模板填入任务行；取消：不写入任何内容。',
    en: 'Split request {id} from a template.\nType the template name: {names}\nYou may add a start date after it, e.g. "{example} 2024-09-02"; without one the split starts today ({today}).\nOK: fill in the task rows from the template; Cancel: write nothing.',
  },
  tplUnknownTemplate: {
    'zh-CN': '没有名为“{value}”的模板；可用的模板：{names}。',
    en: 'There is no template "{value}"; the templates are: {names}.',
  },
  tplBadStartDate: {
    'zh-CN': '“{value}”不是日期；开始日期请写成 yyyy-MM-dd，如 2024-09-02。',
    en: '"{value}" is not a date; write the start date as yyyy-MM-dd, e.g. 2024-09-02.',
  },
  tplBrokenTemplate: {
    'zh-CN': '模板“{name}”有以下问题，未拆分任何任务：\n{problems}\n请在「{sheet}」表中改正后重试。',
    en: 'Template "{name}" has these problems; no task was created:\n{problems}\nCorrect them on the {sheet} sheet and try again.',
  },
  tplSplitHasTasks: {
    'zh-CN': '需求 {id} 已有 {count} 个任务行；从模板拆分只用于还没有任务的需求。请用“拆分任务”提交或补充现有任务。',
    en: 'Request {id} already has {count} task rows; Split from template is for a request without tasks. Use Split into tasks to submit or add to them.',
  },
  tplSplitFilled: {
    'zh-CN':
      '已按模板“{name}”从 {start} 起填入任务 {ids}。\n建议的第一责任人（部门负责人，无负责人时为接口人）：\n{owners}',
    en: 'Filled in tasks {ids} from template "{name}", starting {start}.\nProposed primary owners (the department head, or its liaison when it has none):\n{owners}',
  },
  tplPlanEndsLate: {
    'zh-CN': '注意：按模板排期，最后一个任务 {end} 到期，晚于需求的期望完成时间 {expected}。',
    en: 'Note: as the template plans it, the last task is due {end}, after the request is expected by {expected}.',
  },
  tplOwnerLine: { 'zh-CN': '{task}（{dept}）：{owner}', en: '{task} ({dept}): {owner}' },
  tplOwnerMissing: {
    'zh-CN': '（部门没有负责人或接口人，请填写）',
    en: '(the department lists no head or liaison; fill one in)',
  },
  tplSubmitQuestion: {
    'zh-CN':
      '按以上负责人提交各责任部门负责人会签吗？若要先在「{sheet}」表中修改负责人，任务会保留在表中，改好后用“拆分任务”提交。',
    en: "Submit the split for sign-off by the departments' heads with these owners? To change owners on the {sheet} sheet first, the tasks stay there; submit them later with Split into tasks.",
  },
  tplSaveNotFinished: {
    'zh-CN': '需求 {id} 的状态是“{status}”；只有“{allowed}”的需求可以存为模板。',
    en: 'Request {id} is "{status}"; only a request that is "{allowed}" can be saved as a template.',
  },
  tplSavePrompt: {
    'zh-CN':
      '把需求 {id} 的 {count} 个任务存为新模板，开始偏移与工期按实际计划的工作日推算。\n请输入模板名称，可在“/”后加项目类型（如“新品发布会 / 市场活动”）。已有模板：{names}\n确定：写入「{sheet}」表；取消：不写入任何内容。',
    en: 'Save the {count} tasks of request {id} as a new template, with offsets and durations counted in working days from its plan.\nType the template name, optionally followed by "/" and a project type (e.g. "Launch event / Marketing event"). Existing templates: {names}\nOK: write it to the {sheet} sheet; Cancel: write nothing.',
  },
  tplNameRequired: { 'zh-CN': '请输入模板名称。', en: 'Type a name for the template.' },
  tplNameTaken: {
    'zh-CN': '已有名为“{value}”的模板；请换一个名称。',
    en: 'There is already a template "{value}"; choose another name.',
  },
  tplSaveNoTasks: {
    'zh-CN': '需求 {id} 没有可存为模板的任务（已取消的任务不算）。',
    en: 'Request {id} has no task to save as a template (cancelled tasks do not count).',
  },
  tplSaveNoDue: {
    'zh-CN': '任务 {id} 没有截止时间，无法推算工期；请先补上。',
    en: 'Task {id} has no due date, so its duration cannot be worked out; fill it in first.',
  },
  tplSaveDuplicateTask: {
    'zh-CN': '需求 {id} 中有多个任务叫“{value}”；模板按名称引用前置任务，请先改成不同的名称。',
    en: 'Request {id} has more than one task named "{value}"; templates name their dependencies by task name, so rename them first.',
  },
  tplSaved: {
    'zh-CN': '已把需求 {id} 的 {count} 个任务存为模板“{name}”，见「{sheet}」表。',
    en: 'Saved the {count} tasks of request {id} as template "{name}" on the {sheet} sheet.',
  },
} satisfies Record<string, Text>;
