/**
 * Robot messages are limited in bytes of UTF-8, not characters (SPEC §3.8): a Chinese character
 * is 3 bytes. Past the limit a message keeps as many items as fit and says "+N more" with a link.
 */
import type { RobotItem, RobotMessage } from './channel';

export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/**
 * The most items (in order) whose rendering, with "+N more" for the rest, measures within `limit`:
 * `render(items, more)` builds what the platform measures; `more` is 0 when every item fits.
 * With not even one item fitting, the message carries none and says how many there are.
 */
export function fitItems<T>(
  message: RobotMessage,
  limit: number,
  render: (items: readonly RobotItem[], more: number) => T,
  measure: (rendered: T) => number,
): T {
  const all = message.items;
  const whole = render(all, 0);
  if (measure(whole) <= limit) return whole;
  // Binary search for the largest prefix that fits with its "+N more" line.
  let low = 0;
  let high = all.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(render(all.slice(0, mid), all.length - mid)) <= limit) low = mid;
    else high = mid - 1;
  }
  return render(all.slice(0, low), all.length - low);
}

/** The "+N more" line's words with the count put in. */
export function moreLine(message: RobotMessage, more: number): string {
  return message.moreText.replace('{count}', String(more));
}

/** Everyone mentioned by the given items, once each, in order. */
export function mentionsOf(items: readonly RobotItem[]): RobotItem['mentions'] {
  const seen = new Set<string>();
  return items.flatMap((item) =>
    item.mentions.filter((m) => {
      const key = m.email || m.mobile || m.chatId;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }),
  );
}

/** The keyword, when the robot requires one and the text lacks it, put first. */
export function withKeyword(text: string, keyword: string): string {
  return keyword === '' || text.includes(keyword) ? text : `${keyword} ${text}`;
}
