import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { createContext } from '../../emulator/core';
import { createLockService } from '../../emulator/services/lock';

const START = '2024-07-01T01:00:00.000Z';
const TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

function setup() {
  const ctx = createContext(START);
  return { ctx, ...createLockService(ctx) };
}

// https://developers.google.com/apps-script/reference/lock/lock#hasLock()
test('hasLock is true only between acquiring and releasing', () => {
  const { ctx, LockService } = setup();
  const lock = LockService.getDocumentLock();
  assert.equal(lock.hasLock(), false);
  assert.equal(lock.tryLock(1000), true);
  assert.equal(lock.hasLock(), true);
  lock.releaseLock();
  assert.equal(lock.hasLock(), false);
  assert.equal(ctx.calls.count('Lock.tryLock'), 1);
  assert.equal(ctx.calls.count('LockService.getDocumentLock'), 1);
});

// https://developers.google.com/apps-script/reference/lock/lock-service#getScriptLock()
test('two locks of the same kind contend; other kinds are independent', () => {
  const { LockService } = setup();
  const first = LockService.getScriptLock();
  assert.equal(first.tryLock(0), true);
  assert.equal(LockService.getScriptLock().tryLock(0), false);
  assert.equal(LockService.getDocumentLock().tryLock(0), true);
  assert.equal(LockService.getUserLock().tryLock(0), true);
  first.releaseLock();
  assert.equal(LockService.getScriptLock().tryLock(0), true);
});

// https://developers.google.com/apps-script/reference/lock/lock#tryLock(Integer)
test('tryLock on a lock this object already holds succeeds at once', () => {
  const { ctx, LockService } = setup();
  const lock = LockService.getDocumentLock();
  lock.waitLock(1000);
  assert.equal(lock.tryLock(0), true);
  assert.equal(ctx.clock.now().toISOString(), START);
});

// https://developers.google.com/apps-script/reference/lock/lock#waitLock(Integer)
test('waitLock throws the real timeout message after waiting the whole timeout', () => {
  const { ctx, LockService, emuHoldByAnotherProcess } = setup();
  emuHoldByAnotherProcess('document');
  const lock = LockService.getDocumentLock();
  assert.throws(() => lock.waitLock(30_000), { message: TIMEOUT_MESSAGE });
  assert.equal(lock.hasLock(), false);
  assert.equal(ctx.clock.now().toISOString(), '2024-07-01T01:00:30.000Z');
});

// https://developers.google.com/apps-script/reference/lock/lock#waitLock(Integer)
test('waitLock gets the lock once the other process lets go within the timeout', () => {
  const { ctx, LockService, emuHoldByAnotherProcess } = setup();
  emuHoldByAnotherProcess('script', Date.parse(START) + 10_000);
  const lock = LockService.getScriptLock();
  assert.equal(lock.tryLock(5_000), false);
  lock.waitLock(30_000);
  assert.equal(lock.hasLock(), true);
  assert.equal(ctx.clock.now().toISOString(), '2024-07-01T01:00:10.000Z');
});

// https://developers.google.com/apps-script/reference/lock/lock#releaseLock()
test('releaseLock without holding the lock has no effect on the holder', () => {
  const { LockService } = setup();
  const holder = LockService.getUserLock();
  holder.waitLock(0);
  LockService.getUserLock().releaseLock();
  assert.equal(holder.hasLock(), true);
  assert.equal(LockService.getUserLock().tryLock(0), false);
});
