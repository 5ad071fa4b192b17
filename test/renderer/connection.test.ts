import { afterEach, beforeEach, describe, it, expect, vi } from 'vitest';
import type { QuotabarBridge } from '../../app/contract';
import { callFailure } from '../../renderer/bridge';
import { guardBridge, heartbeatFromUrl, useConnection, watchConnection } from '../../renderer/state/connection';

/** A bridge whose host answers until `freeze()`; after that every call waits forever. */
function scriptedBridge() {
  let frozen = false;
  let calls = 0;
  const bridge: QuotabarBridge = {
    on: () => () => undefined,
    invoke: (() => {
      calls++;
      return frozen ? new Promise(() => undefined) : Promise.resolve(null);
    }) as QuotabarBridge['invoke'],
  };
  return { bridge, freeze: () => void (frozen = true), thaw: () => void (frozen = false), calls: () => calls };
}

let stop: () => void = () => undefined;

beforeEach(() => {
  vi.useFakeTimers();
  useConnection.setState({ lost: false });
});

afterEach(() => {
  stop();
  vi.useRealTimers();
});

describe('the connection heartbeat', () => {
  it('stays connected while the host answers', async () => {
    const host = scriptedBridge();
    stop = watchConnection(host.bridge, { intervalMs: 1000, deadlineMs: 2000 });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(host.calls()).toBeGreaterThanOrEqual(9);
    expect(useConnection.getState().lost).toBe(false);
  });

  it('marks the host lost within 10 s of it stopping to answer, and back when it answers again', async () => {
    const host = scriptedBridge();
    let caughtUp = 0;
    stop = watchConnection(host.bridge, { onBack: () => caughtUp++ }); // the app's default timing
    await vi.advanceTimersByTimeAsync(3500);
    host.freeze();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(useConnection.getState().lost).toBe(true);
    expect(caughtUp).toBe(0);
    host.thaw();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(useConnection.getState().lost).toBe(false);
    // Pushes sent while the host was unreachable are lost: the window asks for the current state once.
    expect(caughtUp).toBe(1);
  });

  it('fails a call still waiting when the host is lost, and new calls at once, with words for the user', async () => {
    const host = scriptedBridge();
    const guarded = guardBridge(host.bridge);
    stop = watchConnection(host.bridge, { intervalMs: 1000, deadlineMs: 2000 });
    host.freeze();
    const save = guarded.invoke('settings:update', { thresholds: [70] });
    const outcome = save.then(
      () => 'answered',
      (e: unknown) => callFailure(e),
    );
    await vi.advanceTimersByTimeAsync(3500);
    expect(await outcome).toBe('Lost the connection to Quotabar before it answered. Try again once it is back.');
    await expect(guarded.invoke('view:get', null)).rejects.toThrow(/disconnected/);
  });

  it('reads a short heartbeat from the page fragment, and ignores nonsense', () => {
    expect(heartbeatFromUrl('#token=abc&heartbeatMs=200')).toEqual({ intervalMs: 200, deadlineMs: 400 });
    expect(heartbeatFromUrl('#token=abc&heartbeatMs=0x10')).toEqual({ intervalMs: 3000, deadlineMs: 4000 });
    expect(heartbeatFromUrl('')).toEqual({ intervalMs: 3000, deadlineMs: 4000 });
  });
});
