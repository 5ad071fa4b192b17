import { defineConfig } from 'vitest/config';

// The tests Stryker runs against mutated core/ and adapters/ (`npm run mutate`): the in-process unit
// and loopback-adapter suites. Left out: the CLI suite (it runs a built subprocess, which never sees
// a mutant), the hostile-provider matrix (real-time timeouts make every mutant it covers cost seconds),
// and the keychain, e2e and electron suites, which need a keyring, a browser or the electron fake.
export default defineConfig({
  test: {
    include: ['test/core/**/*.test.ts', 'test/adapters/**/*.test.ts'],
    exclude: ['node_modules/**'],
    environment: 'node',
    testTimeout: 15000,
  },
});
