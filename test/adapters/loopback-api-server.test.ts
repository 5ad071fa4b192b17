// The local API's server over real loopback HTTP: loopback Host names only (DNS rebinding), no CORS
// unless one origin is named, 16 connections at most, and a taken port reported as such.
import { request } from 'node:http';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startLoopbackApi, type LoopbackApiOptions, type LoopbackApiServer } from '../../adapters/loopback-api-server';

let open: LoopbackApiServer[] = [];
let sockets: Socket[] = [];
let blockers: Server[] = [];
afterEach(async () => {
  for (const s of sockets) s.destroy();
  await Promise.all(open.map((s) => s.close()));
  await Promise.all(blockers.map((b) => new Promise((r) => b.close(r))));
  open = [];
  sockets = [];
  blockers = [];
});

async function serve(over: Partial<LoopbackApiOptions> = {}): Promise<LoopbackApiServer> {
  const r = await startLoopbackApi({ port: 0, allowedOrigin: null, maxConnections: 16, get: (path) => ({ status: 200, body: { path } }), ...over });
  if (!r.ok) throw new Error(`could not listen: ${r.error.kind}`);
  open.push(r.value);
  return r.value;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function get(port: number, opts: { method?: string; path?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path ?? '/v1/limits', headers: opts.headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A raw keep-alive connection that has had one answer (so the server holds it open). */
function heldConnection(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1', () => s.write(`GET /v1/limits HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`));
    sockets.push(s);
    s.once('data', () => resolve(s));
    s.on('error', reject);
  });
}

describe('the local API server', () => {
  it('answers a GET from a local tool, with no CORS header', async () => {
    const s = await serve();
    const a = await get(s.port);
    expect(a.status).toBe(200);
    expect(JSON.parse(a.body)).toEqual({ path: '/v1/limits' });
    expect(a.headers['content-type']).toMatch(/^application\/json/);
    expect(a.headers['cache-control']).toBe('no-store');
    expect(a.headers).not.toHaveProperty('access-control-allow-origin');
  });

  it('accepts each loopback Host name, with or without a port', async () => {
    const s = await serve();
    for (const host of ['127.0.0.1', `127.0.0.1:${s.port}`, `localhost:${s.port}`, 'LOCALHOST', `[::1]:${s.port}`]) {
      expect((await get(s.port, { headers: { host } })).status, host).toBe(200);
    }
  });

  it('refuses a Host that is not loopback, as a DNS-rebinding page would send', async () => {
    const s = await serve();
    for (const host of ['evil.example', `evil.example:${s.port}`, '127.0.0.1.evil.example', `localhost.:${s.port}`, '192.168.1.2']) {
      const a = await get(s.port, { headers: { host } });
      expect(a.status, host).toBe(421);
      expect(JSON.parse(a.body)).toEqual({ error: 'host_not_allowed' });
    }
  });

  it('refuses a request without a Host header', async () => {
    const s = await serve();
    const reply = await new Promise<string>((resolve) => {
      const c = connect(s.port, '127.0.0.1', () => c.write('GET /v1/limits HTTP/1.0\r\n\r\n'));
      sockets.push(c);
      let text = '';
      c.on('data', (d) => (text += d.toString()));
      c.on('end', () => resolve(text));
    });
    expect(reply).toMatch(/^HTTP\/1\.[01] 421 /);
  });

  it('refuses a request from a web page when no origin was named', async () => {
    const s = await serve();
    const a = await get(s.port, { headers: { origin: 'http://localhost:3000' } });
    expect(a.status).toBe(403);
    expect(JSON.parse(a.body)).toEqual({ error: 'origin_not_allowed' });
    expect(a.headers).not.toHaveProperty('access-control-allow-origin');
  });

  it('lets exactly the named origin read, and no other', async () => {
    const s = await serve({ allowedOrigin: 'http://localhost:3000' });
    const ok = await get(s.port, { headers: { origin: 'http://localhost:3000' } });
    expect(ok.status).toBe(200);
    expect(ok.headers['access-control-allow-origin']).toBe('http://localhost:3000');
    expect(ok.headers.vary).toBe('Origin');
    for (const origin of ['http://localhost:3001', 'https://localhost:3000', 'null', 'http://evil.example']) {
      const a = await get(s.port, { headers: { origin } });
      expect(a.status, origin).toBe(403);
      expect(a.headers).not.toHaveProperty('access-control-allow-origin');
    }
    const pre = await get(s.port, { method: 'OPTIONS', headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'GET' } });
    expect(pre.status).toBe(204);
    expect(pre.headers['access-control-allow-origin']).toBe('http://localhost:3000');
    expect(pre.headers['access-control-allow-methods']).toBe('GET');
  });

  it('answers 405 to anything but GET and OPTIONS', async () => {
    const s = await serve();
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const a = await get(s.port, { method });
      expect(a.status, method).toBe(405);
      expect(JSON.parse(a.body)).toEqual({ error: 'method_not_allowed' });
      expect(a.headers.allow).toBe('GET, OPTIONS');
    }
    expect((await get(s.port, { method: 'OPTIONS' })).status).toBe(204);
  });

  it('holds 16 connections and answers a 17th with 503 server_busy, then serves again once one closes', async () => {
    const s = await serve();
    const held: Socket[] = [];
    for (let i = 0; i < 16; i++) held.push(await heldConnection(s.port));
    const busy = await get(s.port);
    expect(busy.status).toBe(503);
    expect(JSON.parse(busy.body)).toEqual({ error: 'server_busy' });
    const gone = new Promise((r) => held[0]!.once('close', r));
    held[0]!.destroy();
    await gone;
    // The server notices the close on its side too; a request right after may still see 16 others.
    let status = 503;
    while (status === 503) status = (await get(s.port)).status;
    expect(status).toBe(200);
  });

  it('says the port is in use when another program holds it', async () => {
    const blocker = createServer();
    blockers.push(blocker);
    const port = await new Promise<number>((r) => blocker.listen(0, '127.0.0.1', () => r((blocker.address() as { port: number }).port)));
    const r = await startLoopbackApi({ port, allowedOrigin: null, maxConnections: 16, get: () => ({ status: 200, body: {} }) });
    expect(r).toEqual({ ok: false, error: { kind: 'in_use', port } });
  });

  it('listens on 127.0.0.1 only', async () => {
    const s = await serve();
    expect(s.url).toBe(`http://127.0.0.1:${s.port}`);
    const { networkInterfaces } = await import('node:os');
    const other = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (!other) return;
    const refused = await new Promise<boolean>((resolve) => {
      const c = connect(s.port, other.address);
      c.on('connect', () => (c.destroy(), resolve(false)));
      c.on('error', () => resolve(true));
    });
    expect(refused).toBe(true);
  });
});
