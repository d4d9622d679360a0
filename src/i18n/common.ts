import type { Text } from './index';

/** Strings used across areas: the add-on's name and generic outcomes. */
export const commonText = {
  appName: { 'zh-CN': '协作台', en: 'Collab Desk' },
  notCoordinator: {
    'zh-CN': '只有协作负责人可以执行此操作（设置 › 协调人：{coordinators}）。当前用户：{user}',
    en: 'Only a coordinator can do this (Settings › coordinators: {coordinators}). Current user: {user}',
  },
  unknownUser: { 'zh-CN': '（未知用户）', en: '(unknown user)' },
  menuOpenSidebar: { 'zh-CN': '打开侧边栏', en: 'Open sidebar' },
} satisfies Record<string, Text>;
