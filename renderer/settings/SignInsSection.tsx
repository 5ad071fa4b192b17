// The vendor tools' sign-ins: Quotabar only reads them, so this says whether and where each was found.
import type { ProviderSnapshot } from '../../core/model';
import type { CredentialStatus } from '../../app/contract';
import { listText, SIGN_IN_PROVIDERS } from '../../core/providers/registry';
import { Words } from '../shared/Words';
import { credentialView } from '../view-model/credentials';

export function SignInsSection({ credentials, snapshots }: { credentials: CredentialStatus[]; snapshots: readonly ProviderSnapshot[] }) {
  const views = credentials
    .filter((c) => SIGN_IN_PROVIDERS.some((p) => p.id === c.providerId))
    .map((c) => credentialView(c, snapshots.find((s) => s.providerId === c.providerId) ?? null));
  return (
    <section className="panel" aria-labelledby="signins-title">
      <h2 id="signins-title">{listText(SIGN_IN_PROVIDERS.map((p) => p.displayName), 'and')} sign-ins</h2>
      <p className="hint">Read from the command-line tools’ own files. Quotabar never changes them.</p>
      <ul className="signins">
        {views.map((v) => (
          <li key={v.providerId} data-provider={v.providerId} data-state={v.state}>
            <span className={`status-line state-${v.state}`}>
              <span className="dot" aria-hidden="true" />
              <strong>{v.name}</strong>
            </span>
            <span className="signin-text">
              <Words text={v.text} />
            </span>
            {v.hint && (
              <span className="hint">
                <Words text={v.hint} />
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
