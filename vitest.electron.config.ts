import { defineConfig } from 'vitest/config';

// The tray app itself in a real Electron, driven by Playwright (test/electron-app). Needs an
// Electron binary and a display (xvfb-run on Linux); without a binary every test is reported
// skipped with the reason. One file at a time: each launches the app.
export default defineConfig({
  test: {
    include: ['test/electron-app/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    globalSetup: ['test/electron-app/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
