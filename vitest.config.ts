import { defineConfig } from 'vitest/config';

// Unit, adapter and electron-shell tests. The keychain suite needs a private
// D-Bus session and the e2e suite a built renderer + Chromium: each has its own config.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/keychain/**', 'test/e2e/**', 'node_modules/**'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 15000,
  },
});
