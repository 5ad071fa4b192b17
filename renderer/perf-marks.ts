// Performance marks the renderer sets, read by bench/renderer.bench.ts through Playwright.

/** Set once, after the first frame that shows a provider card has been painted. */
export const FIRST_CARD_MARK = 'quotabar:first-card';
