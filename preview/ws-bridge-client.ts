// QuotabarBridge over a WebSocket, for the browser preview: the same invoke/on contract the preload
// gives Electron windows. The per-run token goes in the socket URL; the host refuses sockets without it.
import type { EventChannel, EventMap, InvokeChannel, InvokeMap, QuotabarBridge } from '../app/contract';

/** Client → host. */
export interface InvokeMessage {
  t: 'invoke';
  id: number;
  channel: InvokeChannel;
  req: unknown;
}

/** Host → client. */
export type HostMessage =
  | { t: 'result'; id: number; ok: true; res: unknown }
  | { t: 'result'; id: number; ok: false; error: string }
  | { t: 'event'; event: EventChannel; payload: unknown }
  /** The preview's stand-in for a desktop notification (Electron shows real ones instead). */
  | { t: 'notify'; title: string; body: string };

export interface WsBridgeOptions {
  /** Called with each notification the host sends; the preview page shows it as a toast. */
  onNotify?: (n: { title: string; body: string }) => void;
}

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

/**
 * Connects at once (the socket opens while the page's scripts load) and reconnects after a drop;
 * calls made while disconnected wait for the socket.
 */
export function createWsBridge(url: string, opts: WsBridgeOptions = {}): QuotabarBridge {
  let socket: WebSocket | null = null;
  let nextId = 1;
  let retryMs = 500;
  // Before the first open, calls wait for the socket (the page is still starting). After a drop they
  // fail at once: the UI says the connection is lost instead of piling calls up behind a dead host.
  let opened = false;
  const pending = new Map<number, Pending>();
  const outbox: string[] = [];
  const listeners = new Map<EventChannel, Set<(payload: never) => void>>();

  const connect = () => {
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      opened = true;
      retryMs = 500;
      for (const m of outbox.splice(0)) ws.send(m);
    };
    ws.onmessage = (e) => onMessage(String(e.data));
    ws.onclose = () => {
      socket = null;
      // Calls in flight are lost with the socket; the UI reports them and can try again.
      for (const p of pending.values()) p.reject(new Error('disconnected from the preview host'));
      pending.clear();
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 5000);
    };
  };

  const onMessage = (text: string) => {
    let msg: HostMessage;
    try {
      msg = JSON.parse(text) as HostMessage;
    } catch {
      return;
    }
    if (msg.t === 'notify') {
      if (typeof msg.title === 'string' && typeof msg.body === 'string') opts.onNotify?.({ title: msg.title, body: msg.body });
      return;
    }
    if (msg.t === 'event') {
      for (const fn of listeners.get(msg.event) ?? []) (fn as (p: unknown) => void)(msg.payload);
      return;
    }
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (msg.ok) p.resolve(msg.res);
    else p.reject(new Error(msg.error));
  };

  const send = (text: string) => {
    if (socket !== null && socket.readyState === WebSocket.OPEN) socket.send(text);
    else outbox.push(text);
  };

  connect();
  return {
    invoke<C extends InvokeChannel>(channel: C, req: InvokeMap[C]['req']): Promise<InvokeMap[C]['res']> {
      const id = nextId++;
      const message: InvokeMessage = { t: 'invoke', id, channel, req };
      return new Promise((resolve, reject) => {
        if (opened && socket?.readyState !== WebSocket.OPEN) return reject(new Error('disconnected from the preview host'));
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        send(JSON.stringify(message));
      });
    },
    on<E extends EventChannel>(event: E, listener: (payload: EventMap[E]) => void): () => void {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: never) => void);
    },
  };
}
