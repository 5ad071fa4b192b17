import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RUNWAY_MIN_ELAPSED_MS } from '../../core/runway';
import { DAY, nextUtcMonday } from '../../core/time';
import { card, meter, openPage, startRig, text, type Rig } from './support/harness';

let rig: Rig;

beforeAll(async () => {
  rig = await startRig();
});

afterAll(async () => {
  await rig?.close();
});

describe('pace and runway in the popover with demo data', () => {
  it('puts a pace line under the rolling windows and none under the credit window', async () => {
    const { page, context, errors } = await openPage(rig, 'popover');
    await meter(page, 'claude', 'session').waitFor();

    // Codex's 5-hour window: 37 % used with 102 of 300 min to go (66 % of it gone).
    expect(await text(meter(page, 'codex', 'session').locator('.pace'))).toBe('29 % in reserve · lasts until reset');
    // Its week: 62 % used 3 d 19 h in (54 %): at that rate the rest goes in about 2 d 8 h, before the reset in 3 d 5 h.
    expect(await text(meter(page, 'codex', 'weekly').locator('.pace'))).toMatch(/^8 % in deficit · runs out in 2 d [78] h$/);
    // Claude's 5-hour window: 83 % used with 47 min to go (84 % gone).
    expect(await text(meter(page, 'claude', 'session').locator('.pace'))).toBe('1 % in reserve · lasts until reset');
    // OpenRouter's key cap is a credit: no pace.
    expect(await meter(page, 'openrouter', 'key-limit').locator('.pace').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("shows OpenRouter's runway on its card once the week is a few hours old", async () => {
    const { page, context } = await openPage(rig, 'popover');
    await meter(page, 'openrouter', 'key-limit').waitFor();
    const runway = card(page, 'openrouter').getByTestId('runway');
    const now = Date.now();
    if (now - (nextUtcMonday(now) - 7 * DAY) >= RUNWAY_MIN_ELAPSED_MS + 60_000) {
      expect(await text(runway)).toMatch(/^≈ (\d+ days?|\d+ h) at this week's pace$/);
    } else {
      expect(await runway.count()).toBe(0);
    }
    // Only OpenRouter has a dollar balance to run down.
    expect(await card(page, 'codex').getByTestId('runway').count()).toBe(0);
    await context.close();
  });
});
