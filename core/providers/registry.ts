// The one list of providers. Adding a provider = its folder + one line here (and one in
// adapters/providers/registry.ts for its I/O). Order is display order.
import type { CostLogKind } from '../cost/entry';
import { claudeCostLog } from './claude/cost-log';
import { claude } from './claude/descriptor';
import { codexCostLog } from './codex/cost-log';
import { codex } from './codex/descriptor';
import { deepseek } from './deepseek/descriptor';
import { moonshot } from './moonshot/descriptor';
import { copilot } from './copilot/descriptor';
import type { ProviderDescriptor } from './descriptor';
import { gemini } from './gemini/descriptor';
import { minimax } from './minimax/descriptor';
import { openrouter } from './openrouter/descriptor';
import { zai } from './zai/descriptor';

export const PROVIDERS = [openrouter, codex, claude, zai, minimax, moonshot, deepseek, copilot, gemini] as const;

/** The providers whose local logs feed the cost ledger (`quotabar cost`), in display order. */
export const COST_LOGS: readonly CostLogKind[] = [claudeCostLog, codexCostLog];

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

/** Providers whose API key Quotabar itself stores in the keychain (`quotabar key set <id>`, a key form each in Settings). */
export const KEY_PROVIDERS: readonly (ProviderDescriptor & { id: KeyProviderId })[] = all.filter(
  (p): p is ProviderDescriptor & { id: KeyProviderId } => p.credentials.keychainAccount !== undefined,
);

/** The ids of providers whose key Quotabar stores (the key forms' and `quotabar key`'s). */
export type KeyProviderId = Extract<(typeof PROVIDERS)[number], { credentials: { keychainAccount: string } }>['id'];

/** True for an id whose key Quotabar stores. */
export function isKeyProviderId(id: unknown): id is KeyProviderId {
  return KEY_PROVIDERS.some((p) => p.id === id);
}

/** Key providers that also take a management key (a team view): a second row in Settings, `key set --management`. */
export const MANAGEMENT_KEY_PROVIDERS: readonly (ProviderDescriptor & { id: KeyProviderId })[] = KEY_PROVIDERS.filter(
  (p) => p.credentials.managementKey !== undefined,
);

/** True for a key provider that takes a management key. */
export function hasManagementKey(id: unknown): id is KeyProviderId {
  return MANAGEMENT_KEY_PROVIDERS.some((p) => p.id === id);
}

/** Providers whose sign-in Quotabar reads from the vendor tool's own files (not a stored key). */
export const SIGN_IN_PROVIDERS: readonly ProviderDescriptor[] = all.filter((p) => p.credentials.keychainAccount === undefined);

/** "a, b or c" (or "and"): names in a sentence. */
export function listText(names: readonly string[], conjunction: 'or' | 'and' = 'or'): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} ${conjunction} ${names[names.length - 1]}`;
}

/** "a, b or c": the CLI names, for usage lines and error messages. */
export function cliNamesText(names: readonly string[] = all.map((p) => p.cli.name)): string {
  return listText(names);
}
