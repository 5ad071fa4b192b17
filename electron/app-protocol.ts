// Serves the built renderer on app://quotabar/ instead of file://, so pages get a real origin,
// the CSP applies to every response, and no path outside dist-renderer can ever be read.
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { CONTENT_SECURITY_POLICY } from '../app/csp';
import { APP_HOST, APP_SCHEME } from '../app/pages';
import { contentType, decodePath, fileUnder } from '../app/renderer-files';

/**
 * Must run before the app is ready, in one call (a second call replaces the first): app:// behaves
 * like https. corsEnabled lets Vite's module scripts load; nothing answers cross-origin requests.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ]);
}

/** Answers app://quotabar/<path> from `root` (dist-renderer); everything else is a 404. */
export function serveRenderer(root: string): void {
  protocol.handle(APP_SCHEME, (request) => rendererResponse(root, request.url));
}

export async function rendererResponse(root: string, url: string): Promise<Response> {
  const file = resolveInside(root, url);
  if (file === null) return notFound();
  const type = contentType(file);
  if (!type) return notFound();
  try {
    const body = await readFile(file);
    return new Response(new Uint8Array(body), {
      status: 200,
      headers: {
        'content-type': type,
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      },
    });
  } catch {
    return notFound();
  }
}

/** The file a URL names under `root`, or null for another host or a path that escapes `root`. */
export function resolveInside(root: string, url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  const path = decodePath(u.pathname);
  if (path === null) return null;
  return fileUnder(root, path === '/' ? 'popover.html' : path);
}

function notFound(): Response {
  return new Response('not found', { status: 404, headers: { 'content-type': 'text/plain', 'content-security-policy': CONTENT_SECURITY_POLICY } });
}
