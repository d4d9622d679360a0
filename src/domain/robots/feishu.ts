/**
 * 飞书 / Lark 自定义机器人 (https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot):
 * an interactive card, request body ≤ 20 KB; mentions `<at email=…></at>` (or `<at id=…>` by
 * chat ID); 签名校验: timestamp (s) and sign = base64(HMAC-SHA256(key = timestamp + "\n" +
 * secret, message = "")) in the body. 100 messages a minute, 5 a second.
 */
import { escapeHtml } from '../digest';
import { SENT, bodyOf, broken, codeOf, httpOutcome, retry } from './answers';
import type { HmacBase64, HttpResponse, Mention, RobotAdapter, RobotItem, RobotOutcome } from './channel';
import { fitItems, moreLine, utf8Bytes, withKeyword } from './size';

export const FEISHU_BODY_BYTES = 20 * 1024;

export function feishuSignature(secret: string, now: Date, hmac: HmacBase64): { timestamp: string; sign: string } {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  return { timestamp, sign: hmac(`${timestamp}\n${secret}`, '') };
}

function at(mention: Mention): string {
  return mention.chatId !== '' ? `<at id=${mention.chatId}></at>` : `<at email=${mention.email}></at>`;
}

export const feishu: RobotAdapter = {
  platform: 'feishu',
  perMinute: 100,
  perSecond: 5,
  request(message, robot, { now, hmac }) {
    const signed = robot.secret === '' ? {} : feishuSignature(robot.secret, now, hmac);
    const render = (items: readonly RobotItem[], more: number) => {
      const lines = items.map((item) => {
        const mentions = item.mentions.filter((m) => m.chatId !== '' || m.mobile !== '').map(at);
        return `• [${escapeHtml(item.text)}](${item.link})${mentions.length > 0 ? ` ${mentions.join(' ')}` : ''}`;
      });
      if (more > 0) lines.push(`${moreLine(message, more)} [${message.moreLinkText}](${message.moreLink})`);
      const body = {
        ...signed,
        msg_type: 'interactive',
        card: {
          header: { title: { tag: 'plain_text', content: withKeyword(message.title, robot.keyword) } },
          elements: [{ tag: 'div', text: { tag: 'lark_md', content: lines.join('\n') } }],
        },
      };
      return JSON.stringify(body);
    };
    const payload = fitItems(message, FEISHU_BODY_BYTES, render, utf8Bytes);
    return { url: robot.webhook, method: 'post', contentType: 'application/json', payload };
  },
  classify(response: HttpResponse): RobotOutcome {
    const http = httpOutcome(response);
    if (http) return http;
    const body = bodyOf(response);
    // Older robots answer StatusCode, newer ones code.
    const code = codeOf(body, 'code', 'StatusCode');
    const detail = `code ${String(code)} ${String(body.msg ?? body.StatusMessage ?? '')}`.trim();
    if (code === 0) return SENT;
    if (code === 19021) return broken('signature', detail);
    if (code === 19024) return broken('keyword', detail);
    if (code === 19022) return broken('ip', detail);
    // 19001: the hook's token is unknown (the robot was removed, or the address mistyped).
    if (code === 19001) return broken('address', detail);
    // 11232 (too fast) and anything unknown: the next tick tries again.
    return retry(detail);
  },
};
