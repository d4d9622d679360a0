/**
 * 企业微信 群机器人 (https://developer.work.weixin.qq.com/document/path/91770): markdown ≤ 4,096
 * bytes, mentions by user ID `<@userid>`; people known only by mobile need a text message with
 * mentioned_mobile_list, whose content is ≤ 2,048 bytes. 20 messages a minute.
 */
import { SENT, bodyOf, broken, codeOf, httpOutcome, inertMarkdown, retry } from './answers';
import type { HttpResponse, RobotAdapter, RobotItem, RobotMessage, RobotOutcome } from './channel';
import { fitItems, mentionsOf, moreLine, utf8Bytes, withKeyword } from './size';

export const WECOM_MARKDOWN_BYTES = 4096;
export const WECOM_TEXT_BYTES = 2048;

export const wecom: RobotAdapter = {
  platform: 'wecom',
  perMinute: 20,
  request(message, robot) {
    const byMobileOnly = mentionsOf(message.items).some((m) => m.chatId === '' && m.mobile !== '');
    const body = byMobileOnly ? textBody(message, robot.keyword) : markdownBody(message, robot.keyword);
    return { url: robot.webhook, method: 'post', contentType: 'application/json', payload: JSON.stringify(body) };
  },
  classify(response: HttpResponse): RobotOutcome {
    const http = httpOutcome(response);
    if (http) return http;
    const body = bodyOf(response);
    const code = codeOf(body, 'errcode');
    const detail = `errcode ${String(code)} ${String(body.errmsg ?? '')}`.trim();
    if (code === 0) return SENT;
    // 93000: invalid webhook url (the robot was removed, or the key mistyped).
    if (code === 93000) return broken('address', detail);
    return retry(detail);
  },
};

function markdownBody(message: RobotMessage, keyword: string) {
  const render = (items: readonly RobotItem[], more: number) => {
    const lines = items.map((item) => {
      const at = item.mentions.filter((m) => m.chatId !== '').map((m) => `<@${m.chatId}>`);
      return `> ${inertMarkdown(item.text)} [↗](${item.link})${at.length > 0 ? ` ${at.join(' ')}` : ''}`;
    });
    if (more > 0) lines.push(`${moreLine(message, more)} [${message.moreLinkText}](${message.moreLink})`);
    return withKeyword(`**${inertMarkdown(message.title)}**\n${lines.join('\n')}`, keyword);
  };
  const content = fitItems(message, WECOM_MARKDOWN_BYTES, render, utf8Bytes);
  return { msgtype: 'markdown', markdown: { content } };
}

function textBody(message: RobotMessage, keyword: string) {
  const render = (items: readonly RobotItem[], more: number) => {
    const lines = items.map((item) => `· ${item.text}`);
    if (more > 0) lines.push(`${moreLine(message, more)} ${message.moreLink}`);
    else lines.push(message.moreLink);
    return { items, content: withKeyword(`${message.title}\n${lines.join('\n')}`, keyword) };
  };
  const { items, content } = fitItems(message, WECOM_TEXT_BYTES, render, (r) => utf8Bytes(r.content));
  const mentions = mentionsOf(items);
  return {
    msgtype: 'text',
    text: {
      content,
      mentioned_list: mentions.filter((m) => m.chatId !== '').map((m) => m.chatId),
      mentioned_mobile_list: mentions.filter((m) => m.chatId === '' && m.mobile !== '').map((m) => m.mobile),
    },
  };
}
