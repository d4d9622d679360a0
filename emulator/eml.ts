/**
 * Writes the emulated outbox as .eml files (RFC 5322 + MIME) that any mail client opens: one file per
 * message, 7-bit clean, CRLF line ends, UTF-8 text in base64 parts and RFC 2047 encoded-word headers,
 * so Chinese subjects and names survive every reader.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SentMail } from './services/mail';

export interface EmlOptions {
  /** The sending account: in Apps Script, the user the script runs as. */
  readonly from: string;
}

const CRLF = '\r\n';
/** RFC 2047 §2: a header line holding encoded-words is at most 76 characters. */
const ENCODED_LINE = 76;
const ENCODED_WORD_OVERHEAD = '=?UTF-8?B??='.length;
/** RFC 2045 §6.8: base64 lines are at most 76 characters. */
const BASE64_LINE = 76;

/** The complete message text of one sent mail. `sequence` makes the Message-ID unique within the outbox. */
export function formatEml(mail: SentMail, sequence: number, options: EmlOptions): string {
  const id = digest(`${sequence}|${mail.sentAt.toISOString()}|${mail.to.join(',')}|${mail.subject}`);
  const headers = [
    `Date: ${rfc5322Date(mail.sentAt)}`,
    `From: ${mailbox(options.from, mail.name)}`,
    ...(mail.replyTo ? [`Reply-To: ${mail.replyTo}`] : []),
    ...addressHeader('To', mail.to),
    ...addressHeader('Cc', mail.cc),
    // Kept as the sender's own copy of a sent message keeps it.
    ...addressHeader('Bcc', mail.bcc),
    `Subject: ${encodeHeaderText(mail.subject, 'Subject: '.length)}`,
    `Message-ID: <${id}@collab-desk.local>`,
    'MIME-Version: 1.0',
  ];
  if (mail.htmlBody === undefined) {
    return [...headers, ...textPart('text/plain', mail.body), ''].join(CRLF);
  }
  const boundary = `=_collab-desk_${id.slice(0, 16)}`;
  return [
    ...headers,
    `Content-Type: multipart/alternative;${CRLF} boundary="${boundary}"`,
    '',
    'This is a multi-part message in MIME format.',
    `--${boundary}`,
    ...textPart('text/plain', mail.body),
    `--${boundary}`,
    ...textPart('text/html', mail.htmlBody),
    `--${boundary}--`,
    '',
  ].join(CRLF);
}

/**
 * Replaces the .eml files in `dir` with one file per mail, in sending order, named
 * `0001-20240729-0100-owner.eml` (sequence, UTC send time, first recipient). Returns the paths.
 */
export function writeOutbox(outbox: readonly SentMail[], dir: string, options: EmlOptions): string[] {
  mkdirSync(dir, { recursive: true });
  for (const old of readdirSync(dir)) if (old.endsWith('.eml')) rmSync(join(dir, old));
  return outbox.map((mail, index) => {
    const path = join(dir, fileName(mail, index + 1));
    writeFileSync(path, formatEml(mail, index + 1, options));
    return path;
  });
}

function fileName(mail: SentMail, sequence: number): string {
  const stamp = mail.sentAt.toISOString().replace(/[-:]/g, '').slice(0, 13).replace('T', '-');
  const address = mail.to[0] ?? mail.cc[0] ?? mail.bcc[0] ?? 'unknown';
  const recipient = address
    .slice(0, address.includes('@') ? address.indexOf('@') : undefined)
    .replace(/[^A-Za-z0-9._-]/g, '_');
  return `${String(sequence).padStart(4, '0')}-${stamp}-${recipient}.eml`;
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

function textPart(type: string, text: string): string[] {
  const encoded = Buffer.from(text.replace(/\r?\n/g, CRLF), 'utf8').toString('base64');
  const lines = encoded.match(new RegExp(`.{1,${BASE64_LINE}}`, 'g')) ?? [''];
  return [`Content-Type: ${type}; charset=UTF-8`, 'Content-Transfer-Encoding: base64', '', ...lines];
}

function addressHeader(name: string, addresses: readonly string[]): string[] {
  return addresses.length === 0 ? [] : [`${name}: ${addresses.join(`,${CRLF} `)}`];
}

function mailbox(address: string, displayName: string | undefined): string {
  if (!displayName) return address;
  const printable = /^[\x20-\x7e]*$/.test(displayName) && !/["\\]/.test(displayName);
  return `${printable ? `"${displayName}"` : encodeHeaderText(displayName, 'From: '.length)} <${address}>`;
}

/** Plain ASCII stays as it is; anything else becomes folded RFC 2047 B-encoded words, split between characters. */
function encodeHeaderText(text: string, prefixLength: number): string {
  if (/^[\x20-\x7e]*$/.test(text) && !text.includes('=?') && prefixLength + text.length <= 78) return text;
  // Bytes that fit in one word, given what precedes it on its line (the header name, or the folding space).
  const budget = (lead: number) => Math.floor((ENCODED_LINE - lead - ENCODED_WORD_OVERHEAD) / 4) * 3;
  const words: string[] = [];
  let chunk = '';
  for (const char of text) {
    if (Buffer.byteLength(chunk + char, 'utf8') > budget(words.length === 0 ? prefixLength : 1)) {
      words.push(chunk);
      chunk = '';
    }
    chunk += char;
  }
  if (chunk !== '' || words.length === 0) words.push(chunk);
  return words.map((word) => `=?UTF-8?B?${Buffer.from(word, 'utf8').toString('base64')}?=`).join(`${CRLF} `);
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 5322 §3.3 date-time, in UTC. */
function rfc5322Date(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${DAYS[date.getUTCDay()]}, ${pad(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`
  );
}
