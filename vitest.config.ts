import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// Unit, adapter and electron-shell tests. The keychain suite needs a private
// D-Bus session, the e2e suite a built renderer + Chromium, the electron-app suite a real
// Electron: each has its own config.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/keychain/**', 'test/e2e/**', 'test/electron-app/**', 'node_modules/**'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 15000,
    // A CLI run as a subprocess inherits this: `quotabar status` in a test never writes history
    // into the real data folder. Tests that pass their own env choose their own place.
    env: { QUOTABAR_DATA_DIR: join(tmpdir(), `quotabar-test-data-${process.pid}`) },
  },
});
