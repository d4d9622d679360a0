/**
 * Utilities: date formatting with Java SimpleDateFormat patterns, printf-like strings, UUIDs,
 * base64, digests and a minimal Blob. Bytes are Java bytes, so they are signed (-128..127).
 */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { type EmulatorContext, gasError } from '../core';
import { MONTH_NAMES, wallClockOf } from '../spreadsheet/time';

type Byte = GoogleAppsScript.Byte;
type Blob = GoogleAppsScript.Base.Blob;

/** Apps Script enums are Java enums: distinct objects whose toString() and name() give the name. */
export function createEnum<T>(names: readonly string[]): T {
  const entries = names.map((name, index) => [
    name,
    Object.freeze({ name: () => name, ordinal: () => index, toString: () => name, toJSON: () => name }),
  ]);
  return Object.freeze(Object.fromEntries(entries)) as T;
}

const Charset = createEnum<typeof GoogleAppsScript.Utilities.Charset>(['US_ASCII', 'UTF_8']);
const DigestAlgorithm = createEnum<typeof GoogleAppsScript.Utilities.DigestAlgorithm>([
  'MD2',
  'MD5',
  'SHA_1',
  'SHA_256',
  'SHA_384',
  'SHA_512',
]);
const nodeDigestNames: Record<string, string> = {
  MD2: 'md2',
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};

export function toJavaBytes(buffer: Uint8Array): Byte[] {
  return Array.from(buffer, (b) => (b > 127 ? b - 256 : b));
}

export function fromJavaBytes(bytes: readonly Byte[]): Buffer {
  return Buffer.from(bytes.map((b) => b & 0xff));
}

function encodeText(text: string, charset?: GoogleAppsScript.Utilities.Charset | string): Buffer {
  const ascii = charset === Charset.US_ASCII || String(charset).toUpperCase().replace('-', '_') === 'US_ASCII';
  // Java replaces characters a charset cannot encode with '?'.
  return ascii ? Buffer.from(text.replace(/[^\x00-\x7f]/g, '?'), 'latin1') : Buffer.from(text, 'utf8');
}

const contentTypesByExtension: Record<string, string> = {
  html: 'text/html',
  htm: 'text/html',
  txt: 'text/plain',
  csv: 'text/csv',
  json: 'application/json',
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
};

export class EmulatedBlob implements Blob {
  constructor(
    private readonly ctx: EmulatorContext,
    private data: Buffer,
    private contentType: string | null = null,
    private name: string | null = null,
  ) {}

  copyBlob(): Blob {
    this.ctx.calls.record('Blob.copyBlob');
    return new EmulatedBlob(this.ctx, Buffer.from(this.data), this.contentType, this.name);
  }

  getAs(contentType: string): Blob {
    this.ctx.calls.record('Blob.getAs');
    if (contentType !== this.contentType) {
      throw gasError(`Converting from ${this.contentType} to ${contentType} is not supported.`);
    }
    return new EmulatedBlob(this.ctx, Buffer.from(this.data), this.contentType, this.name);
  }

  getAllBlobs(): Blob[] {
    this.ctx.calls.record('Blob.getAllBlobs');
    return [this];
  }

  getBlob(): Blob {
    this.ctx.calls.record('Blob.getBlob');
    return this;
  }

  getBytes(): Byte[] {
    this.ctx.calls.record('Blob.getBytes');
    return toJavaBytes(this.data);
  }

  getContentType(): string | null {
    this.ctx.calls.record('Blob.getContentType');
    return this.contentType;
  }

  getDataAsString(charset?: string): string {
    this.ctx.calls.record('Blob.getDataAsString');
    return charset && /ascii/i.test(charset) ? this.data.toString('latin1') : this.data.toString('utf8');
  }

  getName(): string | null {
    this.ctx.calls.record('Blob.getName');
    return this.name;
  }

  isGoogleType(): boolean {
    this.ctx.calls.record('Blob.isGoogleType');
    return false;
  }

  setBytes(data: Byte[]): Blob {
    this.ctx.calls.record('Blob.setBytes');
    this.data = fromJavaBytes(data);
    return this;
  }

  setContentType(contentType: string | null): Blob {
    this.ctx.calls.record('Blob.setContentType');
    this.contentType = contentType;
    return this;
  }

  setContentTypeFromExtension(): Blob {
    this.ctx.calls.record('Blob.setContentTypeFromExtension');
    const extension = this.name?.split('.').pop()?.toLowerCase() ?? '';
    this.contentType = contentTypesByExtension[extension] ?? this.contentType;
    return this;
  }

  setDataFromString(text: string, charset?: string): Blob {
    this.ctx.calls.record('Blob.setDataFromString');
    this.data = encodeText(text, charset);
    return this;
  }

  setName(name: string): Blob {
    this.ctx.calls.record('Blob.setName');
    this.name = name;
    return this;
  }
}

// ---- Utilities.formatDate: Java SimpleDateFormat, English names, java.util.TimeZone rules ----

const dayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
/** Java's short names where ICU (Intl) only offers "GMT+8" in English. */
const javaShortZoneNames: Record<string, string> = {
  'Asia/Shanghai': 'CST',
  'Asia/Chongqing': 'CST',
  'Asia/Harbin': 'CST',
  'Asia/Taipei': 'CST',
  'Asia/Macau': 'CST',
  'Asia/Hong_Kong': 'HKT',
  'Asia/Tokyo': 'JST',
  'Asia/Seoul': 'KST',
  'Asia/Singapore': 'SGT',
  'Asia/Kolkata': 'IST',
  'Etc/GMT': 'GMT',
  GMT: 'GMT',
};

interface ZonedTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** Minutes east of UTC. */
  offset: number;
  shortName: string;
  longName: string;
}

const zoneFormats = new Map<string, Intl.DateTimeFormat | null>();

/** Cached, since building an Intl.DateTimeFormat costs far more than using one; null for an unknown zone. */
function zoneFormat(timeZone: string, style: 'short' | 'long'): Intl.DateTimeFormat | null {
  const key = `${timeZone}|${style}`;
  if (!zoneFormats.has(key)) {
    try {
      zoneFormats.set(key, new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: style }));
    } catch {
      zoneFormats.set(key, null);
    }
  }
  return zoneFormats.get(key)!;
}

function offsetText(offset: number, separator: string): string {
  const abs = Math.abs(offset);
  return `${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60), 2)}${separator}${pad(abs % 60, 2)}`;
}

function fixedZone(date: Date, offset: number, name: string, longName: string): ZonedTime {
  const shifted = new Date(date.getTime() + offset * 60_000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    millisecond: shifted.getUTCMilliseconds(),
    offset,
    shortName: name,
    longName,
  };
}

function ianaZone(date: Date, timeZone: string): ZonedTime {
  const { year, month, day, hour, minute, second, ms: millisecond } = wallClockOf(date.getTime(), timeZone);
  const offset = Math.round(
    (Date.UTC(year, month - 1, day, hour, minute, second, millisecond) - date.getTime()) / 60_000,
  );
  const name = (style: 'short' | 'long') =>
    zoneFormat(timeZone, style)
      ?.formatToParts(date)
      .find((p) => p.type === 'timeZoneName')?.value ?? '';
  const icuShort = name('short');
  // Java prints "GMT+08:00" where it has no abbreviation; ICU prints "GMT+8".
  const shortName =
    javaShortZoneNames[timeZone] ?? (/^GMT[+-]/.test(icuShort) ? `GMT${offsetText(offset, ':')}` : icuShort);
  const longName = timeZone === 'Etc/GMT' || timeZone === 'GMT' ? 'Greenwich Mean Time' : name('long');
  return { year, month, day, hour, minute, second, millisecond, offset, shortName, longName };
}

/** java.util.TimeZone.getTimeZone: IANA ids, custom "GMT+8" / "GMT-05:30" ids, anything else is GMT. */
function zonedTime(date: Date, timeZone: string): ZonedTime {
  const custom = /^GMT([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(timeZone);
  if (custom) {
    const offset = (custom[1] === '-' ? -1 : 1) * (Number(custom[2]) * 60 + Number(custom[3] ?? 0));
    const name = `GMT${offsetText(offset, ':')}`;
    return fixedZone(date, offset, name, name);
  }
  // An unknown zone has no format: Java falls back to GMT.
  if (zoneFormat(timeZone, 'short')) return ianaZone(date, timeZone);
  return fixedZone(date, 0, 'GMT', 'Greenwich Mean Time');
}

/** A month or weekday name; the index comes from a calendar, so a miss is a bug here. */
function nameAt(names: readonly string[], index: number): string {
  const name = names[index];
  if (name === undefined) throw new Error(`No name at ${index} of ${names.join(', ')}`);
  return name;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

const dayOfWeek = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).getUTCDay();
const dayOfYear = (y: number, m: number, d: number) => (Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / 86_400_000 + 1;

/** Week of year with US rules (weeks start on Sunday; week 1 holds January 1st), as Java's en_US calendar. */
function weekOfYear(t: ZonedTime): { week: number; weekYear: number } {
  const doy = dayOfYear(t.year, t.month, t.day);
  const startOfNextYearsWeek1 = dayOfYear(t.year, 12, 31) + 1 - dayOfWeek(t.year + 1, 1, 1);
  if (doy >= startOfNextYearsWeek1) return { week: 1, weekYear: t.year + 1 };
  return { week: Math.floor((doy - 1 + dayOfWeek(t.year, 1, 1)) / 7) + 1, weekYear: t.year };
}

function formatField(letter: string, count: number, t: ZonedTime): string {
  const weekday = dayOfWeek(t.year, t.month, t.day);
  switch (letter) {
    case 'G':
      return t.year > 0 ? 'AD' : 'BC';
    case 'y':
      return count === 2 ? pad(t.year % 100, 2) : pad(t.year, count);
    case 'Y': {
      const { weekYear } = weekOfYear(t);
      return count === 2 ? pad(weekYear % 100, 2) : pad(weekYear, count);
    }
    case 'M':
    case 'L':
      if (count < 3) return pad(t.month, count);
      return count >= 4 ? nameAt(MONTH_NAMES, t.month - 1) : nameAt(MONTH_NAMES, t.month - 1).slice(0, 3);
    case 'w':
      return pad(weekOfYear(t).week, count);
    case 'W':
      return pad(Math.floor((t.day - 1 + dayOfWeek(t.year, t.month, 1)) / 7) + 1, count);
    case 'D':
      return pad(dayOfYear(t.year, t.month, t.day), count);
    case 'd':
      return pad(t.day, count);
    case 'F':
      return pad(Math.floor((t.day - 1) / 7) + 1, count);
    case 'E':
      return count >= 4 ? nameAt(dayNames, weekday) : nameAt(dayNames, weekday).slice(0, 3);
    case 'u':
      return pad(weekday === 0 ? 7 : weekday, count);
    case 'a':
      return t.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(t.hour, count);
    case 'k':
      return pad(t.hour === 0 ? 24 : t.hour, count);
    case 'K':
      return pad(t.hour % 12, count);
    case 'h':
      return pad(t.hour % 12 === 0 ? 12 : t.hour % 12, count);
    case 'm':
      return pad(t.minute, count);
    case 's':
      return pad(t.second, count);
    case 'S':
      return pad(t.millisecond, count);
    case 'z':
      return count >= 4 ? t.longName : t.shortName;
    case 'Z':
      return offsetText(t.offset, '');
    case 'X':
      if (count > 3) throw gasError(`invalid ISO 8601 format: length=${count}`);
      if (t.offset === 0) return 'Z';
      return count === 1 ? offsetText(t.offset, '').slice(0, 3) : offsetText(t.offset, count === 3 ? ':' : '');
    default:
      throw gasError(`Illegal pattern character '${letter}'`);
  }
}

export function formatJavaDate(date: Date, timeZone: string, pattern: string): string {
  const t = zonedTime(date, timeZone);
  let out = '';
  for (let i = 0; i < pattern.length;) {
    const c = pattern.charAt(i);
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      let j = i + 1;
      for (; j < pattern.length; j++) {
        if (pattern[j] !== "'") out += pattern[j];
        else if (pattern[j + 1] === "'") {
          out += "'";
          j++;
        } else break;
      }
      if (j >= pattern.length) throw gasError('Unterminated quote');
      i = j + 1;
    } else if (/[A-Za-z]/.test(c)) {
      let j = i;
      while (pattern[j] === c) j++;
      out += formatField(c, j - i, t);
      i = j;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** printf-like: %s, %d / %i (truncated), %f with optional width, precision, '-' and '0' flags, %%. */
function formatString(template: string, args: unknown[]): string {
  let next = 0;
  return template.replace(
    /%([-0]?)(\d+)?(?:\.(\d+))?([sdif%])/g,
    (match, flag: string, width?: string, precision?: string, kind?: string) => {
      if (kind === '%') return '%';
      if (next >= args.length) return match;
      const arg = args[next++];
      let text: string;
      if (kind === 's') text = precision ? String(arg).slice(0, Number(precision)) : String(arg);
      else if (kind === 'f') text = Number(arg).toFixed(precision ? Number(precision) : 6);
      else text = String(Math.trunc(Number(arg)));
      const size = Number(width ?? 0);
      if (flag === '-') return text.padEnd(size);
      return flag === '0' && kind !== 's' ? text.padStart(size, '0') : text.padStart(size);
    },
  );
}

export type EmulatedUtilities = Pick<
  GoogleAppsScript.Utilities.Utilities,
  | 'Charset'
  | 'DigestAlgorithm'
  | 'formatDate'
  | 'formatString'
  | 'getUuid'
  | 'sleep'
  | 'newBlob'
  | 'base64Encode'
  | 'base64Decode'
  | 'base64EncodeWebSafe'
  | 'base64DecodeWebSafe'
  | 'computeDigest'
  | 'computeHmacSha256Signature'
>;

export function createUtilities(ctx: EmulatorContext): { Utilities: EmulatedUtilities } {
  const record = (method: string) => ctx.calls.record(`Utilities.${method}`);
  const toBuffer = (data: Byte[] | string, charset?: GoogleAppsScript.Utilities.Charset) =>
    typeof data === 'string' ? encodeText(data, charset) : fromJavaBytes(data);

  const Utilities: EmulatedUtilities = {
    Charset,
    DigestAlgorithm,
    formatDate(date: Date, timeZone: string, format: string) {
      record('formatDate');
      return formatJavaDate(date, timeZone, format);
    },
    formatString(template: string, ...args: unknown[]) {
      record('formatString');
      return formatString(template, args);
    },
    getUuid() {
      record('getUuid');
      return randomUUID();
    },
    sleep(milliseconds: number) {
      record('sleep');
      ctx.clock.advanceHours(milliseconds / 3_600_000);
    },
    newBlob(data: Byte[] | string, contentType?: string, name?: string) {
      record('newBlob');
      return new EmulatedBlob(ctx, toBuffer(data), contentType ?? null, name ?? null);
    },
    base64Encode(data: Byte[] | string, charset?: GoogleAppsScript.Utilities.Charset) {
      record('base64Encode');
      return toBuffer(data, charset).toString('base64');
    },
    base64EncodeWebSafe(data: Byte[] | string, charset?: GoogleAppsScript.Utilities.Charset) {
      record('base64EncodeWebSafe');
      // Java's URL-safe encoder keeps the '=' padding, unlike Node's base64url.
      return toBuffer(data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
    },
    base64Decode(encoded: string) {
      record('base64Decode');
      return toJavaBytes(Buffer.from(encoded, 'base64'));
    },
    base64DecodeWebSafe(encoded: string) {
      record('base64DecodeWebSafe');
      return toJavaBytes(Buffer.from(encoded, 'base64url'));
    },
    computeDigest(
      algorithm: GoogleAppsScript.Utilities.DigestAlgorithm,
      value: Byte[] | string,
      charset?: GoogleAppsScript.Utilities.Charset,
    ) {
      record('computeDigest');
      const hash = createHash(nodeDigestNames[String(algorithm)] ?? String(algorithm));
      return toJavaBytes(hash.update(toBuffer(value, charset)).digest());
    },
    // https://developers.google.com/apps-script/reference/utilities/utilities#computeHmacSha256Signature(String,String):
    // (value, key) as strings (UTF-8 unless a charset is given) or both as byte arrays; signed bytes back.
    computeHmacSha256Signature(
      value: Byte[] | string,
      key: Byte[] | string,
      charset?: GoogleAppsScript.Utilities.Charset,
    ): Byte[] {
      record('computeHmacSha256Signature');
      if ((typeof value === 'string') !== (typeof key === 'string'))
        throw gasError(
          'The parameters (' +
            [value, key].map((part) => (typeof part === 'string' ? 'String' : 'number[]')).join(',') +
            ") don't match the method signature for Utilities.computeHmacSha256Signature.",
        );
      const mac = createHmac('sha256', toBuffer(key, charset));
      return toJavaBytes(mac.update(toBuffer(value, charset)).digest());
    },
  };
  return { Utilities };
}
