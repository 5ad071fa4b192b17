#!/usr/bin/env node
// The Electron binary on first use instead of at `npm ci`: package.json's allowScripts keeps Electron's
// postinstall from running, so installs stay offline-safe. When the binary is missing this runs
// Electron's OWN install.js, so ELECTRON_MIRROR, electron_config_cache, electron_use_remote_checksums
// and ELECTRON_GET_USE_PROXY all work as Electron documents them.
// CLI: `node scripts/ensure-electron.mjs` exits 0 when the binary is ready, else 1 with one line
// `quotabar: <reason>` on stderr. QUOTABAR_ELECTRON_DIR points at another copy of the electron package (tests).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const DEFAULT_MIRROR = 'https://github.com/electron/electron/releases/download/';

/** The electron package folder: QUOTABAR_ELECTRON_DIR, else the one node resolves from here. */
export function electronPackageDir(env = process.env) {
  if (env.QUOTABAR_ELECTRON_DIR) return resolve(env.QUOTABAR_ELECTRON_DIR);
  return dirname(require.resolve('electron/package.json'));
}

// Same answer as install.js's getPlatformPath(), which decides what path.txt must say.
function platformPath(env) {
  switch (env.npm_config_platform || process.platform) {
    case 'mas':
    case 'darwin':
      return 'Electron.app/Contents/MacOS/Electron';
    case 'freebsd':
    case 'openbsd':
    case 'linux':
      return 'electron';
    case 'win32':
      return 'electron.exe';
    default:
      return null;
  }
}

/** The binary's path when install.js would call it installed (version, path.txt, file), else null. */
export function installedElectron(dir, env = process.env) {
  try {
    const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    if (readFileSync(join(dir, 'dist', 'version'), 'utf8').trim().replace(/^v/, '') !== version) return null;
    const executable = readFileSync(join(dir, 'path.txt'), 'utf8');
    if (executable !== platformPath(env)) return null;
    // index.js (what `require('electron')` returns) honours the override the same way.
    const path = env.ELECTRON_OVERRIDE_DIST_PATH
      ? join(env.ELECTRON_OVERRIDE_DIST_PATH, executable)
      : join(dir, 'dist', executable);
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/**
 * Resolves to { ok: true, path } once the Electron binary exists (downloading it with Electron's own
 * installer if needed), or { ok: false, reason } with one short line. Never throws.
 * onProgress gets { stage: 'start', version, target } | { stage: 'download', bytes } | { stage: 'unpack' }
 * | { stage: 'end', ok }.
 */
export async function ensureElectron({ onProgress = () => {}, env = process.env, electronDir } = {}) {
  let dir;
  try {
    dir = electronDir ?? electronPackageDir(env);
  } catch {
    return { ok: false, reason: 'the electron package is not installed (run npm ci)' };
  }
  const ready = installedElectron(dir, env);
  if (ready) return { ok: true, path: ready };
  if (!platformPath(env)) {
    return { ok: false, reason: `Electron builds are not available for ${env.npm_config_platform || process.platform}` };
  }
  let version;
  try {
    ({ version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')));
  } catch {
    return { ok: false, reason: `the electron package at ${dir} is missing or unreadable (run npm ci)` };
  }
  const target = `${env.npm_config_platform || process.platform}-${env.npm_config_arch || process.arch}`;
  onProgress({ stage: 'start', version, target });
  const result = await runInstaller(dir, env, onProgress);
  const path = result.ok ? installedElectron(dir, env) : null;
  const outcome = path
    ? { ok: true, path }
    : { ok: false, reason: result.reason ?? `Electron's installer finished but left no binary in ${join(dir, 'dist')}` };
  onProgress({ stage: 'end', ok: outcome.ok });
  return outcome;
}

async function runInstaller(dir, env, onProgress) {
  // A private temp dir: @electron/get downloads into <tmp>/electron-download-*, so its size is our progress.
  const tmp = await mkdtemp(join(tmpdir(), 'quotabar-electron-'));
  const childEnv = { ...env, TMPDIR: tmp, TEMP: tmp, TMP: tmp };
  delete childEnv.ELECTRON_SKIP_BINARY_DOWNLOAD; // install.js exits 0 doing nothing when it is set at all
  let stderr = '';
  try {
    const child = spawn(process.execPath, [join(dir, 'install.js')], {
      cwd: dir,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
    child.stdout.resume();
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-20000)));
    const watch = watchDownload(tmp, onProgress);
    const { code, signal, error } = await new Promise((done) => {
      child.once('error', (e) => done({ code: null, signal: null, error: e }));
      child.once('close', (c, s) => done({ code: c, signal: s }));
    });
    watch.stop();
    if (error) return { ok: false, reason: `could not run Electron's installer (${error.message})` };
    if (code === 0) return { ok: true };
    if (signal) return { ok: false, reason: `Electron's installer was stopped by ${signal}` };
    return { ok: false, reason: installerReason(stderr, code, mirrorHost(env)) };
  } catch (e) {
    return { ok: false, reason: `could not run Electron's installer (${e instanceof Error ? e.message : String(e)})` };
  } finally {
    await rm(tmp, { recursive: true, force: true }).catch(() => {});
  }
}

// Polls the bytes @electron/get has written; its own progress bar only draws on a TTY after 30 s.
function watchDownload(tmp, onProgress) {
  let last = 0;
  let unpacking = false;
  let busy = false;
  const timer = setInterval(async () => {
    if (busy || unpacking) return;
    busy = true;
    const bytes = await downloadedBytes(tmp);
    busy = false;
    if (bytes === null) {
      // The download dir is gone after a download: the zip moved to the cache and extraction began.
      if (last > 0) {
        unpacking = true;
        onProgress({ stage: 'unpack' });
      }
    } else if (bytes > last) {
      last = bytes;
      onProgress({ stage: 'download', bytes });
    }
  }, 250);
  return { stop: () => clearInterval(timer) };
}

async function downloadedBytes(tmp) {
  try {
    const dirs = (await readdir(tmp)).filter((n) => n.startsWith('electron-download-'));
    if (dirs.length === 0) return null;
    let total = 0;
    for (const d of dirs) {
      for (const f of await readdir(join(tmp, d)).catch(() => [])) {
        total += (await stat(join(tmp, d, f)).catch(() => ({ size: 0 }))).size;
      }
    }
    return total;
  } catch {
    return null;
  }
}

// Where @electron/get starts downloading: the first of its mirror settings that is set (artifact-utils.js).
function mirrorHost(env) {
  const base =
    env.npm_config_electron_mirror ||
    env.NPM_CONFIG_ELECTRON_MIRROR ||
    env.npm_package_config_electron_mirror ||
    env.ELECTRON_MIRROR ||
    DEFAULT_MIRROR;
  try {
    return new URL(base).host;
  } catch {
    return base;
  }
}

const NETWORK_CODES = /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ECONNABORTED|EPIPE)\b/;
const TLS_CODES = /\b(CERT_\w+|UNABLE_TO_\w+|SELF_SIGNED_CERT\w*|DEPTH_ZERO_SELF_SIGNED_CERT|ERR_TLS_\w+)\b/;

/** One line from install.js's stderr (it prints err.stack and exits 1); no stack frames. */
export function installerReason(stderr, code, host) {
  const lines = stderr.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  // The error's first line, not a warning @electron/get may print before it (e.g. the ia32 deprecation).
  const messages = lines.filter((l) => !l.startsWith('at '));
  const message = messages.find((l) => /^\w*Error\b/.test(l)) ?? messages[0] ?? '';
  const status = /Response code (\d{3})(?: \(([^)]*)\))?(?: for (\S+))?/.exec(message);
  if (status) {
    let from = host;
    try {
      if (status[3]) from = new URL(status[3]).host; // got names the final URL (after redirects) on a 404
    } catch {}
    return `the Electron download was refused: HTTP ${status[1]}${status[2] ? ` (${status[2]})` : ''} from ${from}`;
  }
  if (/ChecksumMismatchError|did not match expected checksum/.test(message)) {
    return 'checksum mismatch: the downloaded Electron archive does not match its published SHA-256';
  }
  if (/NoChecksumFoundError|No checksum found/.test(message)) {
    return 'no published SHA-256 lists the Electron archive, so it was not installed';
  }
  if (/TimeoutError|Timeout awaiting/.test(message)) return `the Electron download from ${host} timed out`;
  const tls = TLS_CODES.exec(message);
  if (tls) return `could not verify the TLS certificate of the Electron download host ${host} (${tls[1]})`;
  const net = NETWORK_CODES.exec(message);
  if (net) return `could not reach the Electron download host ${host} (${net[1]})`;
  if (/\bENOSPC\b/.test(message)) return 'not enough disk space to download and unpack Electron';
  const denied = /\b(EACCES|EPERM)\b[^']*'([^']+)'/.exec(message);
  if (denied) return `no permission to write ${denied[2]} while installing Electron (${denied[1]})`;
  if (/central directory|end of central|invalid .*signature|not a zip/i.test(message)) {
    return 'the downloaded Electron archive is not a valid zip';
  }
  if (message) return `Electron's installer failed: ${message.slice(0, 200)}`;
  return `Electron's installer exited with code ${code}`;
}

/** Progress for a person: one start line, a byte count, an unpack note. Writes to `out` (stdout). */
export function consoleProgress(out = process.stdout) {
  let open = false; // a \r-updated count line is on screen and needs its newline
  let lastLine = 0;
  const mb = (n) => `${(n / 1e6).toFixed(1)} MB`;
  const close = () => {
    if (open) out.write('\n');
    open = false;
  };
  return (event) => {
    switch (event.stage) {
      case 'start':
        out.write(`Getting Electron ${event.version} for ${event.target} (one time; later starts skip this)…\n`);
        break;
      case 'download':
        if (out.isTTY) {
          out.write(`\r  downloaded ${mb(event.bytes)}`);
          open = true;
        } else if (event.bytes - lastLine >= 20e6) {
          lastLine = event.bytes;
          out.write(`  downloaded ${mb(event.bytes)}\n`);
        }
        break;
      case 'unpack':
        close();
        out.write('  unpacking…\n');
        break;
      case 'end':
        close();
        if (event.ok) out.write('Electron is ready.\n');
        break;
      default:
        break;
    }
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = await ensureElectron({ onProgress: consoleProgress() });
  if (!result.ok) {
    process.stderr.write(`quotabar: ${result.reason}\n`);
    process.exit(1);
  }
}
