// The app's alerts: every poller emission judged by core/alerts.ts, in emission order, and delivered.
// Predictive alerts project at the recent rate from stored readings (the rate the card's pace line
// shows), so when they are on and history is kept, judging waits for one history read first.
import { evaluateAlerts, initialAlertState, type AlertState } from '../core/alerts';
import { alertText } from '../core/alerts-text';
import type { PollerView } from '../core/model';
import type { RecentReadings } from '../core/pace';
import type { Clock, HistoryStore, Notifier } from '../core/ports';
import type { Settings } from '../core/settings';
import { recentReadingsFor } from './recent-readings';

export interface AlertJudgeDeps {
  clock: Clock;
  /** The current settings (they change while the app runs). */
  settings: () => Settings;
  /** Where alerts go; null until the shell has one. */
  notifier: () => Notifier | null;
  history: HistoryStore | null;
  /** Where a failed judgement is reported (its message only). */
  report: (message: string) => void;
}

const NONE: RecentReadings = () => [];

/** A poller listener; judgements never overlap and never run out of order. */
export function alertJudge(deps: AlertJudgeDeps): (v: PollerView) => void {
  let state: AlertState = initialAlertState();
  let pending: Promise<void> | null = null;

  const judge = (v: PollerView, now: number, recent: RecentReadings) => {
    const settings = deps.settings();
    const r = evaluateAlerts(state, v.snapshots, settings, now, recent);
    state = r.state;
    for (const a of r.alerts) deps.notifier()?.notify({ id: a.id, ...alertText(a, now) });
  };

  return (v) => {
    const now = deps.clock.now();
    const wantRecent = deps.history !== null && deps.settings().predictiveAlerts.length > 0;
    // Nothing to read and nothing queued: judged at once, as the emission arrives.
    if (!wantRecent && pending === null) return judge(v, now, NONE);
    const mine = (pending ?? Promise.resolve())
      .then(async () => judge(v, now, wantRecent ? await recentReadingsFor(deps.history, v.snapshots, now) : NONE))
      .catch((e: unknown) => deps.report(`quotabar: alerts failed: ${e instanceof Error ? e.message : String(e)}`));
    pending = mine;
    void mine.then(() => {
      if (pending === mine) pending = null;
    });
  };
}
