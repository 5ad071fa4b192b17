// The clock store: one tick per second drives countdowns and "updated … ago" without refetching.
import { create } from 'zustand';

interface ClockState {
  now: number;
}

export const useClock = create<ClockState>(() => ({ now: Date.now() }));

/** Ticks on each wall-clock second (so every countdown changes together); returns a stop function. */
export function startClock(): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  // A hidden popover does not need to tick: it stops, and catches up at once when it shows again.
  const tick = () => {
    const now = Date.now();
    useClock.setState({ now });
    timer = document.visibilityState === 'hidden' ? null : setTimeout(tick, 1000 - (now % 1000) + 5);
  };
  const onVisibility = () => {
    if (document.visibilityState === 'visible') {
      if (timer) clearTimeout(timer);
      tick();
    }
  };
  tick();
  document.addEventListener('visibilitychange', onVisibility);
  return () => {
    if (timer) clearTimeout(timer);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}
