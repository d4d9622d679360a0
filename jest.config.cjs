/**
 * Jest over every test file. @swc/jest strips the types (ts-jest refuses TypeScript 7, esbuild-jest
 * sends files through Babel); tsc alone type-checks. Integration tests run build/Code.js, so
 * `npm test` builds first.
 */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  // A test that arms a fault which never fires fails (test/support/faults.ts).
  setupFilesAfterEnv: ['<rootDir>/test/support/fault-guard.ts'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  // Browser, LibreOffice and full-demo tests take seconds each; a hung one still fails.
  testTimeout: 120_000,
  reporters: ['default', '<rootDir>/scripts/summary-reporter.cjs'],
};
