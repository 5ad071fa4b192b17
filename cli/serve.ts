// `quotabar serve [--port N] [--allow-origin O]`: the tray app's services (the same poller, settings
// and keychain) with no desktop, answering the local usage API until SIGINT or SIGTERM.
import { localApiStatusText } from '../core/local-api';
import type { Clock, Scheduler } from '../core/ports';
import { createAppServices } from '../app/services';
import { startLocalApi, statusOf } from '../app/local-api/server';
import type { Command } from './args';
import type { CliIo } from './io';

/** Exit 0 after a stop signal; 1, with one line, when the port cannot be held. */
export async function runServe(c: Extract<Command, { cmd: 'serve' }>, io: CliIo, clock: Clock & Scheduler): Promise<number> {
  const d = io.deps ?? {};
  const services = await createAppServices({
    env: io.env as NodeJS.ProcessEnv,
    platform: io.platform,
    homedir: io.homedir,
    clock,
    shareLocalApi: false,
    ...(d.secrets ? { secrets: d.secrets } : {}),
    ...(d.files ? { files: d.files } : {}),
    ...(d.httpFor ? { httpFor: d.httpFor } : {}),
  });
  // The port first: when it is taken, nothing has been polled in vain.
  const r = await startLocalApi({ source: services, clock, port: c.port, allowedOrigin: c.allowOrigin });
  if (!r.ok) {
    services.stop();
    const text = localApiStatusText(statusOf(r));
    io.stderr(`quotabar: ${text.charAt(0).toLowerCase()}${text.slice(1)}\n`);
    return 1;
  }
  services.start();
  io.stdout(`quotabar: serving usage on ${r.value.url}/v1/limits${c.allowOrigin ? ` (readable from ${c.allowOrigin})` : ''}; Ctrl+C stops\n`);
  await (io.untilStopped ?? untilSignal)();
  await r.value.close();
  services.stop();
  await services.historyIdle();
  return 0;
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
