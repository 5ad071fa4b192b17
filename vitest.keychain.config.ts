import { defineConfig } from 'vitest/config';

// Keychain round trips against a real Secret Service: run inside scripts/with-keyring.sh.
export default defineConfig({
  test: {
    include: ['test/keychain/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 15000,
  },
});
