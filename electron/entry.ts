// Electron's entry point (bundled to dist-electron/main.cjs): hands the real process to main.ts,
// or, with --smoke, to the smoke run (electron/smoke.ts) over the same run() on demo data.
import { app } from 'electron';
import { homedir } from 'node:os';
import { run, type RunOptions } from './main';
import { runSmoke } from './smoke';
import type { DemoEndpoints } from '../app/services';

const opts: RunOptions = { argv: process.argv, env: process.env, platform: process.platform, homedir: homedir(), execPath: process.execPath };

// The Playwright-Electron suite runs its own demo server (to script it and know its key) and
// hands its endpoints over here. Honoured only with --demo and only unpackaged (`electron .`).
const testDemo = process.env.QUOTABAR_DEMO_ENDPOINTS;
if (testDemo && !app.isPackaged && process.argv.includes('--demo')) {
  opts.startDemo = async () => {
    let endpoints: DemoEndpoints;
    try {
      endpoints = JSON.parse(testDemo) as DemoEndpoints;
    } catch {
      throw new Error('QUOTABAR_DEMO_ENDPOINTS is not valid JSON');
    }
    return { ...endpoints, close: async () => undefined };
  };
}

if (process.argv.includes('--smoke')) {
  void runSmoke({
    argv: process.argv,
    cwd: process.cwd(),
    start: () => run({ ...opts, argv: [...process.argv, '--demo'] }),
    exit: (code) => app.exit(code),
  });
} else {
  run(opts).catch((e: unknown) => {
    // A failure before the tray exists leaves nothing on screen: say why, then leave.
    console.error('Quotabar could not start:', e instanceof Error ? e.message : String(e));
    app.exit(1);
  });
}
