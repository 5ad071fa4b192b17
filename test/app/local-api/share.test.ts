// "Share usage with local tools" in the app's services: Settings turns the server on and off and
// shows truthfully whether it serves or why the port could not be held.
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../../support/app-harness';

let h: Harness | null = null;
afterEach(async () => {
  await h?.services.updateSettings({ shareLocalApi: false });
  await h?.dispose();
  h = null;
});

function takenPort(): Promise<{ port: number; release: () => Promise<void> }> {
  const s = createServer();
  return new Promise((resolve) =>
    s.listen(0, '127.0.0.1', () => resolve({ port: (s.address() as { port: number }).port, release: () => new Promise((r) => s.close(() => r())) })),
  );
}

describe('sharing usage with local tools', () => {
  it('is off by default and serves nothing', async () => {
    h = await makeHarness();
    expect((await h.services.settingsView()).localApi).toEqual({ state: 'off' });
  });

  it('says the port is in use, then serves once it is free and the setting is applied again, then stops', async () => {
    h = await makeHarness();
    const blocker = await takenPort();
    const port = blocker.port;
    const busy = await h.services.updateSettings({ shareLocalApi: true, localApiPort: port });
    expect(busy.localApi).toEqual({ state: 'unavailable', port, reason: 'in_use' });
    await blocker.release();
    const serving = await h.services.updateSettings({ shareLocalApi: true, localApiPort: port });
    expect(serving.localApi).toEqual({ state: 'serving', url: `http://127.0.0.1:${port}` });
    const res = await fetch(`http://127.0.0.1:${port}/v1/limits`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ schema: 'openusage.limits.v1' });
    const off = await h.services.updateSettings({ shareLocalApi: false });
    expect(off.localApi).toEqual({ state: 'off' });
    await expect(fetch(`http://127.0.0.1:${port}/v1/limits`)).rejects.toThrow();
  });

  it('answers CORS only for the origin saved in Settings', async () => {
    h = await makeHarness();
    const { port, release } = await takenPort();
    await release();
    await h.services.updateSettings({ shareLocalApi: true, localApiPort: port, localApiOrigin: 'http://localhost:3000' });
    const ok = await fetch(`http://127.0.0.1:${port}/v1/limits`, { headers: { origin: 'http://localhost:3000' } });
    expect(ok.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect((await fetch(`http://127.0.0.1:${port}/v1/limits`, { headers: { origin: 'http://localhost:4000' } })).status).toBe(403);
  });
});
