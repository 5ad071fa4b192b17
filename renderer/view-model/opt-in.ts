// The opt-in checkboxes: one per provider whose descriptor offers reading a vendor tool's sign-in
// (`credentials.optIn`), its label and note in the descriptor's words. Pure.
import type { ProviderDescriptor } from '../../core/providers/descriptor';
import { PROVIDERS } from '../../core/providers/registry';
import type { Settings } from '../../core/settings';

export interface OptInRow {
  id: string;
  label: string;
  note: string;
  /** The environment variable that turns it on regardless of the setting. */
  env: string;
  checked: boolean;
  /** On through the environment: the checkbox cannot turn it off. */
  fromEnv: boolean;
}

type WithOptIn = ProviderDescriptor & { credentials: { optIn: NonNullable<ProviderDescriptor['credentials']['optIn']> } };

/** Providers that offer the opt-in, in display order. */
export const OPT_IN_PROVIDERS: readonly WithOptIn[] = (PROVIDERS as readonly ProviderDescriptor[]).filter((p): p is WithOptIn => p.credentials.optIn !== undefined);

export function optInRows(settings: Pick<Settings, 'credentialOptIn'>, fromEnv: readonly string[]): OptInRow[] {
  return OPT_IN_PROVIDERS.map((p) => ({
    id: p.id,
    label: p.credentials.optIn.label,
    note: p.credentials.optIn.note,
    env: p.credentials.optIn.env,
    checked: fromEnv.includes(p.id) || settings.credentialOptIn.includes(p.id),
    fromEnv: fromEnv.includes(p.id),
  }));
}

/** The setting with `id` turned on or off. */
export function optInPatch(current: readonly string[], id: string, on: boolean): string[] {
  return on ? [...current.filter((x) => x !== id), id] : current.filter((x) => x !== id);
}

/** What the change does, said once it is saved. */
export function optInMessage(id: string, on: boolean): string {
  const p = OPT_IN_PROVIDERS.find((x) => x.id === id);
  if (!p) return 'Saved.';
  const tool = p.words.signInWith ?? p.displayName;
  return on
    ? `On. ${p.displayName} asks its usage endpoint with ${tool}’s sign-in from this refresh on.`
    : `Off. Quotabar no longer reads ${tool}’s sign-in and makes no request with it.`;
}
