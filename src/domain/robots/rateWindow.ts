/**
 * At most so many messages a minute (and a second, where the platform says) per robot (SPEC §3.8:
 * WeCom and DingTalk 20 a minute, Feishu 100 and 5 a second, Google Chat 60): a message that would
 * pass the limit waits for the next tick rather than be refused by the platform.
 */
export interface RateLimit {
  readonly perMinute: number;
  readonly perSecond?: number;
}

export class RateWindow {
  private readonly sent = new Map<string, number[]>();

  /** Whether `robot` may take one more message at `now` (ms); if so, it is counted. */
  take(robot: string, limit: RateLimit, now: number): boolean {
    const times = (this.sent.get(robot) ?? []).filter((time) => now - time < 60_000);
    const lastSecond = times.filter((time) => now - time < 1000).length;
    const allowed = times.length < limit.perMinute && (limit.perSecond === undefined || lastSecond < limit.perSecond);
    if (allowed) times.push(now);
    this.sent.set(robot, times);
    return allowed;
  }
}
