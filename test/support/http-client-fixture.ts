// Real loopback servers and UndiciHttpClients for one test file, all closed after each test.
import { afterEach } from 'vitest';
import { UndiciHttpClient } from '../../adapters/undici-http-client';
import { startLoopbackServer, type LoopbackHandler, type LoopbackServer } from './loopback-server';

type ClientOptions = Omit<ConstructorParameters<typeof UndiciHttpClient>[0], 'allowedOrigins'>;

/** Registers the cleanup hook; `serve` starts a server, `client` makes a client limited to `origins`. */
export function httpClientFixture() {
  let servers: LoopbackServer[] = [];
  let clients: UndiciHttpClient[] = [];
  afterEach(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await Promise.all(servers.map((s) => s.close()));
    servers = [];
    clients = [];
  });
  return {
    async serve(handler: LoopbackHandler): Promise<LoopbackServer> {
      const s = await startLoopbackServer(handler);
      servers.push(s);
      return s;
    },
    client(origins: string[], opts: ClientOptions = {}): UndiciHttpClient {
      const c = new UndiciHttpClient({ allowedOrigins: origins, ...opts });
      clients.push(c);
      return c;
    },
  };
}
