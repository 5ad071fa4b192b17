// Where the renderer lives and what it may do: the app:// origin it is served from and its
// Content-Security-Policy. Plain TS, so the preview host can serve the same policy.

export const APP_SCHEME = 'app';
export const APP_HOST = 'quotabar';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The renderer's pages, as built by Vite into dist-renderer/. */
export const PAGES = { popover: 'popover.html', settings: 'settings.html' } as const;
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

/**
 * No remote content at all: scripts, styles, images and fonts only from the app itself; no
 * connections (all data arrives over IPC), no frames, no plugins, no form posts.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
