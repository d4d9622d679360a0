/**
 * Runs a built project (build/, what `clasp push` uploads) the way Apps Script does: one global
 * scope holding the services, the bundle's top-level functions called by name from menus,
 * triggers and the sidebar. gas-local loads the folder's .js files into that scope.
 */
import vm from 'node:vm';
import gasLocal from 'gas-local';
import { createEmulator, type Emulator, type EmulatorOptions } from './index';

export interface LoadedProject {
  readonly emulator: Emulator;
  /** Calls a global as a menu item or trigger would. */
  call(name: string, ...args: unknown[]): unknown;
  /** Calls a global as google.script.run does: private (`_`) names refused, payloads copied. */
  runFromSidebar(name: string, ...args: unknown[]): unknown;
  /** Functions the bundle declares at top level: what Apps Script lists as callable. */
  readonly globalFunctions: readonly string[];
}

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

  function call(name: string, ...args: unknown[]): unknown {
    const fn = context[name];
    if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
    return fn(...args);
  }

  emulator.triggers.emuSetDispatcher((name: string, event: object) => call(name, event));

  return {
    emulator,
    call,
    runFromSidebar(name, ...args) {
      if (name.endsWith('_')) throw new Error(`Script function not found: ${name}`);
      const result = call(name, ...args.map(copyForTransport));
      return result === undefined ? undefined : copyForTransport(result);
    },
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
