// Electron's entry point (bundled to dist-electron/main.cjs): hands the real process to main.ts.
import { app } from 'electron';
import { homedir } from 'node:os';
import { run } from './main';

run({ argv: process.argv, env: process.env, platform: process.platform, homedir: homedir(), execPath: process.execPath }).catch((e: unknown) => {
  // A failure before the tray exists leaves nothing on screen: say why, then leave.
  console.error('Quotabar could not start:', e instanceof Error ? e.message : String(e));
  app.exit(1);
});
