import type { Text } from './index';

/** Strings used across areas: the add-on's name and generic outcomes. */
export const commonText = {
  appName: { 'zh-CN': '协作台', en: 'Collab Desk' },
  notCoordinator: {
    'zh-CN': '只有协作总负责人可以执行此操作（设置 › 协作总负责人：{coordinators}）。当前用户：{user}',
    en: 'Only a coordinator can do this (Settings › coordinators: {coordinators}). Current user: {user}',
  },
  documentBusy: {
    'zh-CN': '另一项更新正在进行，请一分钟后重试。',
    en: 'Another update is in progress; please try again in a minute.',
  },
  unknownUser: { 'zh-CN': '（未知用户）', en: '(unknown user)' },
  menuSetupWorkbook: { 'zh-CN': '设置工作簿', en: 'Set up workbook' },
  menuNewRequest: { 'zh-CN': '新建需求', en: 'New request' },
  menuApproveRequest: { 'zh-CN': '审核需求（立项/退回）', en: 'Approve / return request' },
  menuSplitTasks: { 'zh-CN': '拆分任务', en: 'Split into tasks' },
  menuValidate: { 'zh-CN': '检查', en: 'Validate' },
  menuWeeklySummary: { 'zh-CN': '生成周报', en: 'Generate weekly summary' },
  menuRefreshDashboard: { 'zh-CN': '刷新看板', en: 'Refresh dashboard' },
  menuRetrospective: { 'zh-CN': '生成复盘', en: 'Create retrospective' },
  menuArchive: { 'zh-CN': '归档已完成需求', en: 'Archive completed' },
  menuImportSheet: { 'zh-CN': '导入工作表', en: 'Import sheet' },
  menuOpenSidebar: { 'zh-CN': '打开侧边栏', en: 'Open sidebar' },
  menuAutomation: { 'zh-CN': '自动化', en: 'Automation' },
  menuAutomationOn: { 'zh-CN': '开启', en: 'Turn on' },
  menuAutomationOff: { 'zh-CN': '关闭', en: 'Turn off' },
  menuRunChecksNow: { 'zh-CN': '立即检查', en: 'Run checks now' },
  menuAutomationStatus: { 'zh-CN': '状态', en: 'Status' },
  menuSettings: { 'zh-CN': '设置', en: 'Settings' },
} satisfies Record<string, Text>;
