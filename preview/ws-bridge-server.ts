// The host side of the preview's WebSocket bridge: a loopback socket that needs the per-run token and
// our own origin, then carries invoke calls to the same handlers Electron's IPC uses, and pushes events.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { asObject, parseJson } from '../core/json';
import { isInvokeChannel, type InvokeChannel, type InvokeHandlers } from '../app/contract';
import type { Emit } from '../app/handlers';
import type { HostMessage } from './ws-bridge-client';

export const BRIDGE_PATH = '/__bridge';
const MAX_MESSAGE_BYTES = 64 * 1024;
/** Notifications kept for a page that has not connected yet. */
const MAX_WAITING_NOTIFICATIONS = 5;

export interface WsBridgeOptions {
  server: Server;
  token: string;
  /** Origins allowed to connect, e.g. `http://127.0.0.1:5173`. */
  allowedOrigins: () => string[];
  handlers: InvokeHandlers;
  /** Wires main-process events to `emit`; returns the unsubscribe function. */
  subscribe: (emit: Emit) => () => void;
  log?: (line: string) => void;
}

export interface WsBridge {
  clientCount(): number;
  /**
   * Shows a notification in every connected page. With no page connected it waits (the latest few)
   * for the next one: the first poll's alerts usually fire before a browser has opened the page.
   */
  notify(n: { title: string; body: string }): void;
  close(): Promise<void>;
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function refuse(socket: Duplex, status: 401 | 403 | 404, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** Parses one client message; null for anything that is not exactly an invoke of a known channel. */
export function parseInvoke(text: string): { id: number; channel: InvokeChannel; req: unknown } | null {
  const o = asObject(parseJson(text));
  if (!o || o.t !== 'invoke' || !Number.isSafeInteger(o.id) || !isInvokeChannel(o.channel)) return null;
  return { id: o.id as number, channel: o.channel, req: o.req };
}

export function attachWsBridge(opts: WsBridgeOptions): WsBridge {
  const log = opts.log ?? (() => undefined);
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const clients = new Set<WebSocket>();
  let waiting: { title: string; body: string }[] = [];

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== BRIDGE_PATH) return refuse(socket, 404, 'Not Found');
    // A web page elsewhere may open sockets to loopback: only our own pages, holding the token, get in.
    if (!opts.allowedOrigins().includes(req.headers.origin ?? '')) return refuse(socket, 403, 'Forbidden');
    if (!sameToken(url.searchParams.get('token') ?? '', opts.token)) return refuse(socket, 401, 'Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws));
  };
  opts.server.on('upgrade', onUpgrade);

  wss.on('connection', (ws) => {
    clients.add(ws);
    for (const n of waiting.splice(0)) send(ws, { t: 'notify', ...n });
    ws.on('close', () => clients.delete(ws));
    ws.on('error', () => ws.terminate());
    ws.on('message', (data, isBinary) => {
      if (isBinary) return ws.close(1003, 'text only');
      const msg = parseInvoke(data.toString());
      if (!msg) return ws.close(1008, 'malformed message');
      const handler = opts.handlers[msg.channel] as (req: unknown) => Promise<unknown>;
      handler(msg.req).then(
        (res) => send(ws, { t: 'result', id: msg.id, ok: true, res }),
        (e: unknown) => {
          // Handler errors name the channel and the rule, never a payload (see handlers.ts).
          const text = e instanceof Error ? e.message : 'failed';
          log(`bridge: ${msg.channel} failed: ${text}`);
          send(ws, { t: 'result', id: msg.id, ok: false, error: text.slice(0, 300) });
        },
      );
    });
  });

  const send = (ws: WebSocket, m: HostMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(m));
  };
  const unsubscribe = opts.subscribe((event, payload) => {
    for (const ws of clients) send(ws, { t: 'event', event, payload });
  });

  return {
    clientCount: () => clients.size,
    notify(n) {
      const m = { title: n.title, body: n.body };
      if (clients.size === 0) waiting = [...waiting, m].slice(-MAX_WAITING_NOTIFICATIONS);
      for (const ws of clients) send(ws, { t: 'notify', ...m });
    },
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        opts.server.off('upgrade', onUpgrade);
        for (const ws of clients) ws.terminate();
        wss.close(() => resolve());
      }),
  };
}
