// A Claude sign-in that has expired reads the same in Settings and in the popover: never a green
// "Found in …" row beside a card that says it expired.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { card, openPage, startRig, text, type Rig } from './support/harness';

let rig: Rig;

beforeAll(async () => {
  rig = await startRig();
});

afterAll(async () => {
  await rig?.close();
});

describe('an expired Claude sign-in', () => {
  it('is shown as expired in Settings, in the words the popover uses', async () => {
    const popover = await openPage(rig, 'popover');
    const claude = card(popover.page, 'claude');
    await claude.locator('.badge-ok').waitFor();
    const settings = await openPage(rig, 'settings');
    const row = settings.page.locator('.signins li[data-provider="claude"]');
    await row.locator('.state-found').waitFor();

    // Claude Code's file still holds the sign-in, but its expiry has passed.
    const file = join(rig.demo.claudeConfigDir, '.credentials.json');
    const creds = JSON.parse(readFileSync(file, 'utf8'));
    creds.claudeAiOauth.expiresAt = Date.now() - 60_000;
    writeFileSync(file, JSON.stringify(creds));
    await popover.page.getByTestId('refresh').click();
    // Stale (the last numbers are recent) or error: either way the card says why.
    await claude.locator('.problem-reason').waitFor({ timeout: 5000 });
    const reason = await text(claude.locator('.problem-reason'));
    expect(reason).toBe('The sign-in has expired.');

    await row.locator('.state-expired').waitFor({ timeout: 5000 });
    expect(await row.getAttribute('data-state')).toBe('expired');
    expect(await text(row.locator('.signin-text'))).toBe(reason);
    expect(await text(row)).not.toContain('Found in');
    expect(await text(row.locator('.hint'))).toBe(await text(claude.locator('.problem-action')));
    expect(await claude.getAttribute('data-credential')).toBe('expired');
    await settings.context.close();
    await popover.context.close();
  });
});
