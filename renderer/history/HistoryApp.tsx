// The History window: a chart per window over the chosen range with its minimum, maximum and
// average, and exports of the same readings as CSV or JSON.
import type { HistoryRange, HistoryWindowView, QuotabarBridge } from '../../app/contract';
import { accountName, formatPercent } from '../../core/present';
import { useConnection } from '../state/connection';
import { exportHistory, loadHistory, useHistory } from '../state/history';
import { Chart } from './Chart';
import { download } from '../shared/download';
import { ExportButtons, ExportNotices } from '../shared/ExportBar';

const RANGES: Array<{ id: HistoryRange; label: string }> = [
  { id: '24h', label: '24 hours' },
  { id: '7d', label: '7 days' },
  { id: '30d', label: '30 days' },
  { id: 'all', label: 'All time' },
];

const stat = (n: number | null) => (n === null ? '—' : formatPercent(n));

function WindowChart({ w }: { w: HistoryWindowView }) {
  const title = `${accountName(w.providerId, w.accountLabel)} · ${w.label ?? w.windowId}`;
  return (
    <section className="history-window" data-testid="history-window" data-window={`${w.providerId}/${w.windowId}`}>
      <h2>{title}</h2>
      <dl className="history-stats">
        <div>
          <dt>Minimum</dt>
          <dd data-testid="stat-min">{stat(w.min)}</dd>
        </div>
        <div>
          <dt>Maximum</dt>
          <dd data-testid="stat-max">{stat(w.max)}</dd>
        </div>
        <div>
          <dt>Average</dt>
          <dd data-testid="stat-avg">{stat(w.average)}</dd>
        </div>
        <div>
          <dt>Readings</dt>
          <dd data-testid="stat-count">{w.samples}</dd>
        </div>
      </dl>
      {w.points.length > 0 ? <Chart points={w.points} title={title} /> : <p className="muted">No percentage readings for this window.</p>}
    </section>
  );
}

export function HistoryApp({ bridge }: { bridge: QuotabarBridge }) {
  const { range, page, loading, failure, note } = useHistory();
  const lost = useConnection((s) => s.lost);
  return (
    <div className="history">
      <header className="history-head">
        <h1>History</h1>
        {page?.demo && <span className="demo-tag">Demo data: this session's polls only</span>}
      </header>
      <div className="history-bar">
        <div className="ranges" role="group" aria-label="Range">
          {RANGES.map((r) => (
            <button key={r.id} type="button" aria-pressed={r.id === range} onClick={() => void loadHistory(bridge, r.id)}>
              {r.label}
            </button>
          ))}
        </div>
        <ExportButtons onExport={(format) => void exportHistory(bridge, format, download)} />
      </div>
      <ExportNotices note={note} lost={lost} lostText="The charts come back when it does." failure={failure} />
      {page === null || (loading && page.range !== range) ? (
        <p className="muted loading">Loading history…</p>
      ) : page.problem ? (
        <p className="muted">{page.problem}</p>
      ) : page.windows.length === 0 ? (
        <p className="muted" data-testid="history-empty">
          No readings in this range yet. Every poll that gets an answer adds one per window.
        </p>
      ) : (
        page.windows.map((w) => <WindowChart key={`${w.providerId}/${w.accountLabel ?? ''}/${w.windowId}`} w={w} />)
      )}
    </div>
  );
}
