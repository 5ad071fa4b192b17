import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { card, meter, openPage, startRig, text, type Rig } from './support/harness';

let rig: Rig;

beforeAll(async () => {
  rig = await startRig();
});

afterAll(async () => {
  await rig?.close();
});

describe('a window whose Quotabar goes away', () => {
  it('says so, dims the last-known figures, and fails a save instead of hanging on "Saving…"', async () => {
    // A 200 ms heartbeat (the default is 3 s) so the test does not wait on real seconds.
    const popover = await openPage(rig, 'popover', { fragment: 'heartbeatMs=200' });
    await meter(popover.page, 'claude', 'session').waitFor();
    const settings = await openPage(rig, 'settings', { fragment: 'heartbeatMs=200' });
    await settings.page.getByLabel('Alert at').waitFor();
    expect(await popover.page.getByTestId('connection-lost').count()).toBe(0);
    expect(await text(card(popover.page, 'claude').getByTestId('updated'))).toBe('updated just now');

    await rig.host.close();

    const banner = popover.page.getByTestId('connection-lost');
    await banner.waitFor({ timeout: 10_000 });
    expect(await text(banner)).toBe('Lost the connection to Quotabar: these figures are no longer updated. Reconnecting…');
    const cards = popover.page.locator('main.cards');
    expect(Number(await cards.evaluate((el) => getComputedStyle(el).opacity))).toBeLessThan(0.6);
    // The last-known numbers stay readable under the banner.
    expect(await text(meter(popover.page, 'claude', 'session').locator('.meter-value'))).toBe('83 % used');

    await settings.page.getByTestId('connection-lost').waitFor({ timeout: 10_000 });
    await settings.page.getByLabel('Alert at').fill('70, 90');
    await settings.page.getByRole('button', { name: 'Save', exact: true }).click();
    await settings.page.getByTestId('prefs-message').getByText('Lost the connection to Quotabar before it answered. Try again once it is back.').waitFor();
    expect(await text(settings.page.getByRole('button', { name: 'Save', exact: true }))).toBe('Save');
    await popover.context.close();
    await settings.context.close();
  });
});
