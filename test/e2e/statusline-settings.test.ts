// Settings' status-line part in real Chromium against the preview: the button installs Quotabar's
// status line into Claude Code's settings.json of a temp CLAUDE_CONFIG_DIR (the demo's folder),
// chaining the command that was there, the command it writes really runs, and Uninstall puts the
// file back; the sign-in opt-in is off and makes Claude ask its endpoint only while it is on.
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claude } from '../../core/providers/claude/descriptor';
import { openPage, startRig, text, type Rig } from './support/harness';

let rig: Rig;

beforeAll(async () => {
  // An explicit 0: the demo would otherwise turn the opt-in on through the environment.
  rig = await startRig({ env: { ...process.env, QUOTABAR_CLAUDE_OAUTH: '0' } });
});
afterAll(async () => {
  await rig?.close();
});

const THEIRS = { type: 'command', command: 'printf " | theirs"', padding: 0 };

describe('the status line in Settings', () => {
  it('installs Quotabar’s status line where Claude Code reads it, chaining the previous one, and uninstalls it exactly', async () => {
    const file = join(rig.demo.claudeConfigDir, 'settings.json');
    const original = `${JSON.stringify({ theme: 'dark', statusLine: THEIRS }, null, 2)}\n`;
    writeFileSync(file, original);
    const { page, errors } = await openPage(rig, 'settings');
    const state = page.getByTestId('statusline-state');
    const button = page.getByTestId('statusline-button');
    const message = page.getByTestId('statusline-message');
    await page.getByRole('heading', { name: 'Claude Code status line' }).waitFor();
    await state.getByText(/^Not installed:/).waitFor();
    expect(await text(state)).toBe(`Not installed: ${file} runs another status line (printf " | theirs"). Install keeps it and runs it after ours.`);

    await button.getByText('Install', { exact: true }).click();
    await button.getByText('Uninstall', { exact: true }).waitFor();
    expect(await text(state)).toBe(`Installed in ${file}; your previous command printf " | theirs" runs after ours.`);
    expect(await text(message)).toContain(`Claude Code now runs quotabar statusline after each message (${file}). Your previous status line (printf " | theirs") still runs, after ours.`);
    expect(readFileSync(`${file}.quotabar-backup`, 'utf8')).toBe(original);

    // What Claude Code will run: this checkout's CLI with the folder named, then theirs after it.
    const command = (JSON.parse(readFileSync(file, 'utf8')) as { statusLine: { command: string } }).statusLine.command;
    expect(command).toContain(`bin/quotabar.cjs statusline --config-dir ${rig.demo.claudeConfigDir}`);
    const stdin = JSON.stringify({ model: { display_name: 'Opus 4.5' }, rate_limits: { five_hour: { used_percentage: 12, resets_at: Math.floor(Date.now() / 1000) + 3600 } } });
    const shown = await new Promise<string>((resolve) => {
      const env = { PATH: process.env.PATH, HOME: rig.demo.claudeConfigDir, QUOTABAR_DATA_DIR: join(rig.demo.claudeConfigDir, 'data'), QUOTABAR_CACHE_DIR: join(rig.demo.claudeConfigDir, 'cache') };
      execFile('/bin/sh', ['-c', command], { env }, (_e, out) => resolve(out)).stdin?.end(stdin);
    });
    expect(shown).toBe('Opus 4.5 · 5h 12 % · week –\n | theirs\n');

    await button.getByText('Uninstall', { exact: true }).click();
    await button.getByText('Install', { exact: true }).waitFor();
    expect(await text(message)).toContain(`Your previous status line (printf " | theirs") is back in ${file}.`);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(JSON.parse(original));
    expect(errors).toEqual([]);
  });

  it('offers reading Claude Code’s sign-in off by default, in the descriptor’s words; Claude asks its endpoint only while it is on', async () => {
    const { page, errors } = await openPage(rig, 'settings');
    const box = page.getByLabel(claude.credentials.optIn.label);
    await box.waitFor();
    expect(await box.isChecked()).toBe(false);
    expect(await text(page.locator('#opt-in-claude-note'))).toBe(claude.credentials.optIn.note);
    await rig.host.services.refresh('claude');
    expect(rig.demo.count('/api/oauth/usage')).toBe(0);

    await box.check();
    await page.getByTestId('opt-in-message').getByText('On. Claude asks its usage endpoint with Claude Code’s sign-in from this refresh on.').waitFor();
    await expect.poll(() => rig.demo.count('/api/oauth/usage'), { timeout: 30_000 }).toBeGreaterThan(0);

    await box.uncheck();
    await page.getByTestId('opt-in-message').getByText('Off. Quotabar no longer reads Claude Code’s sign-in and makes no request with it.').waitFor();
    const asked = rig.demo.count('/api/oauth/usage');
    await rig.host.services.refresh('claude');
    expect(rig.demo.count('/api/oauth/usage')).toBe(asked);
    expect(rig.host.services.settings().credentialOptIn).toEqual([]);
    expect(errors).toEqual([]);
  });
});
