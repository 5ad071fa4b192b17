// Where the renderer lives: the app:// origin it is served from and its pages. Plain TS, so the
// preview host and the tests use the same names as the Electron shell.

export const APP_SCHEME = 'app';
export const APP_HOST = 'quotabar';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The renderer's pages, as built by Vite into dist-renderer/. */
export const PAGES = { popover: 'popover.html', settings: 'settings.html', history: 'history.html', cost: 'cost.html' } as const;
export type Page = keyof typeof PAGES;

export function pageUrl(page: Page): string {
  return `${APP_ORIGIN}/${PAGES[page]}`;
}

/** True for a URL served by our own protocol handler (and nothing else, not even a look-alike host). */
export function isAppUrl(url: string | null | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}
