/**
 * The group robots a workbook configures (SPEC §2.7): one per department on Departments (群机器人 ·
 * 机器人地址 · 加签密钥 · 关键词) and the coordinators' group on Settings. A robot whose address or
 * secret is wrong is not posted to; Validate names the cell and what is allowed. Nothing here
 * ever reaches the sidebar or a mail: webhooks and secrets stay on coordinators-only sheets.
 */
import type { Problem } from '../domain/workflow';
import { enumLabel, parseEnum } from '../domain/enums';
import type { RobotConfig, RobotPlatform } from '../domain/robots/channel';
import { robotProblems, WEBHOOK_PREFIXES, type RobotProblem } from '../domain/robots/platforms';
import type { MessageKey } from '../i18n/index';
import type { Workbook } from './workbook';

export interface RobotGroup {
  /** The department's name, or the coordinators' group's ("协作负责人群"): its recipient in the log. */
  readonly name: string;
  readonly robot: RobotConfig;
}

const PROBLEM_TEXT: Readonly<Record<RobotProblem, MessageKey>> = {
  webhookMissing: 'robotProblemWebhookMissing',
  webhookNotHttps: 'robotProblemWebhookNotHttps',
  webhookWrongHost: 'robotProblemWebhookWrongHost',
  secretMalformed: 'robotProblemSecretMalformed',
  secretUnused: 'robotProblemSecretUnused',
};

const SECRET_SHAPE_TEXT: Partial<Record<RobotPlatform, MessageKey>> = {
  dingtalk: 'robotSecretShapeDingtalk',
  feishu: 'robotSecretShapeFeishu',
};

/** The coordinators' group as the log names it, in the workbook's language. */
export function coordinatorGroupName(wb: Workbook): string {
  return wb.text('robotCoordinatorGroup');
}

/** Every configured robot that can be posted to, and the problems of those that cannot. */
export function readRobotGroups(wb: Workbook): { groups: RobotGroup[]; problems: Problem[] } {
  const groups: RobotGroup[] = [];
  const problems: Problem[] = [];
  const consider = (
    name: string,
    typed: { robot: unknown; webhook: string; secret: string; keyword: string },
    where: { sheet: 'departments' | 'settings'; row?: number; fields: Record<'robot' | 'webhook' | 'secret', string> },
  ) => {
    const platform = parseEnum('robotPlatform', typed.robot);
    const problem = (field: 'robot' | 'webhook' | 'secret', message: MessageKey, params = {}) =>
      problems.push({
        sheet: where.sheet,
        ...(where.row !== undefined ? { row: where.row } : {}),
        field: where.fields[field],
        message,
        params,
        level: 'error',
      });
    if (!platform) {
      if (typed.webhook !== '') problem('robot', 'robotProblemNoPlatform');
      return;
    }
    const robot: RobotConfig = { platform, webhook: typed.webhook, secret: typed.secret, keyword: typed.keyword };
    const found = robotProblems(robot);
    const platformName = enumLabel('robotPlatform', platform, wb.locale);
    for (const { field, problem: kind } of found) {
      const shape = SECRET_SHAPE_TEXT[platform];
      const allowed =
        field === 'webhook' ? WEBHOOK_PREFIXES[platform].join(wb.text('wbListSeparator')) : shape ? wb.text(shape) : '';
      problem(field, PROBLEM_TEXT[kind], { platform: platformName, allowed });
    }
    if (found.length === 0) groups.push({ name, robot });
  };
  for (const row of wb.optionalTable('departments')?.records() ?? []) {
    const name = row.text('name');
    if (name === '') continue;
    consider(
      name,
      {
        robot: row.get('robot'),
        webhook: row.text('webhook'),
        secret: row.text('secret'),
        keyword: row.text('keyword'),
      },
      { sheet: 'departments', row: row.rowNumber, fields: { robot: 'robot', webhook: 'webhook', secret: 'secret' } },
    );
  }
  const s = wb.settings;
  consider(
    coordinatorGroupName(wb),
    {
      robot: s.coordinatorRobot,
      webhook: s.coordinatorWebhook,
      secret: s.coordinatorSecret,
      keyword: s.coordinatorKeyword,
    },
    {
      sheet: 'settings',
      // Settings has no such columns: the problem names the setting by its label.
      fields: {
        robot: wb.text('settingCoordinatorRobot'),
        webhook: wb.text('settingCoordinatorWebhook'),
        secret: wb.text('settingCoordinatorSecret'),
      },
    },
  );
  return { groups, problems };
}
