// Electron on demand, end to end: Electron's real install.js (in a temp copy of the electron package)
// downloads from a loopback mirror, checks SHASUMS256.txt, unzips a stand-in binary, and the launch
// helper the app uses runs it. The real node_modules/electron is never touched.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureElectron } from '../../scripts/ensure-electron.mjs';
import { launchElectron, projectRoot } from '../../scripts/launch-electron.mjs';
import { startLoopbackServer, type LoopbackReply, type LoopbackServer } from '../support/loopback-server';
import { storedZip } from './stored-zip';

const require = createRequire(import.meta.url);
const realElectron = dirname(require.resolve('electron/package.json', { paths: [projectRoot] }));
const version = (JSON.parse(readFileSync(join(realElectron, 'package.json'), 'utf8')) as { version: string }).version;
const zipName = `electron-v${version}-${process.platform}-${process.arch}.zip`;
const executable = process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron';
// Writes its arguments, one a line, where the test says: proof that it was the thing launched.
const standIn = '#!/bin/sh\nprintf \'%s\\n\' "$@" > "$QUOTABAR_TEST_LAUNCHED"\n';
const previewStub =
  "import { writeFileSync } from 'node:fs';\n" +
  'writeFileSync(process.env.QUOTABAR_TEST_PREVIEWED, JSON.stringify(process.argv.slice(2)));\n' +
  "console.log('stub preview running');\n";
const frame = /^\s+at /m;
const startLine = `Getting Electron ${version} for ${process.platform}-${process.arch} (one time; later starts skip this)…`;

interface Sandbox {
  root: string;
  electronDir: string;
  env: NodeJS.ProcessEnv;
  launched: string;
  previewed: string;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function sha256(buf: Buffer): string {
  return createHash('sha256').update(buf).digest('hex');
}

/** A release zip holding the stand-in binary and the `version` file install.js checks. */
function releaseZip(): Buffer {
  return storedZip([
    { name: executable, data: standIn, mode: 0o755 },
    { name: 'version', data: version },
  ]);
}

async function mirror(reply: (file: string) => LoopbackReply): Promise<LoopbackServer> {
  const server = await startLoopbackServer((req) => {
    const [dir, file] = req.path.split('?')[0]!.split('/').filter(Boolean);
    if (dir !== `v${version}` || !file) return { status: 404, body: 'no such release' };
    return reply(file);
  });
  cleanups.push(() => server.close());
  return server;
}

function honestMirror(zip: Buffer, shasums = `${sha256(zip)} *${zipName}\n`) {
  return mirror((file) => {
    if (file === 'SHASUMS256.txt') return { body: shasums };
    if (file === zipName) return { body: zip, headers: { 'content-type': 'application/zip' } };
    return { status: 404, body: 'not here' };
  });
}

/** A temp copy of the electron package (no dist/) whose installer's dependencies resolve, and a clean env. */
function sandbox(mirrorUrl: string): Sandbox {
  const root = mkdtempSync(join(tmpdir(), 'quotabar-ensure-'));
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  const modules = join(root, 'node_modules');
  const electronDir = join(modules, 'electron');
  mkdirSync(electronDir, { recursive: true });
  for (const f of ['package.json', 'install.js', 'index.js', 'cli.js', 'checksums.json']) {
    copyFileSync(join(realElectron, f), join(electronDir, f));
  }
  mkdirSync(join(modules, '@electron'));
  for (const dep of ['@electron/get', 'extract-zip']) {
    const real = dirname(require.resolve(`${dep}/package.json`, { paths: [realElectron] }));
    symlinkSync(real, join(modules, dep), 'junction');
  }
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    // Nothing from this machine's npm config or Electron settings may steer the installer under test.
    if (/^(npm_config_electron|npm_package_config_electron|electron_|force_no_cache)/i.test(k)) continue;
    if (/^npm_config_(platform|arch)$/i.test(k)) continue;
    env[k] = v;
  }
  const launched = join(root, 'launched.txt');
  const previewed = join(root, 'previewed.json');
  writeFileSync(join(root, 'preview-stub.mjs'), previewStub);
  Object.assign(env, {
    ELECTRON_MIRROR: `${mirrorUrl}/`,
    electron_config_cache: join(root, 'cache'),
    electron_use_remote_checksums: '1',
    // What CI and test.sh export for `npm ci`: ensureElectron must still download.
    ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
    QUOTABAR_ELECTRON_DIR: electronDir,
    QUOTABAR_PREVIEW_SCRIPT: join(root, 'preview-stub.mjs'),
    QUOTABAR_TEST_LAUNCHED: launched,
    QUOTABAR_TEST_PREVIEWED: previewed,
  });
  return { root, electronDir, env, launched, previewed };
}

/** Runs one of our scripts as a user would (async: the mirror lives in this process). */
function runScript(script: string, args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [join(projectRoot, 'scripts', script), ...args], { env, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const lines = (text: string) => text.split('\n').filter((l) => l.trim() !== '');

describe.skipIf(process.platform === 'win32')('getting Electron on demand', () => {
  it('downloads, checks and unpacks the binary, then the app launch helper runs it with the passed arguments', async () => {
    const server = await honestMirror(releaseZip());
    const box = sandbox(server.url);
    const progress: string[] = [];

    const result = await ensureElectron({ env: box.env, onProgress: (e) => progress.push(e.stage) });

    expect(result).toEqual({ ok: true, path: join(box.electronDir, 'dist', executable) });
    expect(readFileSync(join(box.electronDir, 'path.txt'), 'utf8')).toBe(executable);
    expect(server.count('/SHASUMS256.txt')).toBe(1);
    expect(server.count(`/${zipName}`)).toBe(1);
    expect(progress[0]).toBe('start');
    expect(progress.at(-1)).toBe('end');

    const code = await launchElectron(result.ok ? result.path : '', ['--ozone-platform=x11', '--demo'], { env: box.env });
    expect(code).toBe(0);
    expect(lines(readFileSync(box.launched, 'utf8'))).toEqual([projectRoot, '--ozone-platform=x11', '--demo']);

    // Present now: the next start neither downloads nor reports progress.
    progress.length = 0;
    expect(await ensureElectron({ env: box.env, onProgress: (e) => progress.push(e.stage) })).toEqual(result);
    expect(server.requests).toHaveLength(2);
    expect(progress).toEqual([]);
  });

  it('says in one line that the mirror refused the download, and `npm run app` then starts the preview', async () => {
    const server = await mirror(() => ({ status: 403, body: 'Forbidden' }));
    const box = sandbox(server.url);

    const result = await ensureElectron({ env: box.env });
    expect(result).toEqual({
      ok: false,
      reason: `the Electron download was refused: HTTP 403 (Forbidden) from 127.0.0.1:${server.port}`,
    });
    expect(existsSync(join(box.electronDir, 'path.txt'))).toBe(false);

    const app = await runScript('app.mjs', ['--demo'], { ...box.env, DISPLAY: ':99', WAYLAND_DISPLAY: '' });
    expect(app.code).toBe(0);
    expect(app.stderr).toBe(
      `quotabar: the Electron download was refused: HTTP 403 (Forbidden) from 127.0.0.1:${server.port}; ` +
        'starting the browser preview instead of the tray app.\n',
    );
    expect(lines(app.stdout)).toEqual([startLine, 'stub preview running']);
    expect(JSON.parse(readFileSync(box.previewed, 'utf8'))).toEqual(['--demo']);
    expect(existsSync(box.launched)).toBe(false);
  });

  it('starts the preview without trying to download when there is no desktop', async () => {
    const server = await mirror(() => ({ status: 403 }));
    const box = sandbox(server.url);

    const app = await runScript('app.mjs', ['--demo'], { ...box.env, DISPLAY: '', WAYLAND_DISPLAY: '' });

    expect(app.code).toBe(0);
    expect(lines(app.stdout)[0]).toBe(
      'No desktop session (neither DISPLAY nor WAYLAND_DISPLAY is set): starting the browser preview instead of the tray app.',
    );
    expect(JSON.parse(readFileSync(box.previewed, 'utf8'))).toEqual(['--demo']);
    expect(server.requests).toHaveLength(0);
  });

  it('refuses an archive whose checksum does not match, and `npm start` launches nothing', async () => {
    const zip = releaseZip();
    const server = await honestMirror(zip, `${'0'.repeat(64)} *${zipName}\n`);
    const box = sandbox(server.url);

    const result = await ensureElectron({ env: box.env });
    expect(result).toEqual({
      ok: false,
      reason: 'checksum mismatch: the downloaded Electron archive does not match its published SHA-256',
    });
    expect(existsSync(join(box.electronDir, 'dist', executable))).toBe(false);

    const start = await runScript('start.mjs', [], box.env);
    expect(start.code).toBe(1);
    expect(start.stderr).toBe(
      'quotabar: cannot start the tray app: checksum mismatch: the downloaded Electron archive does not match its published SHA-256\n',
    );
    expect(existsSync(box.launched)).toBe(false);
    expect(existsSync(join(box.electronDir, 'path.txt'))).toBe(false);
  });

  it('names a download that is not a zip (its checksum matching) instead of printing the unzip error', async () => {
    const server = await honestMirror(Buffer.from('<html>captive portal</html>'));
    const box = sandbox(server.url);

    expect(await ensureElectron({ env: box.env })).toEqual({
      ok: false,
      reason: 'the downloaded Electron archive is not a valid zip',
    });
    expect(existsSync(join(box.electronDir, 'path.txt'))).toBe(false);
  });

  it('`npm start` with a refusing mirror exits 1 with one line and no stack trace', async () => {
    const server = await mirror(() => ({ status: 404, body: 'Not Found' }));
    const box = sandbox(server.url);

    const start = await runScript('start.mjs', ['--ozone-platform=x11'], box.env);

    expect(start.code).toBe(1);
    expect(start.stderr).not.toMatch(frame);
    expect(lines(start.stderr)).toEqual([
      `quotabar: cannot start the tray app: the Electron download was refused: HTTP 404 (Not Found) from 127.0.0.1:${server.port}`,
    ]);
    expect(existsSync(box.launched)).toBe(false);
  });

  it('the CLI exits 1 with `quotabar: <reason>` when the host cannot be reached, 0 once the binary is there', async () => {
    const closed = await startLoopbackServer(() => ({}));
    const deadUrl = closed.url;
    await closed.close();
    const box = sandbox(deadUrl);

    const down = await runScript('ensure-electron.mjs', [], box.env);
    expect(down.code).toBe(1);
    const host = deadUrl.slice('http://'.length);
    expect(down.stderr).toBe(`quotabar: could not reach the Electron download host ${host} (ECONNREFUSED)\n`);

    const server = await honestMirror(releaseZip());
    const up = await runScript('ensure-electron.mjs', [], { ...box.env, ELECTRON_MIRROR: `${server.url}/` });
    expect(up.stderr).toBe('');
    expect(up.code).toBe(0);
    expect(lines(up.stdout).at(-1)).toBe('Electron is ready.');
    expect(existsSync(join(box.electronDir, 'dist', executable))).toBe(true);
  });
});
