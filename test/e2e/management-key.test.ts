// The OpenRouter management key set from Settings (the team view), in real Chromium against the preview:
// the demo /keys accepts only the demo management key and answers 403 to the ordinary key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../adapters/memory-secret-store';
import { openrouter } from '../../core/providers/openrouter/descriptor';
import { card, openPage, startRig, text, type Rig } from './support/harness';

let rig: Rig;
let secrets: MemorySecretStore;
const MANAGEMENT_ACCOUNT = openrouter.credentials.managementKey.keychainAccount;

beforeAll(async () => {
  // The ordinary key only: the user adds the management key in Settings.
  secrets = new MemorySecretStore();
  rig = await startRig({ secrets });
  const saved = await rig.host.services.saveKey('openrouter', rig.demo.openrouterKey);
  expect(saved.ok).toBe(true);
});

afterAll(async () => {
  await rig?.close();
});

describe('the OpenRouter management key in Settings', () => {
  it('is checked with /keys, saved, shown refused when a poll is refused, and the popover shows the team keys; removed, they go', async () => {
    const popover = await openPage(rig, 'popover');
    const team = card(popover.page, 'openrouter').getByTestId('team-keys');
    await card(popover.page, 'openrouter').locator('li.meter').first().waitFor();
    expect(await team.count()).toBe(0);

    const { page, context, errors } = await openPage(rig, 'settings');
    const row = page.locator('[data-management-key-provider="openrouter"]');
    const status = row.getByTestId('management-key-status');
    await status.getByText('Not set.').waitFor();
    await row.getByRole('button', { name: 'Add key' }).click();
    expect(await text(row.getByTestId('management-key-purpose'))).toContain('lists every key of the account');
    const input = row.getByLabel('Management key', { exact: true });
    expect(await input.getAttribute('type')).toBe('password');
    const message = row.getByTestId('management-key-message');

    // The ordinary key: the demo /keys answers 403, and the words say it was the demo server, not OpenRouter.
    const before = rig.demo.count('/keys');
    await input.fill(rig.demo.openrouterKey);
    await row.getByRole('button', { name: 'Test', exact: true }).click();
    await message.getByText('The demo server refused this key: in demo mode management keys are checked by a local demo server, not by OpenRouter.').waitFor();
    expect(rig.demo.count('/keys')).toBe(before + 1);
    expect(await text(message)).not.toContain('OpenRouter refused');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect(await secrets.get(MANAGEMENT_ACCOUNT)).toEqual({ ok: true, value: null });

    // Not an OpenRouter key at all: refused before any request.
    await input.fill('not-a-key');
    await input.press('Enter');
    await message.getByText('OpenRouter keys start with "sk-or-".').waitFor();
    expect(rig.demo.count('/keys')).toBe(before + 1);

    // The management key: listed keys counted, stored, the form forgets it, Settings shows only a mask.
    const key = rig.demo.openrouterManagementKey;
    await input.fill(key);
    await input.press('Enter');
    await message.getByText(/^Saved \(sk-or-v1-.*\): it lists 4 keys\. The team keys show under OpenRouter in the popover\.$/).waitFor();
    expect(await secrets.get(MANAGEMENT_ACCOUNT)).toEqual({ ok: true, value: key });
    await status.getByText(/^Kept for this session only \(sk-or-v1-…[0-9a-f]{3}\)$/).waitFor();
    expect(await row.getByLabel('Replace with a new management key').inputValue()).toBe('');
    // The ordinary key's row is untouched.
    expect(await text(page.locator('[data-key-provider="openrouter"]').getByTestId('key-status'))).toMatch(/^Kept for this session only/);

    // The popover, open all along, now shows the team section.
    await team.waitFor({ timeout: 5000 });
    expect(await team.locator('li.team-key').count()).toBe(4);

    // The key reached neither page.
    for (const p of [page, popover.page]) {
      const html = await p.content();
      expect(html).not.toContain(key);
      expect(html).not.toContain(key.slice(9, -3));
    }

    // Refused at a later poll (revoked, say): the row says so, naming the demo server, not OpenRouter.
    rig.demo.script('/api/v1/keys', { status: 403, body: { error: { code: 403, message: 'Only management keys can perform this operation' } } });
    await rig.host.services.refresh('openrouter');
    await status.getByText(/^Refused by the demo server \(sk-or-v1-…[0-9a-f]{3}\): not a management key, or invalid or disabled\.$/).waitFor();
    await card(popover.page, 'openrouter').getByText(/^Team keys not shown: the management key was refused/).waitFor();
    rig.demo.script('/api/v1/keys', 'demo');
    await rig.host.services.refresh('openrouter');
    await status.getByText(/^Kept for this session only/).waitFor();

    // Removed: the status, the keychain and the popover agree, and keyboard focus is on the outcome.
    await row.getByRole('button', { name: 'Remove key' }).click();
    await status.getByText('Not set.').waitFor();
    expect(await text(message)).toBe('Management key removed. The demo’s own key comes back when Quotabar restarts.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('openrouter-management-key-message');
    expect(await secrets.get(MANAGEMENT_ACCOUNT)).toEqual({ ok: true, value: null });
    await team.waitFor({ state: 'detached', timeout: 5000 });
    expect(await card(popover.page, 'openrouter').locator('li.meter').count()).toBe(1);

    expect(errors).toEqual([]);
    expect(popover.errors).toEqual([]);
    await popover.context.close();
    await context.close();
  });
});
