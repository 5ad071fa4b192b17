// One-at-a-time execution for changes that must not interleave (settings updates, key saves).

/**
 * Returns a runner that starts each piece of work only after the previous one settled, so two
 * quick changes never both start from the same old state. A failure does not block the next one.
 */
export function serialQueue(): <T>(work: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (work) => {
    const next = tail.then(work, work);
    tail = next.catch(() => undefined);
    return next;
  };
}
