import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { startDemoServer, type DemoServer } from '../../demo/server';
import { startPreviewHost, type PreviewHost } from '../../preview/host';
import { createStaticHandler, injectBridge } from '../../preview/static-files';
import type { HostMessage } from '../../preview/ws-bridge-client';
import { KEY_PROVIDERS, listText } from '../../core/providers/registry';

let demo: DemoServer;
let host: PreviewHost;

beforeAll(async () => {
  demo = await startDemoServer();
  host = await startPreviewHost({ demo, build: 'never', log: () => undefined });
});

afterAll(async () => {
  await host?.close();
  await demo?.close();
});

const wsUrl = (token: string) => `${host.origin.replace('http', 'ws')}/__bridge?token=${encodeURIComponent(token)}`;

/** Opens a socket; resolves with it once open, or with the HTTP status the host refused it with. */
function connect(token: string, origin = host.origin): Promise<WebSocket | number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(wsUrl(token), { origin });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', () => resolve(-1));
  });
}

async function open(): Promise<WebSocket> {
  const ws = await connect(host.token);
  if (typeof ws === 'number') throw new Error(`refused with ${ws}`);
  return ws;
}

function next(ws: WebSocket, pred: (m: HostMessage) => boolean): Promise<HostMessage> {
  return new Promise((resolve) => {
    const on = (data: WebSocket.RawData) => {
      const m = JSON.parse(data.toString()) as HostMessage;
      if (pred(m)) {
        ws.off('message', on);
        resolve(m);
      }
    };
    ws.on('message', on);
  });
}

function call(ws: WebSocket, id: number, channel: string, req: unknown): Promise<HostMessage> {
  const reply = next(ws, (m) => m.t === 'result' && m.id === id);
  ws.send(JSON.stringify({ t: 'invoke', id, channel, req }));
  return reply;
}

describe('the preview bridge socket', () => {
  it('refuses a connection without the per-run token, or with a wrong one', async () => {
    expect(await connect('')).toBe(401);
    expect(await connect(`${host.token}x`)).toBe(401);
  });

  it('refuses a page from another origin even when it has the token', async () => {
    expect(await connect(host.token, 'https://evil.example')).toBe(403);
  });

  it('carries an invoke call to the app services and returns their answer', async () => {
    const ws = await open();
    const reply = await call(ws, 1, 'refresh', { providerId: 'codex' });
    expect(reply).toMatchObject({ t: 'result', id: 1, ok: true });
    const view = (reply as { res: { snapshots: Array<{ providerId: string; status: string }> } }).res;
    expect(view.snapshots.find((s) => s.providerId === 'codex')?.status).toBe('ok');
    ws.close();
  });

  it('validates payloads with the same handlers as Electron and says which rule failed', async () => {
    const ws = await open();
    const reply = await call(ws, 2, 'key:save', { providerId: 'codex', key: 'sk-or-v1-whatever' });
    const only = listText(KEY_PROVIDERS.map((p) => p.id));
    expect(reply).toEqual({ t: 'result', id: 2, ok: false, error: `invalid payload for key:save: keys can only be stored for ${only}` });
    // The socket stays usable after a refused payload.
    expect(await call(ws, 3, 'view:get', null)).toMatchObject({ ok: true });
    ws.close();
  });

  it('never echoes a rejected key back in its answer', async () => {
    const ws = await open();
    const key = `sk-or-v1-${'9'.repeat(64)}`;
    const reply = await call(ws, 4, 'key:test', { providerId: 'openrouter', key });
    expect(reply).toMatchObject({ ok: true, res: { ok: false, error: { kind: 'unauthorized' } } });
    expect(JSON.stringify(reply)).not.toContain(key);
    ws.close();
  });

  it('hangs up on a message that is not an invoke of a known channel', async () => {
    const ws = await open();
    const closed = new Promise<number>((r) => ws.once('close', (code) => r(code)));
    ws.send(JSON.stringify({ t: 'invoke', id: 5, channel: 'fs:read', req: '/etc/passwd' }));
    expect(await closed).toBe(1008);
  });

  it('pushes view events to every connected page', async () => {
    const a = await open();
    const b = await open();
    const seenA = next(a, (m) => m.t === 'event' && m.event === 'view');
    const seenB = next(b, (m) => m.t === 'event' && m.event === 'view');
    await host.services.refresh('claude');
    expect(await seenA).toMatchObject({ t: 'event', event: 'view' });
    expect(await seenB).toMatchObject({ t: 'event', event: 'view' });
    a.close();
    b.close();
  });
});

describe('the preview page server', () => {
  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${host.origin}/popover.html`, { headers: { host: 'quotabar.attacker.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });

  it('answers a malformed path with 404 and keeps serving', async () => {
    const status = (path: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request(host.origin, { path }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
    expect(await status('/%E0%A4%A.html')).toBe(404);
    expect(await status('//')).toBe(404);
    expect(await status('/%00popover.html')).toBe(404);
    expect(await status('/__preview/bridge.js')).toBe(200);
  });

  it('sends the Electron window policy, opened only for its own loopback socket', async () => {
    const res = await fetch(`${host.origin}/__preview/bridge.js`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self';");
    expect(csp).toContain("connect-src 'self' ws://127.0.0.1:*");
    expect(csp).not.toContain('unsafe');
  });

  it('serves the bridge script without any token in it', async () => {
    const res = await fetch(`${host.origin}/__preview/bridge.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('javascript');
    expect(await res.text()).not.toContain(host.token);
  });

  it('lets Chromium cache hashed assets but never the pages', async () => {
    const root = mkdtempSync(join(tmpdir(), 'quotabar-static-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'popover.html'), '<script type="module" src="./assets/popover-CTmipVI3.js"></script>');
    writeFileSync(join(root, 'assets', 'popover-CTmipVI3.js'), 'export {};');
    writeFileSync(join(root, 'assets', 'logo.js'), 'export {};');
    const server = createServer();
    server.on('request', (req, res) => void handler(req, res));
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const hostPort = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    const handler = createStaticHandler({ root, bridgeScript: '', host: () => hostPort });
    const cache = async (path: string) => (await fetch(`http://${hostPort}${path}`)).headers.get('cache-control');
    expect(await cache('/popover.html')).toBe('no-store');
    expect(await cache('/assets/popover-CTmipVI3.js')).toBe('public, max-age=31536000, immutable');
    expect(await cache('/assets/logo.js')).toBe('no-store');
    server.close();
  });

  it('adds the bridge as a script file before the renderer, never inline', () => {
    const html = '<head><script type="module" src="./assets/popover.js"></script></head>';
    expect(injectBridge(html)).toBe(
      '<head><script defer src="./__preview/bridge.js"></script>\n    <script type="module" src="./assets/popover.js"></script></head>',
    );
  });
});
