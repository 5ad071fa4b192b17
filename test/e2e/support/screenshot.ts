// Screenshot baselines: a page is compared with the PNG committed in test/e2e/__screenshots__ and
// fails when more than a sliver of it differs. Baselines are rewritten only on request
// (`npm run test:e2e:update`, i.e. UPDATE_SCREENSHOTS=1), so a plain run leaves git clean.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import type { Locator, Page } from 'playwright-core';
import { KEY_PROVIDERS } from '../../../core/providers/registry';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const BASELINE_DIR = resolve(ROOT, 'test/e2e/__screenshots__');
/** Failed comparisons leave their evidence here (gitignored). */
export const FAILURE_DIR = resolve(ROOT, '.tmp/screenshots');

export interface CompareOptions {
  /** Where the baselines live (tests of this helper use a scratch folder). */
  baselineDir?: string;
  /** Write the baseline instead of comparing; defaults to UPDATE_SCREENSHOTS=1. */
  update?: boolean;
  /** pixelmatch's per-pixel colour threshold (0–1): anti-aliasing noise stays below it. */
  threshold?: number;
  /** The share of pixels (0–1) allowed to differ before the images count as different. */
  maxDiffRatio?: number;
}

export type Comparison =
  | { same: true; diffPixels: number; ratio: number }
  | { same: false; reason: string; diffPixels: number; ratio: number; diff: PNG | null };

/** Compares two PNG files' bytes; different sizes are a difference (the layout moved). */
export function comparePngs(baseline: Buffer, actual: Buffer, opts: CompareOptions = {}): Comparison {
  const threshold = opts.threshold ?? 0.1;
  const maxDiffRatio = opts.maxDiffRatio ?? 0.005;
  const a = PNG.sync.read(baseline);
  const b = PNG.sync.read(actual);
  if (a.width !== b.width || a.height !== b.height) {
    return { same: false, reason: `size ${b.width}×${b.height} differs from the baseline's ${a.width}×${a.height}`, diffPixels: NaN, ratio: 1, diff: null };
  }
  const diff = new PNG({ width: a.width, height: a.height });
  const diffPixels = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold });
  const ratio = diffPixels / (a.width * a.height);
  if (ratio <= maxDiffRatio) return { same: true, diffPixels, ratio };
  const pct = (ratio * 100).toFixed(2);
  return { same: false, reason: `${diffPixels} pixels (${pct} %) differ, more than ${(maxDiffRatio * 100).toFixed(2)} %`, diffPixels, ratio, diff };
}

export const updating = (): boolean => process.env.UPDATE_SCREENSHOTS === '1';

/**
 * Compares `png` with the baseline `name`.png, or writes the baseline when updating. On a difference
 * the actual image and a diff image are written under .tmp/screenshots and the error names them.
 */
export async function matchBaseline(name: string, png: Buffer, opts: CompareOptions = {}): Promise<void> {
  const baselinePath = resolve(opts.baselineDir ?? BASELINE_DIR, `${name}.png`);
  if (opts.update ?? updating()) {
    await writeFile(baselinePath, png);
    return;
  }
  if (!existsSync(baselinePath)) {
    throw new Error(`No baseline ${relative(ROOT, baselinePath)}: run \`npm run test:e2e:update\`, look at it, and commit it.`);
  }
  const result = comparePngs(await readFile(baselinePath), png, opts);
  if (result.same) return;
  await mkdir(FAILURE_DIR, { recursive: true });
  const actualPath = resolve(FAILURE_DIR, `${name}.actual.png`);
  await writeFile(actualPath, png);
  let diffNote = '';
  if (result.diff) {
    const diffPath = resolve(FAILURE_DIR, `${name}.diff.png`);
    await writeFile(diffPath, PNG.sync.write(result.diff));
    diffNote = `, diff ${relative(ROOT, diffPath)}`;
  }
  throw new Error(
    `Screenshot ${name} does not match ${relative(ROOT, baselinePath)}: ${result.reason}. ` +
      `Actual ${relative(ROOT, actualPath)}${diffNote}. If the change is intended: npm run test:e2e:update.`,
  );
}

/**
 * Screenshots the whole page the same way every run: animations stopped, caret hidden, and text that
 * follows the wall clock (countdowns, "updated … ago") painted over by solid boxes.
 */
export async function expectScreenshot(page: Page, name: string, opts: { mask?: Locator[] } & CompareOptions = {}): Promise<void> {
  // Web fonts (none today) must be in, and no hover effect may depend on where a click left the mouse.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.mouse.move(0, 0);
  // The preview's alert toasts come and go with the demo data's alerts (tested on their own in
  // notifications.test.ts), the runway follows the calendar week (absent in the first hours of a
  // Monday; pace.test.ts checks its words), and sparklines grow with every poll the test happens to
  // make (their own baseline, popover-sparkline-card, is taken from seeded history): none of them is
  // part of a page's look.
  const png = await withHidden(page, ['#quotabar-toasts', '.runway', '.spark'], () =>
    page.screenshot({ fullPage: true, animations: 'disabled', caret: 'hide', mask: opts.mask ?? [], maskColor: '#ff00ff' }),
  );
  await matchBaseline(name, png, opts);
}

/**
 * Runs `shoot` with the elements matching `selectors` hidden (and `moreRules` applied). A rule, not a style on today's
 * elements, so one drawn meanwhile (a new sparkline, a toast) stays hidden too; CSSOM on the page's
 * own sheet, which the CSP allows where a <style> element is blocked. Two frames pass first, so a
 * picture's size is the layout just changed; the rule is removed afterwards.
 */
export async function withHidden<T>(page: Page, selectors: readonly string[], shoot: () => Promise<T>, moreRules: readonly string[] = []): Promise<T> {
  const rules = [`${selectors.join(', ')} { display: none !important; }`, ...moreRules];
  const where = await page.evaluate((list) => {
    const sheets = [...document.styleSheets];
    const n = sheets.findIndex((s) => {
      try {
        return s.cssRules !== null;
      } catch {
        return false;
      }
    });
    if (n < 0) throw new Error('the page has no style sheet to add the screenshot rules to');
    const at = sheets[n]!.cssRules.length;
    for (const r of list) sheets[n]!.insertRule(r, sheets[n]!.cssRules.length);
    return { sheet: n, at, count: list.length };
  }, rules);
  try {
    await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
    return await shoot();
  } finally {
    await page.evaluate(({ sheet, at, count }) => {
      for (let i = 0; i < count; i++) document.styleSheets[sheet]?.deleteRule(at);
    }, where);
  }
}

/**
 * What changes from run to run on its own: countdowns and ages (the demo data is relative to the
 * real time), the demo key's masked characters (a new random key per run) and the demo's file paths.
 */
export function timeAndKeyText(page: Page): Locator[] {
  return [
    page.locator('.countdown'),
    // Pace is judged against the ticking clock: its figures and run-out time move on their own.
    page.locator('.pace'),
    page.locator('[data-testid="updated"]'),
    // Every stored-key provider's demo key is random per run: its masked label changes.
    ...KEY_PROVIDERS.map((p) => page.locator(`[data-provider="${p.id}"] .account`)),
    page.getByTestId('key-status'),
    page.getByTestId('key-message'),
    page.locator('[data-testid="demo-key"] code'),
    // The demo's sign-in files live in a fresh temporary folder each run.
    page.locator('.signins .signin-text'),
  ];
}
