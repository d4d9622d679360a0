/** A throwaway Apps Script project of one Code.js, loaded by the same loader as the built bundle. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadProject, type LoadedProject } from '../../emulator/runtime';
import type { EmulatorOptions } from '../../emulator/index';

export function loadScript(code: string, options: EmulatorOptions = {}): LoadedProject {
  const folder = mkdtempSync(join(tmpdir(), 'script-'));
  writeFileSync(join(folder, 'Code.js'), code);
  return loadProject(folder, options);
}
