/**
 * Sends digests with MailApp. Each digest has exactly one recipient, so one digest costs one
 * unit of the daily quota (MailApp counts recipients, not messages).
 */
import type { Digest } from '../domain/digest';

export interface Mailer {
  /** Emails that may still go out today. */
  remainingQuota(): number;
  /** Throws when MailApp refuses the message. */
  send(digest: Digest, senderName: string): void;
}

export const mailApp: Mailer = {
  remainingQuota: () => MailApp.getRemainingDailyQuota(),
  send(digest, senderName) {
    MailApp.sendEmail({
      to: digest.recipient,
      subject: digest.subject,
      body: digest.textBody,
      htmlBody: digest.htmlBody,
      name: senderName,
    });
  },
};
