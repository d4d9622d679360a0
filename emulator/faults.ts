/**
 * Fault injection, so tests can see what a run leaves behind when a service fails or Apps Script
 * stops it halfway (SPEC §3.5, §4: every notice once): a method throws an Apps Script-shaped error
 * on its Nth call, or the run is killed at a clock time (the next service call at or past it
 * throws, and the run ends). Faults are armed on the emulator and fire in whatever run makes the
 * call; each fires once unless told otherwise.
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
}

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

export interface Faults {
  /** Arms a fault on a method's Nth call from now. */
  failOn(fault: MethodFault): void;
  /** The run in progress at `when` (clock time) is killed at its next service call at or past it. */
  killAt(when: Date | string | number): void;
  /** Disarms every fault. */
  clear(): void;
}

interface Armed {
  fault: MethodFault;
  seen: number;
  failed: number;
}

export function createFaults(ctx: EmulatorContext): Faults {
  let armed: Armed[] = [];
  let killAt: number | null = null;

  ctx.calls.observe((method) => {
    if (killAt !== null && ctx.clock.now().getTime() >= killAt) {
      killAt = null;
      // To the script a kill looks like any other stop: its run ends at this call.
      const error = timeLimitError();
      const run = ctx.runs.active();
      if (run) run.stopped = error;
      throw error;
    }
    for (const entry of armed) {
      if (entry.fault.method !== method) continue;
      entry.seen++;
      const times = entry.fault.times ?? 1;
      if (entry.seen < entry.fault.onCall || entry.failed >= times) continue;
      entry.failed++;
      const { error } = entry.fault;
      throw typeof error === 'string' ? gasError(error) : error();
    }
    armed = armed.filter((entry) => entry.failed < (entry.fault.times ?? 1));
  });

  return {
    failOn(fault) {
      if (!(fault.onCall >= 1)) throw new Error('Emulator: onCall counts from 1.');
      armed.push({ fault, seen: 0, failed: 0 });
    },
    killAt(when) {
      killAt = new Date(when).getTime();
    },
    clear() {
      armed = [];
      killAt = null;
    },
  };
}
