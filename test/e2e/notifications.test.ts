// Alerts in the preview: a browser has no notification centre, so the page shows them as toasts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRouterKeyBody } from '../../core/providers/openrouter/demo';
import { card, openPage, startRig, text, type Rig } from './support/harness';

let rig: Rig;

beforeAll(async () => {
  rig = await startRig();
});

afterAll(async () => {
  await rig?.close();
});

describe('alerts from the first poll', () => {
  it('are shown once the page connects, not lost because no page was open yet', async () => {
    // The demo Claude 5-hour window is at 83 %: past the default 80 % line on the host's first poll.
    const { page, context } = await openPage(rig, 'popover');
    const toast = page.getByTestId('toast').filter({ hasText: 'Claude' });
    await toast.waitFor({ timeout: 5000 });
    expect(await text(toast.locator('strong'))).toBe('Claude: 5-hour at 83 % used');
    await context.close();
  });
});

describe('a balance that drops below the low-balance line', () => {
  it('turns the card badge to Low and shows the alert as a toast in the page', async () => {
    const { page, context, errors } = await openPage(rig, 'popover');
    const openrouter = card(page, 'openrouter');
    await openrouter.locator('.badge-ok').waitFor();
    const low = page.getByTestId('toast').filter({ hasText: 'OpenRouter credit is low' });
    expect(await low.count()).toBe(0);

    // $0.80 left, the default alert line is $2.
    rig.demo.script('/api/v1/key', { status: 200, body: openRouterKeyBody('sk-or-v1-dem…e41', 0.8) });
    await page.getByTestId('refresh').click();
    await openrouter.locator('.badge-low').waitFor({ timeout: 5000 });
    expect(await text(openrouter.getByTestId('badge'))).toBe('Low');

    const toast = low;
    await toast.waitFor({ timeout: 5000 });
    expect(await text(toast.locator('strong'))).toBe('OpenRouter credit is low');
    expect(await text(toast.locator('span'))).toBe('$0.80 left (alert below $2.00)');
    expect(await toast.getAttribute('role')).toBe('status');

    await toast.getByRole('button', { name: 'Dismiss notification' }).click();
    expect(await low.count()).toBe(0);
    // The toast is built without inline <style> or style attributes: the page's CSP stays quiet.
    expect(errors).toEqual([]);
    rig.demo.script('/api/v1/key', 'demo');
    await context.close();
  });
});
