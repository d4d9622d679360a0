/**
 * What one digest lists (SPEC §3.3): each item once, with every flag it has for this recipient,
 * under its most severe level; items told before and listed as still open only when not already
 * listed; and the subject, which names the item when there is one.
 */
import { t, type Locale, type MessageKey } from '../i18n/index';
import type { Delivery, StillOpen } from './delivery';
import type { Level, Notice } from './notice';

/** One item of a digest: its deliveries to this recipient, most severe first. */
export interface DigestItem {
  readonly deliveries: readonly Delivery[];
  readonly level: Level;
  /** Only a copy when every delivery of it is one. */
  readonly asCopy: boolean;
}

const itemKey = (notice: Pick<Notice, 'sheet' | 'item'>): string => `${notice.sheet}|${notice.item.toUpperCase()}`;

/** The deliveries (in compareDeliveries order) grouped per item, in order of each item's first delivery. */
export function digestItems(sorted: readonly Delivery[]): DigestItem[] {
  const byItem = new Map<string, Delivery[]>();
  for (const delivery of sorted) {
    const key = itemKey(delivery.notice);
    const list = byItem.get(key);
    if (list) list.push(delivery);
    else byItem.set(key, [delivery]);
  }
  return [...byItem.values()].map((deliveries) => ({
    deliveries,
    level: deliveries[0]!.notice.level,
    asCopy: deliveries.every((d) => d.role === 'cc'),
  }));
}

/**
 * The still-open entries per item: those of an item the digest lists ride on its line (`onListed`,
 * by the listed item), the others get a line of their own (`apart`), one per item.
 */
export function stillOpenItems(
  stillOpen: readonly StillOpen[],
  listed: readonly DigestItem[],
): { onListed: Map<DigestItem, StillOpen[]>; apart: StillOpen[][] } {
  const shown = new Map(listed.map((item) => [itemKey(item.deliveries[0]!.notice), item]));
  const onListed = new Map<DigestItem, StillOpen[]>();
  const byItem = new Map<string, StillOpen[]>();
  for (const open of stillOpen) {
    const key = itemKey(open.delivery.notice);
    const item = shown.get(key);
    const list = item ? onListed.get(item) : byItem.get(key);
    if (list) list.push(open);
    else if (item) onListed.set(item, [open]);
    else byItem.set(key, [open]);
  }
  return { onListed, apart: [...byItem.values()] };
}

const SUBJECT_PREFIX: Readonly<Record<Level, MessageKey>> = {
  L3: 'subjectPrefixL3',
  L2: 'subjectPrefixL2',
  L1: 'subjectPrefixL1',
};

const SIGN_OFF_REQUESTS: ReadonlySet<string> = new Set(['signOffPending']);

/** Whether the digest only asks for sign-offs: then it is not a warning, and says so (SPEC §3.3). */
export function onlySignOffs(items: readonly DigestItem[]): boolean {
  return items.length > 0 && items.every((item) => item.deliveries.every((d) => SIGN_OFF_REQUESTS.has(d.notice.rule)));
}

/**
 * "[协作预警] 逾期 · 滞后：新品推广方案初稿撰写" for one item, "[协作预警] 3 项需处理：新品推广方案初稿撰写等"
 * for more (the worst first), "[协作台] 待您签批：任务分工「…」" for sign-offs.
 */
export function subjectOf(
  locale: Locale,
  items: readonly DigestItem[],
  flagsOf: (item: DigestItem) => string,
  signOffWhat: (notice: Notice) => string,
): string {
  const first = items[0];
  if (!first) return t(locale, 'subjectPrefixL1');
  const more = items.length - 1;
  if (onlySignOffs(items)) {
    const what = signOffWhat(first.deliveries[0]!.notice);
    return more === 0
      ? t(locale, 'subjectSignOffOne', { what })
      : t(locale, 'subjectSignOffMany', { n: items.length, first: what, more });
  }
  const prefix = t(locale, SUBJECT_PREFIX[first.level]);
  const title = first.deliveries[0]!.notice.title || first.deliveries[0]!.notice.item;
  return more === 0
    ? t(locale, 'subjectOneItem', { prefix, flags: flagsOf(first), title })
    : t(locale, 'subjectManyItems', { prefix, n: items.length, first: title, more });
}

/** One item in words, as its entry in the HTML list and in the plain text, each also as a copy. */
export interface RenderedItem {
  readonly html: string;
  readonly htmlCopy: string;
  readonly text: string;
  readonly textCopy: string;
}

/** Items put into words in a run, by their notices: a notice sent to several people is worded once. */
export class RenderCache {
  private readonly ids = new Map<Notice, number>();
  private readonly items = new Map<string, RenderedItem>();

  keyOf(notices: readonly Notice[]): string {
    return notices
      .map((notice) => {
        let id = this.ids.get(notice);
        if (id === undefined) this.ids.set(notice, (id = this.ids.size));
        return id;
      })
      .join(',');
  }

  get(key: string): RenderedItem | undefined {
    return this.items.get(key);
  }

  set(key: string, item: RenderedItem): RenderedItem {
    this.items.set(key, item);
    return item;
  }
}
