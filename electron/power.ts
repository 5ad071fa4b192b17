// Sleep, wake, lock and network: pause polling while the machine sleeps, refresh when the user is
// back (resume, unlock) or the network returns, so the numbers are current when they look.
// Electron emits unlock-screen on macOS and Windows only; Linux gets resume (and the network check).
import { net, powerMonitor } from 'electron';
import type { Clock, Scheduler } from '../core/ports';
import type { AppServices } from '../app/services';

/** After unlock, data younger than this is fresh enough (frequent lock/unlock must not spam requests). */
export const UNLOCK_REFRESH_AGE_MS = 60_000;
/** How often the network state is checked. */
export const ONLINE_CHECK_MS = 15_000;

export interface PowerDeps {
  services: Pick<AppServices, 'pause' | 'resume' | 'refresh' | 'refreshIfOlderThan' | 'noteActivity'>;
  clock: Clock & Scheduler;
  platform: string;
}

/** Platforms where powerMonitor emits lock-screen / unlock-screen. */
const HAS_UNLOCK = new Set(['darwin', 'win32']);

export function setupPowerEvents(deps: PowerDeps): { dispose(): void } {
  const { services } = deps;
  const quiet = (p: Promise<unknown>) => void p.catch(() => undefined);
  const onSuspend = () => services.pause();
  const onUnlock = () => {
    services.noteActivity({ screenLocked: false });
    quiet(services.refreshIfOlderThan(UNLOCK_REFRESH_AGE_MS));
  };
  // Adaptive polling slows down while nobody can see the numbers.
  const onLock = () => services.noteActivity({ screenLocked: true });
  const unlock = HAS_UNLOCK.has(deps.platform);
  // Without an unlock event, waking up is the sign that the user is back.
  const onResume = () => quiet(services.resume().then(() => (unlock ? undefined : onUnlock())));
  powerMonitor.on('suspend', onSuspend);
  powerMonitor.on('resume', onResume);
  if (unlock) powerMonitor.on('unlock-screen', onUnlock);
  if (unlock) powerMonitor.on('lock-screen', onLock);

  let online = net.isOnline();
  // On battery, adaptive polling halves its pace. Read on the same tick as the network: the battery
  // events exist only on macOS and Windows, the reading on every platform.
  let battery = powerMonitor.isOnBatteryPower();
  services.noteActivity({ onBattery: battery });
  let cancel = () => {};
  const check = () => {
    const onBattery = powerMonitor.isOnBatteryPower();
    if (onBattery !== battery) services.noteActivity({ onBattery: (battery = onBattery) });
    const now = net.isOnline();
    // Failed polls back off while offline; coming back online is worth one refresh at once.
    if (now && !online) quiet(services.refresh(null));
    online = now;
    cancel = deps.clock.schedule(ONLINE_CHECK_MS, check);
  };
  cancel = deps.clock.schedule(ONLINE_CHECK_MS, check);

  return {
    dispose() {
      cancel();
      powerMonitor.removeListener('suspend', onSuspend);
      powerMonitor.removeListener('resume', onResume);
      if (unlock) powerMonitor.removeListener('unlock-screen', onUnlock);
      if (unlock) powerMonitor.removeListener('lock-screen', onLock);
    },
  };
}
