/**
 * The send ledger's sending (SPEC §3.5): the run's messages are on the Notification log, a row
 * each, recorded 发送中 under the run's ID and their order; they go out in that order, outside the
 * document lock and inside the ledger lease, within the run's time budget. Before each send the
 * run's progress is written (gas/sendProgress: the message under way), so a run that dies at any
 * point leaves one message in doubt at most (domain/ledger settledStatus). A failed send is marked
 * on the sheet before the run goes on (progress alone would read it as sent); the rest is marked
 * in one write at the end, after which the progress is removed. A group robot's message (SPEC
 * §3.8) is a message of its own channel on the same ledger: it posts itself and says what to mark.
 */
import type { SendProgress } from '../domain/ledger';
import type { ColumnKey } from '../domain/schema';
import type { NotificationStatus } from '../domain/enums';
import { isQuotaError, type MailMessage, type Mailer } from './mailer';
import type { SendProgressStore } from './sendProgress';
import type { TableRow } from './table';

type LogRow = TableRow<ColumnKey<'notificationLog'>>;

/** One mail and its log row. */
export interface LedgerMail {
  readonly message: MailMessage;
  readonly row: LogRow;
  readonly post?: undefined;
}

/**
 * What became of a robot message: sent; retry (rate limit, busy, no answer: later ticks, backing
 * off); failed (the robot is broken: no retry); queued (over the robot's per-minute limit: the
 * next tick sends it, no failure counted).
 */
export type PostStatus = 'sent' | 'retry' | 'failed' | 'queued';

/** One group robot message and its log row; `post` sends it and never throws. */
export interface LedgerPost {
  readonly post: () => PostStatus;
  readonly row: LogRow;
  readonly message?: undefined;
}

export type LedgerMessage = LedgerMail | LedgerPost;

export interface LedgerOptions {
  /** The status cell's text, in the workbook's language. */
  readonly label: (status: NotificationStatus) => string;
  /** Writes the log's changed rows and makes them land (SpreadsheetApp.flush). */
  readonly persist: () => void;
  readonly senderName: string;
  /** True once the run should start no more sends (runBudgetSeconds). */
  readonly outOfTime: () => boolean;
  /** The log's time for a status set now. */
  readonly time: () => Date;
  readonly progress: SendProgressStore;
  /** The run's ID and each message's place in its order, as recorded on its row. */
  readonly run: string;
  readonly orderOf: (mail: LedgerMessage) => number;
}

export interface LedgerOutcome<M extends LedgerMessage = LedgerMessage> {
  /** Messages sent, in order. */
  readonly sent: readonly M[];
  /** The messages not sent, in order: queued, or to retry, for a later tick. */
  readonly unsent: readonly M[];
  /** Why sending stopped early, if it did. */
  readonly stopped?: 'quota' | 'budget' | 'write' | 'unavailable';
}

/** Sends failing one after another for other reasons than quota: the service is likely down, so the run stops trying. */
const FAILURES_BEFORE_PAUSE = 3;

export function deliverMail<M extends LedgerMessage>(
  mails: readonly M[],
  mailer: Mailer,
  options: LedgerOptions,
): LedgerOutcome<M> {
  const mark = (mail: LedgerMessage, status: NotificationStatus) => {
    mail.row.set('status', options.label(status));
    mail.row.set('time', options.time());
  };
  const persist = (): boolean => {
    try {
      options.persist();
      return true;
    } catch {
      // The rows stay as the sheet has them; the progress tells the next run what went out.
      return false;
    }
  };
  const progress = (order: number, done: boolean): boolean => {
    const record: SendProgress = { run: options.run, order, done };
    try {
      options.progress.write(record);
      return true;
    } catch {
      return false;
    }
  };
  const sent: M[] = [];
  let stopped: LedgerOutcome['stopped'];
  let failuresInARow = 0;
  let next = 0;
  for (; next < mails.length; next++) {
    const mail = mails[next] as M;
    if (options.outOfTime()) {
      stopped = 'budget';
      break;
    }
    if (!progress(options.orderOf(mail), false)) {
      stopped = 'write';
      break;
    }
    if (mail.post) {
      // A robot's answer never stops the mail: each robot's failure stays with its own row.
      const status = mail.post();
      mark(mail, status);
      if (status === 'sent') {
        sent.push(mail);
        continue;
      }
      if (status === 'retry') mail.row.set('attempts', Number(mail.row.get('attempts')) + 1);
      // Not sent: on the sheet before the run goes on, or progress would read it as sent.
      if (!persist()) {
        next++;
        stopped = 'write';
        break;
      }
      continue;
    }
    try {
      mailer.send(mail.message, options.senderName);
      mark(mail, 'sent');
      sent.push(mail);
      failuresInARow = 0;
    } catch (error) {
      if (isQuotaError(error)) {
        stopped = 'quota';
        break;
      }
      // A failed send is retried by later ticks, backing off (domain/delivery.ts leftOverQueued).
      mark(mail, 'retry');
      mail.row.set('attempts', Number(mail.row.get('attempts')) + 1);
      if (!persist()) {
        next++;
        stopped = 'write';
        break;
      }
      if (++failuresInARow >= FAILURES_BEFORE_PAUSE) {
        next++;
        stopped = 'unavailable';
        break;
      }
    }
  }
  // Everything from `next` on was not tried: queued for the next tick (over quota, out of time, mail down).
  const untried = mails.slice(next);
  for (const mail of untried) mark(mail, 'queued');
  const lastTried = mails[next - 1];
  // The sends are over: a run that dies from here leaves nothing in doubt.
  const settled = lastTried ? progress(options.orderOf(lastTried) + 1, true) : true;
  if (persist() && settled) {
    try {
      options.progress.clear();
    } catch {
      // A stale progress names rows that are no longer 发送中: the next run finds nothing to settle.
    }
  }
  const sentSet = new Set(sent);
  const unsent = mails.filter((mail) => !sentSet.has(mail));
  return { sent, unsent, ...(stopped ? { stopped } : {}) };
}
