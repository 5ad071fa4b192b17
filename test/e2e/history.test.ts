// The History window in Chromium against the preview host: seeded history shows as one chart per
// window with its minimum, maximum and average; the range switch changes them; Export CSV downloads
// exactly what `quotabar history --csv` prints; the popover's History button opens the window.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { historyCsv } from '../../core/history-format';
import type { HistorySample } from '../../core/ports';
import { DAY, HOUR } from '../../core/time';
import { openPage, startRig, text, type Rig } from './support/harness';
import { startSeededRig } from './support/seeded-history';
import { expectScreenshot } from './support/screenshot';

let rig: Rig;
const NOW = Date.now();

const sample = (at: number, providerId: string, windowId: string, usedPercent: number): HistorySample => ({
  at,
  providerId,
  // A labelled account the demo does not poll: these windows hold only the seeded readings.
  accountLabel: 'work',
  windowId,
  usedPercent,
  used: null,
  limit: null,
  remaining: null,
  resetsAt: null,
  source: 'seeded',
});

// Codex's 5-hour window: three readings today and one three days ago. Claude's week: a fixed June
// week, hourly (a calendar date, so its chart looks the same on every run).
const JUNE = Date.UTC(2026, 5, 1);
const SEEDED: HistorySample[] = [
  sample(NOW - 3 * DAY, 'codex', 'session', 90),
  sample(NOW - 3 * HOUR, 'codex', 'session', 20),
  sample(NOW - 2 * HOUR, 'codex', 'session', 35),
  sample(NOW - 1 * HOUR, 'codex', 'session', 65),
  ...Array.from({ length: 7 * 24 }, (_, i) => sample(JUNE + i * HOUR, 'claude', 'weekly', Math.round((i / (7 * 24)) * 80 + 10 * Math.sin(i / 4)) + 10)),
];

beforeAll(async () => {
  rig = await startSeededRig(SEEDED);
});

afterAll(async () => {
  await rig?.close();
});

async function openHistory(): Promise<{ page: Page; close(): Promise<void>; errors: string[] }> {
  // UTC, so the June chart's axis labels are the same wherever the test runs.
  const context = await rig.browser.newContext({ viewport: { width: 760, height: 900 }, colorScheme: 'light', deviceScaleFactor: 2, timezoneId: 'UTC', acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
  await page.goto(rig.host.historyUrl);
  return { page, errors, close: () => context.close() };
}

const windowPanel = (page: Page, id: string) => page.locator(`[data-testid="history-window"][data-window="${id}"]`);
const stats = async (page: Page, id: string) => {
  const w = windowPanel(page, id);
  return [await text(w.getByTestId('stat-min')), await text(w.getByTestId('stat-max')), await text(w.getByTestId('stat-avg')), await text(w.getByTestId('stat-count'))];
};

describe('the History window', () => {
  it('shows a chart per window with its minimum, maximum and average, and follows the range', async () => {
    const { page, close, errors } = await openHistory();
    await windowPanel(page, 'codex/session').waitFor();
    // Last 24 hours: the Claude June week is out of range.
    expect(await page.getByTestId('history-window').count()).toBe(1);
    expect(await text(windowPanel(page, 'codex/session').locator('h2'))).toBe('Codex (work) · session');
    expect(await stats(page, 'codex/session')).toEqual(['20 %', '65 %', '40 %', '3']);
    expect(await windowPanel(page, 'codex/session').locator('canvas').count()).toBe(1);

    await page.getByRole('button', { name: '7 days' }).click();
    await page.getByTestId('stat-max').getByText('90 %').waitFor();
    expect(await stats(page, 'codex/session')).toEqual(['20 %', '90 %', '53 %', '4']);
    expect(await page.getByRole('button', { name: '7 days' }).getAttribute('aria-pressed')).toBe('true');

    await page.getByRole('button', { name: 'All time' }).click();
    await windowPanel(page, 'claude/weekly').waitFor();
    expect(await page.getByTestId('history-window').count()).toBe(2);
    expect((await stats(page, 'claude/weekly'))[3]).toBe('168');
    expect(errors).toEqual([]);
    await close();
  });

  it('exports CSV as `quotabar history --csv --since 24h` prints it', async () => {
    const { page, close } = await openHistory();
    await windowPanel(page, 'codex/session').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^quotabar-history-24h-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv).toBe(historyCsv(SEEDED.filter((s) => s.at >= NOW - DAY)));
    expect(await text(page.getByTestId('export-note'))).toMatch(/^quotabar-history-24h-.*\.csv: 3 readings as CSV\.$/);
    await close();
  });

  it('looks the same as its baseline (all time)', async () => {
    const { page, close } = await openHistory();
    await page.getByRole('button', { name: 'All time' }).click();
    await windowPanel(page, 'claude/weekly').locator('canvas').waitFor();
    // Codex's chart runs up to now: its time axis moves from run to run.
    await expectScreenshot(page, 'history-all-time', { mask: [windowPanel(page, 'codex/session').locator('.chart')] });
    await close();
  });

  it('opens from the popover', async () => {
    const { page, context } = await openPage(rig, 'popover');
    const [history] = await Promise.all([context.waitForEvent('page'), page.getByTestId('open-history').click()]);
    await history.getByRole('heading', { name: 'History' }).waitFor();
    expect(new URL(history.url()).pathname).toBe('/history.html');
    await context.close();
  });
});

describe('the History window in demo mode', () => {
  it("shows the demo's own polls, labelled as demo data", async () => {
    const demo = await startRig();
    try {
      await demo.host.services.refresh(null);
      await demo.host.services.historyIdle();
      const context = await demo.browser.newContext({ viewport: { width: 760, height: 900 } });
      const page = await context.newPage();
      await page.goto(demo.host.historyUrl);
      await page.locator('[data-testid="history-window"][data-window="claude/session"]').waitFor();
      expect(await text(page.locator('.demo-tag'))).toBe("Demo data: this session's polls only");
      // Claude's demo 5-hour window stands at 83 %: each reading so far says so.
      expect(await text(page.locator('[data-window="claude/session"] h2'))).toBe('Claude · 5-hour');
      expect(await text(page.locator('[data-window="claude/session"]').getByTestId('stat-max'))).toBe('83 %');
      await context.close();
    } finally {
      await demo.close();
    }
  });
});
