// Settings' tray control: it lists the windows the popover shows plus "tightest", pins one, and the
// tray (app/tray-model.ts, what electron/tray.ts draws) follows; "tightest" unpins.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PIN_MISSING_NOTE, trayModel } from '../../app/tray-model';
import { openPage, startRig, type Rig } from './support/harness';

let rig: Rig;

beforeAll(async () => {
  rig = await startRig();
});

afterAll(async () => {
  await rig?.close();
});

const tray = () => {
  const s = rig.host.services.settings();
  return trayModel(rig.host.services.view(), s.thresholds, Date.now(), s.lowBalanceUsd, s.trayPin);
};

describe('the tray pin in Settings', () => {
  it('lists the known windows, pins one for the tray, and goes back to the tightest', async () => {
    const { page, context, errors } = await openPage(rig, 'settings');
    const select = page.getByLabel('Meter', { exact: true });
    // The demo's windows arrive with the first poll.
    await select.locator('option', { hasText: 'Claude · ' }).first().waitFor({ state: 'attached' });
    const labels = await select.locator('option').allTextContents();
    expect(labels[0]).toBe('Tightest window (default)');
    expect(labels).toEqual(expect.arrayContaining(['Codex · 5-hour', 'Codex · Weekly', 'Claude · 5-hour']));
    expect(await select.inputValue()).toBe('');

    const tightest = tray();
    await select.selectOption({ label: 'Claude · 5-hour' });
    await page.getByTestId('tray-message').getByText('Saved. The tray shows it now.').waitFor();
    const pin = rig.host.services.settings().trayPin;
    expect(pin).toMatchObject({ providerId: 'claude', accountLabel: null });
    const pinned = tray();
    expect(pinned.tooltip.split('\n')[0]).toMatch(/^Claude 5-hour \(pinned\): \d+ % used/);
    expect(pinned.tooltip).not.toContain(PIN_MISSING_NOTE);

    // Reopened, the window shows the saved choice.
    const again = await openPage(rig, 'settings');
    await again.page.getByLabel('Meter', { exact: true }).locator('option', { hasText: 'Claude · 5-hour' }).waitFor({ state: 'attached' });
    expect(await again.page.getByLabel('Meter', { exact: true }).inputValue()).toBe(await select.inputValue());
    await again.context.close();

    await select.selectOption({ label: 'Tightest window (default)' });
    await page.getByTestId('tray-message').getByText('Saved. The tray shows it now.').waitFor();
    expect(rig.host.services.settings().trayPin).toBeNull();
    expect(tray().percent).toBe(tightest.percent);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps a pin to a window that is gone listed as such, and the tray falls back to the tightest', async () => {
    await rig.host.services.updateSettings({ trayPin: { providerId: 'codex', accountLabel: 'gone', windowId: 'weekly' } });
    const { page, context } = await openPage(rig, 'settings');
    const select = page.getByLabel('Meter', { exact: true });
    await select.locator('option', { hasText: 'Codex (gone) · weekly (not available now)' }).waitFor({ state: 'attached' });
    expect(await select.locator('option:checked').textContent()).toBe('Codex (gone) · weekly (not available now)');
    expect(tray().tooltip).toContain(PIN_MISSING_NOTE);
    await rig.host.services.updateSettings({ trayPin: null });
    await context.close();
  });
});
