import { defineConfig } from 'vitest/config';

// End-to-end: the preview host with demo/scripted providers, driven in real Chromium.
// One file at a time (each starts a host and a browser on a 2-core machine); the renderer is built once.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    globalSetup: ['test/e2e/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
