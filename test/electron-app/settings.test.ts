import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { card, meter, text } from '../e2e/support/harness';
import { launchApp, type AppRig } from './support/app';
import { electronBinary, suiteTitle } from './support/binary';

// Settings in the real tray app: the key goes through Electron IPC to the main process, is checked
// against the demo server and kept in demo mode's memory store (never the OS keychain).
const binary = electronBinary();
let rig: AppRig;

/** OpenRouter's part of Settings, its form opened when it is a compact row (several key providers). */
async function keyForm(page: Page): Promise<Locator> {
  const row = page.locator('[data-key-provider="openrouter"]');
  await row.waitFor();
  const toggle = row.locator('.key-toggle');
  if ((await toggle.count()) > 0 && (await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
  return row;
}

async function submitKey(page: Page, key: string): Promise<void> {
  const input = (await keyForm(page)).getByLabel(/API key|Replace with a new key/);
  await input.fill(key);
  await input.press('Enter');
}

describe.skipIf(!binary.ok)(suiteTitle(binary), () => {
  beforeAll(async () => {
    if (binary.ok) rig = await launchApp(binary.path);
  });
  afterAll(async () => {
    await rig?.close();
  });

  describe('the settings window', () => {
    it('saves a key the demo server accepts and shows only its masked label; the card appears', async () => {
      const page = await rig.settings();
      expect(page.url()).toBe('app://quotabar/settings.html');
      const form = await keyForm(page);
      const status = form.getByTestId('key-status');
      // Demo mode starts with the demo key saved: remove it so the user's path is the real one.
      await status.getByText(/sk-or-v1-/).waitFor();
      await form.getByRole('button', { name: 'Remove key' }).click();
      await status.getByText('No key saved.').waitFor();

      const key = rig.demo.openrouterKey;
      await submitKey(page, key);
      await form.getByTestId('key-message').getByText(/^Saved \(sk-or-v1-.*\)\. OpenRouter now shows in the popover\.$/).waitFor();
      expect(await text(status)).toMatch(/^Kept for this session only \(sk-or-v1-…[0-9a-f]{3}\)$/);
      // Demo mode shows the demo key once, on purpose (it works only against the loopback demo
      // server); the saved key appears nowhere else in the page.
      expect(await text(form.getByTestId('demo-key').locator('code'))).toBe(key);
      expect((await page.content()).split(key).length - 1).toBe(1);

      const popover = await rig.popover();
      await meter(popover, 'openrouter', 'key-limit').waitFor({ timeout: 5000 });
      expect(await text(card(popover, 'openrouter').getByTestId('badge'))).toBe('OK');
      expect(await popover.content()).not.toContain(key);
    });

    it('explains invalid values instead of saving them', async () => {
      const page = await rig.settings();
      await submitKey(page, 'sk-ant-oat01-not-an-openrouter-key');
      await (await keyForm(page)).getByTestId('key-message').getByText('OpenRouter keys start with "sk-or-".').waitFor();

      const thresholds = page.getByLabel('Alert at');
      await thresholds.fill('80, 120');
      await thresholds.press('Enter');
      await page.getByText('“120” is not a whole percentage from 1 to 100.').waitFor();
      expect(await thresholds.getAttribute('aria-invalid')).toBe('true');
    });
  });
});
