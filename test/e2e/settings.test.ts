import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { MemorySecretStore } from '../../adapters/memory-secret-store';
import { openRouterKeyBody } from '../../core/providers/openrouter/demo';
import { KEY_PROVIDERS } from '../../core/providers/registry';
import { demoKeys } from '../../demo/env';
import { PACE_PROVIDERS } from '../../renderer/view-model/prefs-form';
import { card, meter, openPage, startRig, text, type Rig } from './support/harness';
import { expectScreenshot, timeAndKeyText } from './support/screenshot';

let rig: Rig;
let secrets: MemorySecretStore;

beforeAll(async () => {
  // No key at the start: the user adds one in Settings.
  secrets = new MemorySecretStore();
  rig = await startRig({ secrets });
});

afterAll(async () => {
  await rig?.close();
});

/** One key provider's part of Settings, its form opened when it is a compact row (several key providers). */
async function keyForm(page: Page, providerId: string): Promise<Locator> {
  const row = page.locator(`[data-key-provider="${providerId}"]`);
  await row.waitFor();
  const toggle = row.locator('.key-toggle');
  if ((await toggle.count()) > 0 && (await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
  await row.locator('form').waitFor();
  return row;
}

async function submitKey(form: Locator, key: string): Promise<void> {
  const input = form.getByLabel(/API key|Replace with a new key/);
  await input.fill(key);
  await input.press('Enter');
}

describe('the OpenRouter key in Settings', () => {
  it('validates a key before saving it, then shows only its masked label and the provider card', async () => {
    const popover = await openPage(rig, 'popover');
    await card(popover.page, 'openrouter').locator('.badge-unconfigured').waitFor();
    expect(await text(card(popover.page, 'openrouter').locator('.problem-action'))).toContain('Add an OpenRouter key in Settings');

    const { page, context, errors } = await openPage(rig, 'settings');
    const form = await keyForm(page, 'openrouter');
    const status = form.getByTestId('key-status');
    const message = form.getByTestId('key-message');
    await status.getByText('No key saved.').waitFor();
    expect(await form.getByLabel('API key').getAttribute('type')).toBe('password');

    // Not an OpenRouter key at all: refused in the window, nothing is sent anywhere.
    const keyRequests = rig.demo.count('/key');
    await submitKey(form, 'sk-ant-oat01-not-an-openrouter-key');
    await message.getByText('OpenRouter keys start with "sk-or-".').waitFor();
    expect(rig.demo.count('/key')).toBe(keyRequests);

    // Well-formed but rejected: in demo mode by the demo server, and the message says so.
    await submitKey(form, `sk-or-v1-${'0'.repeat(64)}`);
    await message
      .getByText('The demo server rejected this key: in demo mode keys are checked by a local demo server, not by OpenRouter. Use the demo key shown above.')
      .waitFor();
    expect(await text(message)).not.toContain('OpenRouter rejected');
    expect(await form.getByLabel('API key').getAttribute('aria-invalid')).toBe('true');
    expect(await text(status)).toBe('No key saved.');
    expect(await secrets.get('openrouter')).toEqual({ ok: true, value: null });

    // A key the (scripted) demo server accepts: validated, stored, and the form forgets it. Not the
    // demo key, which the page shows on purpose: this one must never appear in any page.
    const key = `sk-or-v1-${'5eed'.repeat(16)}`;
    rig.demo.script('/api/v1/key', (req) =>
      req.headers.authorization === `Bearer ${key}`
        ? { status: 200, body: openRouterKeyBody('sk-or-v1-5ee…eed') }
        : { status: 401, body: { error: { code: 401, message: 'No auth credentials found' } } },
    );
    await submitKey(form, key);
    await message.getByText(/^Saved \(sk-or-v1-.*\)\. OpenRouter now shows in the popover\.$/).waitFor();
    // The demo keeps keys in memory: the status says so instead of claiming the keychain.
    expect(await text(status)).toMatch(/^Kept for this session only \(sk-or-v1-…[0-9a-f]{3}\)$/);
    expect(await form.getByLabel('Replace with a new key').inputValue()).toBe('');
    expect(await secrets.get('openrouter')).toEqual({ ok: true, value: key });
    const html = await page.content();
    expect(html).not.toContain(key);
    expect(html).not.toContain(key.slice(12, -3));

    // The popover, open all along, now shows OpenRouter with its window, and the key masked as Settings masks it.
    await meter(popover.page, 'openrouter', 'key-limit').waitFor({ timeout: 5000 });
    const settingsLabel = (await text(status)).match(/\((.*)\)$/)![1];
    expect(await text(card(popover.page, 'openrouter').locator('.account'))).toBe(settingsLabel);
    expect(await text(meter(popover.page, 'openrouter', 'key-limit').locator('.meter-value'))).toBe('38 % used');
    expect(await popover.page.content()).not.toContain(key);

    // Removing it empties the card again.
    await form.getByRole('button', { name: 'Remove key' }).click();
    await status.getByText('No key saved.').waitFor();
    expect(await text(message)).toBe('Key removed. The demo’s own key comes back when Quotabar restarts.');
    await card(popover.page, 'openrouter').locator('.badge-unconfigured').waitFor({ timeout: 5000 });
    expect(await card(popover.page, 'openrouter').locator('li.meter').count()).toBe(0);
    expect(await secrets.get('openrouter')).toEqual({ ok: true, value: null });
    expect(errors).toEqual([]);
    expect(popover.errors).toEqual([]);
    rig.demo.script('/api/v1/key', 'demo');
    await popover.context.close();
    await context.close();
  });

  it('shows the demo key, which the demo server accepts, so saving can be tried', async () => {
    const { page, context } = await openPage(rig, 'settings');
    const form = await keyForm(page, 'openrouter');
    const offer = form.getByTestId('demo-key');
    await offer.waitFor();
    expect(await text(offer.locator('code'))).toBe(rig.demo.openrouterKey);
    expect(await text(offer)).toContain('checked by a local demo server, not OpenRouter, and kept for this session only');
    expect(await text(form.getByTestId('key-help'))).toContain('In demo mode it is checked by the demo server and kept for this session only.');
    expect(await text(form.getByTestId('key-help'))).not.toContain('system keychain');
    // Demo settings live in memory: the login item of this computer is left alone, and the label says so.
    expect(await page.getByLabel('Start Quotabar at login (not applied in demo mode)').count()).toBe(1);
    await context.close();
  });

  it('tests a key without storing it', async () => {
    const { page, context } = await openPage(rig, 'settings');
    const form = await keyForm(page, 'openrouter');
    await form.getByTestId('key-status').getByText('No key saved.').waitFor();
    await form.getByLabel('API key').fill(rig.demo.openrouterKey);
    await form.getByRole('button', { name: 'Test', exact: true }).click();
    await form.getByTestId('key-message').getByText(/^The key works/).waitFor();
    expect(await secrets.get('openrouter')).toEqual({ ok: true, value: null });
    await context.close();
  });
});

describe('every key provider in Settings', () => {
  it('has its own key form, which saves a key the demo server accepts under its own keychain account', async () => {
    const { page, context, errors } = await openPage(rig, 'settings');
    const keys = demoKeys(rig.demo);
    for (const p of KEY_PROVIDERS) {
      const key = keys[p.id];
      expect(key, `the demo server has no ${p.displayName} key`).toBeDefined();
      const form = await keyForm(page, p.id);
      await form.getByTestId('key-status').getByText('No key saved.').waitFor();
      expect(await text(form.getByTestId('demo-key').locator('code'))).toBe(key);
      await submitKey(form, key!);
      await form.getByTestId('key-message').getByText(new RegExp(`^Saved \\(.*\\)\\. ${p.displayName} now shows in the popover\\.$`)).waitFor();
      expect(await text(form.getByTestId('key-status'))).toMatch(/^Kept for this session only \(.+\)$/);
      expect(await secrets.get(p.credentials.keychainAccount!)).toEqual({ ok: true, value: key });
    }
    // Each form removes its own key only.
    for (const p of KEY_PROVIDERS) {
      const form = await keyForm(page, p.id);
      await form.getByRole('button', { name: 'Remove key' }).click();
      await form.getByTestId('key-status').getByText('No key saved.').waitFor();
      expect(await secrets.get(p.credentials.keychainAccount!)).toEqual({ ok: true, value: null });
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('preferences in Settings', () => {
  it('explains invalid values, then applies valid ones to the popover without a restart', async () => {
    const popover = await openPage(rig, 'popover');
    await meter(popover.page, 'codex', 'weekly').waitFor();
    expect(await meter(popover.page, 'codex', 'weekly').getAttribute('class')).toContain('level-normal');

    const { page, context } = await openPage(rig, 'settings');
    const thresholds = page.getByLabel('Alert at');
    await thresholds.fill('80, 120');
    await thresholds.press('Enter');
    await page.getByText('“120” is not a whole percentage from 1 to 100.').waitFor();
    expect(await thresholds.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('pref-thresholds');

    await thresholds.fill('60 90');
    await page.getByLabel('Refresh', { exact: true }).selectOption('300');
    await thresholds.press('Enter');
    await page.getByTestId('prefs-message').getByText('Saved. Changes apply now.').waitFor();
    expect(await thresholds.inputValue()).toBe('60, 90');
    expect(rig.host.services.settings()).toMatchObject({ thresholds: [60, 90], pollingMode: 'fixed', refreshIntervalSec: 300 });

    // Codex's weekly window is at 62 %: past the new 60 % line, so its bar turns to a warning.
    await popover.page.locator('[data-provider="codex"] li.meter[data-window="weekly"].level-warning').waitFor({ timeout: 5000 });
    await popover.context.close();
    await context.close();
  });

  it('can be used from the keyboard alone, in a sensible order', async () => {
    const { page, context } = await openPage(rig, 'settings');
    await page.locator('[data-key-provider]').first().waitFor();
    // One key provider: its form. Several: one row each, whose button opens its form. A provider that
    // takes a management key has a second row under it, whose button opens that key's form.
    const management = (p: (typeof KEY_PROVIDERS)[number]) => (p.credentials.managementKey ? ['Add key'] : []);
    const keys =
      KEY_PROVIDERS.length === 1
        ? ['openrouter-key', 'openrouter.ai/keys', 'Save key', 'Test', ...management(KEY_PROVIDERS[0]!)]
        : KEY_PROVIDERS.flatMap((p) => ['Add key', ...management(p)]);
    const expected = [
      ...keys,
      // The status line's button (the demo turns the sign-in opt-in on through the environment: that box is disabled).
      'Install',
      'account-provider',
      'account-label',
      'account-secret',
      'Add account',
      'Test account',
      'pref-refreshIntervalSec',
      'pref-thresholds',
      'pref-lowBalanceUsd',
      'pref-resetNotice',
      'pref-startAtLogin',
      'pref-autoUpdate',
      ...PACE_PROVIDERS.map((p) => `pref-predictive-${p.id}`),
      'pref-predictiveMarginMin',
      'Save',
    ];
    const order: string[] = [];
    for (let i = 0; i < expected.length; i++) {
      await page.keyboard.press('Tab');
      order.push(
        await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          return el ? (el.id || el.textContent?.trim() || el.tagName) : '';
        }),
      );
    }
    expect(order).toEqual(expected);
    await context.close();
  });

  it('looks right with a key saved (screenshot)', async () => {
    const { page, context } = await openPage(rig, 'settings');
    const form = await keyForm(page, 'openrouter');
    await form.getByLabel('API key').fill(rig.demo.openrouterKey);
    await form.getByLabel('API key').press('Enter');
    await form.getByTestId('key-message').getByText(/^Saved/).waitFor();
    try {
      // The status line's sentence names the demo's temp folder, a new one each run.
      await page.getByTestId('statusline-state').getByText(/^Not installed/).waitFor();
      await expectScreenshot(page, 'settings', { mask: [...timeAndKeyText(page), page.getByTestId('statusline-state')] });
    } finally {
      // The next tests start with no key, whatever the screenshot said.
      await rig.host.services.removeKey('openrouter');
      await context.close();
    }
  });
});

/** The id (or text) of the focused element, "BODY" when focus fell off every control. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return !el || el === document.body ? 'BODY' : el.id || el.textContent?.trim() || el.tagName;
  });
}

/** WCAG contrast ratio of two `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = c.match(/[\d.]+/g)!.slice(0, 3).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('keyboard focus in Settings', () => {
  it('stays on the control after Test, Save key and Save, and moves to the outcome after Remove key', async () => {
    const { page, context } = await openPage(rig, 'settings');
    const form = await keyForm(page, 'openrouter');
    const input = form.getByLabel('API key');
    const message = form.getByTestId('key-message');
    await input.fill(rig.demo.openrouterKey);

    await form.getByRole('button', { name: 'Test', exact: true }).focus();
    await page.keyboard.press('Enter');
    await message.getByText(/^The key works/).waitFor();
    expect(await focused(page)).toBe('Test');

    await input.focus();
    await page.keyboard.press('Enter');
    await message.getByText(/^Saved/).waitFor();
    expect(await focused(page)).toBe('openrouter-key');

    const save = page.getByRole('button', { name: 'Save', exact: true });
    await save.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('prefs-message').getByText('Saved. Changes apply now.').waitFor();
    expect(await focused(page)).toBe('Save');

    await form.getByRole('button', { name: 'Remove key' }).focus();
    await page.keyboard.press('Enter');
    await message.getByText('Key removed.').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('key-message');
    await context.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`draws a focus ring with at least 3:1 contrast against the panel (${scheme})`, async () => {
      const { page, context } = await openPage(rig, 'settings', { colorScheme: scheme });
      await page.locator('[data-key-provider]').first().waitFor();
      await page.keyboard.press('Tab'); // keyboard focus, so :focus-visible applies
      const ring = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const s = getComputedStyle(el);
        return { style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor, behind: getComputedStyle(el.closest('.panel')!).backgroundColor };
      });
      expect(ring.style).toBe('solid');
      expect(ring.width).toBeGreaterThanOrEqual(2);
      expect(contrast(ring.color, ring.behind)).toBeGreaterThanOrEqual(3);
      expect(contrast(ring.color, 'rgb(255, 255, 255)')).toBeGreaterThanOrEqual(scheme === 'light' ? 3 : 0);
      await context.close();
    });
  }

  it('opens openrouter.ai/keys in the browser from the hint', async () => {
    const { page, context } = await openPage(rig, 'settings');
    const form = await keyForm(page, 'openrouter');
    const popup = context.waitForEvent('page');
    await form.getByRole('button', { name: 'openrouter.ai/keys' }).click();
    expect((await popup).url()).toBe('https://openrouter.ai/keys');
    expect(rig.logs).toContain('link opened: https://openrouter.ai/keys');
    await context.close();
  });
});

describe('a preview link without its token', () => {
  it('says which link to open instead of a lost connection over a skeleton', async () => {
    const context = await rig.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${rig.host.origin}/popover.html`);
    const banner = page.getByRole('alert');
    await banner.waitFor();
    expect(await text(banner)).toBe(
      'This window needs its Quotabar link: open the popover link that npm run app printed in the terminal (it carries the access token).',
    );
    expect(await banner.locator('code').allTextContents()).toEqual(['npm run app']);
    expect(await page.locator('.skeleton').count()).toBe(0);
    await context.close();
  });
});
