// The renderer's Content-Security-Policy. Plain TS, so the Electron shell and the preview host
// serve the very same policy.
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
