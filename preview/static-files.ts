// Serves the built renderer from dist-renderer/ on loopback, with the preview's bridge script
// injected into each page (as a same-origin script file, so the pages' CSP still holds).
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../app/csp';
import { contentType, decodePath, fileUnder } from '../app/renderer-files';

export const PAGE_BRIDGE_PATH = '/__preview/bridge.js';

/** Electron's own policy for the renderer, with the one difference the preview needs: its socket. */
export const PREVIEW_CSP = CONTENT_SECURITY_POLICY.replace("connect-src 'none'", "connect-src 'self' ws://127.0.0.1:*");

export interface StaticOptions {
  root: string;
  /** The bundled page-bridge script. */
  bridgeScript: string;
  /** `127.0.0.1:<port>`: other Host headers are refused (DNS rebinding). */
  host: () => string;
}

/** Adds the bridge script before the renderer's module script. */
export function injectBridge(html: string): string {
  // Deferred: it still runs before the page's module scripts (document order) without blocking the parser.
  const tag = `<script defer src=".${PAGE_BRIDGE_PATH}"></script>`;
  return html.includes('<script') ? html.replace('<script', `${tag}\n    <script`) : html.replace('</head>', `${tag}</head>`);
}

export function createStaticHandler(opts: StaticOptions) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const headers = { 'x-content-type-options': 'nosniff', 'cache-control': 'no-store', 'content-security-policy': PREVIEW_CSP };
    const reply = (status: number, type: string, body: string | Buffer, cache = 'no-store') => {
      const h = { ...headers, 'cache-control': cache, 'content-type': type, 'content-length': String(Buffer.byteLength(body)) };
      res.writeHead(status, h);
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.headers.host !== opts.host()) return reply(403, 'text/plain', 'wrong host');
    if (req.method !== 'GET' && req.method !== 'HEAD') return reply(405, 'text/plain', 'method not allowed');
    const path = requestPath(req.url);
    if (path === null) return reply(404, 'text/plain', 'not found');
    if (path === '/') {
      res.writeHead(302, { ...headers, location: '/popover.html' });
      return void res.end();
    }
    if (path === PAGE_BRIDGE_PATH) return reply(200, contentType(PAGE_BRIDGE_PATH)!, opts.bridgeScript);
    const file = fileUnder(opts.root, path);
    if (file === null) return reply(404, 'text/plain', 'not found');
    try {
      const body = await readFile(file);
      const type = contentType(file) ?? 'application/octet-stream';
      if (extname(file) === '.html') return reply(200, type, injectBridge(body.toString('utf8')));
      // Vite's content-hashed assets never change under their name: let Chromium cache them (and its
      // compiled-code cache with them), so reopening the popover does not recompile React.
      const hashed = /[-.][\w-]{8}\.(js|css)$/.test(file) && path.startsWith('/assets/');
      return reply(200, type, body, hashed ? 'public, max-age=31536000, immutable' : 'no-store');
    } catch {
      return reply(404, 'text/plain', 'not found');
    }
  };
}

/** The request's decoded path, or null for a target that is no URL path or has malformed escapes. */
function requestPath(target: string | undefined): string | null {
  try {
    return decodePath(new URL(target ?? '/', 'http://x').pathname);
  } catch {
    return null;
  }
}
