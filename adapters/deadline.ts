// A deadline for an adapter call that might hang (a network request, a keychain waiting to be
// unlocked): an AbortSignal that fires when time is up, and whether it was the deadline that fired.
export interface Deadline {
  signal: AbortSignal;
  /** True once the deadline has passed (the signal was aborted by it). */
  expired(): boolean;
  /** Stops the timer; call when the work settles. */
  clear(): void;
}

/** Starts a deadline `ms` from now on a real timer. */
export function startDeadline(ms: number): Deadline {
  const controller = new AbortController();
  let expired = false;
  const timer = setTimeout(() => {
    expired = true;
    controller.abort();
  }, ms);
  return { signal: controller.signal, expired: () => expired, clear: () => clearTimeout(timer) };
}
