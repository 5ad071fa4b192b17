#!/usr/bin/env node
// `npm run app`: the tray app where an Electron binary and a desktop exist, else the browser preview
// (same services, demo data when no credentials are found). Extra arguments pass through (e.g. --demo).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);

function electronBinary() {
  try {
    const path = require('electron'); // the package exports the binary's path, or throws when it was never downloaded
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const hasDesktop = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const electron = electronBinary();
const run = (cmd, argv) => spawnSync(cmd, argv, { stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;

if (electron && hasDesktop) {
  const built = run('npm', ['run', '-s', 'build']);
  if (built !== 0) process.exit(built);
  process.exit(run(electron, ['.', ...args]));
}
console.log(
  electron
    ? 'No desktop session found: starting the browser preview instead of the tray app.'
    : 'No Electron binary installed (set ELECTRON_SKIP_BINARY_DOWNLOAD=0 and reinstall to get one): starting the browser preview.',
);
process.exit(run('npm', ['run', '-s', 'preview', '--', ...args]));
