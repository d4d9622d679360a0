/**
 * The send ledger (SPEC §3.5): the Notification log as the record of what a run sends. Every
 * (notice, recipient) is on the log (queued) before any mail goes out; each wave of mail is
 * marked sending, flushed, sent outside the document lock and marked sent with the next wave's
 * mark. A run that dies leaves at most its wave in flight as sending, which the next run shows as
 * unconfirmed (counted as told, never re-sent blindly); everything after it is still queued and
 * goes out at the next tick. What quota and the time budget leave is queued again; a failed send
 * is marked to retry, and later ticks retry it backing off.
 */
import type { ColumnKey, NotificationStatus } from '../domain/schema';
import { isQuotaError, type MailMessage, type Mailer } from './mailer';
import type { TableRow } from './table';

type LogRow = TableRow<ColumnKey<'notificationLog'>>;

/** One message and the log rows it carries (one per notice). */
export interface LedgerMail {
  readonly message: MailMessage;
  readonly rows: readonly LogRow[];
}

export interface LedgerOptions {
  /** The status cell's text, in the workbook's language. */
  readonly label: (status: NotificationStatus) => string;
  /** Writes the log's changed and appended rows. */
  readonly commit: () => void;
  /** Makes every write so far land before the next step (SpreadsheetApp.flush). */
  readonly flush: () => void;
  readonly senderName: string;
  /** True once the run should start no more sends (runBudgetSeconds). */
  readonly outOfTime: () => boolean;
  /** Messages per wave: one ledger write covers this many sends. */
  readonly waveSize: number;
}

export interface LedgerOutcome {
  /** Messages sent. */
  readonly sent: number;
  /** Log rows of the messages sent. */
  readonly sentRows: number;
  /** Log rows left queued for the next tick: over quota, failed, or past the time budget. */
  readonly queuedRows: number;
  /** The messages not sent, in order: their rows stay queued. */
  readonly unsent: readonly LedgerMail[];
  /** Why sending stopped early, if it did. */
  readonly stopped?: 'quota' | 'budget' | 'write' | 'unavailable';
}

/** Sends failing one after another for other reasons than quota: the service is likely down, so the run stops trying. */
const FAILURES_BEFORE_PAUSE = 3;

/** Writes the log and makes it land: a mail may go out only after its rows are on the sheet. */
function persist(options: LedgerOptions): boolean {
  try {
    options.commit();
    options.flush();
    return true;
  } catch {
    // The rows stay as the sheet has them (queued, or sending → unconfirmed next run): safe either way.
    return false;
  }
}

export function deliverMail(mails: readonly LedgerMail[], mailer: Mailer, options: LedgerOptions): LedgerOutcome {
  const mark = (rows: readonly LogRow[], status: NotificationStatus) => {
    for (const row of rows) row.set('status', options.label(status));
  };
  let sentRows = 0;
  const sentMails = new Set<LedgerMail>();
  let stopped: LedgerOutcome['stopped'];
  let failuresInARow = 0;
  let next = 0;
  while (next < mails.length && !stopped) {
    if (options.outOfTime()) {
      stopped = 'budget';
      break;
    }
    const wave = mails.slice(next, next + Math.max(1, options.waveSize));
    mark(
      wave.flatMap((mail) => mail.rows),
      'sending',
    );
    if (!persist(options)) {
      stopped = 'write';
      break;
    }
    next += wave.length;
    for (const [index, mail] of wave.entries()) {
      if (options.outOfTime()) {
        // Marked sending but never tried: certainly not sent, so queued again.
        mark(
          wave.slice(index).flatMap((m) => m.rows),
          'queued',
        );
        stopped = 'budget';
        break;
      }
      try {
        mailer.send(mail.message, options.senderName);
        mark(mail.rows, 'sent');
        sentMails.add(mail);
        sentRows += mail.rows.length;
        failuresInARow = 0;
      } catch (error) {
        const quota = isQuotaError(error);
        // A failed send is retried by later ticks, backing off (domain/delivery.ts leftOverQueued).
        if (!quota) mark(mail.rows, 'retry');
        if (!quota && ++failuresInARow < FAILURES_BEFORE_PAUSE) continue;
        // Out of quota, or mail looks down: the rest waits, untried, for the next tick.
        mark(
          wave.slice(quota ? index : index + 1).flatMap((m) => m.rows),
          'queued',
        );
        stopped = quota ? 'quota' : 'unavailable';
        break;
      }
    }
  }
  // Sent and re-queued marks of the last wave; if this write fails, its sent rows become unconfirmed.
  persist(options);
  const rows = mails.reduce((n, mail) => n + mail.rows.length, 0);
  const unsent = mails.filter((mail) => !sentMails.has(mail));
  return { sent: sentMails.size, sentRows, queuedRows: rows - sentRows, unsent, ...(stopped ? { stopped } : {}) };
}
