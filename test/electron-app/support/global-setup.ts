// Builds the app once (renderer + main/preload bundles) for the whole Playwright-Electron run.
// With no Electron binary the suite is skipped: nothing is built and nothing is downloaded.
import { spawnSync } from 'node:child_process';
import { electronBinary, ROOT } from './binary';

export default function setup(): void {
  if (!electronBinary().ok) return;
  const r = spawnSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) throw new Error(`npm run build failed (exit ${r.status ?? r.signal})`);
}
