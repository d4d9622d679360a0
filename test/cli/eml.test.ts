import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PostalMime from 'postal-mime';
import { formatEml, writeOutbox } from '../../emulator/eml';
import type { SentMail } from '../../emulator/services/mail';

const FROM = { from: 'coordinator@example.com' };

function mail(overrides: Partial<SentMail> = {}): SentMail {
  return {
    to: ['zhang.wei@example.com'],
    cc: ['head.marketing@example.com', 'coordinator@example.com'],
    bcc: [],
    subject: '[协作预警] 2 项逾期 · 1 项即将到期 —— 2024年Q3新品上市推广方案（市场部、销售部、设计部、财务部）',
    body: '张伟，您好：\n任务 RW202407001-01 新品推广方案初稿撰写 已逾期 3 天。\n请尽快更新进度。',
    htmlBody:
      '<p>张伟，您好：</p><ul><li><a href="https://example.com/#gid=1&range=A2">RW202407001-01</a> 已逾期 3 天</li></ul>',
    name: '协作台 Collab Desk',
    noReply: false,
    sentAt: new Date('2024-07-29T01:00:00Z'),
    ...overrides,
  };
}

// An independent parser (postal-mime) reads what a mail client would see.
test('a digest with Chinese subject, name and bodies parses back to the same text', async () => {
  const sent = mail();
  const parsed = await PostalMime.parse(formatEml(sent, 1, FROM));
  assert.equal(parsed.subject, sent.subject);
  assert.equal(parsed.from?.address, 'coordinator@example.com');
  assert.equal(parsed.from?.name, '协作台 Collab Desk');
  assert.deepEqual(
    parsed.to?.map((a) => a.address),
    sent.to,
  );
  assert.deepEqual(
    parsed.cc?.map((a) => a.address),
    sent.cc,
  );
  assert.equal(parsed.text?.replace(/\r\n/g, '\n').trimEnd(), sent.body);
  assert.equal(parsed.html?.trimEnd(), sent.htmlBody);
  assert.equal(new Date(parsed.date ?? '').toISOString(), sent.sentAt.toISOString());
  assert.match(parsed.messageId ?? '', /^<[0-9a-f]+@collab-desk\.local>$/);
});

// RFC 5322 §2.1.1 (CRLF, lines of at most 78 characters), RFC 2045 (7-bit headers and base64 parts), RFC 2047 §2 (encoded-words of at most 75 characters on lines of at most 76).
test('the message is 7-bit, CRLF-terminated, with short lines and the MIME headers a client needs', () => {
  const text = formatEml(mail(), 1, FROM);
  assert.match(text, /^[\x00-\x7f]*$/, 'only ASCII on the wire');
  assert.equal(text.replace(/\r\n/g, '').includes('\n'), false, 'every line ends in CRLF');
  for (const line of text.split('\r\n')) {
    assert.ok(line.length <= (line.includes('=?UTF-8?') ? 76 : 78), `line too long: ${line}`);
  }
  for (const word of text.match(/=\?[^?]+\?B\?[^?]*\?=/g) ?? []) assert.ok(word.length <= 75, word);
  const head = text.split('\r\n\r\n')[0]!.replace(/\r\n /g, ' ');
  for (const header of ['Date', 'From', 'To', 'Cc', 'Subject', 'Message-ID', 'MIME-Version']) {
    assert.match(head, new RegExp(`^${header}: `, 'm'), `${header} header`);
  }
  assert.match(head, /^Content-Type: multipart\/alternative; boundary="[^"]+"$/m);
  assert.match(text, /Content-Type: text\/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64/);
  assert.match(text, /Content-Type: text\/html; charset=UTF-8\r\nContent-Transfer-Encoding: base64/);
});

test('a subject split into several encoded-words never cuts a character in half', async () => {
  const subject = '😀进度'.repeat(20);
  const parsed = await PostalMime.parse(formatEml(mail({ subject }), 1, FROM));
  assert.equal(parsed.subject, subject);
});

test('a plain-text mail is a single text/plain part, and reply-to and bcc are kept', async () => {
  const sent = mail({ htmlBody: undefined, replyTo: 'pmo@example.com', bcc: ['audit@example.com'], name: undefined });
  const text = formatEml(sent, 1, FROM);
  assert.doesNotMatch(text, /multipart/);
  const parsed = await PostalMime.parse(text);
  assert.equal(parsed.text?.replace(/\r\n/g, '\n').trimEnd(), sent.body);
  assert.equal(parsed.html, undefined);
  assert.equal(parsed.replyTo?.[0]?.address, 'pmo@example.com');
  assert.deepEqual(
    parsed.bcc?.map((a) => a.address),
    ['audit@example.com'],
  );
});

test('writeOutbox writes one file per mail in sending order and replaces an earlier run', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'outbox-'));
  writeFileSync(join(dir, 'stale.eml'), 'left over');
  const outbox = [
    mail({ subject: '第一封', sentAt: new Date('2024-07-29T01:00:00Z') }),
    mail({ subject: '第二封', to: ['li.na@example.com'], sentAt: new Date('2024-07-30T01:00:00Z') }),
  ];
  const paths = writeOutbox(outbox, dir, FROM);
  assert.deepEqual([...readdirSync(dir)].sort(), ['0001-20240729-0100-zhang.wei.eml', '0002-20240730-0100-li.na.eml']);
  assert.deepEqual(
    paths.map((p) => p.slice(dir.length + 1)),
    [...readdirSync(dir)].sort(),
  );
  const subjects = await Promise.all(paths.map(async (p) => (await PostalMime.parse(readFileSync(p))).subject));
  assert.deepEqual(subjects, ['第一封', '第二封']);
  const ids = await Promise.all(paths.map(async (p) => (await PostalMime.parse(readFileSync(p))).messageId));
  assert.notEqual(ids[0], ids[1]);
});
