import type { EmulatorContext } from '../core';

/**
 * Every emulated public method reports itself as "Class.method" to the call counter; value calls
 * also say how many cells they read or write, for the latency model.
 */
export type Recorder = (method: string, cells?: number) => void;

/** Contexts whose calls go uncounted right now: a test's own edits between a script's read and write. */
const uncountedContexts = new WeakSet<EmulatorContext>();

export function recorderFor(ctx: EmulatorContext, className: string): Recorder {
  return (method, cells) => {
    if (!uncountedContexts.has(ctx)) ctx.calls.record(`${className}.${method}`, cells);
  };
}

/** Runs `fn` without counting its calls on `ctx`: they are the test's, not the script's. */
export function uncounted<T>(ctx: EmulatorContext, fn: () => T): T {
  if (uncountedContexts.has(ctx)) return fn();
  uncountedContexts.add(ctx);
  try {
    return fn();
  } finally {
    uncountedContexts.delete(ctx);
  }
}

/**
 * For methods that change the spreadsheet: records the call, then lets the test's pending edits
 * (`emuBeforeNextWrite`) run before the change is applied.
 */
export function changeRecorderFor(
  ctx: EmulatorContext,
  className: string,
  workbook: { beforeWrite(): void },
): Recorder {
  const record = recorderFor(ctx, className);
  return (method, cells) => {
    record(method, cells);
    workbook.beforeWrite();
  };
}
