// A scriptable fake provider on 127.0.0.1 (random port): adapter, CLI and hostile-matrix tests
// talk real HTTP to it and count what it received.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface LoopbackRequest {
  method: string;
  /** Path with query string, as sent. */
  path: string;
  /** Lower-cased names (node's parsing). */
  headers: Record<string, string | string[] | undefined>;
}

export interface LoopbackReply {
  /** Default 200. */
  status?: number;
  headers?: Record<string, string>;
  /** A string or Buffer is sent as is; anything else as JSON (with a JSON content-type). */
  body?: unknown;
  /** Wait this long before sending the status line and headers. */
  delayHeadersMs?: number;
  /** After the headers, wait this long before sending the body. */
  delayBodyMs?: number;
  /** Send the body in `chunkBytes` pieces, one every `everyMs`. */
  drip?: { chunkBytes: number; everyMs: number };
  /** Send a body of this many bytes ('x' repeated) instead of `body`, streamed. */
  sizeBytes?: number;
  /** Send this many body bytes (of a promised longer body), then reset the TCP connection. */
  resetAfterBytes?: number;
}

export type LoopbackHandler = (req: LoopbackRequest) => LoopbackReply | Promise<LoopbackReply>;

export interface LoopbackServer {
  /** `http://127.0.0.1:<port>` with no trailing slash. */
  url: string;
  port: number;
  requests: LoopbackRequest[];
  /** Requests whose path (without query) ends with `pathSuffix`. */
  count(pathSuffix: string): number;
  close(): Promise<void>;
}

export async function startLoopbackServer(handler: LoopbackHandler): Promise<LoopbackServer> {
  const requests: LoopbackRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  const server = createServer((req, res) => {
    const entry = { method: req.method ?? 'GET', path: req.url ?? '/', headers: { ...req.headers } };
    requests.push(entry);
    // Drain the request body so the client is never blocked on writing it.
    req.resume();
    Promise.resolve()
      .then(() => handler(entry))
      .then((reply) => respond(req, res, reply, wait))
      .catch((e: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`loopback handler failed: ${String(e)}`);
      });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    count: (suffix) => requests.filter((r) => r.path.split('?')[0]!.endsWith(suffix)).length,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

async function respond(
  req: IncomingMessage,
  res: ServerResponse,
  reply: LoopbackReply,
  wait: (ms: number) => Promise<void>,
): Promise<void> {
  const gone = () => res.destroyed || req.socket.destroyed;
  if (reply.delayHeadersMs) await wait(reply.delayHeadersMs);
  if (gone()) return;

  const body = bodyBytes(reply);
  const headers: Record<string, string> = { ...reply.headers };
  if (!hasHeader(headers, 'content-type') && reply.body !== undefined && !isRaw(reply.body)) {
    headers['content-type'] = 'application/json';
  }
  const total = reply.sizeBytes ?? body.length;
  // A reset promises more than it sends, so the client is mid-body when the socket dies.
  const declared = reply.resetAfterBytes !== undefined ? Math.max(total, reply.resetAfterBytes + 1) : total;
  if (!hasHeader(headers, 'content-length') && !hasHeader(headers, 'transfer-encoding')) {
    headers['content-length'] = String(declared);
  }
  res.writeHead(reply.status ?? 200, headers);
  res.flushHeaders();
  if (reply.delayBodyMs) await wait(reply.delayBodyMs);

  const limit = reply.resetAfterBytes ?? total;
  const chunk = reply.drip?.chunkBytes ?? 64 * 1024;
  let sent = 0;
  while (sent < limit && !gone()) {
    const n = Math.min(chunk, limit - sent);
    const piece = reply.sizeBytes !== undefined ? Buffer.alloc(n, 'x') : body.subarray(sent, sent + n);
    sent += n;
    const drained = res.write(piece);
    if (reply.drip) await wait(reply.drip.everyMs);
    else if (!drained) await drainOrClose(res);
  }
  if (gone()) return;
  if (reply.resetAfterBytes !== undefined) {
    // Let the bytes leave before the RST so the client sees a partial body, then a reset.
    await wait(20);
    req.socket.resetAndDestroy();
    return;
  }
  res.end();
}

function drainOrClose(res: ServerResponse): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

function isRaw(b: unknown): b is string | Buffer {
  return typeof b === 'string' || Buffer.isBuffer(b);
}

function bodyBytes(reply: LoopbackReply): Buffer {
  if (reply.body === undefined) return Buffer.alloc(0);
  if (Buffer.isBuffer(reply.body)) return reply.body;
  if (typeof reply.body === 'string') return Buffer.from(reply.body, 'utf8');
  return Buffer.from(JSON.stringify(reply.body), 'utf8');
}

function hasHeader(h: Record<string, string>, name: string): boolean {
  return Object.keys(h).some((k) => k.toLowerCase() === name);
}
