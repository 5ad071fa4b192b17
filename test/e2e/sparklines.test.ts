// Sparklines in the popover, in Chromium against the preview host: stored readings of the window's
// current period draw a line under its meter that ends at the reading on screen; a window without
// enough readings draws none. Compared with a baseline of the Codex card.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistorySample } from '../../core/ports';
import { DAY, HOUR, MINUTE } from '../../core/time';
import { card, meter, openPage, type Rig } from './support/harness';
import { expectCardScreenshot } from './support/card-screenshot';
import { startSeededRig } from './support/seeded-history';

let rig: Rig;
const NOW = Date.now();

const sample = (at: number, windowId: string, usedPercent: number): HistorySample => ({
  at,
  providerId: 'codex',
  accountLabel: null,
  windowId,
  usedPercent,
  used: null,
  limit: null,
  remaining: null,
  resetsAt: null,
  source: 'seeded',
});

// The demo's Codex 5-hour window resets 1 h 42 min from now, so its period began 3 h 18 min ago: the
// readings climb through it to the 37 % on screen. One reading from before the period must not show.
// Its weekly window gets a single reading: with the one on screen that is a line of two points.
const SEEDED: HistorySample[] = [
  sample(NOW - 4 * HOUR, 'session', 95),
  sample(NOW - 3 * HOUR, 'session', 4),
  sample(NOW - 2 * HOUR - 30 * MINUTE, 'session', 12),
  sample(NOW - 2 * HOUR, 'session', 13),
  sample(NOW - 90 * MINUTE, 'session', 22),
  sample(NOW - HOUR, 'session', 30),
  sample(NOW - 20 * MINUTE, 'session', 35),
  sample(NOW - 3 * DAY, 'weekly', 40),
];

beforeAll(async () => {
  rig = await startSeededRig(SEEDED);
});

afterAll(async () => {
  await rig?.close();
});

describe('popover sparklines', () => {
  it('draw the current period’s stored readings under the meter, ending at the reading on screen', async () => {
    const { page, context } = await openPage(rig, 'popover');
    const session = meter(page, 'codex', 'session').getByTestId('sparkline');
    await session.waitFor();
    // 6 readings inside the period (the one 4 hours ago is not) + the one on screen.
    expect(await session.getAttribute('aria-label')).toBe('Codex 5-hour this period: 4 % to 37 % used, 7 readings');
    expect(await meter(page, 'codex', 'weekly').getByTestId('sparkline').getAttribute('aria-label')).toBe(
      'Codex Weekly this period: 40 % to 62 % used, 2 readings',
    );
    // Claude has no stored readings: a single point is no line.
    expect(await card(page, 'claude').getByTestId('sparkline').count()).toBe(0);

    // Masks: the countdowns, pace and "updated" move with the clock.
    await expectCardScreenshot(page, 'codex', { name: 'popover-sparkline-card', keepSparklines: true });
    await context.close();
  });
});
