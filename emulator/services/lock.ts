/**
 * LockService for a single-threaded emulator. One lock exists per kind (document, script,
 * user); every Lock object of that kind contends for it. "Another process" can be made to hold
 * a lock until a clock time. Waiting is modelled on the clock: tryLock/waitLock move the clock
 * forward to the moment the other process lets go, or by the whole timeout when it does not.
 *
 * Re-entrancy (not documented by Google, so chosen to be strict): a Lock object that already
 * holds its lock gets it again at once; a second Lock object of the same kind in the same
 * execution does not, so a nested getScriptLock().waitLock() shows up as a timeout here.
 */
import { type EmulatorContext, gasError } from '../core';

// Outside a document (an add-on's time-driven trigger) getDocumentLock() returns null: "Lock|null",
// https://developers.google.com/apps-script/reference/lock/lock-service#getDocumentLock().

export type EmulatedLock = Pick<GoogleAppsScript.Lock.Lock, 'tryLock' | 'waitLock' | 'hasLock' | 'releaseLock'>;
export type EmulatedLockService = Pick<
  GoogleAppsScript.Lock.LockService,
  'getDocumentLock' | 'getScriptLock' | 'getUserLock'
>;
export type LockKind = 'document' | 'script' | 'user';

export interface EmulatedLocks {
  LockService: EmulatedLockService;
  /** Another execution holds the lock until `untilMs` (clock time), or for ever when omitted. */
  emuHoldByAnotherProcess(kind: LockKind, untilMs?: number): void;
  /**
   * The execution ended: its locks are let go, even when a killed run never reached its
   * releaseLock (guess: the reference does not say what happens to a lock held at the end).
   */
  emuEndRun(): void;
}

interface LockState {
  holder: EmulatedLock | null;
  /** Clock time until which another process holds the lock. */
  otherUntil: number;
}

export function createLockService(ctx: EmulatorContext): EmulatedLocks {
  const states: Record<LockKind, LockState> = {
    document: { holder: null, otherUntil: -Infinity },
    script: { holder: null, otherUntil: -Infinity },
    user: { holder: null, otherUntil: -Infinity },
  };

  /** Acquires if possible within the timeout, advancing the clock by the time spent waiting. */
  function acquire(state: LockState, lock: EmulatedLock, timeoutInMillis: number): boolean {
    if (state.holder === lock) return true;
    const now = ctx.clock.now().getTime();
    const freeAt = state.holder === null ? Math.max(now, state.otherUntil) : Infinity;
    if (freeAt > now + timeoutInMillis) {
      ctx.clock.set(new Date(now + timeoutInMillis));
      ctx.calls.addTime('lock', timeoutInMillis);
      return false;
    }
    ctx.clock.set(new Date(freeAt));
    ctx.calls.addTime('lock', freeAt - now);
    state.holder = lock;
    return true;
  }

  function newLock(kind: LockKind): EmulatedLock {
    const state = states[kind];
    const lock: EmulatedLock = {
      tryLock(timeoutInMillis) {
        ctx.calls.record('Lock.tryLock');
        return acquire(state, lock, timeoutInMillis);
      },
      waitLock(timeoutInMillis) {
        ctx.calls.record('Lock.waitLock');
        if (!acquire(state, lock, timeoutInMillis)) {
          throw gasError('Lock timeout: another process was holding the lock for too long.');
        }
      },
      hasLock() {
        ctx.calls.record('Lock.hasLock');
        return state.holder === lock;
      },
      releaseLock() {
        ctx.calls.record('Lock.releaseLock');
        if (state.holder === lock) state.holder = null;
      },
    };
    return lock;
  }

  return {
    LockService: {
      getDocumentLock() {
        ctx.calls.record('LockService.getDocumentLock');
        // The typings say Lock; the reference says Lock|null.
        return ctx.runs.context().hasDocument ? newLock('document') : null!;
      },
      getScriptLock() {
        ctx.calls.record('LockService.getScriptLock');
        return newLock('script');
      },
      getUserLock() {
        ctx.calls.record('LockService.getUserLock');
        return newLock('user');
      },
    },
    emuHoldByAnotherProcess(kind, untilMs = Infinity) {
      states[kind].otherUntil = untilMs;
    },
    emuEndRun() {
      for (const state of Object.values(states)) state.holder = null;
    },
  };
}
