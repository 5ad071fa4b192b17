// The zone cost dates are local to: `timeZone`, else `env.TZ`, else the runtime's own. Its own module
// so the status line can date "today" without loading the ledger's code.
import { localDater, type OffsetAt } from '../../core/cost/local-date';

/** The runtime's offset from UTC at an instant, through Date (no Intl formatter: lighter to start). */
export const runtimeOffset: OffsetAt = (at) => -new Date(at).getTimezoneOffset() * 60_000;

/**
 * The runtime's own zone (the usual case: the CLI's TZ) as its offset function; another zone by name
 * for Intl; undefined (the runtime's zone through Intl) when the name is not one Intl knows.
 */
export function costZone(opts: { env: Record<string, string | undefined>; timeZone?: string }): string | undefined | OffsetAt {
  const z = (opts.timeZone ?? opts.env['TZ'])?.trim();
  if (!z || z === process.env['TZ']?.trim()) return runtimeOffset;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: z.replace(/^:/, '') });
    return z.replace(/^:/, '');
  } catch {
    return undefined;
  }
}

/** Epoch ms → the local date the ledger files it under. */
export function costDater(opts: { env: Record<string, string | undefined>; timeZone?: string }): (at: number) => string {
  return localDater(costZone(opts));
}
