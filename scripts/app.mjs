#!/usr/bin/env node
// `npm run app`: the tray app where there is a desktop (downloading Electron once, on demand), else the
// browser preview (same services, demo data when no credentials are found). Extra arguments pass
// through to whichever starts (e.g. --demo).
import { consoleProgress, ensureElectron } from './ensure-electron.mjs';
import { buildAndLaunch, startPreview } from './launch-electron.mjs';

const args = process.argv.slice(2);
const hasDesktop = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

if (!hasDesktop) {
  // No point fetching ~100 MB for a window nobody can see.
  console.log(
    'No desktop session (neither DISPLAY nor WAYLAND_DISPLAY is set): starting the browser preview instead of the tray app.',
  );
  process.exit(await startPreview(args));
}

const electron = await ensureElectron({ onProgress: consoleProgress() });
if (!electron.ok) {
  process.stderr.write(`quotabar: ${electron.reason}; starting the browser preview instead of the tray app.\n`);
  process.exit(await startPreview(args));
}
process.exit(await buildAndLaunch(electron.path, args));
