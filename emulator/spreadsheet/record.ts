import type { EmulatorContext } from '../core';

/** Every emulated public method reports itself as "Class.method" to the call counter. */
export type Recorder = (method: string) => void;

export function recorderFor(ctx: EmulatorContext, className: string): Recorder {
  return (method) => ctx.calls.record(`${className}.${method}`);
}
