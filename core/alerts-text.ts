// Words for alerts: what a notification says. Pure; `now` is passed in for "resets in …".
import { assertNever } from './errors';
import type { Alert } from './alerts';
import { accountName, formatDuration, formatPercent, lowBalanceText } from './present';

/** Title and body of the notification for one alert. */
export function alertText(alert: Alert, now: number): { title: string; body: string } {
  const who = accountName(alert.providerId, alert.accountLabel);
  const label = alert.windowLabel;
  switch (alert.kind) {
    case 'threshold': {
      const pct = formatPercent(alert.usedPercent ?? alert.threshold ?? 0);
      const reset = alert.resetsAt !== null && alert.resetsAt > now ? ` · resets in ${formatDuration(alert.resetsAt - now)}` : '';
      const full = alert.usedPercent !== null && alert.usedPercent >= 100;
      return {
        title: full ? `${who}: ${label} limit reached` : `${who}: ${label} at ${pct} used`,
        body: `${pct} used (alert at ${alert.threshold ?? '?'} %)${reset}`,
      };
    }
    case 'low_balance':
      return {
        title: `${who} credit is low`,
        body: lowBalanceText(alert.remaining ?? 0, alert.threshold ?? 0, alert.unit),
      };
    case 'pace': {
      const out = alert.runsOutAt ?? now;
      const reset = alert.resetsAt ?? out;
      const when = out > now ? `in ${formatDuration(out - now)}` : 'now';
      return {
        title: `${who}: ${label} on pace to run out before it resets`,
        body: `At this pace you run out ${when}, ${formatDuration(reset - out)} before it resets.`,
      };
    }
    case 'reset':
      return { title: `${who}: ${label} has reset`, body: 'The full limit is available again.' };
    default:
      return assertNever(alert.kind);
  }
}
