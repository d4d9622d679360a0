// Lint rules that keep the architecture true (ARCHITECTURE.md): which layer may name what.
// test/lint/layers.test.ts plants a violation of each rule and checks it fails.
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/** Apps Script services: only src/gas/ (and the src/main.ts entry points) may name them. */
const APPS_SCRIPT_SERVICES = [
  'SpreadsheetApp',
  'MailApp',
  'GmailApp',
  'ScriptApp',
  'LockService',
  'PropertiesService',
  'CacheService',
  'Sheets',
  'Session',
  'Utilities',
  'HtmlService',
  'UrlFetchApp',
  'DriveApp',
  'Charts',
  'Logger',
];
/** Sheet and Range calls that read or write cells, formats, notes, sheets or charts: src/gas/ only. */
const SHEET_CALLS = [
  'getRange',
  'getRangeList',
  'getDataRange',
  'getActiveRange',
  'setValues?',
  'setNotes?',
  'setBackgrounds?',
  'setFontWeights?',
  'setNumberFormats?',
  'insertSheet',
  'insertChart',
  'newChart',
  'protect',
];
const serviceGlobals = (names, message) => names.map((name) => ({ name, message }));

export default tseslint.config(
  { ignores: ['build/', 'out/', 'node_modules/', '**/*.cjs', 'scripts/', 'eslint.config.js'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { 'import-x': importX, '@typescript-eslint': tseslint.plugin },
    settings: {
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          noWarnOnMultipleProjects: true,
          project: ['tsconfig.json', 'tsconfig.node.json', 'tsconfig.sidebar.json'],
        }),
      ],
    },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-duplicates': 'error',
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/app/*', '**/gas/*', '**/main'], message: 'src/domain is pure: no app, gas or entry points.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...serviceGlobals(APPS_SCRIPT_SERVICES, 'src/domain is pure: no Apps Script services.'),
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "TSQualifiedName[left.name='GoogleAppsScript']",
          message: 'src/domain is pure: no Apps Script types.',
        },
      ],
    },
  },
  {
    files: ['src/app/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...serviceGlobals(
          ['SpreadsheetApp', 'MailApp', 'ScriptApp', 'LockService', 'PropertiesService', 'Sheets'],
          'Use cases reach Apps Script through src/gas/ only.',
        ),
      ],
    },
  },
  {
    // Use cases hold no Range: reading and writing cells, formats, notes, sheets and charts is src/gas/'s.
    files: ['src/app/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: `CallExpression > MemberExpression.callee > Identifier.property[name=/^(${SHEET_CALLS.join('|')})$/]`,
          message: 'Use cases hold no Range: cells, formats, notes, sheets and charts are written by src/gas/.',
        },
      ],
    },
  },
  {
    files: ['sidebar/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src/*', '**/src/**', '!**/src/contract', '!**/src/dialogContract'],
              message:
                'The sidebar and the dialogs reach the server only through src/contract.ts and src/dialogContract.ts.',
            },
          ],
        },
      ],
    },
  },
);
