// Mutation testing of the pure core and the adapters: `npm run mutate` (see docs/mutation-testing.md).
// Incremental: results are kept in reports/stryker-incremental.json (untracked: 4 MB that changes
// on every run), so a rerun on the same checkout only tests mutants whose code or covering tests
// changed. A full run takes about 27 minutes on two shared cores.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts', related: true },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    'core/**/*.ts',
    'adapters/**/*.ts',
    // Type declarations only: nothing to mutate.
    '!core/ports.ts',
  ],
  coverageAnalysis: 'perTest',
  // Static mutants (module-level constants) need a fresh module graph and every test per mutant:
  // about 4 % of the mutants for nearly half the run time. They are skipped and reported as ignored.
  ignoreStatic: true,
  // The machine is shared: two workers at most.
  concurrency: 2,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['json', 'clear-text', 'progress'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  // Only what the tests import needs copying into the sandbox.
  ignorePatterns: ['/dist*', '/release', '/reports', '/.tmp', '/test/e2e', '/test/keychain', '/coverage'],
  thresholds: { high: 85, low: 70, break: null },
};
