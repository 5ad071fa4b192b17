// A read-only JSON server for the local usage API, safe to leave running on a desktop:
// - it listens on 127.0.0.1 only;
// - it answers only requests whose Host header is a loopback name, so a web page that re-points its
//   own host name at 127.0.0.1 (DNS rebinding) is refused (421);
// - a browser page may read it only from the one origin the user named (CORS), and a request that
//   carries any other Origin is refused (403);
// - past `maxConnections` open connections a request gets 503 `server_busy`.
// What a GET path means is the caller's (app/local-api/); this file knows only HTTP.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Result } from '../core/errors';

export interface LoopbackApiOptions {
  /** 0 picks a free port. */
  port: number;
  /** The one origin whose pages may read answers; null: no CORS at all. */
  allowedOrigin: string | null;
  maxConnections: number;
  /** The answer to a GET that passed every check. */
  get(path: string): { status: number; body: unknown };
}

export interface LoopbackApiServer {
  port: number;
  /** `http://127.0.0.1:<port>` */
  url: string;
  close(): Promise<void>;
}

/** Why the server could not start: the port is held by another program, needs privileges, or another system error. */
export type ListenFailure = { kind: 'in_use'; port: number } | { kind: 'denied'; port: number } | { kind: 'failed'; port: number; code: string };

/** `127.0.0.1`, `localhost` or `[::1]`, each with an optional port: the names a local tool can have used. */
const LOOPBACK_HOST = /^(127\.0\.0\.1|localhost|\[::1\])(:\d{1,5})?$/i;

export function isLoopbackHost(host: string | undefined): boolean {
  return host !== undefined && LOOPBACK_HOST.test(host);
}

const BASE_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { ...BASE_HEADERS, ...headers, 'content-length': String(Buffer.byteLength(text)) });
  res.end(text);
}

/** Starts listening; resolves once the port is held, or with why it could not be. */
export function startLoopbackApi(opts: LoopbackApiOptions): Promise<Result<LoopbackApiServer, ListenFailure>> {
  const sockets = new Set<Socket>();
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    if (sockets.size > opts.maxConnections) return send(res, 503, { error: 'server_busy' }, { 'retry-after': '1', connection: 'close' });
    if (!isLoopbackHost(req.headers.host)) return send(res, 421, { error: 'host_not_allowed' }, { connection: 'close' });
    const origin = req.headers.origin;
    const allowed = origin !== undefined && opts.allowedOrigin !== null && origin === opts.allowedOrigin;
    if (origin !== undefined && !allowed) return send(res, 403, { error: 'origin_not_allowed' });
    const cors: Record<string, string> = allowed ? { 'access-control-allow-origin': origin, vary: 'Origin' } : {};
    if (req.method === 'OPTIONS') {
      const preflight: Record<string, string> = allowed ? { 'access-control-allow-methods': 'GET', 'access-control-max-age': '600' } : {};
      return send(res, 204, undefined, { ...cors, ...preflight, allow: 'GET, OPTIONS' });
    }
    if (req.method !== 'GET') return send(res, 405, { error: 'method_not_allowed' }, { ...cors, allow: 'GET, OPTIONS' });
    const a = opts.get(req.url ?? '/');
    return send(res, a.status, a.body, cors);
  };
  const server = createServer(handle);
  // A connection that sends nothing must not hold one of the few slots for long.
  server.headersTimeout = 10_000;
  server.requestTimeout = 10_000;
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return new Promise((resolve) => {
    const onError = (e: NodeJS.ErrnoException) => {
      const code = e.code ?? 'unknown';
      resolve({
        ok: false,
        error: code === 'EADDRINUSE' ? { kind: 'in_use', port: opts.port } : code === 'EACCES' ? { kind: 'denied', port: opts.port } : { kind: 'failed', port: opts.port, code },
      });
    };
    server.once('error', onError);
    server.listen({ port: opts.port, host: '127.0.0.1', exclusive: true }, () => {
      server.off('error', onError);
      // Later errors (a socket's) must not crash the app; requests simply fail.
      server.on('error', () => undefined);
      const port = (server.address() as AddressInfo).port;
      resolve({
        ok: true,
        value: {
          port,
          url: `http://127.0.0.1:${port}`,
          close: () =>
            new Promise<void>((done) => {
              server.close(() => done());
              server.closeAllConnections();
            }),
        },
      });
    });
  });
}
