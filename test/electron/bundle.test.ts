import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { PROVIDER_IDS } from '../../core/providers/registry';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';

// The shipped bundles, run for real in Node with the electron fake standing in for Electron:
// proves they load, start in demo mode, poll the demo server and answer IPC, with no Electron binary.
const root = fileURLToPath(new URL('../../', import.meta.url));
let dir = '';
let main = '';
let preload = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quotabar-bundle-'));
  const { buildElectron } = (await import(join(root, 'scripts', 'build-electron.mjs'))) as {
    buildElectron(o: { outdir: string }): Promise<{ main: string; preload: string }>;
  };
  ({ main, preload } = await buildElectron({ outdir: join(dir, 'dist-electron') }));
  await build({
    entryPoints: [join(root, 'test', 'support', 'electron-fake.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: join(dir, 'electron-fake.cjs'),
    logLevel: 'warning',
  });
  await writeFile(join(dir, 'drive.cjs'), DRIVER);
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

// Runs inside the child: maps require('electron') to the fake, starts main.cjs, waits for data.
const DRIVER = `
const Module = require('node:module');
const fake = require('./electron-fake.cjs');
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'electron' ? fake : load.call(this, request, ...rest); };
fake.screen.displays = [{ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 }, scaleFactor: 1 }];
require(process.env.MAIN_BUNDLE);
const started = Date.now();
const timer = setInterval(async () => {
  const tray = fake.Tray.instances[0];
  if (!tray) return;
  if (fake.BrowserWindow.instances.length === 0) tray.emit('click', {}, { x: 0, y: 0, width: 0, height: 0 });
  const win = fake.BrowserWindow.instances[0];
  const view = await fake.ipcMain.invoke('quotabar:view:get', win.webContents, null);
  const settled = view.refreshing.length === 0 && view.snapshots.every((s) => s.status !== 'unconfigured');
  if (!settled) {
    if (Date.now() - started > 15000) { console.log(JSON.stringify({ timeout: true, view })); process.exit(2); }
    return;
  }
  clearInterval(timer);
  require(process.env.PRELOAD_BUNDLE);
  const out = {
    tooltip: tray.tooltip,
    statuses: view.snapshots.map((s) => s.providerId + ':' + s.status),
    preloadExposes: Object.keys(fake.contextBridge.exposed.quotabar || {}),
    window: win.loadedUrl,
    sandbox: win.options.webPreferences.sandbox,
  };
  fake.app.quit();
  console.log(JSON.stringify(out));
  setTimeout(() => process.exit(0), 200);
}, 100);
`;

describe('the built main-process bundle', () => {
  it('starts in demo mode with no Electron binary, polls the demo providers and answers the popover', async () => {
    const home = join(dir, 'home');
    const { stdout } = await promisify(execFile)(process.execPath, ['-r', join(dir, 'drive.cjs'), main, '--demo'], {
      cwd: dir,
      // NODE_PATH stands in for the app's node_modules, where the external keyring module lives.
      env: { PATH: process.env.PATH ?? '', HOME: home, NODE_PATH: join(root, 'node_modules'), MAIN_BUNDLE: main, PRELOAD_BUNDLE: preload },
      timeout: 30_000,
    });
    const out = JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, unknown>;
    expect(out.statuses).toEqual(PROVIDER_IDS.map((id) => `${id}:ok`));
    expect(out.tooltip).toMatch(/% used/);
    expect(out.preloadExposes).toEqual(['invoke', 'on']);
    expect(out).toMatchObject({ window: 'app://quotabar/popover.html', sandbox: true });
  }, 60_000);

  it('keeps the preload free of any require but electron, as a sandboxed preload must be', async () => {
    const text = await readFile(preload, 'utf8');
    const required = [...text.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect([...new Set(required)]).toEqual(['electron']);
  });
});
