/**
 * What each group's robot received in a demo run, as a page a person reads (SPEC §3.8, issue 24):
 * one Markdown file per group under out/robots/, a section per message with its time, its text as
 * the group sees it, who it @mentions, and how it was signed; requests the robot refused are
 * listed with the platform's answer.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FakeRobot, ReceivedPost } from '../emulator/robots';
import { wallClockOf } from '../emulator/spreadsheet/time';

const PLATFORM_NAMES = { wecom: '企业微信', dingtalk: '钉钉', feishu: '飞书', googleChat: 'Google Chat' } as const;

type Body = Record<string, unknown>;

const at = (value: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((node, key) => (node as Body | undefined)?.[key], value);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/** The message as the group's members read it, and the people it @mentions. */
function readable(robot: FakeRobot, post: ReceivedPost): { content: string; mentions: string[]; signed: string } {
  const { body } = post;
  switch (robot.platform) {
    case 'wecom':
      return body.msgtype === 'markdown'
        ? { content: text(at(body, 'markdown', 'content')), mentions: [], signed: '' }
        : {
            content: text(at(body, 'text', 'content')),
            mentions: [...list(at(body, 'text', 'mentioned_list')), ...list(at(body, 'text', 'mentioned_mobile_list'))],
            signed: '',
          };
    case 'dingtalk': {
      const url = new URL(post.url);
      const timestamp = url.searchParams.get('timestamp');
      return {
        content: text(at(body, 'markdown', 'text')),
        mentions: [...list(at(body, 'at', 'atMobiles')), ...list(at(body, 'at', 'atUserIds'))],
        signed: timestamp
          ? `加签 timestamp=${timestamp} (${new Date(Number(timestamp)).toISOString()}), sign verified`
          : '',
      };
    }
    case 'feishu':
      return {
        content: `${text(at(body, 'card', 'header', 'title', 'content'))}\n${JSON.stringify(at(body, 'card', 'elements'))}`,
        mentions: [],
        signed: body.sign ? `签名校验 timestamp=${text(body.timestamp)}, sign verified` : '',
      };
    case 'googleChat':
      return { content: JSON.stringify(body.cardsV2, null, 2), mentions: [text(body.text)], signed: '' };
  }
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** "2024-07-29 周一 09:30" on the workbook's clock. */
function timeLabel(date: Date, timeZone: string): string {
  const w = wallClockOf(date.getTime(), timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  const weekday = WEEKDAYS[new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay()];
  return `${w.year}-${pad(w.month)}-${pad(w.day)} 周${weekday} ${pad(w.hour)}:${pad(w.minute)}`;
}

/** Writes `<dir>/<group> (<platform>).md` per robot (the folder is emptied first); returns the paths. */
export function writeRobotTranscripts(
  robots: readonly { readonly group: string; readonly robot: FakeRobot }[],
  dir: string,
  timeZone: string,
): string[] {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return robots.map(({ group, robot }) => {
    const name = PLATFORM_NAMES[robot.platform];
    const refused = robot.requests.length - robot.received.length;
    const lines = [
      `# ${group} · ${name}群机器人`,
      '',
      `What the ${group} group received from Collab Desk in the demo: ${robot.received.length} messages` +
        (refused > 0 ? `; ${refused} requests refused by the robot.` : '.'),
      robot.keyword ? `The robot requires the keyword “${robot.keyword}”.` : '',
      '',
    ];
    for (const post of robot.received) {
      const { content, mentions, signed } = readable(robot, post);
      lines.push(`## ${timeLabel(post.at, timeZone)}`, '');
      lines.push(...content.split('\n').map((line) => `> ${line}`), '');
      if (mentions.length > 0) lines.push(`@ ${mentions.join(', ')}`, '');
      if (signed) lines.push(`_${signed}; ${post.bytes} bytes_`, '');
      else lines.push(`_${post.bytes} bytes_`, '');
    }
    const path = join(dir, `${group} (${name}).md`);
    writeFileSync(path, lines.join('\n'));
    return path;
  });
}
