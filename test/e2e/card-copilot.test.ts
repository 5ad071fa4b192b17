// Copilot's card in the popover with demo data: premium requests as counts against the monthly
// allowance, and the two sentinels (unlimited, a 0/0 seat) as words instead of a "0 % used" bar.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../core/providers/load-fixture';
import { card, meter, openPage, startRig, text, type Rig } from './support/harness';
import { expectCardScreenshot } from './support/card-screenshot';

let rig: Rig;

beforeAll(async () => {
  rig = await startRig();
});

afterAll(async () => {
  await rig?.close();
});

describe('the Copilot card', () => {
  it('shows premium requests used of the monthly allowance, the plan and the GitHub login', async () => {
    const { page, context, errors } = await openPage(rig, 'popover');
    const premium = meter(page, 'copilot', 'premium');
    await premium.waitFor();
    expect(await text(card(page, 'copilot').getByTestId('badge'))).toBe('OK');
    expect(await text(premium.locator('.meter-label'))).toBe('Premium requests');
    expect(await text(premium.locator('.meter-value'))).toBe('29 % used');
    expect(await text(premium.locator('.amounts'))).toBe('88 of 300 requests · 212 left');
    expect(await text(premium.locator('.countdown'))).toMatch(/^resets in \d+ (d|h|min)/);
    expect(await text(card(page, 'copilot').locator('.account'))).toBe('Individual pro · octo-demo');

    await expectCardScreenshot(page, 'copilot');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says "unlimited" and "no personal allowance" in words, never "0 % used"', async () => {
    const { page, context } = await openPage(rig, 'popover');
    await meter(page, 'copilot', 'premium').waitFor();
    const c = card(page, 'copilot');

    rig.demo.script('copilot', { status: 200, body: fixture('copilot', 'user-premium-unlimited') });
    await rig.host.services.refresh('copilot');
    await expect.poll(() => text(c)).toContain('Premium requests: unlimited.');
    expect(await c.locator('li.meter').count()).toBe(0);

    rig.demo.script('copilot', { status: 200, body: fixture('copilot', 'user-org-managed-seat') });
    await rig.host.services.refresh('copilot');
    await expect.poll(() => text(c)).toContain('no personal allowance on this seat');
    expect(await text(c)).not.toContain('0 % used');

    rig.demo.script('copilot', 'demo');
    await rig.host.services.refresh('copilot');
    await context.close();
  });
});
