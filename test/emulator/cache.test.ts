import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { createContext } from '../../emulator/core';
import { createCacheService } from '../../emulator/services/cache';

function setup() {
  const ctx = createContext('2024-07-01T00:00:00Z');
  return { ctx, cache: createCacheService(ctx).CacheService.getScriptCache() };
}

// https://developers.google.com/apps-script/reference/cache/cache#getkey
test('get returns the value, or null when missing', () => {
  const { cache } = setup();
  assert.equal(cache.get('k'), null);
  cache.put('k', 'v');
  assert.equal(cache.get('k'), 'v');
});

// https://developers.google.com/apps-script/reference/cache/cache#putkey,-value (default 10 minutes)
test('an entry put without an expiration is gone after 600 seconds', () => {
  const { ctx, cache } = setup();
  cache.put('k', 'v');
  ctx.clock.set('2024-07-01T00:09:59Z');
  assert.equal(cache.get('k'), 'v');
  ctx.clock.set('2024-07-01T00:10:00Z');
  assert.equal(cache.get('k'), null);
});

// https://developers.google.com/apps-script/reference/cache/cache#putkey,-value,-expirationinseconds (max 21600)
test('an explicit expiration is honoured up to six hours', () => {
  const { ctx, cache } = setup();
  cache.put('short', 'v', 5);
  cache.put('long', 'v', 100_000);
  ctx.clock.set('2024-07-01T00:00:06Z');
  assert.equal(cache.get('short'), null);
  ctx.clock.set('2024-07-01T05:59:00Z');
  assert.equal(cache.get('long'), 'v');
  ctx.clock.set('2024-07-01T06:00:01Z');
  assert.equal(cache.get('long'), null);
});

// https://developers.google.com/apps-script/reference/cache/cache#getallkeys
test('getAll returns only the keys found; putAll, remove and removeAll work on several keys', () => {
  const { cache } = setup();
  cache.putAll({ a: '1', b: '2', c: '3' });
  assert.deepEqual(cache.getAll(['a', 'x', 'c']), { a: '1', c: '3' });
  cache.remove('a');
  cache.removeAll(['b', 'c']);
  assert.deepEqual(cache.getAll(['a', 'b', 'c']), {});
});

// https://justin.poehnelt.com/posts/exploring-apps-script-cacheservice-limits (key 250 chars, value 100 KB)
// message: https://github.com/joseballester/muFunds/issues/13
test('keys over 250 characters and values over 100 KB are refused', () => {
  const { cache } = setup();
  cache.put('k'.repeat(250), 'ok');
  assert.throws(() => cache.put('k'.repeat(251), 'v'), /Argument too large: key/);
  cache.put('fits', 'x'.repeat(100 * 1024));
  assert.throws(() => cache.put('big', 'x'.repeat(100 * 1024 + 1)), { message: 'Argument too large: value' });
  assert.equal(cache.get('big'), null);
});

// https://developers.google.com/apps-script/reference/cache/cache-service
test('script, document and user caches are separate', () => {
  const ctx = createContext();
  const { CacheService } = createCacheService(ctx);
  CacheService.getUserCache().put('k', 'user');
  assert.equal(CacheService.getScriptCache().get('k'), null);
  assert.equal(CacheService.getDocumentCache()?.get('k'), null);
  assert.equal(CacheService.getUserCache().get('k'), 'user');
});

test('every call is counted', () => {
  const { ctx, cache } = setup();
  cache.put('a', '1');
  cache.get('a');
  assert.equal(ctx.calls.count('Cache.put'), 1);
  assert.equal(ctx.calls.count('Cache.get'), 1);
});
