import { afterEach, beforeEach, describe, it, expect, vi } from 'vitest';
vi.mock('electron', () => import('../support/electron-fake'));
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dialog, resetElectronFake } from '../support/electron-fake';
import { readPackageType, setupAutoUpdate, type AutoUpdateDeps, type AutoUpdateHandle, type UpdaterPort } from '../../electron/updater';
import { decideUpdates, updateLogLine, UPDATE_CHECK_INTERVAL_MS } from '../../core/update-policy';
import { validatePayload } from '../../app/validate';
import { makeHarness, type Harness } from '../support/app-harness';
import { flush } from '../support/fake-clock';

const DAY = 24 * 60 * 60 * 1000;
const TOKEN = 'ghp_canary0123456789abcdefABCDEF0123456789';

/** Stands in for electron-updater's autoUpdater: counts checks, and lets a test fire its events. */
class FakeUpdater implements UpdaterPort {
  checks = 0;
  installs = 0;
  failWith: unknown = null;
  private downloaded: Array<(v: string) => void> = [];
  private errors: Array<(e: unknown) => void> = [];
  check(): Promise<void> {
    this.checks++;
    return this.failWith ? Promise.reject(this.failWith) : Promise.resolve();
  }
  onDownloaded(fn: (v: string) => void): void {
    this.downloaded.push(fn);
  }
  onError(fn: (e: unknown) => void): void {
    this.errors.push(fn);
  }
  quitAndInstall(): void {
    this.installs++;
  }
  emitDownloaded(version: string): void {
    for (const fn of this.downloaded) fn(version);
  }
  emitError(e: unknown): void {
    for (const fn of this.errors) fn(e);
  }
}

let h: Harness;
let fake: FakeUpdater;
let loads = 0;
let logs: string[] = [];
let handle: AutoUpdateHandle | null = null;

beforeEach(async () => {
  resetElectronFake();
  h = await makeHarness();
  fake = new FakeUpdater();
  loads = 0;
  logs = [];
});
afterEach(async () => {
  handle?.dispose();
  handle = null;
  await h.dispose();
});

function start(over: Partial<AutoUpdateDeps> = {}): AutoUpdateHandle {
  handle = setupAutoUpdate({
    services: h.services,
    clock: h.clock,
    platform: 'darwin',
    env: {},
    isPackaged: true,
    resourcesPath: '/Applications/Quotabar.app/Contents/Resources',
    readPackageType: () => null,
    loadUpdater: () => {
      loads++;
      return Promise.resolve(fake);
    },
    log: (line) => logs.push(line),
    ...over,
  });
  return handle;
}

describe('automatic updates', () => {
  it('checks at start and again every 24 hours', async () => {
    await start().ready;
    expect(fake.checks).toBe(1);
    await h.clock.advance(DAY - 1000);
    expect(fake.checks).toBe(1);
    await h.clock.advance(1000);
    expect(fake.checks).toBe(2);
    await h.clock.advance(DAY);
    expect(fake.checks).toBe(3);
    expect(UPDATE_CHECK_INTERVAL_MS).toBe(DAY);
    expect(logs[0]).toBe('automatic updates on: checking GitHub Releases now and every 24 h');
  });

  it('never checks, nor loads the updater, when turned off in Settings', async () => {
    await h.services.updateSettings({ autoUpdate: false });
    await start().ready;
    await h.clock.advance(3 * DAY);
    expect([fake.checks, loads]).toEqual([0, 0]);
    expect(logs).toEqual(['automatic updates off: turned off in Settings']);
  });

  it('never checks in a development run, and says so', async () => {
    await start({ isPackaged: false }).ready;
    await h.clock.advance(2 * DAY);
    expect([fake.checks, loads]).toEqual([0, 0]);
    expect(logs).toEqual(['automatic updates off: this is a development run (not a packaged app)']);
  });

  it('leaves deb and rpm installs to their package, whatever the setting says', async () => {
    for (const type of ['deb', 'rpm']) {
      logs = [];
      await start({ platform: 'linux', env: { APPIMAGE: '/x' }, readPackageType: () => type }).ready;
      await h.services.updateSettings({ autoUpdate: false });
      await h.services.updateSettings({ autoUpdate: true });
      await h.clock.advance(2 * DAY);
      expect([fake.checks, loads]).toEqual([0, 0]);
      expect(logs).toEqual([`automatic updates off: installed as a ${type} package, which is updated by installing the new package, not by Quotabar`]);
      handle?.dispose();
    }
  });

  it('updates an AppImage on Linux but not an unpacked Linux build', async () => {
    expect(decideUpdates({ isPackaged: true, platform: 'linux', packageType: null, appImage: '/home/me/Quotabar.AppImage' }, { autoUpdate: true })).toEqual({ check: true });
    await start({ platform: 'linux', env: {} }).ready;
    expect(fake.checks).toBe(0);
    expect(logs).toEqual(['automatic updates off: on Linux only the AppImage can replace itself']);
  });

  it('stops the daily check when the setting is turned off, and checks at once when it is turned back on', async () => {
    await start().ready;
    expect(fake.checks).toBe(1);
    await h.services.updateSettings({ autoUpdate: false });
    expect(h.clock.pending).toBe(0);
    await h.clock.advance(3 * DAY);
    expect(fake.checks).toBe(1);
    await h.services.updateSettings({ autoUpdate: true });
    await flush();
    expect(fake.checks).toBe(2);
    await h.clock.advance(DAY);
    expect(fake.checks).toBe(3);
    expect(logs.filter((l) => l.startsWith('automatic updates'))).toEqual([
      'automatic updates on: checking GitHub Releases now and every 24 h',
      'automatic updates off: turned off in Settings',
      'automatic updates on: checking GitHub Releases now and every 24 h',
    ]);
  });

  it('asks before restarting, and "Restart now" installs the update', async () => {
    await start().ready;
    dialog.response = 0;
    fake.emitDownloaded('1.2.0');
    await flush();
    expect(dialog.shown).toHaveLength(1);
    expect(dialog.shown[0]).toMatchObject({ message: 'Quotabar 1.2.0 has been downloaded.', buttons: ['Restart now', 'Later'], cancelId: 1 });
    expect(fake.installs).toBe(1);
  });

  it('"Later" does not restart: the update waits for the next quit, and the same version is not asked about again', async () => {
    await start().ready;
    dialog.response = 1;
    fake.emitDownloaded('1.2.0');
    await flush();
    expect(fake.installs).toBe(0);
    expect(logs).toContain('1.2.0 will be installed when Quotabar quits');
    fake.emitDownloaded('1.2.0');
    await flush();
    expect(dialog.shown).toHaveLength(1);
  });

  it('logs updater errors without tokens and keeps checking', async () => {
    fake.failWith = new Error(`HttpError: 401 Bad credentials for token ${TOKEN}\n at stack line`);
    await start().ready;
    // The same failure arrives as an 'error' event and as the check's rejection: logged once.
    fake.emitError(fake.failWith);
    expect(logs.filter((l) => l.includes('401'))).toHaveLength(1);
    fake.emitError(new Error(`download failed: Authorization: Bearer ${TOKEN}`));
    await flush();
    const text = logs.join('\n');
    expect(text).toContain('update check failed: HttpError: 401 Bad credentials');
    expect(text).toContain('update failed: download failed');
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain('stack line');
    fake.failWith = null;
    await h.clock.advance(DAY);
    expect(fake.checks).toBe(2);
  });

  it('survives an updater that cannot even load, and tries again at the next check', async () => {
    let attempts = 0;
    await start({
      loadUpdater: () => (++attempts === 1 ? Promise.reject(new Error('Cannot find module electron-updater')) : Promise.resolve(fake)),
    }).ready;
    expect(logs).toContain('update check failed: Cannot find module electron-updater');
    await h.clock.advance(DAY);
    expect([attempts, fake.checks]).toEqual([2, 1]);
  });
});

describe('the autoUpdate setting', () => {
  it('is on by default and accepted from Settings only as true or false', async () => {
    expect(h.services.settings().autoUpdate).toBe(true);
    expect(validatePayload('settings:update', { autoUpdate: false })).toEqual({ ok: true, value: { autoUpdate: false } });
    await h.services.updateSettings({ autoUpdate: 'no' as unknown as boolean });
    expect(h.services.settings().autoUpdate).toBe(true);
  });
});

describe('package type and error lines', () => {
  it('reads the package-type file electron-builder writes for system packages, and null when there is none', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'quotabar-res-'));
    try {
      expect(readPackageType(dir)).toBeNull();
      await writeFile(join(dir, 'package-type'), 'deb\n');
      expect(readPackageType(dir)).toBe('deb');
      expect(readPackageType('')).toBeNull();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('removes tokens, auth headers and signed-URL parameters from an error line', () => {
    const line = updateLogLine(
      new Error(`GET https://objects.githubusercontent.com/x?X-Amz-Signature=abc123&token=${TOKEN} failed; "authorization": "token ${TOKEN}"`),
    );
    expect(line).not.toMatch(/abc123|ghp_/);
    expect(line).toContain('X-Amz-Signature=[redacted]');
    expect(updateLogLine('x'.repeat(500))).toHaveLength(200);
    expect(updateLogLine(undefined)).toBe('unknown error');
  });
});
