// A provider's management key (its team view), as a second row under the provider's key row: where it
// is set, then test/save/remove. Only providers whose descriptor has `credentials.managementKey` get one.
// The key goes to the main process and back only as a masked label; the draft is cleared after a save.
import { useState } from 'react';
import type { ManagementKeyStatus, QuotabarBridge } from '../../app/contract';
import type { ProviderSnapshot } from '../../core/model';
import type { ProviderDescriptor } from '../../core/providers/descriptor';
import type { KeyProviderId } from '../../core/providers/registry';
import { managementKeyView, type ManagementKeyView } from '../view-model/management-key';
import { KeyFields, useKeySlot } from './KeyFields';

export interface ManagementKeyRowProps {
  bridge: QuotabarBridge;
  provider: ProviderDescriptor & { id: KeyProviderId };
  /** Where the management key is set (null while unknown). */
  status: ManagementKeyStatus | null;
  /** The provider's implicit account's snapshot: a refused management key shows as a note there. */
  snapshot: ProviderSnapshot | null;
  demo: boolean;
}

export function ManagementKeyRow({ bridge, provider, status, snapshot, demo }: ManagementKeyRowProps) {
  const [open, setOpen] = useState(false);
  const view = status ? managementKeyView(provider, status, snapshot, { demo }) : null;
  const titleId = `${provider.id}-management-key-title`;
  const bodyId = `${provider.id}-management-key-body`;
  const closed = view?.fromEnv ? 'Details' : view?.stored ? 'Manage' : 'Add key';
  return (
    <li className="key-row key-row-sub" data-management-key-provider={provider.id}>
      <div role="group" aria-label={`${provider.displayName} management key (team view)`}>
        <div className="key-row-head">
          <h3 id={titleId}>Management key (team view)</h3>
          <p className={`status-line state-${view?.state ?? 'missing'}`} data-testid="management-key-status">
            <span className="dot" aria-hidden="true" />
            {view ? view.text : 'Checking…'}
          </p>
          <button type="button" className="secondary key-toggle" aria-expanded={open} aria-controls={bodyId} aria-describedby={titleId} onClick={() => setOpen(!open)}>
            {open ? 'Hide' : closed}
          </button>
        </div>
        <div id={bodyId} className="key-row-body" hidden={!open}>
          {open && <ManagementKeyForm bridge={bridge} provider={provider} view={view} demo={demo} />}
        </div>
      </div>
    </li>
  );
}

function ManagementKeyForm({ bridge, provider, view, demo }: { bridge: QuotabarBridge; provider: ManagementKeyRowProps['provider']; view: ManagementKeyView | null; demo: boolean }) {
  const name = provider.displayName;
  const words = provider.words.managementKey;
  const envKey = provider.credentials.managementKey?.envKey;
  const fromEnv = view?.fromEnv === true;
  const stored = view?.stored === true;
  const slot = useKeySlot({
    bridge,
    provider,
    demo,
    slot: 'management',
    removed: { demo: 'Management key removed. The demo’s own key comes back when Quotabar restarts.', keychain: 'Management key removed from the keychain.' },
  });

  return (
    <>
      <p className="hint" data-testid="management-key-purpose">
        {words?.purpose}{' '}
        {demo ? `In demo mode it is checked by a local demo server, not ${name}, and kept for this session only.` : `${words?.sentTo ?? ''} It is checked there, then kept in the system keychain.`}
      </p>
      {fromEnv && envKey && <p className="hint">Set by {envKey}, which takes precedence over a stored management key. Unset it to manage the key here.</p>}
      <KeyFields
        slot={slot}
        inputId={`${provider.id}-management-key`}
        label={stored ? 'Replace with a new management key' : 'Management key'}
        placeholder={provider.words.key?.placeholderHint}
        fromEnv={fromEnv}
        stored={stored}
        messageTestId="management-key-message"
        help={`Saved only after ${demo ? 'the demo server' : name} lists the account’s keys with it.`}
      />
    </>
  );
}
