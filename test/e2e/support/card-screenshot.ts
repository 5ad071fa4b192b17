// One provider's card alone, compared with its baseline. The other cards are hidden first: an
// element picture's size is its box rounded out to whole pixels, so a card sitting at a fractional
// height (after cards whose lines come and go with the clock) would come out a pixel taller on
// some runs. Alone under the popover's fixed header, it always sits at the same place.
import type { Locator, Page } from 'playwright-core';
import { COST_LOGS } from '../../../core/providers/registry';
import { card } from './harness';
import { matchBaseline, timeAndKeyText, withHidden } from './screenshot';

export interface CardShotOptions {
  /** The baseline's name; `card-<providerId>` unless told. */
  name?: string;
  /** Keep the sparklines (their own baseline is drawn from seeded history); hidden by default. */
  keepSparklines?: boolean;
  /** More text that moves with the clock, painted over too. */
  mask?: Locator[];
  /** CSS rules for the picture only, e.g. a fixed width for a countdown whose length moves with the clock. */
  rules?: string[];
}

export async function expectCardScreenshot(page: Page, providerId: string, opts: CardShotOptions = {}): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.mouse.move(0, 0);
  // The cost line arrives after the card (the demo has logs for every cost source): a picture taken
  // before it lands would be cut at the old height.
  if (COST_LOGS.some((k) => k.source === providerId)) await card(page, providerId).getByTestId('cost-line').waitFor();
  const hidden = [
    // Toasts and the runway come and go with the wall clock (see expectScreenshot): not part of the look.
    '#quotabar-toasts',
    '.runway',
    `article.card[data-provider]:not([data-provider="${providerId}"])`,
    ...(opts.keepSparklines ? [] : ['.spark']),
  ];
  const png = await withHidden(page, hidden, () =>
    card(page, providerId).screenshot({ animations: 'disabled', caret: 'hide', mask: [...timeAndKeyText(page), ...(opts.mask ?? [])], maskColor: '#ff00ff' }),
    opts.rules,
  );
  await matchBaseline(opts.name ?? `card-${providerId}`, png);
}
