/**
 * Sends mail with MailApp. Each message has exactly one recipient, so one message costs one
 * unit of the daily quota (MailApp counts recipients, not messages).
 */
export interface MailMessage {
  readonly recipient: string;
  readonly subject: string;
  readonly htmlBody: string;
  readonly textBody: string;
}

export interface Mailer {
  /** Emails that may still go out today. */
  remainingQuota(): number;
  /** Throws when MailApp refuses the message. */
  send(message: MailMessage, senderName: string): void;
}

export const mailApp: Mailer = {
  remainingQuota: () => MailApp.getRemainingDailyQuota(),
  send(message, senderName) {
    MailApp.sendEmail({
      to: message.recipient,
      subject: message.subject,
      body: message.textBody,
      htmlBody: message.htmlBody,
      name: senderName,
    });
  },
};

/**
 * MailApp's "Service invoked too many times for one day: email.": nothing more goes out today.
 * Any other failure ("Service unavailable", a timeout) may pass by the next try.
 */
export function isQuotaError(error: unknown): boolean {
  // By its message, not instanceof: an error thrown by a service need not share this script's Error.
  const message = typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : undefined;
  return typeof message === 'string' && /too many times for one day/i.test(message);
}
