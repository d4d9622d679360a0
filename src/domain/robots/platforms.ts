/**
 * The four platforms (SPEC §3.8): each adapter, the address its webhooks start with (also the
 * manifest's urlFetchWhitelist), and what a secret looks like where the platform signs.
 */
import type { RobotAdapter, RobotConfig, RobotPlatform } from './channel';
import { dingtalk } from './dingtalk';
import { feishu } from './feishu';
import { googleChat } from './googleChat';
import { wecom } from './wecom';

export const ADAPTERS: Readonly<Record<RobotPlatform, RobotAdapter>> = { wecom, dingtalk, feishu, googleChat };

/** Webhook prefixes per platform: what Validate accepts and the manifest whitelists. */
export const WEBHOOK_PREFIXES: Readonly<Record<RobotPlatform, readonly string[]>> = {
  wecom: ['https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key='],
  dingtalk: ['https://oapi.dingtalk.com/robot/send?access_token='],
  feishu: ['https://open.feishu.cn/open-apis/bot/v2/hook/', 'https://open.larksuite.com/open-apis/bot/v2/hook/'],
  googleChat: ['https://chat.googleapis.com/v1/spaces/'],
};

/** What a secret looks like, on platforms that sign: DingTalk's start with SEC and 64 hex digits. */
const SECRET_SHAPES: Partial<Record<RobotPlatform, RegExp>> = {
  dingtalk: /^SEC[0-9a-f]{64}$/i,
  feishu: /^[A-Za-z0-9]{16,64}$/,
};

export type RobotProblem =
  'webhookMissing' | 'webhookNotHttps' | 'webhookWrongHost' | 'secretMalformed' | 'secretUnused';

/** What is wrong with a robot's configuration, by field; [] when it can be posted to. */
export function robotProblems(robot: RobotConfig): { field: 'webhook' | 'secret'; problem: RobotProblem }[] {
  const problems: { field: 'webhook' | 'secret'; problem: RobotProblem }[] = [];
  const webhook = robot.webhook.trim();
  if (webhook === '') problems.push({ field: 'webhook', problem: 'webhookMissing' });
  else if (!/^https:\/\//i.test(webhook)) problems.push({ field: 'webhook', problem: 'webhookNotHttps' });
  else if (
    !WEBHOOK_PREFIXES[robot.platform].some((prefix) => webhook.startsWith(prefix) && webhook.length > prefix.length)
  )
    problems.push({ field: 'webhook', problem: 'webhookWrongHost' });
  const secret = robot.secret.trim();
  if (secret !== '') {
    const shape = SECRET_SHAPES[robot.platform];
    if (!shape) problems.push({ field: 'secret', problem: 'secretUnused' });
    else if (!shape.test(secret)) problems.push({ field: 'secret', problem: 'secretMalformed' });
  }
  return problems;
}

/** The manifest's urlFetchWhitelist entries: each platform's prefix up to its last slash. */
export function whitelistPrefixes(): string[] {
  return Object.values(WEBHOOK_PREFIXES)
    .flat()
    .map((prefix) => prefix.slice(0, prefix.lastIndexOf('/') + 1));
}

/**
 * A robot's identity for "broken until a coordinator changes it": its address, secret and keyword.
 * A short hash, so the state store never holds the webhook or secret themselves.
 */
export function robotFingerprint(robot: RobotConfig): string {
  let hash = 0x811c9dc5;
  for (const char of `${robot.platform}\n${robot.webhook}\n${robot.secret}\n${robot.keyword}`) {
    hash ^= char.codePointAt(0) as number;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
