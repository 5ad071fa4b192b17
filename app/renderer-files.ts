// The built renderer's files on disk: which path names which file, and what each is served as.
// Plain Node, shared by the app:// handler (app-protocol.ts) and the browser preview's server.
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

/** The content type for a file by its extension, or undefined for a kind the renderer does not have. */
export function contentType(file: string): string | undefined {
  return CONTENT_TYPES[extname(file).toLowerCase()];
}

/** A URL pathname decoded, or null when its escapes are malformed or it holds a NUL byte. */
export function decodePath(pathname: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  return path.includes('\0') ? null : path;
}

/** The file a decoded path names under `root`, or null when the path escapes `root`. */
export function fileUnder(root: string, path: string): string | null {
  const base = normalize(root);
  const file = normalize(join(base, path));
  return file.startsWith(base.endsWith(sep) ? base : base + sep) ? file : null;
}
