// Whether a real Electron binary is here, and how to launch it. Where there is none (no download
// possible), the suite is skipped and says so by name: its top title carries the reason, which
// scripts/summarize-tests.mjs prints from the JSON report, so the reason cannot get lost.
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const SUITE_NAME = 'Playwright-Electron suite';
const NO_BINARY =
  'no Electron binary in node_modules/electron (run `node scripts/ensure-electron.mjs` on a machine that can download it)';

export type ElectronBinary = { ok: true; path: string } | { ok: false; reason: string };

/** The binary `require('electron')` names (the package's own lookup), if it exists on disk. */
export function electronBinary(): ElectronBinary {
  try {
    const path = createRequire(join(ROOT, 'package.json'))('electron') as unknown;
    if (typeof path === 'string') {
      statSync(path);
      return { ok: true, path };
    }
  } catch {
    // The package throws when its binary was never downloaded; statSync when it was removed.
  }
  return { ok: false, reason: NO_BINARY };
}

/** The top-level describe title: the suite's name, plus the reason when it is skipped. */
export function suiteTitle(binary: ElectronBinary): string {
  return binary.ok ? SUITE_NAME : `${SUITE_NAME} [skipped: ${binary.reason}]`;
}

const readProc = (file: string): string | null => {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
};

/**
 * Whether Chromium's sandbox can work for this binary. Only on Linux can it not: as root Chromium
 * refuses it, and otherwise it needs either a setuid-root chrome-sandbox helper or unprivileged
 * user namespaces (Ubuntu 24.04 restricts those by AppArmor; containers often disable them).
 * QUOTABAR_ELECTRON_SANDBOX=1 or 0 decides it outright.
 */
export function sandboxWorks(binaryPath: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.QUOTABAR_ELECTRON_SANDBOX === '1') return true;
  if (env.QUOTABAR_ELECTRON_SANDBOX === '0') return false;
  if (process.platform !== 'linux') return true;
  if (process.getuid?.() === 0) return false;
  try {
    const helper = statSync(join(dirname(binaryPath), 'chrome-sandbox'));
    if (helper.uid === 0 && (helper.mode & 0o4000) !== 0) return true;
  } catch {
    // No helper: only user namespaces can sandbox.
  }
  if (readProc('/proc/sys/kernel/apparmor_restrict_unprivileged_userns') === '1') return false;
  if (readProc('/proc/sys/kernel/unprivileged_userns_clone') === '0') return false;
  return true;
}
