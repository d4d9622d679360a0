import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { loadScript } from '../support/script';

const probe = `
function nowIso() { return new Date().toISOString(); }
function nowMs() { return Date.now(); }
function fixedIso() { return new Date(Date.UTC(2024, 0, 2)).toISOString(); }
function isDate(value) { return value instanceof Date; }
function today() { return new Date(); }
function echo(value) { return value; }
function private_() { return 'private'; }
`;

test('the bundle reads "now" from the emulator clock', () => {
  const project = loadScript(probe, { now: '2024-07-10T01:00:00Z' });
  assert.equal(project.call('nowIso'), '2024-07-10T01:00:00.000Z');
  project.emulator.clock.advanceHours(2);
  assert.equal(project.call('nowMs'), Date.parse('2024-07-10T03:00:00Z'));
  assert.equal(project.call('fixedIso'), '2024-01-02T00:00:00.000Z');
});

test('dates cross between the bundle and the emulator as one type', () => {
  const project = loadScript(probe);
  assert.equal(project.call('isDate', new Date()), true);
  assert.ok(project.call('today') instanceof Date);
});

// https://developers.google.com/apps-script/guides/html/reference/run#myFunction(...)
// (Dates and functions are illegal parameters; undefined array items become null)
test('google.script.run refuses Dates and private functions, and copies payloads', () => {
  const project = loadScript(probe);
  assert.throws(() => project.runFromSidebar('echo', { when: new Date() }), /illegal value/);
  assert.throws(() => project.runFromSidebar('private_'), /Script function not found: private_/);
  assert.deepEqual(project.runFromSidebar('echo', { list: [1, undefined, 'x'] }), { list: [1, null, 'x'] });
});

test('libraries that read Date.prototype see the real methods', () => {
  const project = loadScript(`function ownMethods() { return Object.getOwnPropertyNames(Date.prototype).length; }`);
  assert.equal(project.call('ownMethods'), Object.getOwnPropertyNames(Date.prototype).length);
});
