// Gemini's card in the popover with demo data: one daily meter per model bucket (used % from the
// remaining fraction), the tier and the Google account; an ineligible sign-in as words, not a crash.
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

describe('the Gemini card', () => {
  it('shows a meter per model with used %, requests left and the reset, the tier and the Google account', async () => {
    const { page, context, errors } = await openPage(rig, 'popover');
    const pro = meter(page, 'gemini', 'gemini-2.5-pro');
    await pro.waitFor();
    const c = card(page, 'gemini');
    expect(await text(c.getByTestId('badge'))).toBe('OK');
    expect(await c.locator('li.meter .meter-label').allTextContents()).toEqual(['Gemini 2.5 Pro', 'Gemini 2.5 Flash', 'Gemini 2.5 Flash Lite']);
    expect(await text(pro.locator('.meter-value'))).toBe('38 % used');
    expect(await text(pro.locator('.amounts'))).toBe('744 requests left');
    expect(await text(pro.locator('.countdown'))).toMatch(/^resets in \d+ h/);
    // The tier without the card's own name, so the account fits beside it.
    expect(await text(c.locator('.account'))).toBe('Code Assist Standard · demo@quotabar.dev');
    // Where a narrow popover cuts it with an ellipsis, hovering shows it whole.
    expect(await c.locator('.account').getAttribute('title')).toBe('Code Assist Standard · demo@quotabar.dev');

    await expectCardScreenshot(page, 'gemini');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says an ineligible sign-in is not served by Google, with what works instead', async () => {
    const { page, context } = await openPage(rig, 'popover');
    await meter(page, 'gemini', 'gemini-2.5-pro').waitFor();
    const c = card(page, 'gemini');
    try {
      rig.demo.script('/gemini/v1internal:loadCodeAssist', { status: 200, body: fixture('gemini', 'load-code-assist-ineligible') });
      await rig.host.services.refresh('gemini');
      await expect.poll(() => text(c)).toContain('stopped accepting on 2026-06-18');
      expect(await text(c)).toContain('Standard or Enterprise account');
    } finally {
      rig.demo.script('/gemini/v1internal:loadCodeAssist', 'demo');
      await rig.host.services.refresh('gemini');
      await context.close();
    }
  });
});
