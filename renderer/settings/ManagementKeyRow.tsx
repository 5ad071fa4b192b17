// A provider's management key (its team view), as a second row under the provider's key row: where it
// is set, then test/save/remove. Only providers whose descriptor has `credentials.managementKey` get one.
// The key goes to the main process and back only as a masked label; the draft is cleared after a save.
import { useReducer, useRef, useState } from 'react';
import type { ManagementKeyStatus, QuotabarBridge } from '../../app/contract';
import type { ProviderSnapshot } from '../../core/model';
import type { ProviderDescriptor } from '../../core/providers/descriptor';
import type { KeyProviderId } from '../../core/providers/registry';
import { callFailure } from '../bridge';
import { Words } from '../shared/Words';
import { initialKeyForm, keyFormStep, type KeyAction } from '../view-model/key-form';
import { managementKeyView, type ManagementKeyView } from '../view-model/management-key';

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
  const inputId = `${provider.id}-management-key`;
  const helpId = `${provider.id}-management-key-help`;
  const messageId = `${provider.id}-management-key-message`;
  const [form, dispatch] = useReducer(keyFormStep, initialKeyForm);
  const [removal, setRemoval] = useState<{ busy: boolean; message: string | null }>({ busy: false, message: null });
  const busy = form.phase === 'busy';
  const message = form.phase === 'editing' ? form.message : null;
  const messageRef = useRef<HTMLParagraphElement>(null);

  const run = async (action: KeyAction) => {
    const next = keyFormStep(form, { type: 'submit', action, provider, slot: 'management' });
    dispatch({ type: 'submit', action, provider, slot: 'management' });
    if (next.phase !== 'busy') return;
    setRemoval({ busy: false, message: null });
    const req = { providerId: provider.id, key: next.draft.trim(), slot: 'management' as const };
    try {
      const check = await bridge.invoke(action === 'save' ? 'key:save' : 'key:test', req);
      dispatch({ type: 'result', action, check, demo, provider, slot: 'management' });
    } catch (e) {
      dispatch({ type: 'failed', text: callFailure(e) });
    }
  };

  const remove = async () => {
    setRemoval({ busy: true, message: null });
    try {
      await bridge.invoke('key:remove', { providerId: provider.id, slot: 'management' });
      dispatch({ type: 'input', value: '' });
      setRemoval({ busy: false, message: demo ? 'Management key removed.' : 'Management key removed from the keychain.' });
    } catch (e) {
      setRemoval({ busy: false, message: callFailure(e) });
    }
    // The Remove button is gone once the key is: keyboard focus goes to the outcome, not to <body>.
    messageRef.current?.focus();
  };

  // As in the key form: controls stay focusable (aria-disabled, read-only) while a check runs.
  const inactive = busy || fromEnv;

  return (
    <>
      <p className="hint" data-testid="management-key-purpose">
        {words?.purpose}{' '}
        {demo ? `In demo mode it is checked by a local demo server, not ${name}, and kept for this session only.` : `${words?.sentTo ?? ''} It is checked there, then kept in the system keychain.`}
      </p>
      {fromEnv && envKey && <p className="hint">Set by {envKey}, which takes precedence over a stored management key. Unset it to manage the key here.</p>}
      <form
        className="key-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!fromEnv) void run('save');
        }}
        noValidate
      >
        <label htmlFor={inputId}>{stored ? 'Replace with a new management key' : 'Management key'}</label>
        <input
          id={inputId}
          name={inputId}
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder={provider.words.key?.placeholderHint}
          value={form.draft}
          disabled={fromEnv}
          readOnly={busy}
          aria-invalid={message?.tone === 'error'}
          aria-describedby={`${messageId} ${helpId}`}
          onChange={(e) => dispatch({ type: 'input', value: e.target.value })}
        />
        <p id={helpId} className="hint">
          Saved only after {demo ? 'the demo server' : name} lists the account’s keys with it.
        </p>
        <div className="actions">
          <button type="submit" className="primary" aria-disabled={inactive}>
            {busy && form.action === 'save' ? 'Checking…' : stored ? 'Replace key' : 'Save key'}
          </button>
          <button type="button" className="secondary" aria-disabled={inactive} onClick={() => !fromEnv && void run('test')}>
            {busy && form.action === 'test' ? 'Testing…' : 'Test'}
          </button>
          {stored && (
            <button type="button" className="secondary danger" disabled={busy || removal.busy} onClick={() => void remove()}>
              {removal.busy ? 'Removing…' : 'Remove key'}
            </button>
          )}
        </div>
        <p
          id={messageId}
          className={`message ${message ? `message-${message.tone}` : ''}`}
          role={message?.tone === 'error' ? 'alert' : 'status'}
          data-testid="management-key-message"
          ref={messageRef}
          tabIndex={-1}
        >
          <Words text={message?.text ?? removal.message ?? ''} />
        </p>
      </form>
    </>
  );
}
