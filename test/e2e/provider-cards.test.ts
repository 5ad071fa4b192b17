// The cards of the key providers added with issue 11, as the popover draws them from the demo
// server: the words a user reads and a screenshot of each card (baselines card-<id>.png).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { card, meter, openPage, startRig, text, type Rig } from './support/harness';
import { expectCardScreenshot } from './support/card-screenshot';

let rig: Rig;

beforeAll(async () => {
  rig = await startRig();
});

afterAll(async () => {
  await rig?.close();
});

describe('the DeepSeek card', () => {
  it('shows the yuan balance as an amount, not a percentage, with the masked key', async () => {
    const { page, context, errors } = await openPage(rig, 'popover');
    const m = meter(page, 'deepseek', 'balance:cny');
    await m.waitFor();
    expect(await text(card(page, 'deepseek').locator('h2'))).toBe('DeepSeek');
    expect(await text(card(page, 'deepseek').getByTestId('badge'))).toBe('OK');
    expect(await text(m.locator('.meter-label'))).toBe('Balance');
    expect(await text(m.locator('.meter-value'))).toBe('86.42 CNY left');
    expect(await m.getByRole('progressbar').count()).toBe(0);
    expect(await text(card(page, 'deepseek').locator('.account'))).toBe(`sk-…${rig.demo.deepseekKey.slice(-3)}`);
    await expectCardScreenshot(page, 'deepseek');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says so when DeepSeek reports the balance cannot pay for calls', async () => {
    rig.demo.script('deepseek', { status: 200, body: { is_available: false, balance_infos: [{ currency: 'CNY', total_balance: '0.00', granted_balance: '0.00', topped_up_balance: '0.00' }] } });
    await rig.host.services.refresh('deepseek');
    const { page, context } = await openPage(rig, 'popover');
    await meter(page, 'deepseek', 'balance:cny').waitFor();
    expect(await text(meter(page, 'deepseek', 'balance:cny').locator('.meter-value'))).toBe('0.00 CNY left');
    expect(await text(card(page, 'deepseek'))).toContain('The balance cannot pay for API calls right now.');
    rig.demo.script('deepseek', 'demo');
    await rig.host.services.refresh('deepseek');
    await context.close();
  });
});

describe('the Moonshot card', () => {
  it('shows the balance as an amount, and the overdrawn cash as a note', async () => {
    const { page, context, errors } = await openPage(rig, 'popover');
    const m = meter(page, 'moonshot', 'balance');
    await m.waitFor();
    expect(await text(card(page, 'moonshot').locator('h2'))).toBe('Moonshot');
    expect(await text(card(page, 'moonshot').getByTestId('badge'))).toBe('OK');
    // The demo server is on loopback, not the China platform: dollars.
    expect(await text(m.locator('.meter-value'))).toBe('$18.45 left');
    expect(await m.getByRole('progressbar').count()).toBe(0);
    expect(await text(card(page, 'moonshot'))).toContain('Cash balance: −$1.55 (overdrawn).');
    expect(await text(card(page, 'moonshot').locator('.account'))).toBe(`sk-…${rig.demo.moonshotKey.slice(-3)}`);
    await expectCardScreenshot(page, 'moonshot');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('explains a refusal inside an HTTP 200 as a rejected key, keeping the last balance', async () => {
    rig.demo.script('moonshot', { status: 200, body: { code: 401, data: null, scode: '0x401', status: false, message: 'invalid api key' } });
    await rig.host.services.refresh('moonshot');
    const { page, context } = await openPage(rig, 'popover');
    await card(page, 'moonshot').locator('.problem').waitFor();
    expect(await text(card(page, 'moonshot').locator('.problem'))).toContain('The key was rejected');
    expect(await text(meter(page, 'moonshot', 'balance').locator('.meter-value'))).toBe('$18.45 left');
    rig.demo.script('moonshot', 'demo');
    await rig.host.services.refresh('moonshot');
    await context.close();
  });
});
