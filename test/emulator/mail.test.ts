import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { createContext } from '../../emulator/core';
import { createMailApp } from '../../emulator/services/mail';

function setup(dailyQuota?: number) {
  const ctx = createContext('2024-07-01T01:00:00Z');
  return { ctx, ...createMailApp(ctx, { dailyQuota }) };
}

// https://developers.google.com/apps-script/reference/mail/mail-app#sendEmail(String,String,String)
test('sendEmail(recipient, subject, body) sends one plain message at the clock time', () => {
  const { ctx, MailApp, outbox } = setup();
  MailApp.sendEmail('owner@example.com', '[协作预警] 1 项逾期', 'plain text');
  assert.equal(outbox.length, 1);
  assert.deepEqual(outbox[0]!.to, ['owner@example.com']);
  assert.equal(outbox[0]!.subject, '[协作预警] 1 项逾期');
  assert.equal(outbox[0]!.body, 'plain text');
  assert.equal(outbox[0]!.sentAt.toISOString(), '2024-07-01T01:00:00.000Z');
  assert.equal(ctx.calls.count('MailApp.sendEmail'), 1);
});

// https://developers.google.com/apps-script/reference/mail/mail-app#sendEmail(String,String,String,Object)
test('sendEmail with options keeps cc, bcc, htmlBody, name and replyTo', () => {
  const { MailApp, outbox } = setup();
  MailApp.sendEmail('owner@example.com', 'Digest', 'plain', {
    cc: 'head@example.com, coord@example.com',
    bcc: 'audit@example.com',
    htmlBody: '<b>html</b>',
    name: '协作台',
    replyTo: 'coord@example.com',
  });
  const mail = outbox[0]!;
  assert.deepEqual(mail.cc, ['head@example.com', 'coord@example.com']);
  assert.deepEqual(mail.bcc, ['audit@example.com']);
  assert.equal(mail.htmlBody, '<b>html</b>');
  assert.equal(mail.body, 'plain');
  assert.equal(mail.name, '协作台');
  assert.equal(mail.replyTo, 'coord@example.com');
});

// https://developers.google.com/apps-script/reference/mail/mail-app#sendEmail(Object)
test('sendEmail(message) takes every field from the message object', () => {
  const { MailApp, outbox } = setup();
  MailApp.sendEmail({
    to: 'a@example.com,b@example.com',
    subject: 'S',
    body: 'B',
    htmlBody: '<p>B</p>',
    noReply: true,
  });
  assert.deepEqual(outbox[0]!.to, ['a@example.com', 'b@example.com']);
  assert.equal(outbox[0]!.htmlBody, '<p>B</p>');
  assert.equal(outbox[0]!.noReply, true);
});

// https://developers.google.com/apps-script/reference/mail/mail-app#sendEmail(String,String,String,String)
test('sendEmail(to, replyTo, subject, body) is told apart by its fourth string argument', () => {
  const { MailApp, outbox } = setup();
  MailApp.sendEmail('a@example.com', 'reply@example.com', 'Subject', 'Body');
  assert.equal(outbox[0]!.replyTo, 'reply@example.com');
  assert.equal(outbox[0]!.subject, 'Subject');
  assert.equal(outbox[0]!.body, 'Body');
});

// https://developers.google.com/apps-script/reference/mail/mail-app#getRemainingDailyQuota()
test('the quota counts recipients, cc and bcc included, not messages', () => {
  const { MailApp } = setup();
  assert.equal(MailApp.getRemainingDailyQuota(), 100);
  MailApp.sendEmail('a@example.com, Bob <b@example.com>', 'S', 'B', { cc: 'c@example.com', bcc: 'd@example.com' });
  assert.equal(MailApp.getRemainingDailyQuota(), 96);
});

// https://github.com/dwyl/learn-to-send-email-via-google-script-html-no-server/issues/376
test('an exhausted quota throws the real message and sends nothing', () => {
  const { MailApp, outbox, emuSetRemainingQuota } = setup();
  emuSetRemainingQuota(0);
  assert.throws(() => MailApp.sendEmail('a@example.com', 'S', 'B'), {
    message: 'Service invoked too many times for one day: email.',
  });
  assert.equal(outbox.length, 0);
});

// https://developers.google.com/apps-script/guides/services/quotas (quotas are counted per recipient)
test('a message with more recipients than the quota left is refused whole', () => {
  const { MailApp, outbox, emuSetRemainingQuota } = setup();
  emuSetRemainingQuota(2);
  assert.throws(() => MailApp.sendEmail('a@example.com,b@example.com,c@example.com', 'S', 'B'), {
    message: 'Service invoked too many times for one day: email.',
  });
  assert.equal(outbox.length, 0);
  assert.equal(MailApp.getRemainingDailyQuota(), 2);
  MailApp.sendEmail('a@example.com,b@example.com', 'S', 'B');
  assert.equal(MailApp.getRemainingDailyQuota(), 0);
});

// https://developers.google.com/apps-script/guides/services/quotas ("reset 24 hours after the first request")
test('the quota resets 24 hours after the first send, not at midnight', () => {
  const { ctx, MailApp } = setup(3);
  MailApp.sendEmail('a@example.com', 'S', 'B');
  ctx.clock.advanceHours(20);
  MailApp.sendEmail('b@example.com,c@example.com', 'S', 'B');
  assert.equal(MailApp.getRemainingDailyQuota(), 0);
  ctx.clock.advanceHours(3.9);
  assert.equal(MailApp.getRemainingDailyQuota(), 0);
  ctx.clock.advanceHours(0.1);
  assert.equal(MailApp.getRemainingDailyQuota(), 3);
});

// Message as Apps Script reports it for a bad address ("Exception: Invalid email: …"):
// https://developers.google.com/apps-script/reference/mail/mail-app#sendEmail(Object)
test('an invalid address throws "Invalid email: …" and nothing is sent', () => {
  const { MailApp, outbox } = setup();
  assert.throws(() => MailApp.sendEmail('good@example.com, 张三', 'S', 'B'), { message: 'Invalid email: 张三' });
  assert.throws(() => MailApp.sendEmail({ to: 'a@example.com', cc: 'not-an-address', subject: 'S', body: 'B' }), {
    message: 'Invalid email: not-an-address',
  });
  assert.equal(outbox.length, 0);
  assert.equal(MailApp.getRemainingDailyQuota(), 100);
});

// https://developers.google.com/apps-script/reference/mail/mail-app#sendEmail(Object)
test('a message without any recipient is refused', () => {
  const { MailApp } = setup();
  assert.throws(() => MailApp.sendEmail({ subject: 'S', body: 'B' }), {
    message: 'Failed to send email: no recipient',
  });
});
