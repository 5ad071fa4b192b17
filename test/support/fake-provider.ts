// A Provider whose single source answers from a script: for poller and resilience tests.
import type { ProviderError, Result } from '../../core/errors';
import { makeWindow, type FetchData } from '../../core/model';
import type { Provider } from '../../core/provider';

export type Step = FetchData | ProviderError | Promise<Result<FetchData>>;

export function data(usedPercent: number, resetsAt: number | null = null, id = 'session'): FetchData {
  return {
    source: 'fake:/usage',
    windows: [makeWindow({ id, kind: 'session', label: '5-hour', usedPercent, resetsAt, windowMinutes: 300 })],
    notes: [],
    account: null,
  };
}

/** A provider that replays `steps` in order (the last one repeats) and counts calls. */
export function scriptedProvider(id: string, ...steps: Step[]): Provider & { calls: number } {
  const queue = [...steps];
  const p = {
    id,
    displayName: id,
    calls: 0,
    sources: [
      {
        id: `${id}:/usage`,
        fetch: async (): Promise<Result<FetchData>> => {
          p.calls++;
          const step = queue.length > 1 ? queue.shift()! : queue[0]!;
          if (step instanceof Promise) return step;
          if ('kind' in step) return { ok: false, error: step };
          return { ok: true, value: step };
        },
      },
    ],
  };
  return p;
}
