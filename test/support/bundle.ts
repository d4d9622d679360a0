/** Loads what `clasp push` uploads (build/) into a fresh emulator. Run `npm run build` first. */
import { loadBuilt, readBundle } from '../../cli/session';
import type { LoadedProject } from '../../emulator/runtime';
import type { EmulatorOptions } from '../../emulator/index';

const bundle = readBundle();

export function loadBundle(options: EmulatorOptions = {}): LoadedProject {
  return loadBuilt(bundle, options);
}
