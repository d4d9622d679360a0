/**
 * Runs a built project (build/, what `clasp push` uploads) the way Apps Script does: one global
 * scope holding the services, the bundle's top-level functions called by name from menus,
 * triggers and the sidebar. gas-local loads the folder's .js files into that scope.
 */
import vm from 'node:vm';
import gasLocal from 'gas-local';
import type { AuthModeName, RunKind } from './core';
import { createEmulator, type Emulator, type EmulatorOptions } from './index';

export interface LoadedProject {
  readonly emulator: Emulator;
  /**
   * Calls a global as a menu item would, in a run of its own (FULL authorization, the active
   * document, as the current user). `onOpen` and `onEdit` run as the simple triggers they are
   * (see runSimpleTrigger).
   */
  call(name: string, ...args: unknown[]): unknown;
  /** Calls a global as google.script.run does: private (`_`) names refused, payloads copied. */
  runFromSidebar(name: string, ...args: unknown[]): unknown;
  /**
   * Runs onOpen or onEdit as Apps Script fires them when a user opens or edits the workbook.
   * onEdit runs in AuthMode.LIMITED; onOpen in LIMITED, or NONE when `event.authMode` says so
   * (an add-on installed by the user but not yet used in this document). The event's authMode
   * is filled in when absent. The services enforce the mode only with `enforceSimpleTriggerAuth`;
   * the 30 s limit applies with `latency`.
   */
  runSimpleTrigger(name: 'onOpen' | 'onEdit', event?: Record<string, unknown>): unknown;
  /** Functions the bundle declares at top level: what Apps Script lists as callable. */
  readonly globalFunctions: readonly string[];
}

const SIMPLE_TRIGGERS: Readonly<Record<string, RunKind>> = { onOpen: 'simpleOnOpen', onEdit: 'simpleOnEdit' };

/** Loads every .js file of `folder` (as Apps Script loads a project's files) into a fresh emulator. */
export function loadProject(folder: string, options: EmulatorOptions = {}): LoadedProject {
  const emulator = createEmulator(options);
  const context = vm.createContext({ ...emulator.globals, Date: clockDate(emulator.clock) });
  vm.runInContext(BUILTIN_BINDINGS, context, { filename: 'builtins.js' });
  const before = new Set(Object.getOwnPropertyNames(context));
  // gas-local keeps a context it is given (vm.createContext returns a contextified object as is),
  // so the services, the clock's Date and the bindings above are what the project's code sees.
  gasLocal.require(folder, context);
  const globalFunctions = Object.getOwnPropertyNames(context)
    .filter((name) => !before.has(name) && typeof context[name] === 'function')
    .sort();
  const { runs, session, runOptions } = emulator;

  function invoke(name: string, args: unknown[]): unknown {
    const fn = context[name];
    if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
    return fn(...args);
  }

  function inRun(kind: RunKind, authMode: AuthModeName, name: string, args: unknown[]): unknown {
    return runs.run({ kind, authMode, hasDocument: true, user: session.emuCurrentUser() }, () => invoke(name, args));
  }

  function runSimpleTrigger(name: 'onOpen' | 'onEdit', event: Record<string, unknown> = {}): unknown {
    const mode: AuthModeName = name === 'onOpen' && event.authMode === 'NONE' ? 'NONE' : 'LIMITED';
    const enforced = runOptions.enforceSimpleTriggerAuth ? mode : 'FULL';
    const withMode =
      runOptions.enforceSimpleTriggerAuth && event.authMode === undefined ? { ...event, authMode: mode } : event;
    return inRun(SIMPLE_TRIGGERS[name] ?? 'menu', enforced, name, [withMode]);
  }

  function call(name: string, ...args: unknown[]): unknown {
    if (name === 'onOpen' || name === 'onEdit') {
      const [event] = args;
      return runSimpleTrigger(
        name,
        typeof event === 'object' && event !== null ? (event as Record<string, unknown>) : {},
      );
    }
    return inRun('menu', 'FULL', name, args);
  }

  // A trigger runs as its owner; an add-on's time-driven trigger, opted in, without the document.
  emulator.triggers.emuSetDispatcher((name, event, trigger) =>
    runs.run(
      {
        kind: trigger.timeDriven ? 'timeTrigger' : 'installableTrigger',
        authMode: 'FULL',
        hasDocument: !(trigger.timeDriven && runOptions.triggerContext === 'addon'),
        user: trigger.owner,
      },
      () => session.emuRunAs(trigger.owner, () => invoke(name, [event])),
    ),
  );

  return {
    emulator,
    call,
    runFromSidebar(name, ...args) {
      if (name.endsWith('_')) throw new Error(`Script function not found: ${name}`);
      const result = inRun('sidebar', 'FULL', name, args.map(copyForTransport));
      return result === undefined ? undefined : copyForTransport(result);
    },
    runSimpleTrigger,
    globalFunctions,
  };
}

/**
 * Script-scope bindings for the builtins the bundle uses most. Inside node:vm every global
 * lookup crosses into the context's global object (~150 ns each), a cost Apps Script does not
 * have; binding them once keeps the benchmark about our code, not the emulator. `const`
 * bindings are not properties of the global object, so Apps Script's view of globals is unchanged.
 */
const BUILTIN_BINDINGS = [
  'Math',
  'Date',
  'Number',
  'String',
  'Boolean',
  'Object',
  'Array',
  'Map',
  'Set',
  'WeakMap',
  'JSON',
  'RegExp',
  'Intl',
  'Reflect',
  'Symbol',
  'Error',
  'TypeError',
  'RangeError',
]
  .map((name) => `const ${name} = globalThis.${name};`)
  .join(' ');

/**
 * The bundle's Date: the host's (so dates cross between bundle and emulator as one type, as
 * they do in Apps Script's single realm), with "now" read from the emulator's clock.
 */
function clockDate(clock: Emulator['clock']): DateConstructor {
  // A function sharing Date.prototype rather than a subclass: libraries such as @date-fns/tz
  // walk Date.prototype's own methods, which a subclass prototype does not have.
  function ClockDate(this: unknown, ...args: unknown[]): Date | string {
    if (!new.target) return new Date(clock.now().getTime()).toString();
    const dateArgs = args.length === 0 ? [clock.now().getTime()] : args;
    // A plain `new Date` for the bundle's own dates (same prototype, so same type): V8 keeps
    // those fast, while Reflect.construct is only needed for subclasses such as TZDate.
    if (new.target === ClockDate) return new Date(...(dateArgs as [number]));
    return Reflect.construct(Date, dateArgs, new.target) as Date;
  }
  Object.setPrototypeOf(ClockDate, Date);
  ClockDate.prototype = Date.prototype;
  ClockDate.now = (): number => clock.now().getTime();
  return ClockDate as unknown as DateConstructor;
}

/**
 * google.script.run passes copies of primitives, plain objects and arrays; a Date or a
 * function anywhere in a payload makes the request fail.
 * https://developers.google.com/apps-script/guides/html/reference/run#myFunction(...)
 */
function copyForTransport(value: unknown): unknown {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return value;
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : copyForTransport(item)));
  if (isPlainObject(value)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, field]) => field !== undefined)
        .map(([key, field]) => [key, copyForTransport(field)]),
    );
  }
  throw new TypeError(`Failed due to illegal value in property: ${describe(value)}`);
}

/** Plain objects from either realm (the bundle's literals have the vm context's Object). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

function describe(value: unknown): string {
  return value instanceof Date ? 'Date' : typeof value;
}
