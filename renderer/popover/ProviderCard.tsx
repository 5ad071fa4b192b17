// A provider card: name and status, account, every window, notes, and what to do when it fails.
import type { QuotabarBridge } from '../../app/contract';
import type { CardView } from '../view-model/card';
import { Words } from '../shared/Words';
import { TeamKeys } from './TeamKeys';
import { WindowMeter } from './WindowMeter';
import { descriptorOf } from '../../core/providers/registry';
import { sparkKey, useSparklines } from '../state/sparklines';
import { useCost } from '../state/cost';
import { costLine } from '../../core/cost/format';

interface Props {
  card: CardView;
  bridge: QuotabarBridge;
}

export function ProviderCard({ card, bridge }: Props) {
  const compact = card.badge.tone === 'unconfigured' || card.badge.tone === 'pending';
  const lines = useSparklines((s) => s.lines);
  // What the tool's own logs say this machine spent: on the provider's first card (the logs are the machine's, not an account's).
  const cost = useCost((s) => (card.accountLabel === null ? s.summary?.sources.find((c) => c.source === card.providerId) : undefined));
  const p = card.problem;
  return (
    <article
      className={`card tone-${card.badge.tone}${compact ? ' compact' : ''}`}
      data-provider={card.providerId}
      data-credential={card.credential}
      data-account={card.accountLabel ?? undefined}
      aria-labelledby={`name-${card.key}`}
      aria-busy={card.refreshing}
    >
      <header className="card-head">
        <div className="card-title">
          <h2 id={`name-${card.key}`}>{card.name}</h2>
          {card.account && (
            <span className="account" title={card.account}>
              {card.account}
            </span>
          )}
        </div>
        <div className="card-status">
          <span className={`badge badge-${card.badge.tone}`} data-testid="badge">
            {card.badge.text}
          </span>
          {!compact && (
            <span className="updated" data-testid="updated">
              {card.refreshing ? 'refreshing…' : card.updated}
            </span>
          )}
        </div>
      </header>

      {p && (
        <div className={`problem problem-${card.badge.tone}`} role={card.badge.tone === 'error' ? 'alert' : undefined}>
          {/* "Not set up" is already the badge: only say what to do. */}
          {card.badge.tone !== 'unconfigured' && <p className="problem-reason"><Words text={p.reason} /></p>}
          {p.action && (
            <p className="problem-action">
              <Words text={p.action} />
            </p>
          )}
          {p.link && (
            <button type="button" className="link-button" onClick={() => void bridge.invoke('link:open', { url: p.link!.url })}>
              {p.link.label} ↗
            </button>
          )}
          {/* Settings' key form stores the implicit account's key only. */}
          {card.badge.tone === 'unconfigured' && card.accountLabel === null && descriptorOf(card.providerId)?.credentials.keychainAccount !== undefined && (
            <button type="button" className="link-button" onClick={() => void bridge.invoke('window:open-settings', null)}>
              Add a key…
            </button>
          )}
        </div>
      )}

      {card.windows.length > 0 && (
        <ul className="meters">
          {card.windows.map((w) => (
            <WindowMeter key={w.id} w={w} providerName={card.name} spark={lines[sparkKey(card.providerId, card.accountLabel, w.id)]} />
          ))}
        </ul>
      )}

      {cost && cost.last30Days.totalTokens > 0 && (
        <p className="cost-line" data-testid="cost-line">
          <button type="button" className="link-button" onClick={() => void bridge.invoke('window:open-cost', null)} title="Open the Cost window">
            {costLine(cost.today, cost.last30Days)}
          </button>
        </p>
      )}
      {card.teamKeys.length > 0 && <TeamKeys rows={card.teamKeys} accountName={card.name} />}

      {card.runway && (
        <p className="runway" data-testid="runway">
          {card.runway}
        </p>
      )}

      {card.notes.length > 0 && (
        <ul className="notes">
          {card.notes.map((n) => (
            <li key={n}>
              <Words text={n} />
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
