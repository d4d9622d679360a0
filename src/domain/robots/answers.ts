/**
 * Reading a platform's answer (SPEC §3.8): errors arrive inside HTTP 200 bodies, so a message is
 * sent only when the body's errcode/code is 0. HTTP 429 and 5xx are retried; a 404 (or another
 * 4xx: the address, its key or token refused) means the robot is gone.
 */
import type { BrokenReason, HttpResponse, RobotOutcome } from './channel';

export const SENT: RobotOutcome = { kind: 'sent' };

export function retry(detail: string): RobotOutcome {
  return { kind: 'retry', detail };
}

export function broken(reason: BrokenReason, detail: string): RobotOutcome {
  return { kind: 'broken', reason, detail };
}

/** An answer other than HTTP 200: rate limit or busy → retry; any other refusal → the address is wrong. */
export function httpOutcome(response: HttpResponse): RobotOutcome | undefined {
  if (response.status === 200) return undefined;
  const detail = `HTTP ${response.status} ${response.body.slice(0, 200)}`.trim();
  if (response.status === 429 || response.status >= 500) return retry(detail);
  return broken('address', detail);
}

/** The JSON body's fields, or {} when it is not JSON (a proxy's HTML page: retried). */
export function bodyOf(response: HttpResponse): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(response.body);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** A numeric code field, or undefined when the body has none. */
export function codeOf(body: Record<string, unknown>, ...fields: string[]): number | undefined {
  for (const field of fields) {
    const value = body[field];
    if (typeof value === 'number') return value;
    if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
  }
  return undefined;
}

/** Text a user typed, made inert in a markdown dialect that reads `<…>` as a mention or a tag. */
export function inertMarkdown(text: string): string {
  return text.replace(/</g, '＜').replace(/>/g, '＞').replace(/\[/g, '［').replace(/\]/g, '］');
}
