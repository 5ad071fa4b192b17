import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { PROVIDERS, PROVIDER_IDS } from '../../core/providers/registry';
import { card, meter, openPage, startRig, text, type Rig } from './support/harness';
import { expectScreenshot, timeAndKeyText } from './support/screenshot';

let rig: Rig;

beforeAll(async () => {
  rig = await startRig();
});

afterAll(async () => {
  await rig?.close();
});

describe('the popover with demo data', () => {
  it('shows every provider and every window with its figures and countdown', async () => {
    const { page, context, errors } = await openPage(rig, 'popover');
    await meter(page, 'claude', 'session').waitFor();

    expect(await page.locator('article.card h2').allTextContents()).toEqual(PROVIDERS.map((p) => p.displayName));
    for (const id of PROVIDER_IDS) expect(await text(card(page, id).getByTestId('badge'))).toBe('OK');

    const or = meter(page, 'openrouter', 'key-limit');
    expect(await text(or.locator('.meter-label'))).toBe('Weekly limit');
    expect(await text(or.locator('.meter-value'))).toBe('38 % used');
    expect(await text(or.locator('.amounts'))).toBe('$7.63 of $20.00 · $12.37 left');
    expect(await text(or.locator('.countdown'))).toMatch(/^resets in \d d( \d+ h)?$|^resets in \d+ h( \d+ min)?$/);
    // The same mask as Settings shows for the stored key, not OpenRouter's own longer label.
    expect(await text(card(page, 'openrouter').locator('.account'))).toBe(`sk-or-v1-…${rig.demo.openrouterKey.slice(-3)}`);

    expect(await text(meter(page, 'codex', 'session').locator('.meter-value'))).toBe('37 % used');
    expect(await text(meter(page, 'codex', 'session').locator('.countdown'))).toMatch(/^resets in 1 h 4[12] min$/);
    expect(await text(meter(page, 'codex', 'weekly').locator('.meter-value'))).toBe('62 % used');
    expect(await text(meter(page, 'codex', 'weekly').locator('.countdown'))).toMatch(/^resets in 3 d [45] h$/);
    expect(await text(card(page, 'codex').locator('.account'))).toBe('Plus · demo@quotabar.dev');

    expect(await text(meter(page, 'claude', 'session').locator('.meter-value'))).toBe('83 % used');
    expect(await text(meter(page, 'claude', 'session').locator('.countdown'))).toMatch(/^resets in 4[67] min$/);
    expect(await text(meter(page, 'claude', 'weekly').locator('.meter-value'))).toBe('41 % used');
    expect(await text(card(page, 'claude').locator('.account'))).toBe('Max');
    expect(await text(card(page, 'claude').getByTestId('updated'))).toBe('updated just now');

    // 83 % is past the default 80 % alert line: that bar changes colour, the others do not.
    expect(await meter(page, 'claude', 'session').getAttribute('class')).toContain('level-warning');
    expect(await meter(page, 'codex', 'weekly').getAttribute('class')).toContain('level-normal');
    const bar = meter(page, 'claude', 'session').getByRole('progressbar');
    expect(await bar.getAttribute('aria-valuenow')).toBe('83');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('asks its window to fit the content, and to grow when a problem needs explaining', async () => {
    const { page, context } = await openPage(rig, 'popover');
    await meter(page, 'claude', 'session').waitFor();
    const footerBottom = () => page.evaluate(() => Math.ceil(document.querySelector('.popover')!.lastElementChild!.getBoundingClientRect().bottom));
    // Lines that arrive after the cards (sparklines, cost) grow the page a moment later: the fit follows.
    const fitGap = async () => Math.abs(rig.host.popoverFit()! - (await footerBottom()));
    await expect.poll(() => rig.host.popoverFit()).toBeGreaterThan(400);
    await expect.poll(fitGap, { timeout: 10_000 }).toBeLessThanOrEqual(16);
    const full = rig.host.popoverFit()!;

    // A sign-in problem adds an explanation to Claude's card (its last-known windows stay): taller.
    rig.demo.script('claude', { status: 401, body: {} });
    try {
      await rig.host.services.refresh('claude');
      await card(page, 'claude').locator('.problem').waitFor();
      await expect.poll(() => rig.host.popoverFit()).toBeGreaterThan(full + 20);
      await expect.poll(fitGap, { timeout: 10_000 }).toBeLessThanOrEqual(16);
    } finally {
      // The other tests share this demo server: Claude answers normally again whatever happened here.
      rig.demo.script('claude', 'demo');
      await rig.host.services.refresh('claude');
      await context.close();
    }
  });

  it('ticks the countdown every second without asking the provider again', async () => {
    const now = Date.now();
    rig.demo.script('codex', {
      status: 200,
      body: {
        plan_type: 'plus',
        rate_limit: {
          primary_window: { used_percent: 91, limit_window_seconds: 18000, reset_at: Math.round(now / 1000) + 5 * 60 + 30 },
          secondary_window: null,
        },
      },
    });
    await rig.host.services.refresh('codex');
    const { page, context } = await openPage(rig, 'popover');
    const countdown = meter(page, 'codex', 'session').locator('.countdown');
    await countdown.waitFor();
    const requests = rig.demo.count('/wham/usage');

    const first = await text(countdown);
    expect(first).toMatch(/^resets in 5 min \d+ s$/);
    await page.waitForFunction((before) => document.querySelector('[data-provider="codex"] .countdown')?.textContent !== before, first, {
      timeout: 2500,
    });
    const second = await text(countdown);
    expect(second).toMatch(/^resets in 5 min \d+ s$/);
    expect(Number(second.match(/(\d+) s$/)![1])).toBeLessThan(Number(first.match(/(\d+) s$/)![1]));
    expect(rig.demo.count('/wham/usage')).toBe(requests);
    // 91 % passes the 80 % line but not 95 %: a warning colour.
    expect(await meter(page, 'codex', 'session').getAttribute('class')).toContain('level-warning');
    rig.demo.script('codex', 'demo');
    await rig.host.services.refresh('codex');
    await context.close();
  });

  it('shows the refresh in flight and then the fresh data', async () => {
    const { page, context } = await openPage(rig, 'popover');
    await meter(page, 'codex', 'session').waitFor();
    rig.demo.script('codex', { status: 503, body: 'try later', delayMs: 1200 });
    const button = page.getByTestId('refresh');
    await button.click();
    await page.locator('[data-testid="refresh"][aria-busy="true"]').waitFor({ timeout: 2000 });
    expect(await text(card(page, 'codex').getByTestId('updated'))).toBe('refreshing…');
    await page.locator('[data-testid="refresh"][aria-busy="false"]').waitFor({ timeout: 5000 });
    expect(await text(card(page, 'codex').getByTestId('badge'))).toBe('Stale');
    rig.demo.script('codex', 'demo');
    await button.click();
    await card(page, 'codex').locator('.badge-ok').waitFor({ timeout: 5000 });
    await context.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`looks right in the ${scheme} theme (screenshot)`, async () => {
      const { page, context } = await openPage(rig, 'popover', { colorScheme: scheme });
      await meter(page, 'claude', 'session').waitFor();
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(bg).toBe(scheme === 'light' ? 'rgb(243, 243, 246)' : 'rgb(22, 22, 25)');
      await expectScreenshot(page, `popover-${scheme}`, { mask: timeAndKeyText(page) });
      await context.close();
    });
  }
});
