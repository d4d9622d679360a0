import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { createContext } from '../../emulator/core';
import { createPropertiesService } from '../../emulator/services/properties';

function setup() {
  const ctx = createContext();
  return { ctx, ...createPropertiesService(ctx) };
}

// https://developers.google.com/apps-script/reference/properties/properties#getpropertykey
test('a missing property reads as null and values are stored as strings', () => {
  const { PropertiesService } = setup();
  const store = PropertiesService.getScriptProperties();
  assert.equal(store.getProperty('missing'), null);
  store.setProperty('count', 3 as unknown as string);
  assert.equal(store.getProperty('count'), '3');
});

// https://developers.google.com/apps-script/guides/properties (script, user and document stores are separate)
test('script, document and user stores do not share keys', () => {
  const { PropertiesService } = setup();
  PropertiesService.getDocumentProperties().setProperty('k', 'doc');
  assert.equal(PropertiesService.getScriptProperties().getProperty('k'), null);
  assert.equal(PropertiesService.getUserProperties().getProperty('k'), null);
  assert.equal(PropertiesService.getDocumentProperties().getProperty('k'), 'doc');
});

// https://developers.google.com/apps-script/reference/properties/properties#setpropertiesproperties,-deleteallothers
test('setProperties merges, or replaces everything when deleteAllOthers is true', () => {
  const store = setup().PropertiesService.getScriptProperties();
  store.setProperty('a', '1').setProperty('b', '2');
  store.setProperties({ b: '20', c: '30' });
  assert.deepEqual(store.getProperties(), { a: '1', b: '20', c: '30' });
  store.setProperties({ z: '9' }, true);
  assert.deepEqual(store.getKeys(), ['z']);
});

// https://developers.google.com/apps-script/reference/properties/properties#deletepropertykey
test('deleteProperty and deleteAllProperties remove keys and chain', () => {
  const store = setup().PropertiesService.getUserProperties();
  store.setProperties({ a: '1', b: '2', c: '3' });
  assert.equal(store.deleteProperty('a').getProperty('a'), null);
  assert.deepEqual(store.deleteAllProperties().getKeys(), []);
});

// https://developers.google.com/apps-script/guides/properties#modifying_data (getProperties returns a copy)
test('changing the object from getProperties does not change the store', () => {
  const store = setup().PropertiesService.getScriptProperties();
  store.setProperty('a', '1');
  const copy = store.getProperties();
  copy.a = 'changed';
  assert.equal(store.getProperty('a'), '1');
});

// https://developers.google.com/apps-script/guides/services/quotas (Properties value size 9 KB / val);
// https://ytakeuchi.jp/?p=604 (9,217 characters fail); message as Apps Script gives for an oversize value:
// https://github.com/joseballester/muFunds/issues/13
test('a value over 9 KB is refused and the store is unchanged', () => {
  const store = setup().PropertiesService.getScriptProperties();
  store.setProperty('fits', 'x'.repeat(9 * 1024));
  assert.throws(() => store.setProperty('big', 'x'.repeat(9 * 1024 + 1)), { message: 'Argument too large: value' });
  // Chinese text counts in bytes: 3 per character in UTF-8.
  assert.throws(() => store.setProperty('zh', '协'.repeat(3100)), { message: 'Argument too large: value' });
  assert.deepEqual(store.getKeys(), ['fits']);
});

// https://developers.google.com/apps-script/guides/services/quotas (500 KB / property store)
// message: https://github.com/lucasvtiradentes/gcal-sync/issues/115
test('a store over 500 KB in total is refused with the quota message', () => {
  const { PropertiesService } = setup();
  const store = PropertiesService.getDocumentProperties();
  const chunk = 'x'.repeat(8 * 1024);
  for (let i = 0; i < 62; i++) store.setProperty(`k${i}`, chunk);
  assert.throws(() => store.setProperty('one-more', chunk), {
    message: 'You have exceeded the property storage quota. Please remove some properties and try again.',
  });
  assert.equal(store.getProperty('one-more'), null);
  // The limit is per store: another store still has room.
  PropertiesService.getScriptProperties().setProperty('one-more', chunk);
});

test('user properties are per user when a current user is given', () => {
  const ctx = createContext();
  let user = 'a@example.com';
  const { PropertiesService } = createPropertiesService(ctx, () => user);
  PropertiesService.getUserProperties().setProperty('lang', 'zh');
  user = 'b@example.com';
  assert.equal(PropertiesService.getUserProperties().getProperty('lang'), null);
});

test('every call is counted', () => {
  const { ctx, PropertiesService } = setup();
  PropertiesService.getScriptProperties().setProperty('a', '1').getProperty('a');
  assert.equal(ctx.calls.count('PropertiesService.getScriptProperties'), 1);
  assert.equal(ctx.calls.count('Properties.setProperty'), 1);
  assert.equal(ctx.calls.count('Properties.getProperty'), 1);
});
