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
  },
});
