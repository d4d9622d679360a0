/**
 * MailApp: sends into an in-memory outbox and counts the daily quota per recipient (to + cc +
 * bcc), as https://developers.google.com/apps-script/reference/mail/mail-app#getRemainingDailyQuota()
 * describes. The quota window opens with the first message sent and resets 24 hours later
 * ("Quotas are per user and reset 24 hours after the first request",
 * https://developers.google.com/apps-script/guides/services/quotas).
 */
import { type EmulatorContext, gasError, requireFullAuth } from '../core';

/**
 * Simple triggers may not send mail (https://developers.google.com/apps-script/guides/triggers#restrictions);
 * the refusal names the scope, like SpreadsheetApp.openById's in
 * https://github.com/peterherrmann/BetterLog/issues/29.
 */
const SEND_MAIL_SCOPE = 'https://www.googleapis.com/auth/script.send_mail';

type MailParameters = GoogleAppsScript.Mail.MailAdvancedParameters;
export type EmulatedMailApp = Pick<GoogleAppsScript.Mail.MailApp, 'sendEmail' | 'getRemainingDailyQuota'>;

export interface SentMail {
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  /** The plain-text part. */
  body: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  noReply: boolean;
  sentAt: Date;
}

export interface MailOptions {
  /** Recipients per day; 100 is the consumer-account quota. */
  dailyQuota?: number;
}

export interface EmulatedMail {
  MailApp: EmulatedMailApp;
  outbox: SentMail[];
  /** Sets what is left of the current quota window (opening one if none is open). */
  emuSetRemainingQuota(n: number): void;
}

const QUOTA_WINDOW_MS = 24 * 3_600_000;
const ADDRESS = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/;

/** "a@x.com, Bob <b@y.com>" → ["a@x.com", "b@y.com"]; throws the real message on a bad one. */
function parseAddresses(list: string | undefined): string[] {
  if (!list) return [];
  return list
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const address = /<([^>]*)>\s*$/.exec(part)?.[1]?.trim() ?? part;
      if (!ADDRESS.test(address)) throw gasError(`Invalid email: ${address}`);
      return address;
    });
}

export function createMailApp(ctx: EmulatorContext, options: MailOptions = {}): EmulatedMail {
  const dailyQuota = options.dailyQuota ?? 100;
  const outbox: SentMail[] = [];
  let windowStart: number | null = null;
  let remaining = dailyQuota;

  function remainingNow(): number {
    if (windowStart !== null && ctx.clock.now().getTime() >= windowStart + QUOTA_WINDOW_MS) {
      windowStart = null;
      remaining = dailyQuota;
    }
    return remaining;
  }

  function send(message: MailParameters): void {
    const to = parseAddresses(message.to);
    const cc = parseAddresses(message.cc);
    const bcc = parseAddresses(message.bcc);
    const recipients = to.length + cc.length + bcc.length;
    if (recipients === 0) throw gasError('Failed to send email: no recipient');
    // A message that does not fit is refused whole: nothing is sent and nothing is counted.
    if (recipients > remainingNow()) throw gasError('Service invoked too many times for one day: email.');
    windowStart ??= ctx.clock.now().getTime();
    remaining -= recipients;
    outbox.push({
      to,
      cc,
      bcc,
      subject: message.subject ?? '',
      body: message.body ?? '',
      htmlBody: message.htmlBody,
      name: message.name,
      replyTo: message.replyTo,
      noReply: message.noReply ?? false,
      sentAt: ctx.clock.now(),
    });
  }

  function sendEmail(message: MailParameters): void;
  function sendEmail(recipient: string, subject: string, body: string, options?: MailParameters): void;
  function sendEmail(to: string, replyTo: string, subject: string, body: string): void;
  function sendEmail(
    first: string | MailParameters,
    second?: string,
    third?: string,
    fourth?: string | MailParameters,
  ): void {
    ctx.calls.record('MailApp.sendEmail');
    requireFullAuth(ctx, 'MailApp.sendEmail', SEND_MAIL_SCOPE);
    if (typeof first === 'object') return send(first);
    // A string fourth argument means the (to, replyTo, subject, body) overload.
    if (typeof fourth === 'string') return send({ to: first, replyTo: second, subject: third, body: fourth });
    send({ ...fourth, to: first, subject: second, body: third });
  }

  return {
    MailApp: {
      sendEmail,
      getRemainingDailyQuota() {
        ctx.calls.record('MailApp.getRemainingDailyQuota');
        requireFullAuth(ctx, 'MailApp.getRemainingDailyQuota', SEND_MAIL_SCOPE);
        return remainingNow();
      },
    },
    outbox,
    emuSetRemainingQuota(n: number) {
      remainingNow();
      windowStart ??= ctx.clock.now().getTime();
      remaining = n;
    },
  };
}
