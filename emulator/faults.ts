/**
 * Fault injection, so tests can see what a run leaves behind when a service fails or Apps Script
 * stops it halfway (SPEC §3.5, §4: every notice once): a method throws an Apps Script-shaped error
 * on its Nth call, or the run is killed at a clock time (the next service call at or past it
 * throws, and the run ends). Faults are armed on the emulator and fire in whatever run makes the
 * call; each fires once unless told otherwise.
 *
 * A fault that never fires proves nothing, so both say whether they fired: `failOn` returns how
 * many calls the fault failed, `killAt` at which call the run was killed. A test harness can ask
 * `takeUnfiredFaults` after each test for every fault armed in it that never fired.
 */
import { type EmulatorContext, gasError } from './core';
import { timeLimitError } from './latency';

/** Messages as Apps Script words them. */
export const FAULT_MESSAGES = {
  /** https://developers.google.com/apps-script/guides/services/quotas (the message quoted there for MailApp). */
  mailQuota: 'Service invoked too many times for one day: email.',
  /** guess at the wording; reported by users as a transient failure of any service. */
  unavailable: 'Service unavailable: Try again later.',
} as const;

export interface MethodFault {
  /** "Class.method" as the call counter names it, e.g. "MailApp.sendEmail". */
  readonly method: string;
  /** Which call fails, counting from when the fault is armed: 1 is the next one. */
  readonly onCall: number;
  /** How many calls in a row fail from there (default 1, a transient failure); Infinity for all. */
  readonly times?: number;
  /** The error's message, thrown as an Apps Script "Exception"; or the error itself. */
  readonly error: string | (() => Error);
  /**
   * The call does its work, then throws: a write that landed though its caller was told it failed
   * (Apps Script's "Service Spreadsheets timed out" after the batchUpdate took effect). Only calls
   * that report their answer can fail so (the Sheets API's, CallCounter.answered); on any other
   * method the fault never fires, and the test that armed it fails.
   */
  readonly after?: boolean;
}

/** What Apps Script says when a Spreadsheet service call outlasts its deadline, whether or not it took effect. */
export const TIMED_OUT = 'Service Spreadsheets timed out while accessing document with id';

/** A failed Sheets API call as the advanced service reports it (GoogleJsonResponseException). */
export function sheetsApiError(method: string, code = 500, message = 'Internal error encountered.'): () => Error {
  return () => {
    const error = new Error(`API call to sheets.spreadsheets.${method} failed with error: ${message}`) as Error & {
      details: unknown;
    };
    error.name = 'GoogleJsonResponseException';
    error.details = { code, message };
    return error;
  };
}

/** An armed `failOn`: whether it has fired. */
export interface FaultHandle {
  /** How many calls it has failed so far: 0 until its method's `onCall`-th call from arming. */
  readonly fired: number;
}

/** An armed `killAt`: whether it has fired, and where. */
export interface KillHandle {
  /** The "Class.method" whose call the kill stopped, or null while it has not fired. */
  readonly firedOn: string | null;
  /** The clock time of that call (at or past the kill time; a later run's if none was under way), or null. */
  readonly firedAt: Date | null;
}

export interface Faults {
  /** Arms a fault on a method's Nth call from now. */
  failOn(fault: MethodFault): FaultHandle;
  /**
   * The run in progress at `when` (clock time) is killed at its next service call at or past it.
   * Arming another kill replaces this one.
   */
  killAt(when: Date | string | number): KillHandle;
  /**
   * The run making the `call`-th service call from now (1 is the next) is killed at that call,
   * whatever the clock: to kill a run after each of its calls in turn. Replaces any armed kill.
   */
  killAtCall(call: number): KillHandle;
  /** Disarms every fault; a disarmed fault no longer counts as one that never fired. */
  clear(): void;
  /** Each fault armed and not disarmed that has not fired yet, described for a failure message. */
  unfired(): string[];
}

interface ArmedFault {
  readonly fault: MethodFault;
  seen: number;
  failed: number;
}

interface ArmedKill {
  /** Clock time, or null for a kill by call count. */
  readonly at: number | null;
  /** Service calls left before the kill, for a kill by call count. */
  callsLeft: number | null;
  fired: { readonly method: string; readonly at: Date } | null;
}

/** Every Faults (and other fault sources, such as the fake robots) made since `takeUnfiredFaults` last looked. */
let made: Pick<Faults, 'unfired'>[] = [];

/** Another source of armed faults (the fake robot endpoints) whose unfired ones the harness reports. */
export function trackUnfired(source: Pick<Faults, 'unfired'>): void {
  made.push(source);
}

/**
 * Each fault armed on any emulator made since the last call that never fired (see
 * Faults.unfired); forgets those emulators. For a test harness to run after each test.
 */
export function takeUnfiredFaults(): string[] {
  const unfired = made.flatMap((faults) => faults.unfired());
  made = [];
  return unfired;
}

export function createFaults(ctx: EmulatorContext): Faults {
  // Every fault armed since the last clear(), fired or not; `pending` those that may still fire.
  let armed: ArmedFault[] = [];
  let pending: ArmedFault[] = [];
  let kill: ArmedKill | null = null;

  ctx.calls.observe((method) => {
    const due =
      kill !== null &&
      kill.fired === null &&
      (kill.at !== null ? ctx.clock.now().getTime() >= kill.at : kill.callsLeft !== null && --kill.callsLeft <= 0);
    if (kill && due) {
      kill.fired = { method, at: ctx.clock.now() };
      // To the script a kill looks like any other stop: its run ends at this call.
      const error = timeLimitError();
      const run = ctx.runs.active();
      if (run) run.stopped = error;
      throw error;
    }
    fail(method, false);
  });
  ctx.calls.observeAnswers((method) => fail(method, true));

  /** Throws the fault due on this call of `method`, before its work or (`after`) once it is done. */
  function fail(method: string, after: boolean): void {
    for (const entry of pending) {
      if (entry.fault.method !== method || (entry.fault.after ?? false) !== after) continue;
      entry.seen++;
      const times = entry.fault.times ?? 1;
      if (entry.seen < entry.fault.onCall || entry.failed >= times) continue;
      entry.failed++;
      const { error } = entry.fault;
      throw typeof error === 'string' ? gasError(error) : error();
    }
    pending = pending.filter((entry) => entry.failed < (entry.fault.times ?? 1));
  }

  const arm = (entry: ArmedKill): KillHandle => {
    kill = entry;
    return {
      get firedOn() {
        return entry.fired?.method ?? null;
      },
      get firedAt() {
        return entry.fired?.at ?? null;
      },
    };
  };

  const faults: Faults = {
    failOn(fault) {
      if (!(fault.onCall >= 1)) throw new Error('Emulator: onCall counts from 1.');
      const entry: ArmedFault = { fault, seen: 0, failed: 0 };
      armed.push(entry);
      pending.push(entry);
      return {
        get fired() {
          return entry.failed;
        },
      };
    },
    killAt(when) {
      return arm({ at: new Date(when).getTime(), callsLeft: null, fired: null });
    },
    killAtCall(call) {
      if (!(call >= 1)) throw new Error('Emulator: killAtCall counts from 1.');
      return arm({ at: null, callsLeft: call, fired: null });
    },
    clear() {
      armed = [];
      pending = [];
      kill = null;
    },
    unfired() {
      const unfired = armed
        .filter((entry) => entry.failed === 0)
        .map(({ fault, seen }) => `failOn ${fault.method} call ${fault.onCall} (called ${seen} times since armed)`);
      if (kill && kill.fired === null)
        unfired.push(
          kill.at === null ? `killAtCall (${kill.callsLeft} calls left)` : `killAt ${new Date(kill.at).toISOString()}`,
        );
      return unfired;
    },
  };
  made.push(faults);
  return faults;
}
