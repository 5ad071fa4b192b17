// A second OpenRouter account added in Settings (demo mode): it becomes its own card in the popover,
// named by its label; disabling it removes the card; removing it takes its row and its key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../adapters/memory-secret-store';
import { openPage, startRig, text, type Rig } from './support/harness';

let rig: Rig;
let secrets: MemorySecretStore;

beforeAll(async () => {
  secrets = new MemorySecretStore();
  rig = await startRig({ secrets });
});

afterAll(async () => {
  await rig?.close();
});

const accountCard = (page: import('playwright-core').Page, label: string) => page.locator(`article.card[data-provider="openrouter"][data-account="${label}"]`);

describe('accounts in Settings', () => {
  it('add an OpenRouter account with a key, see its own card, rename it, disable it, then remove it', async () => {
    const { page: settings, errors } = await openPage(rig, 'settings');
    const popover = (await openPage(rig, 'popover')).page;
    const message = settings.getByTestId('account-message');
    await settings.getByTestId('no-accounts').waitFor();

    // A label that breaks the rules is refused in the window and nothing is sent.
    const keyRequests = rig.demo.count('/key');
    await settings.getByLabel('Label').fill('!work');
    await settings.getByLabel('Key', { exact: true }).fill(rig.demo.openrouterKey);
    await settings.getByRole('button', { name: 'Add account' }).click();
    await message.getByText(/^That label cannot be used/).waitFor();
    expect(rig.demo.count('/key')).toBe(keyRequests);

    // The demo key, under a good label: checked by the demo server, then kept for this session only.
    await settings.getByLabel('Label').fill('work');
    await settings.getByLabel('Key', { exact: true }).press('Enter');
    await message.getByText(/^Added OpenRouter \(work\); key sk-or-v1-…\w+ is kept for this session only \(demo mode\)\.$/).waitFor();
    expect(await secrets.get('openrouter:work')).toEqual({ ok: true, value: rig.demo.openrouterKey });
    expect(await settings.getByLabel('Key', { exact: true }).inputValue()).toBe('');
    const row = settings.locator('[data-testid="account-row"][data-label="work"]');
    expect(await row.getByRole('checkbox', { name: 'work' }).isChecked()).toBe(true);

    // The popover shows a second OpenRouter card, named by its label.
    await accountCard(popover, 'work').waitFor();
    expect(await text(accountCard(popover, 'work').locator('h2'))).toContain('work');
    expect(await popover.locator('article.card[data-provider="openrouter"]').count()).toBe(2);

    // Test keeps focus on the button and says the key works.
    await row.getByRole('button', { name: 'Test work' }).click();
    await message.getByText(/^Key sk-or-v1-…\w+ works\.$/).waitFor();
    expect(await settings.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Test work');

    // Renamed from the keyboard: the key moves to the new keychain entry, the card takes the new name.
    await row.getByRole('button', { name: 'Rename work' }).click();
    await settings.getByLabel('New label for work').fill('office');
    await settings.getByLabel('New label for work').press('Enter');
    await message.getByText('Renamed to OpenRouter (office).').waitFor();
    expect(await secrets.get('openrouter:office')).toEqual({ ok: true, value: rig.demo.openrouterKey });
    expect(await secrets.get('openrouter:work')).toEqual({ ok: true, value: null });
    await accountCard(popover, 'office').waitFor();
    expect(await settings.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Rename office');

    // Disabled: the card goes; the checkbox keeps the focus.
    const renamed = settings.locator('[data-testid="account-row"][data-label="office"]');
    await renamed.getByRole('checkbox', { name: 'office' }).press('Space');
    await message.getByText('OpenRouter (office) is disabled: it is no longer polled.').waitFor();
    await accountCard(popover, 'office').waitFor({ state: 'detached' });
    expect(await settings.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('checkbox');

    // Removed: the row and its key go; focus lands on the outcome.
    await renamed.getByRole('button', { name: 'Remove office' }).click();
    await message.getByText('Removed OpenRouter (office) and its key.').waitFor();
    await renamed.waitFor({ state: 'detached' });
    expect(await secrets.get('openrouter:office')).toEqual({ ok: true, value: null });
    expect(await settings.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('account-message');
    expect(errors).toEqual([]);
  });

  it('reorder accounts from the keyboard: focus stays on the button and the popover follows', async () => {
    const { page: settings } = await openPage(rig, 'settings');
    const popover = (await openPage(rig, 'popover')).page;
    const message = settings.getByTestId('account-message');
    for (const label of ['a', 'b']) {
      await settings.getByLabel('Label').fill(label);
      await settings.getByLabel('Key', { exact: true }).fill(rig.demo.openrouterKey);
      await settings.getByLabel('Key', { exact: true }).press('Enter');
      await message.getByText(new RegExp(`^Added OpenRouter \\(${label}\\)`)).waitFor();
    }
    const order = () => popover.locator('article.card[data-provider="openrouter"][data-account]').evaluateAll((els) => els.map((e) => e.getAttribute('data-account')));
    await accountCard(popover, 'b').waitFor();
    expect(await order()).toEqual(['a', 'b']);

    await settings.getByRole('button', { name: 'Move b up' }).focus();
    await settings.keyboard.press('Enter');
    await message.getByText('Moved OpenRouter (b) up.').waitFor();
    expect(await settings.locator('[data-testid="account-row"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-label')))).toEqual(['b', 'a']);
    expect(await settings.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Move b up');
    await popover.waitForFunction(() => [...document.querySelectorAll('article.card[data-provider="openrouter"][data-account]')].map((e) => e.getAttribute('data-account')).join() === 'b,a');

    for (const label of ['a', 'b']) await settings.getByRole('button', { name: `Remove ${label}` }).click().then(() => message.getByText(`Removed OpenRouter (${label}) and its key.`).waitFor());
  });
});
