/**
 * Ends a jest run with one plain line, `N passed, N failed, N skipped`, the summary CI reads.
 * Suites that failed to load count as failed: their tests never ran.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const line = `${results.numPassedTests} passed, ${failed} failed, ${results.numPendingTests} skipped`;
    // At exit, so it stands after jest's own closing lines.
    process.once('exit', () => process.stdout.write(`\n${line}\n`));
  }
}
module.exports = SummaryReporter;
