// The one list of providers. Adding a provider = its folder + one line here (and one in
// adapters/providers/registry.ts for its I/O). Order is display order.
import { claude } from './claude/descriptor';
import { codex } from './codex/descriptor';
import type { ProviderDescriptor } from './descriptor';
import { openrouter } from './openrouter/descriptor';

export const PROVIDERS = [openrouter, codex, claude] as const;

/** The ids of the providers Quotabar knows, derived from the list above. */
export type KnownProviderId = (typeof PROVIDERS)[number]['id'];

/** Every known provider id, in display order. */
export const PROVIDER_IDS: readonly KnownProviderId[] = PROVIDERS.map((p) => p.id);

const all: readonly ProviderDescriptor[] = PROVIDERS;

/** The descriptor for an id, or null for an id Quotabar does not know. */
export function descriptorOf(id: string): ProviderDescriptor | null {
  return all.find((p) => p.id === id) ?? null;
}

/** The provider the CLI means by `name` (its CLI name or an alias), or null. */
export function providerByCliName(name: string): ProviderDescriptor | null {
  return all.find((p) => p.cli.name === name || (p.cli.aliases as readonly string[]).includes(name)) ?? null;
}

/** Providers whose API key Quotabar itself stores in the keychain (`quotabar key set`, Settings' key form). */
export const KEY_PROVIDERS: readonly ProviderDescriptor[] = all.filter((p) => p.credentials.keychainAccount !== undefined);

/** The provider whose key the key form and `quotabar key` manage (the first with a stored key). */
export function keyProvider(): ProviderDescriptor {
  const p = KEY_PROVIDERS[0];
  if (!p) throw new Error('no provider stores a key');
  return p;
}

/** "a, b or c": the CLI names, for usage lines and error messages. */
export function cliNamesText(names: readonly string[] = all.map((p) => p.cli.name)): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}
