/**
 * `tsx bench/table.ts < report.json`: README's benchmark tables from the JSON `npm run bench`
 * prints (from its first `{`), so the tables are regenerated, never typed: one line per measured
 * case, then the four-week comparison of mail.
 */
import { readFileSync } from 'node:fs';
import type { RunReport } from './measure';
import type { ScriptsReport } from './scripts';
import type { WeeksReport } from './weeks';

/** One case as the report prints it: the median run, the scripts beside it and our ratios. */
type Run = RunReport & {
  readonly scripts: ScriptsReport;
  readonly emailsRatio: number | null;
  readonly wallTimeRatio: number | null;
};

const text = readFileSync(0, 'utf8');
const report = JSON.parse(text.slice(text.indexOf('{'))) as {
  runs: readonly Run[];
  fourWeeks?: readonly WeeksReport[];
  cellLimit: number;
};
const n = (value: number) => value.toLocaleString('en-US');
const ratio = (value: number | null) => (value === null ? '—' : `${value}×`);
const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
const lines = [
  '| scenario | tasks | age | cells used | cells read / written | calls | scan thread ms | peak RSS MB | est. sheet I/O s | est. mail s | emails / recipients | log rows written | queued | hand-written: emails, quota days, est. s | digest script emails | same-rules digest emails | emails ×, time × |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ...report.runs.map((run) => {
    const refused = run.cellsUsed >= report.cellLimit ? ' (at the limit: nothing recorded or sent)' : '';
    const { naive, digest, sameRules } = run.scripts;
    return row([
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
      n(run.logRowsWritten),
      n(run.queued),
      `${n(naive.emails)}, ${naive.quotaDays}, ${n(Math.round(naive.estimatedSeconds))}`,
      n(digest.emails),
      n(sameRules.emails),
      `${ratio(run.emailsRatio)}, ${ratio(run.wallTimeRatio)}`,
    ]);
  }),
];
const weeks = report.fourWeeks ?? [];
if (weeks.length > 0) {
  lines.push(
    '',
    '| scenario | tasks | 4 weeks: product emails (log rows) | naive script | digest script | same-rules digest | product est. s (0.75 s/mail, 100 ms/API call) | first tellings: same day / later / never |',
    '|---|---|---|---|---|---|---|---|',
    ...weeks.map((run) =>
      row([
        run.scenario,
        n(run.tasks),
        `${n(run.product.emails)} (${n(run.product.logRowsWritten)})`,
        n(run.naive.emails),
        n(run.digest.emails),
        n(run.sameRules.emails),
        n(Math.round(run.product.estimatedSeconds)),
        `${n(run.product.firstTellings.sameDay)} / ${n(run.product.firstTellings.later)} / ${n(run.product.firstTellings.never)}`,
      ]),
    ),
  );
}
process.stdout.write(`${lines.join('\n')}\n`);
