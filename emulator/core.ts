/**
 * Shared state of one emulated Apps Script project: a settable clock and a counter of
 * service calls. Every emulated service method records itself, so benchmarks and tests can
 * see how many round trips a use case would cost on Google's servers.
 */

export class Clock {
  private current: number;

  constructor(start: Date | string = '2024-07-01T01:00:00Z') {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(when: Date | string): void {
    this.current = new Date(when).getTime();
  }

  advanceHours(hours: number): void {
    this.current += hours * 3_600_000;
  }
}

export class CallCounter {
  private readonly counts = new Map<string, number>();

  /** `method` is "Class.method", e.g. "Range.getValues". */
  record(method: string): void {
    this.counts.set(method, (this.counts.get(method) ?? 0) + 1);
  }

  count(method: string): number {
    return this.counts.get(method) ?? 0;
  }

  total(): number {
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }

  reset(): void {
    this.counts.clear();
  }
}

export interface EmulatorContext {
  readonly clock: Clock;
  readonly calls: CallCounter;
}

export function createContext(start?: Date | string): EmulatorContext {
  return { clock: new Clock(start), calls: new CallCounter() };
}

/** Apps Script surfaces service failures as errors named "Exception" ("Exception: <message>"). */
export function gasError(message: string): Error {
  const error = new Error(message);
  error.name = 'Exception';
  return error;
}
