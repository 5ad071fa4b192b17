import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { MemorySecretStore } from '../../adapters/memory-secret-store';
import { openPage, startRig, type Rig } from './support/harness';

let rig: Rig;

beforeAll(async () => {
  // No OpenRouter key, and no Codex, Claude, Copilot or Gemini sign-in files: nothing is configured.
  rig = await startRig({ secrets: new MemorySecretStore() });
  await rm(join(rig.demo.codexHome, 'auth.json'));
  await rm(join(rig.demo.claudeConfigDir, '.credentials.json'));
  await rm(join(rig.demo.copilotConfigHome, 'github-copilot', 'apps.json'));
  await rm(join(rig.demo.geminiHome, '.gemini', 'oauth_creds.json'));
  await rig.host.services.refresh(null);
});

afterAll(async () => {
  await rig?.close();
});

describe('the popover with nothing configured', () => {
  it('says so and leads to Settings', async () => {
    const { page, context, errors } = await openPage(rig, 'popover');
    await page.getByRole('heading', { name: 'Nothing to show yet' }).waitFor();
    expect(await page.locator('article.card').count()).toBe(0);

    const settings = context.waitForEvent('page');
    await page.getByRole('button', { name: 'Open Settings' }).click();
    const opened = await settings;
    await opened.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    expect(new URL(opened.url()).pathname).toBe('/settings.html');
    await opened.locator('[data-key-provider="openrouter"]').getByTestId('key-status').getByText('No key saved.').waitFor();
    expect(await opened.locator('.signins li[data-provider="codex"]').textContent()).toContain('Not found');
    expect(errors).toEqual([]);
    await context.close();
  });
});
