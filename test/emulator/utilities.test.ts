import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { createContext } from '../../emulator/core';
import { createUtilities } from '../../emulator/services/utilities';

function setup() {
  const ctx = createContext('2024-07-01T00:00:00Z');
  return { ctx, Utilities: createUtilities(ctx).Utilities };
}
const format = (iso: string, timeZone: string, pattern: string) =>
  setup().Utilities.formatDate(new Date(iso), timeZone, pattern);

// https://developers.google.com/apps-script/reference/utilities/utilities#formatdatedate,-timezone,-format
// patterns: https://docs.oracle.com/javase/8/docs/api/java/text/SimpleDateFormat.html
test('formatDate shows Shanghai wall time with Java zone name and offsets', () => {
  assert.equal(
    format('2024-07-01T01:00:00Z', 'Asia/Shanghai', 'yyyy-MM-dd HH:mm:ss z Z XXX'),
    '2024-07-01 09:00:00 CST +0800 +08:00',
  );
  assert.equal(format('2024-06-30T16:30:00Z', 'Asia/Shanghai', 'yyyy-MM-dd EEE HH:mm'), '2024-07-01 Mon 00:30');
  assert.equal(format('2024-06-30T16:30:00Z', 'America/New_York', 'yyyy-MM-dd EEE HH:mm'), '2024-06-30 Sun 12:30');
});

// https://docs.oracle.com/javase/8/docs/api/java/text/SimpleDateFormat.html (z general, Z RFC 822, X ISO 8601)
test('formatDate follows New York across the spring and autumn DST switches', () => {
  const p = 'yyyy-MM-dd HH:mm z Z XXX';
  assert.equal(format('2024-03-10T06:30:00Z', 'America/New_York', p), '2024-03-10 01:30 EST -0500 -05:00');
  assert.equal(format('2024-03-10T07:30:00Z', 'America/New_York', p), '2024-03-10 03:30 EDT -0400 -04:00');
  assert.equal(format('2024-11-03T05:30:00Z', 'America/New_York', p), '2024-11-03 01:30 EDT -0400 -04:00');
  assert.equal(format('2024-11-03T06:30:00Z', 'America/New_York', p), '2024-11-03 01:30 EST -0500 -05:00');
});

// https://docs.oracle.com/javase/8/docs/api/java/text/SimpleDateFormat.html ("Z" for a zero offset with X)
test('X prints Z for a zero offset; Z and z print +0000 and GMT', () => {
  assert.equal(format('2024-07-01T01:00:00Z', 'Etc/GMT', 'X|XX|XXX|Z|z|zzzz'), 'Z|Z|Z|+0000|GMT|Greenwich Mean Time');
  assert.equal(format('2024-07-01T01:00:00Z', 'Asia/Kolkata', 'X|XX|XXX'), '+05|+0530|+05:30');
});

// https://docs.oracle.com/javase/8/docs/api/java/text/SimpleDateFormat.html (u: 1 = Monday ... 7 = Sunday)
test('u numbers the weekday from Monday 1 to Sunday 7', () => {
  assert.equal(format('2024-07-07T04:00:00Z', 'Asia/Shanghai', 'EEEE u'), 'Sunday 7');
  assert.equal(format('2024-07-01T04:00:00Z', 'Asia/Shanghai', 'E u'), 'Mon 1');
});

// https://docs.oracle.com/javase/8/docs/api/java/util/GregorianCalendar.html#week_and_year
// (US rules: weeks start on Sunday and week 1 is the one holding January 1st, unlike ISO weeks)
test('w counts weeks with US rules, so the last days of December can be week 1', () => {
  assert.equal(format('2023-01-01T04:00:00Z', 'Asia/Shanghai', 'w'), '1');
  assert.equal(format('2024-12-29T04:00:00Z', 'Asia/Shanghai', 'w YYYY yyyy'), '1 2025 2024');
  assert.equal(format('2024-07-01T04:00:00Z', 'Asia/Shanghai', 'ww'), '27');
});

// https://docs.oracle.com/javase/8/docs/api/java/text/SimpleDateFormat.html (number and text presentations)
test('short and long numbers, month and day names, 12-hour clock', () => {
  assert.equal(
    format('2024-07-05T13:07:09Z', 'Etc/GMT', 'yy/M/d H h:mm a MMM MMMM EEEE'),
    '24/7/5 13 1:07 PM Jul July Friday',
  );
  assert.equal(format('2024-07-05T00:05:00Z', 'Etc/GMT', 'hh:mm a k K'), '12:05 AM 24 0');
});

// https://docs.oracle.com/javase/8/docs/api/java/text/SimpleDateFormat.html (quoted text, '' for a quote)
test('quoted text is copied and two quotes give one', () => {
  assert.equal(format('2024-07-05T09:00:00Z', 'Etc/GMT', "yyyy-MM-dd'T'HH:mm:ss'Z'"), '2024-07-05T09:00:00Z');
  assert.equal(format('2024-07-05T09:00:00Z', 'Etc/GMT', "h 'o''clock' a, ''yy"), "9 o'clock AM, '24");
  assert.throws(() => format('2024-07-05T09:00:00Z', 'Etc/GMT', 'yyyy b'), /Illegal pattern character 'b'/);
});

// https://docs.oracle.com/javase/8/docs/api/java/util/TimeZone.html#getTimeZone-java.lang.String-
// (custom "GMT+8" ids work; an unknown id falls back to GMT)
test('custom GMT offsets are honoured and unknown zones fall back to GMT', () => {
  assert.equal(format('2024-07-01T01:00:00Z', 'GMT+8', 'HH:mm z'), '09:00 GMT+08:00');
  assert.equal(format('2024-07-01T01:00:00Z', 'Mars/Olympus', 'HH:mm z'), '01:00 GMT');
});

// https://developers.google.com/apps-script/reference/utilities/utilities#formatstringtemplate,-args
test('formatString fills %s, %d and %f like sprintf', () => {
  const { Utilities } = setup();
  assert.equal(Utilities.formatString('%s has %d tasks', '李雷', 3), '李雷 has 3 tasks');
  assert.equal(Utilities.formatString('%.2f%%', 12.345), '12.35%');
  assert.equal(Utilities.formatString('-%3d-%-3s-%05d', 1, 'ab', 42), '-  1-ab -00042');
});

// https://developers.google.com/apps-script/reference/utilities/utilities#getuuid
test('getUuid gives distinct version 4 UUIDs', () => {
  const { Utilities } = setup();
  const a = Utilities.getUuid();
  assert.match(a, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.notEqual(Utilities.getUuid(), a);
});

// https://developers.google.com/apps-script/reference/utilities/utilities#sleepmilliseconds
test('sleep moves the emulator clock instead of waiting', () => {
  const { ctx, Utilities } = setup();
  Utilities.sleep(1500);
  assert.equal(ctx.clock.now().toISOString(), '2024-07-01T00:00:01.500Z');
});

// https://developers.google.com/apps-script/reference/utilities/utilities#base64decodeencoded (Byte[]: Java bytes are signed)
test('base64 round-trips text and bytes, with signed bytes', () => {
  const { Utilities } = setup();
  assert.equal(Utilities.base64Encode('Hello'), 'SGVsbG8=');
  assert.equal(Utilities.base64Encode('中', Utilities.Charset.UTF_8), '5Lit');
  assert.deepEqual(Utilities.base64Decode('/w=='), [-1]);
  assert.equal(Utilities.base64Encode([-1, 0, 127]), '/wB/');
  assert.equal(Utilities.base64EncodeWebSafe([-5, -1]), '-_8=');
  assert.deepEqual(Utilities.base64DecodeWebSafe('-_8='), [-5, -1]);
});

// https://developers.google.com/apps-script/reference/utilities/utilities#computedigestalgorithm,-value
test('computeDigest gives the standard digests as signed bytes', () => {
  const { Utilities } = setup();
  // SHA-256("abc") starts ba 78 16 bf; MD5("") starts d4 1d 8c d9 (published test vectors).
  assert.deepEqual(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, 'abc').slice(0, 4), [-70, 120, 22, -65]);
  assert.deepEqual(Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, '').slice(0, 4), [-44, 29, -116, -39]);
});

// https://developers.google.com/apps-script/reference/base/blob
test('newBlob keeps data, content type and name', () => {
  const { Utilities } = setup();
  const blob = Utilities.newBlob('协作台', 'text/plain', 'note.txt');
  assert.equal(blob.getDataAsString(), '协作台');
  assert.equal(blob.getBytes().length, 9);
  assert.equal(blob.getContentType(), 'text/plain');
  assert.equal(blob.setName('renamed.txt').getName(), 'renamed.txt');
  assert.equal(Utilities.newBlob(blob.getBytes()).getDataAsString(), '协作台');
});

// https://developers.google.com/apps-script/reference/utilities/charset (enum values print their names)
test('enum values print as their names', () => {
  const { Utilities } = setup();
  assert.equal(String(Utilities.Charset.UTF_8), 'UTF_8');
  assert.notEqual(Utilities.Charset.UTF_8, Utilities.Charset.US_ASCII);
});

test('every call is counted', () => {
  const { ctx, Utilities } = setup();
  Utilities.formatDate(new Date(), 'Etc/GMT', 'yyyy');
  Utilities.getUuid();
  assert.equal(ctx.calls.count('Utilities.formatDate'), 1);
  assert.equal(ctx.calls.count('Utilities.getUuid'), 1);
});
