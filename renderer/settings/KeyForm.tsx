// One provider's stored API key: its hints, then add/test/replace/remove. Enter saves. Ids are the
// provider's own, so every key provider's form can be on the page at once.
import { useReducer, useRef, useState } from 'react';
import type { QuotabarBridge } from '../../app/contract';
import type { ProviderDescriptor } from '../../core/providers/descriptor';
import type { KeyProviderId } from '../../core/providers/registry';
import { callFailure } from '../bridge';
import { Words } from '../shared/Words';
import type { CredentialView } from '../view-model/credentials';
import { initialKeyForm, keyFormStep, type KeyAction } from '../view-model/key-form';

export interface KeyFormProps {
  bridge: QuotabarBridge;
  /** A provider whose key Quotabar stores (the registry's key providers). */
  provider: ProviderDescriptor & { id: KeyProviderId };
  /** How its credential stands (null while unknown). */
  view: CredentialView | null;
  /** The key comes from the provider's variable, not the keychain: nothing to manage here. */
  fromEnv: boolean;
  /** A key is in the keychain (or, in demo mode, in memory). */
  stored: boolean;
  /** Demo mode: keys are checked by the local demo server and kept in memory, never in the keychain. */
  demo: boolean;
  /** The key the demo server accepts for this provider (demo mode only). */
  demoKey: string | null;
}

export function KeyForm({ bridge, provider, view, fromEnv, stored, demo, demoKey }: KeyFormProps) {
  const name = provider.displayName;
  const keyWords = provider.words.key;
  const inputId = `${provider.id}-key`;
  const helpId = `${provider.id}-key-help`;
  const messageId = `${provider.id}-key-message`;
  const [form, dispatch] = useReducer(keyFormStep, initialKeyForm);
  const [removal, setRemoval] = useState<{ busy: boolean; message: string | null }>({ busy: false, message: null });
  const busy = form.phase === 'busy';
  const message = form.phase === 'editing' ? form.message : null;
  const messageRef = useRef<HTMLParagraphElement>(null);

  const run = async (action: KeyAction) => {
    const next = keyFormStep(form, { type: 'submit', action, provider });
    dispatch({ type: 'submit', action, provider });
    if (next.phase !== 'busy') return;
    setRemoval({ busy: false, message: null });
    const req = { providerId: provider.id, key: next.draft.trim() };
    try {
      const check = await bridge.invoke(action === 'save' ? 'key:save' : 'key:test', req);
      dispatch({ type: 'result', action, check, demo, provider });
    } catch (e) {
      dispatch({ type: 'failed', text: callFailure(e) });
    }
  };

  const remove = async () => {
    setRemoval({ busy: true, message: null });
    try {
      await bridge.invoke('key:remove', { providerId: provider.id });
      dispatch({ type: 'input', value: '' });
      setRemoval({ busy: false, message: demo ? 'Key removed.' : 'Key removed from the keychain.' });
    } catch (e) {
      setRemoval({ busy: false, message: callFailure(e) });
    }
    // The Remove button is gone once the key is: keyboard focus goes to the outcome, not to <body>.
    messageRef.current?.focus();
  };

  // While a check runs the controls stay focusable (aria-disabled, read-only) rather than disabled:
  // a disabled control drops keyboard focus to <body>. keyFormStep ignores submits while busy.
  const inactive = busy || fromEnv;

  return (
    <>
      {/* A refused key is replaced with the form below; an unreadable keychain has its own remedy. */}
      {(view?.state === 'expired' || view?.state === 'invalid') && <p className="hint">Replace it below.</p>}
      {view?.state === 'error' && view.hint && (
        <p className="hint">
          <Words text={view.hint} />
        </p>
      )}
      {fromEnv && <p className="hint">Set by {provider.credentials.envKey}, which takes precedence over a stored key. Unset it to manage the key here.</p>}
      {demo && demoKey && (
        <p className="hint demo-key" data-testid="demo-key">
          Demo mode: keys are checked by a local demo server, not {name}, and kept for this session only. A key it accepts:{' '}
          <code>{demoKey}</code>
        </p>
      )}

      <form
        className="key-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!fromEnv) void run('save');
        }}
        noValidate
      >
        <label htmlFor={inputId}>{stored ? 'Replace with a new key' : 'API key'}</label>
        <input
          id={inputId}
          name={inputId}
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder={keyWords?.placeholderHint}
          value={form.draft}
          disabled={fromEnv}
          readOnly={busy}
          aria-invalid={message?.tone === 'error'}
          aria-describedby={`${messageId} ${helpId}`}
          onChange={(e) => dispatch({ type: 'input', value: e.target.value })}
        />
        <p id={helpId} className="hint" data-testid="key-help">
          {keyWords && (
            <>
              Create one at{' '}
              <button type="button" className="link-button" onClick={() => void bridge.invoke('link:open', { url: keyWords.keysUrl }).catch(() => undefined)}>
                {keyWords.keysLinkText}
              </button>
              .{' '}
            </>
          )}
          {demo ? 'In demo mode it is checked by the demo server and kept for this session only.' : `It is checked with ${name}, then kept in the system keychain.`}
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
          data-testid="key-message"
          ref={messageRef}
          tabIndex={-1}
        >
          <Words text={message?.text ?? removal.message ?? ''} />
        </p>
      </form>
    </>
  );
}
