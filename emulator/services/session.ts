/**
 * Session: who runs the script and in which time zone and language. The active user's email is
 * '' where Apps Script withholds it (consumer accounts, add-ons outside the user's domain).
 */
import { createHash } from 'node:crypto';
import type { EmulatorContext } from '../core';

export interface SessionOptions {
  activeUser?: string;
  effectiveUser?: string;
  timeZone?: string;
  locale?: string;
}

export type EmulatedSession = Pick<
  GoogleAppsScript.Base.Session,
  'getActiveUser' | 'getEffectiveUser' | 'getScriptTimeZone' | 'getActiveUserLocale' | 'getTemporaryActiveUserKey'
>;

export function createSession(
  ctx: EmulatorContext,
  options: SessionOptions = {},
): { Session: EmulatedSession; emuSetActiveUser(email: string): void } {
  const effectiveUser = options.effectiveUser ?? options.activeUser ?? 'owner@example.com';
  let activeUser = options.activeUser ?? effectiveUser;
  const user = (email: () => string): GoogleAppsScript.Base.User => ({
    getEmail() {
      ctx.calls.record('User.getEmail');
      return email();
    },
    getUserLoginId() {
      ctx.calls.record('User.getUserLoginId');
      return email();
    },
  });

  const Session: EmulatedSession = {
    getActiveUser() {
      ctx.calls.record('Session.getActiveUser');
      return user(() => activeUser);
    },
    getEffectiveUser() {
      ctx.calls.record('Session.getEffectiveUser');
      return user(() => effectiveUser);
    },
    getScriptTimeZone() {
      ctx.calls.record('Session.getScriptTimeZone');
      return options.timeZone ?? 'Asia/Shanghai';
    },
    getActiveUserLocale() {
      ctx.calls.record('Session.getActiveUserLocale');
      return options.locale ?? 'en';
    },
    getTemporaryActiveUserKey() {
      ctx.calls.record('Session.getTemporaryActiveUserKey');
      // Stable per user and script, and reveals nothing about the email, even when that is ''.
      return createHash('sha256').update(`${activeUser}|${effectiveUser}`).digest('base64').slice(0, 43);
    },
  };
  return {
    Session,
    emuSetActiveUser(email: string) {
      activeUser = email;
    },
  };
}
