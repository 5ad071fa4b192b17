import { PROVIDERS, PROVIDER_IDS } from '../../core/providers/registry';
import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { card, meter, text } from '../e2e/support/harness';
import { launchApp, type AppRig } from './support/app';
import { electronBinary, suiteTitle } from './support/binary';

// The popover in the real tray app: what test/e2e shows in Chromium over the preview host, here
// through Electron's own app:// protocol, preload bridge and IPC.
const binary = electronBinary();
let rig: AppRig;

describe.skipIf(!binary.ok)(suiteTitle(binary), () => {
  beforeAll(async () => {
    if (binary.ok) rig = await launchApp(binary.path);
  });
  afterAll(async () => {
    await rig?.close();
  });

  describe('the popover', () => {
    it('renders a card for each demo provider, fetched by the main process from the demo server', async () => {
      const page = await rig.popover();
      await meter(page, 'claude', 'session').waitFor();
      expect(page.url()).toBe('app://quotabar/popover.html');
      expect(await page.locator('article.card h2').allTextContents()).toEqual(PROVIDERS.map((p) => p.displayName));
      for (const id of PROVIDER_IDS) expect(await text(card(page, id).getByTestId('badge'))).toBe('OK');
      expect(await text(meter(page, 'codex', 'session').locator('.meter-value'))).toBe('37 % used');
      expect(rig.demo.count('/wham/usage')).toBeGreaterThan(0);
    });

    it('refreshes from its button: the refresh shows in flight, then the fresh data', async () => {
      const page = await rig.popover();
      await meter(page, 'codex', 'session').waitFor();
      const asked = rig.demo.count('/wham/usage');
      rig.demo.script('codex', { status: 503, body: 'try later', delayMs: 1200 });
      const button = page.getByTestId('refresh');
      await button.click();
      await page.locator('[data-testid="refresh"][aria-busy="true"]').waitFor({ timeout: 2000 });
      await page.locator('[data-testid="refresh"][aria-busy="false"]').waitFor({ timeout: 5000 });
      expect(await text(card(page, 'codex').getByTestId('badge'))).toBe('Stale');
      expect(rig.demo.count('/wham/usage')).toBeGreaterThan(asked);
      rig.demo.script('codex', 'demo');
      await button.click();
      await card(page, 'codex').locator('.badge-ok').waitFor({ timeout: 5000 });
    });

    it('refuses window.open: the page gets null and no window opens', async () => {
      const page = await rig.popover();
      const before = await rig.windowCount();
      expect(await page.evaluate(() => window.open('https://example.invalid/', '_blank') === null)).toBe(true);
      expect(await rig.windowCount()).toBe(before);
      expect(rig.app.windows().some((p) => p.url().startsWith('https:'))).toBe(false);
    });
  });
});
