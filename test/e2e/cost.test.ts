// Cost in Chromium against the preview host in demo mode, whose Claude and Codex folders hold real
// session logs: the popover's cost line on both cards, the Cost window (compared with a baseline),
// and its JSON export equal to what `quotabar cost --json` prints for the same folders and days.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { card, openPage, startRig, text, type Rig } from './support/harness';
import { expectScreenshot } from './support/screenshot';

let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
});
afterAll(async () => {
  await rig?.close();
});

const CLI = join(__dirname, '..', '..', 'bin', 'quotabar.mjs');

describe('cost from the agents’ logs', () => {
  it('shows today and the last 30 days on the Claude and Codex cards, and opens the Cost window from there', async () => {
    const { page, context } = await openPage(rig, 'popover');
    for (const id of ['claude', 'codex']) {
      const line = card(page, id).getByTestId('cost-line');
      await line.waitFor();
      expect(await text(line)).toMatch(/^Today \$\d+\.\d\d · 30 days \$[\d,]+(\.\d\d)?$/);
    }
    // OpenRouter keeps no local logs: no line.
    expect(await card(page, 'openrouter').getByTestId('cost-line').count()).toBe(0);
    const opened = context.waitForEvent('page');
    await card(page, 'claude').getByTestId('cost-line').getByRole('button').click();
    const cost = await opened;
    await cost.getByTestId('cost-total').waitFor();
    expect(cost.url()).toContain('/cost.html#token=');
    await context.close();
  });

  it('lists the 30 days by day, model and project, and looks right (screenshot)', async () => {
    const context = await rig.browser.newContext({ viewport: { width: 760, height: 900 }, colorScheme: 'light', deviceScaleFactor: 2, timezoneId: 'UTC' });
    const page = await context.newPage();
    await page.goto(rig.host.costUrl);
    await page.getByTestId('cost-models').waitFor();
    expect(await page.getByTestId('cost-models').locator('tbody tr').allTextContents()).toEqual([
      expect.stringMatching(/^claude-sonnet-4-5-20250929Claude/),
      expect.stringMatching(/^gpt-5-codexCodex/),
    ]);
    expect(await page.getByTestId('cost-days').locator('tbody tr').count()).toBe(30);
    await expectScreenshot(page, 'cost-window', {
      // The dates follow the calendar: the header's range, the day column and the chart's time axis.
      mask: [page.locator('.history-head .muted'), page.locator('[data-testid="cost-days"] tbody td:first-child'), page.locator('.u-axis').first()],
    });
    await context.close();
  });

  it('exports JSON identical to `quotabar cost --json` for the same logs and days', async () => {
    const context = await rig.browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(rig.host.costUrl);
    await page.getByTestId('cost-total').waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export JSON' }).click();
    const file = await download;
    const exported = readFileSync((await file.path())!, 'utf8');
    const [, from, to] = /^quotabar-cost-(\d{4}-\d\d-\d\d)-to-(\d{4}-\d\d-\d\d)\.json$/.exec(file.suggestedFilename())!;
    const env = { ...process.env, CLAUDE_CONFIG_DIR: rig.demo.claudeConfigDir, CODEX_HOME: rig.demo.codexHome, QUOTABAR_CACHE_DIR: join(rig.demo.codexHome, '..', 'cli-cache') };
    const cli = execFileSync(process.execPath, [CLI, 'cost', '--json', '--since', from!, '--until', to!], { env, encoding: 'utf8' });
    expect(exported).toBe(cli);
    expect(JSON.parse(exported).days.length).toBeGreaterThan(30);
    await context.close();
  });
});
