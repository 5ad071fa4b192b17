// The popover: a header with refresh and settings, then one card per provider (or the empty state).
import { useEffect, useMemo, useRef } from 'react';
import { DEFAULT_SETTINGS } from '../../core/settings';
import type { QuotabarBridge } from '../../app/contract';
import { ChartIcon, GaugeIcon, SlidersIcon, LogoMark, RefreshIcon } from '../shared/icons';
import { useClock } from '../state/clock';
import { LOST_TEXT, useConnection } from '../state/connection';
import { useSettings } from '../state/settings';
import { refresh, useView } from '../state/view';
import { followSparklines, sparkKey, useSparklines } from '../state/sparklines';
import { followCostSummary } from '../state/cost';
import { popoverMode } from '../view-model/card';
import { keyLabels } from '../view-model/credentials';
import { FIRST_CARD_MARK } from '../perf-marks';
import { reportContentHeight } from './fit';
import { ProviderCard } from './ProviderCard';
import { KEY_PROVIDERS, listText, SIGN_IN_PROVIDERS } from '../../core/providers/registry';

/** "Add an X key, or sign in with Y or Z, to see…": every way to set a provider up, from the registry. */
const EMPTY_TEXT = (() => {
  const keys = KEY_PROVIDERS.map((p) => `${/^[aeiou]/i.test(p.displayName) ? 'an' : 'a'} ${p.displayName} key`);
  const tools = SIGN_IN_PROVIDERS.map((p) => p.words.signInWith ?? p.displayName);
  const ways = [keys.length ? `Add ${listText(keys)}` : '', tools.length ? `sign in with ${listText(tools)}` : ''].filter(Boolean);
  const text = ways.join(', or ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}, to see how much quota is left.`;
})();

let marked = false;

function markFirstCardPainted(): void {
  if (marked) return;
  marked = true;
  // rAF runs before the frame is painted; the task after it runs once the frame is out.
  requestAnimationFrame(() => setTimeout(() => performance.mark(FIRST_CARD_MARK), 0));
}

export function PopoverApp({ bridge }: { bridge: QuotabarBridge }) {
  const view = useView((s) => s.view);
  const failure = useView((s) => s.failure);
  const settings = useSettings((s) => s.view?.settings ?? DEFAULT_SETTINGS);
  const demo = useSettings((s) => s.view?.demo ?? false);
  const credentials = useSettings((s) => s.view?.credentials);
  const labels = useMemo(() => keyLabels(credentials ?? []), [credentials]);
  const now = useClock((s) => s.now);
  const lost = useConnection((s) => s.lost);
  const lines = useSparklines((s) => s.lines);
  // Pace projects at the recent rate from the same stored readings the sparklines draw.
  const recentOf = useMemo(() => (s: { providerId: string; accountLabel: string | null }, w: { id: string }) => lines[sparkKey(s.providerId, s.accountLabel, w.id)]?.points ?? [], [lines]);
  const mode = popoverMode(view, { now, thresholds: settings.thresholds, lowBalanceUsd: settings.lowBalanceUsd, keyLabels: labels, recentOf });
  const busy = mode.mode === 'cards' && mode.anyRefreshing;

  useEffect(() => {
    if (mode.mode === 'cards') markFirstCardPainted();
  }, [mode.mode]);

  useEffect(() => followSparklines(bridge), [bridge]);
  useEffect(() => followCostSummary(bridge), [bridge]);

  // Escape closes the popover, as it does for menus.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') void bridge.invoke('window:hide-popover', null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [bridge]);

  // The window fits its content: no inner scrollbar for three providers, no blank space for one.
  const rootRef = useRef<HTMLDivElement>(null);
  useEffect(() => (rootRef.current ? reportContentHeight(bridge, rootRef.current) : undefined), [bridge]);

  const openSettings = () => void bridge.invoke('window:open-settings', null);
  const openHistory = () => void bridge.invoke('window:open-history', null);

  return (
    <div className={`popover${lost ? ' host-lost' : ''}`} ref={rootRef}>
      <header className="top">
        <h1 className="brand">
          <LogoMark />
          Quotabar
        </h1>
        <div className="top-actions">
          <button
            type="button"
            className={`icon-button${busy ? ' spinning' : ''}`}
            onClick={() => void refresh(bridge)}
            aria-label={busy ? 'Refreshing' : 'Refresh all'}
            title={busy ? 'Refreshing…' : 'Refresh all'}
            aria-busy={busy}
            data-testid="refresh"
          >
            <RefreshIcon />
          </button>
          <button type="button" className="icon-button" onClick={openHistory} aria-label="History" title="History" data-testid="open-history">
            <ChartIcon />
          </button>
          <button type="button" className="icon-button" onClick={openSettings} aria-label="Settings" title="Settings">
            <SlidersIcon />
          </button>
        </div>
      </header>

      {lost ? (
        <p className="banner" role="alert" data-testid="connection-lost">
          {LOST_TEXT}
        </p>
      ) : (
        failure && (
          <p className="banner" role="alert">
            {failure}
          </p>
        )
      )}

      <main className="cards" aria-live="polite">
        {mode.mode === 'connecting' && (
          <div className="placeholder" aria-busy="true">
            <div className="skeleton" />
            <div className="skeleton short" />
            <p className="muted">Checking your providers…</p>
          </div>
        )}
        {mode.mode === 'empty' && (
          <section className="empty">
            <GaugeIcon />
            <h2>Nothing to show yet</h2>
            <p>{EMPTY_TEXT}</p>
            <button type="button" className="primary" onClick={openSettings}>
              Open Settings
            </button>
          </section>
        )}
        {mode.mode === 'cards' && mode.cards.map((card) => <ProviderCard key={card.key} card={card} bridge={bridge} />)}
      </main>

      <footer className="bottom">
        <span className="muted">{demo ? 'Demo data' : ''}</span>
        <button type="button" className="text-button" onClick={() => void bridge.invoke('app:quit', null)}>
          Quit Quotabar
        </button>
      </footer>
    </div>
  );
}
