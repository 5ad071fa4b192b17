// Run in a child process by undici-http-client-survival.test.ts: an uncaught 'error' would end this
// process, so the parent can see whether a refused body took the whole program down with it.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UndiciHttpClient } from '../../../adapters/undici-http-client';

const server = createServer((req, res) => {
  if (req.url === '/declared') {
    res.writeHead(200, { 'content-length': '5000' });
    res.end('x'.repeat(5000));
  } else {
    res.writeHead(200, { 'transfer-encoding': 'chunked' });
    res.write('x'.repeat(4000));
    setTimeout(() => res.end('x'.repeat(4000)), 20);
  }
});

server.listen(0, '127.0.0.1', async () => {
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = new UndiciHttpClient({ allowedOrigins: [origin], maxBodyBytes: 100 });
  const results = [await client.request({ url: `${origin}/declared` }), await client.request({ url: `${origin}/undeclared` })];
  // The AbortError of a destroyed body is emitted on a later tick: give it time to surface.
  setTimeout(() => {
    process.stdout.write(JSON.stringify({ results, alive: true }));
    void client.close();
    server.close();
  }, 200);
});
