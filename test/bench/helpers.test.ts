/**
 * The bench's pure helpers: its seeded generator repeats, and its wall-time matrix, recomputed
 * from counted calls, agrees with the latency model (emulator/latency.ts) at the model's own costs.
 */
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { latencyOf } from '../../emulator/latency';
import { below, mixSeed, seededRandom } from '../../bench/prng';
import { recomputedSeconds, wallTimeMatrix } from '../../bench/wallTime';

test('the same seed draws the same numbers, in [0, 1), and different seeds differ', () => {
  const draw = (seed: number) => Array.from({ length: 5 }, seededRandom(seed));
  assert.deepEqual(draw(7), draw(7));
  assert.notDeepEqual(draw(7), draw(8));
  for (const n of draw(mixSeed(1000, 1))) assert.ok(n >= 0 && n < 1);
  const random = seededRandom(1);
  const picks = new Set(Array.from({ length: 500 }, () => below(random, 10)));
  assert.deepEqual([...picks].sort(), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
});

test("at 0.75 s a mail and 100 ms an API call the recomputation is the model's own sum", () => {
  const calls = { 'MailApp.sendEmail': 4, 'Sheets.Spreadsheets.Values.batchGet': 2, 'Range.getValues': 3 };
  const cells = { 'Sheets.Spreadsheets.Values.batchGet': 1000, 'Range.getValues': 600 };
  const model =
    4 * latencyOf('MailApp.sendEmail', 0).ms +
    latencyOf('Sheets.Spreadsheets.Values.batchGet', 400).ms +
    latencyOf('Sheets.Spreadsheets.Values.batchGet', 600).ms +
    3 * latencyOf('Range.getValues', 200).ms;
  assert.ok(Math.abs(recomputedSeconds(calls, cells, 0.75, 100) - model / 1000) < 1e-9);
  const matrix = wallTimeMatrix(calls, cells);
  // Each step in the mail's cost adds it 4 times; 200 ms more an API call adds it twice.
  assert.equal(matrix['1.2 s/mail']?.['100 ms/API call'], Math.round((model / 1000 + 4 * 0.45) * 10) / 10);
  assert.equal(matrix['0.75 s/mail']?.['300 ms/API call'], Math.round((model / 1000 + 2 * 0.2) * 10) / 10);
});
