/**
 * ScriptApp: installable triggers (time-driven and spreadsheet), authorization info and enums.
 * Time-driven triggers do not fire by themselves: a test moves the clock and calls
 * triggers.emuRunDue(), which runs each trigger that became due once, like Google, who never
 * replays runs that were missed.
 *
 * Limits: 20 triggers per user per script (https://developers.google.com/apps-script/guides/services/quotas);
 * in an add-on, one trigger of each event type per user per document and no time-driven
 * trigger more often than hourly (https://developers.google.com/workspace/add-ons/concepts/editor-triggers).
 *
 * Triggers are per user: each belongs to the user who created it, getProjectTriggers and
 * getUserTriggers list only the current user's ("all installable triggers associated with the
 * current project and current user",
 * https://developers.google.com/apps-script/reference/script/script-app#getProjectTriggers()),
 * and a trigger runs as its owner. Managing triggers needs FULL authorization: a simple trigger
 * is refused (https://github.com/boilermaker-ben/Google-Sheets-NFL-Pick-Ems-and-Survivor-Pool/issues/16).
 */
import { type EmulatorContext, gasError, requireFullAuth } from '../core';
import { instantOf, wallClockOf } from '../spreadsheet/time';

const SCRIPT_APP_SCOPE = 'https://www.googleapis.com/auth/script.scriptapp';

type Script = typeof GoogleAppsScript.Script;
type Trigger = GoogleAppsScript.Script.Trigger;
type AuthMode = GoogleAppsScript.Script.AuthMode;
type AuthorizationStatus = GoogleAppsScript.Script.AuthorizationStatus;
type EventType = GoogleAppsScript.Script.EventType;
type WeekDay = GoogleAppsScript.Base.Weekday;

/** Apps Script enums print as their names, so string values compare and log like the real ones. */
function enumOf<T>(names: readonly string[]): T {
  return Object.freeze(Object.fromEntries(names.map((name) => [name, name]))) as T;
}

const AuthModes = enumOf<Script['AuthMode']>(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']);
const AuthorizationStatuses = enumOf<Script['AuthorizationStatus']>(['REQUIRED', 'NOT_REQUIRED']);
const EventTypes = enumOf<Script['EventType']>([
  'CLOCK',
  'ON_OPEN',
  'ON_EDIT',
  'ON_FORM_SUBMIT',
  'ON_CHANGE',
  'ON_EVENT_UPDATED',
]);
const TriggerSources = enumOf<Script['TriggerSource']>(['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR']);
const WEEK_DAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'] as const;
const WeekDays = enumOf<typeof GoogleAppsScript.Base.Weekday>(WEEK_DAYS);

/** The part of ClockTriggerBuilder we emulate, with the real signatures. */
export interface ClockTriggerBuilder {
  everyMinutes(n: number): ClockTriggerBuilder;
  everyHours(n: number): ClockTriggerBuilder;
  everyDays(n: number): ClockTriggerBuilder;
  atHour(hour: number): ClockTriggerBuilder;
  nearMinute(minute: number): ClockTriggerBuilder;
  onWeekDay(day: WeekDay): ClockTriggerBuilder;
  inTimezone(timezone: string): ClockTriggerBuilder;
  create(): Trigger;
}
export type SpreadsheetTriggerBuilder = Pick<
  GoogleAppsScript.Script.SpreadsheetTriggerBuilder,
  'onOpen' | 'onEdit' | 'onChange' | 'onFormSubmit' | 'create'
>;
export interface TriggerBuilder {
  timeBased(): ClockTriggerBuilder;
  forSpreadsheet(spreadsheet: { getId(): string } | string): SpreadsheetTriggerBuilder;
}
export type EmulatedScriptApp = Pick<
  GoogleAppsScript.Script.ScriptApp,
  | 'AuthMode'
  | 'AuthorizationStatus'
  | 'EventType'
  | 'TriggerSource'
  | 'WeekDay'
  | 'getProjectTriggers'
  | 'getUserTriggers'
  | 'deleteTrigger'
  | 'getAuthorizationInfo'
> & { newTrigger(functionName: string): TriggerBuilder };

/** What the dispatcher is told about the trigger it runs. */
export interface FiredTrigger {
  /** The user who created the trigger: the run is theirs. */
  readonly owner: string;
  readonly timeDriven: boolean;
}

export type TriggerDispatcher = (functionName: string, event: object, trigger: FiredTrigger) => unknown;

export interface TriggerRegistry {
  /** Who runs a handler: usually a call into the loaded bundle's global function, as its owner. */
  emuSetDispatcher(dispatch: TriggerDispatcher): void;
  /** Runs, in time order, each time-driven trigger due at the clock's now; returns those run. */
  emuRunDue(): Trigger[];
  /** Runs one trigger now; `event` adds fields (e.g. `source`, `range` for an edit). */
  emuFire(trigger: Trigger, event?: object): unknown;
  /** When a time-driven trigger fires next (null for other triggers or deleted ones). */
  emuNextRunAt(trigger: Trigger): Date | null;
  emuSetAuthorizationStatus(status: AuthorizationStatus): void;
}

export interface ScriptOptions {
  /** Add-on limits apply (default true). */
  addOn?: boolean;
  /** The document the script runs in; add-on triggers are counted per document. */
  spreadsheetId?: string;
  /** The script's time zone (appsscript.json), used by atHour/onWeekDay without inTimezone. */
  timeZone?: string;
  /** The user the script runs for now; triggers are theirs (default: one user, ''). */
  currentUser?: () => string;
}

export interface EmulatedScript {
  ScriptApp: EmulatedScriptApp;
  triggers: TriggerRegistry;
}

interface Schedule {
  unit: 'minutes' | 'hours' | 'days' | 'weeks';
  every: number;
  hour: number;
  minute: number;
  weekDay: number;
  timeZone: string;
  /** Local day number of creation, so every-n-days counts from it. */
  anchorDay: number;
}

interface Registered {
  trigger: Trigger;
  uid: string;
  owner: string;
  handler: string;
  eventType: EventType;
  /** The spreadsheet the trigger belongs to (a time-driven trigger only in an add-on). */
  documentId: string | null;
  schedule: Schedule | null;
  nextRun: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MAX_TRIGGERS = 20;

function localDayNumber(ms: number, timeZone: string): number {
  const w = wallClockOf(ms, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day) / DAY;
}

/** First firing strictly after `after`. Minute and hour steps count from the epoch, in UTC. */
function nextFiring(s: Schedule, after: number): number {
  if (s.unit === 'minutes' || s.unit === 'hours') {
    const period = s.every * (s.unit === 'minutes' ? MINUTE : HOUR);
    const offset = s.unit === 'hours' ? s.minute * MINUTE : 0;
    return Math.floor((after - offset) / period) * period + offset + period;
  }
  const today = localDayNumber(after, s.timeZone);
  for (let day = today; ; day++) {
    const date = new Date(day * DAY);
    const at = instantOf(
      {
        year: date.getUTCFullYear(),
        month: date.getUTCMonth() + 1,
        day: date.getUTCDate(),
        hour: s.hour,
        minute: s.minute,
        second: 0,
        ms: 0,
      },
      s.timeZone,
    );
    const onDay = s.unit === 'weeks' ? date.getUTCDay() === s.weekDay : (day - s.anchorDay) % s.every === 0;
    if (at > after && onDay) return at;
  }
}

/** The event a time-driven trigger receives; Google reports its fields in UTC. */
function timeDrivenEvent(ms: number, triggerUid: string): GoogleAppsScript.Events.TimeDriven {
  const d = new Date(ms);
  const isoDay = d.getUTCDay() || 7;
  // ISO week: the week holding this week's Thursday.
  const thursday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 4 - isoDay));
  const weekOfYear = Math.ceil(((thursday.getTime() - Date.UTC(thursday.getUTCFullYear(), 0, 1)) / DAY + 1) / 7);
  return {
    authMode: AuthModes.FULL,
    triggerUid,
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    'day-of-month': d.getUTCDate(),
    'day-of-week': isoDay,
    'week-of-year': weekOfYear,
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    timezone: 'UTC',
  };
}

// Only the time-based wording is attested; the others follow its pattern.
const ADD_ON_TRIGGER_NAMES: Partial<Record<string, string>> = {
  CLOCK: 'time-based',
  ON_OPEN: 'open',
  ON_EDIT: 'edit',
  ON_CHANGE: 'change',
  ON_FORM_SUBMIT: 'form submit',
};

export function createScriptApp(ctx: EmulatorContext, options: ScriptOptions = {}): EmulatedScript {
  const addOn = options.addOn ?? true;
  const scriptTimeZone = options.timeZone ?? 'Asia/Shanghai';
  const currentUser = options.currentUser ?? (() => '');
  const registered: Registered[] = [];
  let nextUid = 1_000_001;
  let authorizationStatus = AuthorizationStatuses.NOT_REQUIRED;
  let dispatcher: TriggerDispatcher | null = null;

  // Triggers are compared by identity: getProjectTriggers hands out the registered objects.
  const find = (trigger: Trigger) => registered.find((r) => r.trigger === trigger);
  const mine = () => {
    const user = currentUser();
    return registered.filter((r) => r.owner === user);
  };

  function register(
    handler: string,
    eventType: EventType,
    documentId: string | null,
    schedule: Schedule | null,
  ): Trigger {
    const owned = mine();
    if (addOn) {
      if (schedule?.unit === 'minutes') {
        throw gasError('The recurrence interval for an Add-on trigger must be at least one hour.');
      }
      if (owned.some((r) => r.eventType === eventType && r.documentId === documentId)) {
        throw gasError(
          `This add-on has created too many ${ADD_ON_TRIGGER_NAMES[String(eventType)]} triggers in this document for this Google user account.`,
        );
      }
    }
    if (owned.length >= MAX_TRIGGERS) {
      throw gasError(
        'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
      );
    }
    const uid = String(nextUid++);
    const source = schedule ? TriggerSources.CLOCK : TriggerSources.SPREADSHEETS;
    const trigger: Trigger = {
      getUniqueId: () => (ctx.calls.record('Trigger.getUniqueId'), uid),
      getHandlerFunction: () => (ctx.calls.record('Trigger.getHandlerFunction'), handler),
      getEventType: () => (ctx.calls.record('Trigger.getEventType'), eventType),
      getTriggerSource: () => (ctx.calls.record('Trigger.getTriggerSource'), source),
      // Google returns null for time-driven triggers, which the typings do not allow for.
      getTriggerSourceId: () => (ctx.calls.record('Trigger.getTriggerSourceId'), schedule ? null! : documentId!),
    };
    const now = ctx.clock.now().getTime();
    registered.push({
      trigger,
      uid,
      owner: currentUser(),
      handler,
      eventType,
      documentId,
      schedule,
      nextRun: schedule ? nextFiring(schedule, now) : Infinity,
    });
    return trigger;
  }

  function newClockBuilder(handler: string): ClockTriggerBuilder {
    let unit: Schedule['unit'] | null = null;
    let every = 1;
    let hour = 0;
    let minute = 0;
    let weekDay = 0;
    let timeZone = scriptTimeZone;
    const builder: ClockTriggerBuilder = {
      everyMinutes(n) {
        ctx.calls.record('ClockTriggerBuilder.everyMinutes');
        [unit, every] = ['minutes', n];
        return builder;
      },
      everyHours(n) {
        ctx.calls.record('ClockTriggerBuilder.everyHours');
        [unit, every] = ['hours', n];
        return builder;
      },
      everyDays(n) {
        ctx.calls.record('ClockTriggerBuilder.everyDays');
        [unit, every] = ['days', n];
        return builder;
      },
      atHour(h) {
        ctx.calls.record('ClockTriggerBuilder.atHour');
        hour = h;
        return builder;
      },
      nearMinute(m) {
        ctx.calls.record('ClockTriggerBuilder.nearMinute');
        minute = m;
        return builder;
      },
      onWeekDay(day) {
        ctx.calls.record('ClockTriggerBuilder.onWeekDay');
        [unit, every, weekDay] = ['weeks', 1, WEEK_DAYS.indexOf(String(day) as (typeof WEEK_DAYS)[number])];
        return builder;
      },
      inTimezone(tz) {
        ctx.calls.record('ClockTriggerBuilder.inTimezone');
        timeZone = tz;
        return builder;
      },
      create() {
        ctx.calls.record('ClockTriggerBuilder.create');
        if (unit === null) throw new Error('Emulator: give a time-based trigger a recurrence before create().');
        // Guards the schedule search below, which would never end on these.
        if (!(every >= 1) || weekDay < 0) throw new Error('Emulator: invalid recurrence for a time-based trigger.');
        const anchorDay = localDayNumber(ctx.clock.now().getTime(), timeZone);
        const schedule = { unit, every, hour, minute, weekDay, timeZone, anchorDay };
        return register(handler, EventTypes.CLOCK, addOn ? (options.spreadsheetId ?? null) : null, schedule);
      },
    };
    return builder;
  }

  function newSpreadsheetBuilder(handler: string, spreadsheetId: string): SpreadsheetTriggerBuilder {
    let eventType: EventType | null = null;
    const on = (type: EventType, method: string) => {
      ctx.calls.record(`SpreadsheetTriggerBuilder.${method}`);
      eventType = type;
      return builder;
    };
    const builder: SpreadsheetTriggerBuilder = {
      onOpen: () => on(EventTypes.ON_OPEN, 'onOpen'),
      onEdit: () => on(EventTypes.ON_EDIT, 'onEdit'),
      onChange: () => on(EventTypes.ON_CHANGE, 'onChange'),
      onFormSubmit: () => on(EventTypes.ON_FORM_SUBMIT, 'onFormSubmit'),
      create() {
        ctx.calls.record('SpreadsheetTriggerBuilder.create');
        if (eventType === null)
          throw new Error('Emulator: choose onOpen/onEdit/onChange/onFormSubmit before create().');
        return register(handler, eventType, spreadsheetId, null);
      },
    };
    return builder;
  }

  function dispatch(entry: Registered, event: object): unknown {
    if (!dispatcher) throw new Error('Emulator: call triggers.emuSetDispatcher before firing triggers.');
    return dispatcher(entry.handler, event, { owner: entry.owner, timeDriven: entry.schedule !== null });
  }

  function fire(entry: Registered, event: object): unknown {
    const base = entry.schedule
      ? timeDrivenEvent(ctx.clock.now().getTime(), entry.uid)
      : { authMode: AuthModes.FULL, triggerUid: entry.uid };
    return dispatch(entry, { ...base, ...event });
  }

  const ScriptApp: EmulatedScriptApp = {
    AuthMode: AuthModes,
    AuthorizationStatus: AuthorizationStatuses,
    EventType: EventTypes,
    TriggerSource: TriggerSources,
    WeekDay: WeekDays,
    newTrigger(functionName) {
      ctx.calls.record('ScriptApp.newTrigger');
      requireFullAuth(ctx, 'ScriptApp.newTrigger', SCRIPT_APP_SCOPE);
      return {
        timeBased() {
          ctx.calls.record('TriggerBuilder.timeBased');
          return newClockBuilder(functionName);
        },
        forSpreadsheet(spreadsheet) {
          ctx.calls.record('TriggerBuilder.forSpreadsheet');
          return newSpreadsheetBuilder(
            functionName,
            typeof spreadsheet === 'string' ? spreadsheet : spreadsheet.getId(),
          );
        },
      };
    },
    getProjectTriggers() {
      ctx.calls.record('ScriptApp.getProjectTriggers');
      requireFullAuth(ctx, 'ScriptApp.getProjectTriggers', SCRIPT_APP_SCOPE);
      return mine().map((r) => r.trigger);
    },
    getUserTriggers(document: { getId(): string }) {
      ctx.calls.record('ScriptApp.getUserTriggers');
      requireFullAuth(ctx, 'ScriptApp.getUserTriggers', SCRIPT_APP_SCOPE);
      const id = document.getId();
      return mine()
        .filter((r) => r.documentId === id)
        .map((r) => r.trigger);
    },
    deleteTrigger(trigger) {
      ctx.calls.record('ScriptApp.deleteTrigger');
      requireFullAuth(ctx, 'ScriptApp.deleteTrigger', SCRIPT_APP_SCOPE);
      // Another user's trigger is out of reach: only its owner can list it, so only they can delete it.
      const entry = find(trigger);
      if (entry && entry.owner === currentUser()) registered.splice(registered.indexOf(entry), 1);
    },
    getAuthorizationInfo(authMode: AuthMode) {
      ctx.calls.record('ScriptApp.getAuthorizationInfo');
      // Only FULL needs the user's consent; the other modes never require authorization.
      const status = authMode === AuthModes.FULL ? authorizationStatus : AuthorizationStatuses.NOT_REQUIRED;
      return {
        getAuthorizationStatus: () => (ctx.calls.record('AuthorizationInfo.getAuthorizationStatus'), status),
        // Google returns null when nothing needs authorizing.
        getAuthorizationUrl: () => (
          ctx.calls.record('AuthorizationInfo.getAuthorizationUrl'),
          status === AuthorizationStatuses.REQUIRED
            ? 'https://script.google.com/macros/d/emulated-script/authorize'
            : null!
        ),
      };
    },
  };

  const triggers: TriggerRegistry = {
    emuSetDispatcher(dispatch) {
      dispatcher = dispatch;
    },
    emuRunDue() {
      const now = ctx.clock.now().getTime();
      const due = registered.filter((r) => r.nextRun <= now).sort((a, b) => a.nextRun - b.nextRun);
      const ran: Trigger[] = [];
      for (const entry of due) {
        // A handler that ran earlier in this pass may have deleted this trigger.
        if (!registered.includes(entry)) continue;
        entry.nextRun = nextFiring(entry.schedule!, now);
        fire(entry, {});
        ran.push(entry.trigger);
      }
      return ran;
    },
    emuFire(trigger, event = {}) {
      const entry = find(trigger);
      if (!entry) throw new Error('Emulator: that trigger was deleted.');
      return fire(entry, event);
    },
    emuNextRunAt(trigger) {
      const entry = find(trigger);
      return entry?.schedule ? new Date(entry.nextRun) : null;
    },
    emuSetAuthorizationStatus(status) {
      authorizationStatus = status;
    },
  };

  return { ScriptApp, triggers };
}
