/**
 * 钉钉 自定义机器人 (https://open.dingtalk.com/document/robots/custom-robot-access): markdown whose
 * text is ≤ 20,000 bytes; mentions by at.atMobiles (and at.atUserIds) plus "@mobile" in the text;
 * 加签: timestamp (ms) and sign = URL-encoded base64(HMAC-SHA256(key = secret, message =
 * timestamp + "\n" + secret)) as query parameters. 20 messages a minute.
 */
import { SENT, bodyOf, broken, codeOf, httpOutcome, inertMarkdown, retry } from './answers';
import type { HmacBase64, HttpResponse, RobotAdapter, RobotItem, RobotOutcome } from './channel';
import { fitItems, mentionsOf, moreLine, utf8Bytes, withKeyword } from './size';

export const DINGTALK_TEXT_BYTES = 20000;

/** The query parameters 加签 adds to the webhook. */
export function dingtalkSignature(secret: string, now: Date, hmac: HmacBase64): { timestamp: string; sign: string } {
  const timestamp = String(now.getTime());
  return { timestamp, sign: encodeURIComponent(hmac(secret, `${timestamp}\n${secret}`)) };
}

/** Codes meaning the address is wrong or the robot was removed (SPEC §3.8). */
const GONE = new Set([300005, 400101, 400102, 400106, 400013]);

export const dingtalk: RobotAdapter = {
  platform: 'dingtalk',
  perMinute: 20,
  request(message, robot, { now, hmac }) {
    const render = (items: readonly RobotItem[], more: number) => {
      const lines = items.map((item) => {
        const at = item.mentions.map((m) => m.mobile || m.chatId).filter((id) => id !== '');
        return `- ${inertMarkdown(item.text)} [↗](${item.link})${at.map((id) => ` @${id}`).join('')}`;
      });
      if (more > 0) lines.push(`\n${moreLine(message, more)} [${message.moreLinkText}](${message.moreLink})`);
      return { items, text: withKeyword(`#### ${inertMarkdown(message.title)}\n${lines.join('\n')}`, robot.keyword) };
    };
    const { items, text } = fitItems(message, DINGTALK_TEXT_BYTES, render, (r) => utf8Bytes(r.text));
    const mentions = mentionsOf(items);
    const body = {
      msgtype: 'markdown',
      markdown: { title: withKeyword(message.title, robot.keyword), text },
      at: {
        atMobiles: mentions.filter((m) => m.mobile !== '').map((m) => m.mobile),
        atUserIds: mentions.filter((m) => m.mobile === '' && m.chatId !== '').map((m) => m.chatId),
        isAtAll: false,
      },
    };
    const signed = robot.secret === '' ? undefined : dingtalkSignature(robot.secret, now, hmac);
    const url = signed ? `${robot.webhook}&timestamp=${signed.timestamp}&sign=${signed.sign}` : robot.webhook;
    return { url, method: 'post', contentType: 'application/json', payload: JSON.stringify(body) };
  },
  classify(response: HttpResponse): RobotOutcome {
    const http = httpOutcome(response);
    if (http) return http;
    const body = bodyOf(response);
    const code = codeOf(body, 'errcode');
    const message = String(body.errmsg ?? '');
    const detail = `errcode ${String(code)} ${message}`.trim();
    if (code === 0) return SENT;
    if (code !== undefined && GONE.has(code)) return broken('address', detail);
    if (code === 310000) {
      // One code for every security setting; its message says which ("sign not match", "invalid
      // timestamp", "keywords not in content", "ip X.X.X.X not in whitelist").
      if (/keyword/i.test(message)) return broken('keyword', detail);
      if (/\bip\b/i.test(message)) return broken('ip', detail);
      return broken('signature', detail);
    }
    // 130101 / 410100 (sending too fast), -1 (busy), anything unknown: the next tick tries again.
    return retry(detail);
  },
};
