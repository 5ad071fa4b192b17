// The Cost window: the last 30 days from the agents' own logs, as a chart of dollars per day and
// tables by day, model and project, with exports identical to `quotabar cost --json` (or CSV).
import type { QuotabarBridge } from '../../app/contract';
import type { CostPage, CostRow } from '../../app/contract';
import { compact, shortUsd } from '../../core/cost/format';
import type { CostTotals } from '../../core/cost/ledger';
import { COST_LOGS, descriptorOf, listText } from '../../core/providers/registry';
import { download } from '../shared/download';
import { useConnection } from '../state/connection';
import { exportCost, useCost } from '../state/cost';
import { CostChart } from './CostChart';

const sourceName = (id: string) => descriptorOf(id)?.displayName ?? id;

function Figures({ t }: { t: CostTotals }) {
  return (
    <>
      <td className="num">{compact(t.inputTokens)}</td>
      <td className="num">{compact(t.outputTokens)}</td>
      <td className="num">{compact(t.cacheCreationTokens + t.cacheReadTokens)}</td>
      <td className="num">{shortUsd(t)}</td>
    </>
  );
}

const HEAD = ['Input', 'Output', 'Cache', 'Cost'];

function Rows({ title, rows, testId }: { title: string; rows: CostRow[]; testId: string }) {
  return (
    <section className="history-window" data-testid={testId}>
      <h2>{title}</h2>
      {rows.length === 0 ? (
        <p className="muted">Nothing in these 30 days.</p>
      ) : (
        <table className="cost-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Source</th>
              {HEAD.map((h) => (
                <th key={h} className="num">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.source}/${r.name}`}>
                <td className="name">{r.name}</td>
                <td>{sourceName(r.source)}</td>
                <Figures t={r} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Days({ page }: { page: CostPage }) {
  const used = page.days.filter((d) => d.total.totalTokens > 0).reverse();
  return (
    <section className="history-window" data-testid="cost-days">
      <h2>By day</h2>
      <table className="cost-table">
        <thead>
          <tr>
            <th>Date</th>
            <th>Sources</th>
            {HEAD.map((h) => (
              <th key={h} className="num">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {used.map((d) => (
            <tr key={d.date}>
              <td>{d.date}</td>
              <td>{Object.keys(d.bySource).map(sourceName).join(', ')}</td>
              <Figures t={d.total} />
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function CostApp({ bridge }: { bridge: QuotabarBridge }) {
  const { page, failure, note } = useCost();
  const lost = useConnection((s) => s.lost);
  return (
    <div className="history cost">
      <header className="history-head">
        <h1>Cost</h1>
        {page && <span className="muted">{`${page.from} to ${page.today}, from the agents' own logs`}</span>}
      </header>
      <div className="history-bar">
        <p className="cost-total" data-testid="cost-total">
          {page && !page.problem ? `${shortUsd(page.totals)} · ${compact(page.totals.totalTokens)} tokens` : ''}
        </p>
        <div className="exports">
          <button type="button" onClick={() => void exportCost(bridge, 'csv', download)}>
            Export CSV
          </button>
          <button type="button" onClick={() => void exportCost(bridge, 'json', download)}>
            Export JSON
          </button>
        </div>
      </div>
      {note && (
        <p className={note.kind === 'failed' ? 'banner' : 'muted export-note'} role="status" data-testid="export-note">
          {note.text}
        </p>
      )}
      {lost && (
        <p className="banner" role="alert">
          Lost the connection to Quotabar. The figures come back when it does.
        </p>
      )}
      {failure && !lost && (
        <p className="banner" role="alert">
          {failure}
        </p>
      )}
      {page === null ? (
        <p className="muted loading">Reading the logs…</p>
      ) : page.problem ? (
        <p className="muted">{page.problem}</p>
      ) : page.totals.totalTokens === 0 ? (
        <p className="muted" data-testid="cost-empty">
          {`No usage in the last 30 days in the logs ${listText(COST_LOGS.map((k) => sourceName(k.source)), 'and')} keep on this machine.`}
        </p>
      ) : (
        <>
          {page.unknownModels.length > 0 && (
            <p className="muted" data-testid="cost-unknown">{`No price known for ${page.unknownModels.join(', ')}: their tokens are counted, their cost shown as “?”.`}</p>
          )}
          <section className="history-window">
            <h2>Dollars per day</h2>
            <CostChart days={page.days} />
          </section>
          <Days page={page} />
          <Rows title="By model" rows={page.models} testId="cost-models" />
          <Rows title="By project" rows={page.projects} testId="cost-projects" />
        </>
      )}
    </div>
  );
}
