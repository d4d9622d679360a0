/** Loads what `clasp push` uploads (build/) into a fresh emulator. Run `npm run build` first. */
import { readFileSync } from 'node:fs';
import { loadProject, type LoadedProject } from '../../emulator/runtime';
import type { EmulatorOptions } from '../../emulator/index';

const code = readFileSync('build/Code.js', 'utf8');
const sidebar = readFileSync('build/sidebar.html', 'utf8');

export function loadBundle(options: EmulatorOptions = {}): LoadedProject {
  return loadProject(code, { htmlFiles: { sidebar }, ...options });
}
