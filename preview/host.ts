// The browser preview: the app's main-process services in plain Node, the renderer served on
// 127.0.0.1, and the IPC contract carried over a token-guarded loopback WebSocket.
//   npx tsx preview/host.ts [--demo | --real] [--port 5180] [--no-build | --rebuild]
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemoServer, type DemoServer } from '../demo/server';
import { createAppServices, type AppServices, type AppServicesOptions } from '../app/services';
import { createInvokeHandlers, forwardEvents, type WindowActions } from '../app/handlers';
import { checkoutCli } from '../app/status-line-service';
import { buildPageBridge, buildRenderer, isBuildStale, RENDERER_DIR, RENDERER_OUTPUT, RENDERER_SOURCES } from './build';
import { createStaticHandler } from './static-files';
import { attachWsBridge } from './ws-bridge-server';
import { credentialStatuses, defaultSecretStore, resolveConfig } from '../adapters/compose';
import { NodeFileSource } from '../adapters/node-file-source';
import { SystemClock } from '../adapters/system-clock';
import { listText, PROVIDERS } from '../core/providers/registry';

export interface PreviewHostOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** true starts a demo provider server; a DemoServer instance is used as is (tests script it). */
  demo?: boolean | DemoServer;
  /** Build the renderer first: 'always', 'if-stale' (older than its sources), 'if-missing' (default) or 'never'. */
  build?: 'always' | 'if-stale' | 'if-missing' | 'never';
  /** Overrides for the services (a memory secret store, a settings path…). */
  services?: Partial<AppServicesOptions>;
  log?: (line: string) => void;
}

export interface PreviewHost {
  origin: string;
  token: string;
  /** Page URLs carrying the token in their #fragment. */
  popoverUrl: string;
  settingsUrl: string;
  historyUrl: string;
  costUrl: string;
  services: AppServices;
  demo: DemoServer | null;
  /** The last content height the popover page asked its window to fit (a tab cannot be resized). */
  popoverFit(): number | null;
  close(): Promise<void>;
}

export async function startPreviewHost(opts: PreviewHostOptions = {}): Promise<PreviewHost> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const build = opts.build ?? 'if-missing';
  const needed =
    build === 'always' ||
    (build === 'if-stale' && isBuildStale(RENDERER_OUTPUT, RENDERER_SOURCES)) ||
    (build === 'if-missing' && !existsSync(RENDERER_OUTPUT));
  if (needed) {
    log('Building the renderer…');
    await buildRenderer();
  }
  const bridgeScript = await buildPageBridge();

  const ownDemo = opts.demo === true ? await startDemoServer() : null;
  const demo = ownDemo ?? (typeof opts.demo === 'object' ? opts.demo : null);
  const services = await createAppServices({
    env: process.env,
    platform: process.platform,
    homedir: homedir(),
    // The cost ledger is read in a worker thread, run from source as the preview itself is.
    costWorker: { file: fileURLToPath(new URL('../app/cost-worker.ts', import.meta.url)), tsx: true },
    // Settings' status-line button writes this checkout's CLI, run by the node running the preview.
    statusLineCli: checkoutCli(fileURLToPath(new URL('..', import.meta.url)), process.execPath),
    ...(demo ? { demo } : {}),
    ...opts.services,
  });

  const token = randomBytes(24).toString('base64url');
  let origin = '';
  const server: Server = createServer();
  const serveStatic = createStaticHandler({ root: RENDERER_DIR, bridgeScript, host: () => origin.replace('http://', '') });
  server.on('request', (req, res) => void serveStatic(req, res));

  // A browser tab cannot be moved or hidden by the host: the page bridge opens settings and links itself.
  let fitted: number | null = null;
  const windows: WindowActions = {
    openSettings: () => undefined,
    openHistory: () => undefined,
    openCost: () => undefined,
    hidePopover: () => undefined,
    // The browser tab is the window: nothing to resize, but the request is kept for inspection.
    fitPopover: (height) => void (fitted = height),
    openExternal: (url) => log(`link opened: ${url}`),
    quit: () => log('quit requested (the preview keeps running; press Ctrl+C)'),
  };
  const bridge = attachWsBridge({
    server,
    token,
    allowedOrigins: () => [origin],
    handlers: createInvokeHandlers(services, windows),
    subscribe: (emit) => forwardEvents(services, emit),
    log,
  });

  // A browser has no tray to notify from: alerts become toasts in the open preview pages.
  if (!opts.services?.notifier) {
    services.setNotifier({
      notify: (n) => {
        log(`notification: ${n.title}`);
        bridge.notify(n);
      },
    });
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, '127.0.0.1', ok);
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  services.start();

  return {
    origin,
    token,
    popoverUrl: `${origin}/popover.html#token=${token}`,
    settingsUrl: `${origin}/settings.html#token=${token}`,
    historyUrl: `${origin}/history.html#token=${token}`,
    costUrl: `${origin}/cost.html#token=${token}`,
    services,
    demo,
    popoverFit: () => fitted,
    async close() {
      // The last poll's samples first: stopping then closes (in demo mode removes) the history store.
      await services.historyIdle();
      services.stop();
      await bridge.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await ownDemo?.close();
    },
  };
}

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** True when no provider has a credential on this machine: then the preview shows demo data. */
async function nothingConfigured(): Promise<boolean> {
  const config = resolveConfig(process.env, process.platform, homedir());
  const statuses = await credentialStatuses(config, {
    secrets: defaultSecretStore(process.platform),
    files: new NodeFileSource(),
    clock: new SystemClock({ unref: true }),
  });
  return statuses.every((s) => !s.configured);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  // --demo forces demo data, --real forces the user's own credentials; otherwise demo only when there are none.
  const demo = args.includes('--demo') || (!args.includes('--real') && (await nothingConfigured()));
  if (demo && !args.includes('--demo')) console.log(`No ${listText(PROVIDERS.map((p) => p.displayName))} credentials found: showing demo data (--real to override).`);
  const host = await startPreviewHost({
    demo,
    port: Number(argValue(args, '--port') ?? 0),
    // Rebuilt only when a source changed since the last build (--rebuild forces it).
    build: args.includes('--no-build') ? 'never' : args.includes('--rebuild') ? 'always' : 'if-stale',
  });
  console.log(`\nQuotabar preview${host.demo ? ' (demo data)' : ''}:`);
  console.log(`  popover   ${host.popoverUrl}`);
  console.log(`  settings  ${host.settingsUrl}`);
  console.log(`  history   ${host.historyUrl}`);
  console.log(`  cost      ${host.costUrl}`);
  console.log('\nOpen the popover URL in a browser (it carries the session token). Ctrl+C stops.');
  const stop = () => void host.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
