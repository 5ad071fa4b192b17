// Channel names on the wire. Prefixed so Quotabar's channels never collide with Electron's or a
// library's; shared by ipc.ts (main) and preload.ts, the only two users of Electron IPC.
import type { EventChannel, InvokeChannel } from './contract';

export const WIRE_PREFIX = 'quotabar:';

export function wireChannel(channel: InvokeChannel | EventChannel): string {
  return `${WIRE_PREFIX}${channel}`;
}
