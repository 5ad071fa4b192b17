// One provider's stored API key: its hints, then add/test/replace/remove. Enter saves. Ids are the
// provider's own, so every key provider's form can be on the page at once.
import type { QuotabarBridge } from '../../app/contract';
import type { ProviderDescriptor } from '../../core/providers/descriptor';
import type { KeyProviderId } from '../../core/providers/registry';
import { Words } from '../shared/Words';
import type { CredentialView } from '../view-model/credentials';
import { KeyFields, useKeySlot } from './KeyFields';

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
  const slot = useKeySlot({ bridge, provider, demo, removed: { demo: 'Key removed. The demo’s own key comes back when Quotabar restarts.', keychain: 'Key removed from the keychain.' } });

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

      <KeyFields
        slot={slot}
        inputId={`${provider.id}-key`}
        label={stored ? 'Replace with a new key' : 'API key'}
        placeholder={keyWords?.placeholderHint}
        fromEnv={fromEnv}
        stored={stored}
        helpTestId="key-help"
        messageTestId="key-message"
        help={
          <>
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
          </>
        }
      />
    </>
  );
}
