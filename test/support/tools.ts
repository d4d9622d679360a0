/**
 * Tests that need a Debian package (Chromium, LibreOffice) skip with an install hint on a
 * machine without it, but never in CI, where .ci/run installs them and a skip would hide a gap.
 */
import { spawnSync } from 'node:child_process';
import { test } from '@jest/globals';

export function missingTool(command: string, aptPackages: string): string | false {
  if (process.env.CI) return false;
  const found = !spawnSync(command, ['--version'], { encoding: 'utf8' }).error;
  return found ? false : `${command} is not installed: apt-get install -y --no-install-recommends ${aptPackages}`;
}

/** `test` where the tool is there; otherwise `test.skip`, with the install hint printed once. */
export function testUnless(missing: string | false): typeof test.skip {
  if (!missing) return test;
  if (!warned.has(missing)) {
    warned.add(missing);
    console.warn(`skipped: ${missing}`);
  }
  return test.skip;
}

const warned = new Set<string>();
