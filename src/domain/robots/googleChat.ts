/**
 * Google Chat incoming webhooks (https://developers.google.com/workspace/chat/quickstart/webhooks):
 * a cardsV2 message ≤ 32,000 bytes; mentions `<users/…>` by user ID in the text; errors are HTTP
 * statuses (429 when over 60 messages a minute per space). No signing: the key and token are in
 * the address.
 */
import { escapeHtml } from '../digest';
import { SENT, httpOutcome } from './answers';
import type { HttpResponse, RobotAdapter, RobotItem, RobotOutcome } from './channel';
import { fitItems, mentionsOf, moreLine, utf8Bytes, withKeyword } from './size';

export const GOOGLE_CHAT_BYTES = 32000;

export const googleChat: RobotAdapter = {
  platform: 'googleChat',
  perMinute: 60,
  request(message, robot) {
    const render = (items: readonly RobotItem[], more: number) => {
      const mentions = mentionsOf(items)
        .filter((m) => m.chatId !== '')
        .map((m) => `<users/${m.chatId}>`);
      const widgets: unknown[] = items.map((item) => ({
        textParagraph: { text: `<a href="${escapeHtml(item.link)}">${escapeHtml(item.text)}</a>` },
      }));
      if (more > 0)
        widgets.push({
          buttonList: {
            buttons: [
              {
                text: `${moreLine(message, more)} · ${message.moreLinkText}`,
                onClick: { openLink: { url: message.moreLink } },
              },
            ],
          },
        });
      const text = withKeyword(mentions.join(' '), robot.keyword);
      const body = {
        ...(text !== '' ? { text } : {}),
        cardsV2: [
          { cardId: 'collab-desk', card: { header: { title: escapeHtml(message.title) }, sections: [{ widgets }] } },
        ],
      };
      return JSON.stringify(body);
    };
    const payload = fitItems(message, GOOGLE_CHAT_BYTES, render, utf8Bytes);
    return { url: robot.webhook, method: 'post', contentType: 'application/json', payload };
  },
  classify(response: HttpResponse): RobotOutcome {
    return httpOutcome(response) ?? SENT;
  },
};
