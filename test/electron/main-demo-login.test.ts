// A demo run (`--demo`) never touches the user's real start-at-login, at start or when the setting changes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
vi.mock('electron', () => import('../support/electron-fake'));
import { app, resetElectronFake, screen } from '../support/electron-fake';
import { run } from '../../electron/main';
import { makeHarness, type Harness } from '../support/app-harness';

let h: Harness | null = null;
beforeEach(() => {
  resetElectronFake({ platform: 'darwin' });
  screen.displays = [{ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 }, scaleFactor: 1 }];
});
afterEach(async () => {
  await h?.dispose();
  h = null;
});

async function launch(argv: string[]) {
  h = await makeHarness({ settingsFile: { startAtLogin: true } });
  await run({
    argv,
    env: {},
    platform: 'darwin',
    homedir: '/home/dev',
    execPath: '/opt/quotabar/quotabar',
    clock: h.clock,
    createServices: async () => h!.services,
    startDemo: async () => ({
      urls: { openrouter: 'http://127.0.0.1:1/api/v1', codex: 'http://127.0.0.1:1/backend-api', claude: 'http://127.0.0.1:1', copilot: 'http://127.0.0.1:1', gemini: 'http://127.0.0.1:1/gemini' },
      codexHome: '/tmp/demo/codex',
      claudeConfigDir: '/tmp/demo/claude',
      copilotConfigHome: '/tmp/demo/config',
      geminiHome: '/tmp/demo/gemini',
      openrouterKey: 'sk-or-v1-demo',
      close: async () => undefined,
    }),
  });
  await h.clock.advance(0);
}

describe('start at login and demo mode', () => {
  it('applies the setting to the OS login item in a normal run', async () => {
    await launch(['quotabar']);
    await vi.waitFor(() => expect(app.loginItem.openAtLogin).toBe(true));
  });

  it('leaves the OS login item alone in a demo run, also when the setting changes', async () => {
    await launch(['quotabar', '--demo']);
    await h!.clock.advance(0);
    expect(app.loginItem.openAtLogin).toBe(false);
    await h!.services.updateSettings({ startAtLogin: false });
    await h!.services.updateSettings({ startAtLogin: true });
    await h!.clock.advance(0);
    expect(app.loginItem.openAtLogin).toBe(false);
  });
});
