/**
 * Session: who runs the script and in which time zone and language. The active user's email is
 * '' where Apps Script withholds it (consumer accounts, add-ons outside the user's domain).
 *
 * In a run without the user's authorization (a simple trigger's LIMITED or NONE mode) the email
 * is withheld unless the user is in the developer's domain: "the user's email address is not
 * available in any context that allows a script to run without that user's authorization, like
 * a simple onOpen(e) or onEdit(e) trigger … these restrictions generally do not apply if the
 * developer … belongs to the same Google Workspace domain as the user"
 * (https://developers.google.com/apps-script/reference/base/session#getActiveUser()).
 */
import { createHash } from 'node:crypto';
import type { EmulatorContext } from '../core';

export interface SessionOptions {
  activeUser?: string;
  effectiveUser?: string;
  timeZone?: string;
  locale?: string;
  /** The developer's domain, e.g. 'example.com'; unset, no user is outside it. */
  developerDomain?: string;
}

export type EmulatedSession = Pick<
  GoogleAppsScript.Base.Session,
  'getActiveUser' | 'getEffectiveUser' | 'getScriptTimeZone' | 'getActiveUserLocale' | 'getTemporaryActiveUserKey'
>;

export function createSession(
  ctx: EmulatorContext,
  options: SessionOptions = {},
): {
  Session: EmulatedSession;
  emuSetActiveUser(email: string): void;
  /** The account the script runs for now, whether or not Apps Script reveals its email. */
  emuCurrentUser(): string;
  /** Runs `body` as `user` (a trigger's owner), then gives the session back to who had it. */
  emuRunAs<T>(user: string, body: () => T): T;
} {
  const effectiveUser = options.effectiveUser ?? options.activeUser ?? 'owner@example.com';
  let activeUser = options.activeUser ?? effectiveUser;
  const outsideDomain = (email: string) =>
    options.developerDomain !== undefined && !email.toLowerCase().endsWith(`@${options.developerDomain.toLowerCase()}`);
  const visibleActiveUser = () =>
    ctx.runs.context().authMode !== 'FULL' && outsideDomain(activeUser) ? '' : activeUser;
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
      return user(visibleActiveUser);
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
    emuCurrentUser: () => activeUser || effectiveUser,
    emuRunAs(user, body) {
      const before = activeUser;
      activeUser = user;
      try {
        return body();
      } finally {
        activeUser = before;
      }
    },
  };
}
