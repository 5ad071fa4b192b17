// Claude fed by its own status line, end to end: Claude Code pipes its JSON to the real
// `quotabar statusline` bin, which records it under the data folder; the app's Claude card then shows
// those 5-hour and weekly figures, says when they were observed, and asks Anthropic nothing.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureText } from '../core/providers/load-fixture';
import { expectCardScreenshot } from './support/card-screenshot';
import { card, meter, openPage, startRig, text, type Rig } from './support/harness';

const bin = join(__dirname, '..', '..', 'bin', 'quotabar.mjs');
const dataDir = mkdtempSync(join(tmpdir(), 'quotabar-e2e-statusline-'));
let rig: Rig;

beforeAll(async () => {
  // Opted out of reading Claude Code's sign-in, as by default: the status line is Claude's only source.
  rig = await startRig({ env: { ...process.env, QUOTABAR_DATA_DIR: dataDir, QUOTABAR_CLAUDE_OAUTH: '0' } });
});

afterAll(async () => {
  await rig?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Runs the status line as Claude Code does for the demo's Claude folder; resolves with what it printed. */
function statusline(stdin: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const env = { PATH: process.env.PATH, HOME: dataDir, QUOTABAR_DATA_DIR: dataDir, CLAUDE_CONFIG_DIR: rig.demo.claudeConfigDir };
    const child = execFile(process.execPath, [bin, 'statusline'], { env }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
    child.stdin?.end(stdin);
  });
}

describe('the Claude card fed by the status line', () => {
  it('shows the figures Claude Code handed to `quotabar statusline`, with their time, and no request to Anthropic', async () => {
    const nowSec = Math.floor(Date.now() / 1000);
    const json = fixtureText('claude', 'statusline-max').replace('1790002800', String(nowSec + 7200)).replace('1790452800', String(nowSec + 5 * 86400));
    expect(await statusline(json)).toBe('Opus 4.5 · 5h 43 % · week 18 %\n');

    await rig.host.services.refresh('claude');
    const { page, context, errors } = await openPage(rig, 'popover');
    const claude = card(page, 'claude');
    await expect.poll(() => text(meter(page, 'claude', 'session').locator('.meter-value'))).toBe('43 % used');
    expect(await text(meter(page, 'claude', 'weekly').locator('.meter-value'))).toBe('18 % used');
    // Only what the status line carries: no per-model or extra-usage meter (those need the sign-in).
    expect(await claude.locator('li.meter').count()).toBe(2);
    expect(await text(claude.locator('.notes'))).toMatch(/Last observed (just now|\d+ (s|min) ago)\./);
    expect(rig.demo.requests.filter((r) => r.path.includes('/api/oauth')).length).toBe(0);
    await expectCardScreenshot(page, 'claude', { name: 'card-claude-statusline', mask: [claude.locator('.notes')] });
    expect(errors).toEqual([]);
    await context.close();
  });
});
