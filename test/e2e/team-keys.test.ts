// The OpenRouter team view in the popover (demo mode: the demo management key lists four keys).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { card, openPage, startRig, text, type Rig } from './support/harness';
import { expectCardScreenshot } from './support/card-screenshot';

let rig: Rig;

beforeAll(async () => {
  rig = await startRig();
});

afterAll(async () => {
  await rig?.close();
});

describe('the team keys section', () => {
  it('lists every key of the account in compact read-only rows under the OpenRouter card', async () => {
    const { page, context, errors } = await openPage(rig, 'popover');
    const section = card(page, 'openrouter').getByTestId('team-keys');
    await section.waitFor();
    expect(await text(section.locator('.team-keys-title'))).toBe('Team keys');
    const rows = section.locator('li.team-key');
    expect(await rows.count()).toBe(4);
    const cells = async (i: number) =>
      Promise.all(['.team-key-name', '.team-key-amount', '.team-key-reset'].map(async (c) => text(rows.nth(i).locator(c))));
    expect(await cells(0)).toEqual(['Backend CI', '$37.50 / $50.00', expect.stringMatching(/^resets in \d+ (d|h|min)/)]);
    expect(await cells(2)).toEqual(['Eval runs', '$18.06 spent', 'no limit']);
    expect(await cells(3)).toEqual(['Old prototypedisabled', '$0.00 / $5.00', 'no reset']);
    expect(await rows.nth(3).getAttribute('class')).toContain('is-disabled');
    // The masked key label is there on hover.
    expect(await rows.nth(0).locator('.team-key-name').getAttribute('title')).toBe('sk-or-v1-a1f…e41');
    // Read only: nothing in the section can be clicked or typed into.
    expect(await section.locator('button, input, a, select').count()).toBe(0);
    // The team keys are not the account's own meters.
    expect(await card(page, 'openrouter').locator('li.meter').count()).toBe(1);
    // Nothing of the management key reaches the page.
    expect(await page.content()).not.toContain(rig.demo.openrouterManagementKey.slice(9, -3));
    // A row's countdown shares its line with the amount, and its length follows the clock ("30 d 9 h",
    // "30 d 11 h"): the picture gives it one fixed width (its text is masked anyway), so the amounts stay put.
    await expectCardScreenshot(page, 'openrouter', { name: 'popover-team-keys', rules: ['.team-key-reset.countdown { display: inline-block; width: 10em; overflow: hidden; vertical-align: bottom; }'] });
    expect(errors).toEqual([]);
    await context.close();
  });
});
