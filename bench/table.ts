/**
 * `tsx bench/table.ts < report.json`: README's benchmark table from the JSON `npm run bench`
 * prints (from its first `{`), so the table is regenerated, never typed.
 */
import { readFileSync } from 'node:fs';
import type { NaiveReport, RunReport } from './scan';

/** One case as the report prints it: the median run, the hand-written script beside it and our ratios. */
type Run = RunReport & {
  readonly naive: NaiveReport;
  readonly emailsRatio: number | null;
  readonly wallTimeRatio: number | null;
};

const text = readFileSync(0, 'utf8');
const report = JSON.parse(text.slice(text.indexOf('{'))) as { runs: readonly Run[]; cellLimit: number };
const n = (value: number) => value.toLocaleString('en-US');
const ratio = (value: number | null) => (value === null ? '—' : `${value}×`);
const lines = [
  '| scenario | tasks | age | cells used | cells read / written | calls | scan thread ms | peak RSS MB | est. sheet I/O s | est. mail s | emails / recipients | queued | hand-written: emails, quota days, est. s | emails ×, time × |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ...report.runs.map((run): string[] => {
    const refused = run.cellsUsed >= report.cellLimit ? ' (at the limit: nothing recorded or sent)' : '';
    return [
      run.scenario,
      n(run.tasks),
      run.age,
      `${n(run.cellsUsed)}${refused}`,
      `${n(run.cellsRead)} / ${n(run.cellsWritten)}`,
      n(run.serviceCalls),
      n(run.mainThreadMs),
      n(run.peakRssMB),
      String(run.estimatedSeconds.sheets),
      `${run.estimatedSeconds.mail}${run.stoppedAtTimeLimit ? ' (stopped at 6 min)' : ''}`,
      `${n(run.emails)} / ${n(run.distinctRecipients)}`,
      n(run.queued),
      `${n(run.naive.emails)}, ${run.naive.quotaDays}, ${n(Math.round(run.naive.estimatedSeconds.total))}`,
      `${ratio(run.emailsRatio)}, ${ratio(run.wallTimeRatio)}`,
    ];
  }),
];
process.stdout.write(
  `${lines.map((line) => (typeof line === 'string' ? line : `| ${line.join(' | ')} |`)).join('\n')}\n`,
);
