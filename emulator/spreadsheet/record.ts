import type { EmulatorContext } from '../core';

/**
 * Every emulated public method reports itself as "Class.method" to the call counter; value calls
 * also say how many cells they read or write, for the latency model.
 */
export type Recorder = (method: string, cells?: number) => void;

export function recorderFor(ctx: EmulatorContext, className: string): Recorder {
  return (method, cells) => ctx.calls.record(`${className}.${method}`, cells);
}
