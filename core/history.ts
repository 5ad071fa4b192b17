// What a poll contributes to history: one sample per window of each provider that answered.
// Pure; the app and the CLI both call it so that "a successful poll" means the same in each.
import { accountKey } from './accounts';
import type { ProviderSnapshot } from './model';
import type { HistorySample } from './ports';

/**
 * One sample per window of every `ok` snapshot, stamped with its fetch time. Stale and error
 * snapshots repeat old numbers, so they add nothing. `after` (account key → fetch time already
 * recorded) skips snapshots already written, since the poller re-emits a view for every change.
 */
export function samplesFromSnapshots(snaps: readonly ProviderSnapshot[], after: ReadonlyMap<string, number> = new Map()): HistorySample[] {
  // `after` is keyed per account (core/accounts accountKey): two accounts fetch at their own times.
  const out: HistorySample[] = [];
  for (const s of snaps) {
    if (s.status !== 'ok' || s.fetchedAt === null) continue;
    const seen = after.get(accountKey(s.providerId, s.accountLabel));
    if (seen !== undefined && s.fetchedAt <= seen) continue;
    for (const w of s.windows) {
      out.push({
        at: s.fetchedAt,
        providerId: s.providerId,
        accountLabel: s.accountLabel,
        windowId: w.id,
        usedPercent: w.usedPercent,
        used: w.used,
        limit: w.limit,
        remaining: w.remaining,
        resetsAt: w.resetsAt,
        source: s.source,
      });
    }
  }
  return out;
}

/** The fetch times of the `ok` snapshots, to pass as `after` next time. */
export function recordedUpTo(snaps: readonly ProviderSnapshot[], before: ReadonlyMap<string, number>): Map<string, number> {
  const next = new Map(before);
  for (const s of snaps) {
    if (s.status !== 'ok' || s.fetchedAt === null) continue;
    const key = accountKey(s.providerId, s.accountLabel);
    next.set(key, Math.max(s.fetchedAt, next.get(key) ?? 0));
  }
  return next;
}
