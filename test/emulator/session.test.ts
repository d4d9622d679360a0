import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { createContext } from '../../emulator/core';
import { createSession } from '../../emulator/services/session';

// https://developers.google.com/apps-script/reference/base/session#getActiveUser()
// (the active user's email is blank when security policies withhold it, e.g. consumer accounts)
test('the active user may be blank while the effective user is known', () => {
  const { Session } = createSession(createContext(), { activeUser: '', effectiveUser: 'owner@example.com' });
  assert.equal(Session.getActiveUser().getEmail(), '');
  assert.equal(Session.getEffectiveUser().getEmail(), 'owner@example.com');
});

// https://developers.google.com/apps-script/reference/base/session
test('time zone and locale come from the options', () => {
  const { Session } = createSession(createContext(), { timeZone: 'Asia/Shanghai', locale: 'zh' });
  assert.equal(Session.getScriptTimeZone(), 'Asia/Shanghai');
  assert.equal(Session.getActiveUserLocale(), 'zh');
});

// https://developers.google.com/apps-script/reference/base/session#getTemporaryActiveUserKey()
test('the temporary user key is stable per user, differs between users and hides the email', () => {
  const ctx = createContext();
  const session = createSession(ctx, { activeUser: 'a@example.com', effectiveUser: 'owner@example.com' });
  const first = session.Session.getTemporaryActiveUserKey();
  assert.equal(session.Session.getTemporaryActiveUserKey(), first);
  assert.ok(!first.includes('example'));
  session.emuSetActiveUser('b@example.com');
  assert.notEqual(session.Session.getTemporaryActiveUserKey(), first);
  assert.equal(session.Session.getActiveUser().getEmail(), 'b@example.com');
});

test('every call is counted', () => {
  const ctx = createContext();
  createSession(ctx).Session.getActiveUser().getEmail();
  assert.equal(ctx.calls.count('Session.getActiveUser'), 1);
  assert.equal(ctx.calls.count('User.getEmail'), 1);
});
