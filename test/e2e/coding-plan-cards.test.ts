// The coding-plan providers' cards (Z.ai, MiniMax) from demo data, as a user sees them in the popover, each
// compared with its own baseline (test/e2e/__screenshots__/card-<id>.png).
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

describe('the Z.ai card with demo data', () => {
  it('shows one meter per plan limit with its figures, the plan and the masked key', async () => {
    const { page, context, errors } = await openPage(rig, 'popover');
    await meter(page, 'zai', 'tokens:300').waitFor();
    expect(await text(card(page, 'zai').locator('h2'))).toBe('Z.ai');
    expect(await text(card(page, 'zai').getByTestId('badge'))).toBe('OK');
    const session = meter(page, 'zai', 'tokens:300');
    expect(await text(session.locator('.meter-label'))).toBe('5-hour tokens');
    expect(await text(session.locator('.meter-value'))).toBe('27 % used');
    expect(await text(session.locator('.countdown'))).toMatch(/^resets in 3 h 1[12] min$/);
    const weekly = meter(page, 'zai', 'tokens:10080');
    expect(await text(weekly.locator('.meter-label'))).toBe('Weekly tokens');
    expect(await text(weekly.locator('.meter-value'))).toBe('64 % used');
    expect(await text(weekly.locator('.countdown'))).toMatch(/^resets in 4 d [45] h$/);
    // The key is random per run: its last three characters, never more.
    expect(await text(card(page, 'zai').locator('.account'))).toBe(`Pro · …${rig.demo.zaiKey.slice(-3)}`);
    await expectCardScreenshot(page, 'zai');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('explains a key z.ai refused inside a 200, keeping the last-known meters', async () => {
    rig.demo.script('zai', { status: 200, body: { code: 401, msg: 'token expired or incorrect', success: false } });
    await rig.host.services.refresh('zai');
    const { page, context } = await openPage(rig, 'popover');
    await card(page, 'zai').locator('.problem').waitFor();
    expect(await text(card(page, 'zai').locator('.problem'))).toContain('Z.ai refused the key (invalid or expired).');
    expect(await text(card(page, 'zai').getByTestId('badge'))).toBe('Stale');
    await meter(page, 'zai', 'tokens:300').waitFor();
    rig.demo.script('zai', 'demo');
    await rig.host.services.refresh('zai');
    await context.close();
  });
});

describe('the MiniMax card with demo data', () => {
  it('shows the 5-hour and weekly windows as used % (MiniMax reports what remains) and the masked key', async () => {
    const { page, context, errors } = await openPage(rig, 'popover');
    await meter(page, 'minimax', 'session').waitFor();
    expect(await text(card(page, 'minimax').locator('h2'))).toBe('MiniMax');
    expect(await text(card(page, 'minimax').getByTestId('badge'))).toBe('OK');
    const session = meter(page, 'minimax', 'session');
    expect(await text(session.locator('.meter-label'))).toBe('5-hour');
    // The demo says 58 % of the 5-hour window and 81 % of the week remain.
    expect(await text(session.locator('.meter-value'))).toBe('42 % used');
    expect(await text(session.locator('.countdown'))).toMatch(/^resets in 3 h 2[12] min$/);
    const weekly = meter(page, 'minimax', 'weekly');
    expect(await text(weekly.locator('.meter-label'))).toBe('Weekly');
    expect(await text(weekly.locator('.meter-value'))).toBe('19 % used');
    expect(await text(weekly.locator('.countdown'))).toMatch(/^resets in 5 d [12] h$/);
    // The key is random per run: its prefix and last three characters, never more.
    expect(await text(card(page, 'minimax').locator('.account'))).toBe(`sk-cp-…${rig.demo.minimaxKey.slice(-3)}`);
    await expectCardScreenshot(page, 'minimax');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('explains a key MiniMax refused with status_code 1004 inside a 200, keeping the last-known meters', async () => {
    rig.demo.script('minimax', { status: 200, body: { model_remains: null, base_resp: { status_code: 1004, status_msg: 'login fail' } } });
    await rig.host.services.refresh('minimax');
    const { page, context } = await openPage(rig, 'popover');
    await card(page, 'minimax').locator('.problem').waitFor();
    expect(await text(card(page, 'minimax').locator('.problem'))).toContain('MiniMax refused the key (invalid or expired).');
    expect(await text(card(page, 'minimax').getByTestId('badge'))).toBe('Stale');
    await meter(page, 'minimax', 'session').waitFor();
    rig.demo.script('minimax', 'demo');
    await rig.host.services.refresh('minimax');
    await context.close();
  });
});
