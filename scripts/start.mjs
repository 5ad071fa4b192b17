#!/usr/bin/env node
// `npm start`: the tray app, always (unlike `npm run app`, no fallback). Gets the Electron binary once if
// it is missing, builds, and launches; extra arguments reach Electron (e.g. -- --ozone-platform=x11).
import { consoleProgress, ensureElectron } from './ensure-electron.mjs';
import { buildAndLaunch } from './launch-electron.mjs';

const electron = await ensureElectron({ onProgress: consoleProgress() });
if (!electron.ok) {
  process.stderr.write(`quotabar: cannot start the tray app: ${electron.reason}\n`);
  process.exit(1);
}
process.exit(await buildAndLaunch(electron.path, process.argv.slice(2)));
