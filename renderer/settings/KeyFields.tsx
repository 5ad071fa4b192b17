// What a stored key's form and a management key's form share: the test/save/remove calls with their
// busy and message states (useKeySlot), and the password field, buttons and outcome line (KeyFields).
// Each form adds its own words around them; the key goes to main and back only as a masked label.
import { useReducer, useRef, useState, type ReactNode } from 'react';
import type { KeySlot, QuotabarBridge } from '../../app/contract';
import type { ProviderDescriptor } from '../../core/providers/descriptor';
import type { KeyProviderId } from '../../core/providers/registry';
import { callFailure } from '../bridge';
import { Words } from '../shared/Words';
import { initialKeyForm, keyFormStep, type KeyAction } from '../view-model/key-form';

export interface KeySlotOptions {
  bridge: QuotabarBridge;
  provider: ProviderDescriptor & { id: KeyProviderId };
  demo: boolean;
  /** Absent: the provider's key; 'management': its management key. */
  slot?: KeySlot;
  /** What Remove says once done, in demo mode and otherwise. */
  removed: { demo: string; keychain: string };
}

export function useKeySlot({ bridge, provider, demo, slot, removed }: KeySlotOptions) {
  const [form, dispatch] = useReducer(keyFormStep, initialKeyForm);
  const [removal, setRemoval] = useState<{ busy: boolean; message: string | null }>({ busy: false, message: null });
  const messageRef = useRef<HTMLParagraphElement>(null);
  const only = slot ? { slot } : {};

  const run = async (action: KeyAction) => {
    const next = keyFormStep(form, { type: 'submit', action, provider, ...only });
    dispatch({ type: 'submit', action, provider, ...only });
    if (next.phase !== 'busy') return;
    setRemoval({ busy: false, message: null });
    const req = { providerId: provider.id, key: next.draft.trim(), ...only };
    try {
      const check = await bridge.invoke(action === 'save' ? 'key:save' : 'key:test', req);
      dispatch({ type: 'result', action, check, demo, provider, ...only });
    } catch (e) {
      dispatch({ type: 'failed', text: callFailure(e) });
    }
  };

  const remove = async () => {
    setRemoval({ busy: true, message: null });
    try {
      await bridge.invoke('key:remove', { providerId: provider.id, ...only });
      dispatch({ type: 'input', value: '' });
      setRemoval({ busy: false, message: demo ? removed.demo : removed.keychain });
    } catch (e) {
      setRemoval({ busy: false, message: callFailure(e) });
    }
    // The Remove button is gone once the key is: keyboard focus goes to the outcome, not to <body>.
    messageRef.current?.focus();
  };

  return { form, dispatch, removal, messageRef, run, remove, busy: form.phase === 'busy', message: form.phase === 'editing' ? form.message : null };
}

export interface KeyFieldsProps {
  slot: ReturnType<typeof useKeySlot>;
  /** The field's id; its help and message ids are derived from it. */
  inputId: string;
  label: string;
  placeholder: string | undefined;
  /** The key comes from the provider's variable: the field is off and the buttons do nothing. */
  fromEnv: boolean;
  stored: boolean;
  help: ReactNode;
  helpTestId?: string;
  messageTestId: string;
}

/** The form: Enter saves; while a check runs the controls stay focusable (aria-disabled, read-only). */
export function KeyFields({ slot, inputId, label, placeholder, fromEnv, stored, help, helpTestId, messageTestId }: KeyFieldsProps) {
  const { form, dispatch, removal, messageRef, run, remove, busy, message } = slot;
  const helpId = `${inputId}-help`;
  const messageId = `${inputId}-message`;
  // A disabled control would drop keyboard focus to <body>; keyFormStep ignores submits while busy.
  const inactive = busy || fromEnv;
  return (
    <form
      className="key-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!fromEnv) void run('save');
      }}
      noValidate
    >
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        name={inputId}
        type="password"
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        value={form.draft}
        disabled={fromEnv}
        readOnly={busy}
        aria-invalid={message?.tone === 'error'}
        aria-describedby={`${messageId} ${helpId}`}
        onChange={(e) => dispatch({ type: 'input', value: e.target.value })}
      />
      <p id={helpId} className="hint" data-testid={helpTestId}>
        {help}
      </p>
      <div className="actions">
        <button type="submit" className="primary" aria-disabled={inactive}>
          {form.phase === 'busy' && form.action === 'save' ? 'Checking…' : stored ? 'Replace key' : 'Save key'}
        </button>
        <button type="button" className="secondary" aria-disabled={inactive} onClick={() => !fromEnv && void run('test')}>
          {form.phase === 'busy' && form.action === 'test' ? 'Testing…' : 'Test'}
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
        data-testid={messageTestId}
        ref={messageRef}
        tabIndex={-1}
      >
        <Words text={message?.text ?? removal.message ?? ''} />
      </p>
    </form>
  );
}
