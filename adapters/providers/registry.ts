// The I/O half of the provider list: one adapter per descriptor in core/providers/registry.ts, same order.
import type { ProviderDescriptor } from '../../core/providers/descriptor';
import { PROVIDERS } from '../../core/providers/registry';
import type { ProviderAdapter } from './adapter';
import type { StatusLineHook } from '../../core/providers/status-line';
import { claudeAdapter } from './claude';
import { codexAdapter } from './codex';
import { deepSeekAdapter } from './deepseek';
import { miniMaxAdapter } from './minimax';
import { moonshotAdapter } from './moonshot';
import { copilotAdapter } from './copilot';
import { geminiAdapter } from './gemini';
import { openRouterAdapter } from './openrouter';
import { zaiAdapter } from './zai';

const ADAPTERS: readonly ProviderAdapter[] = [openRouterAdapter, codexAdapter, claudeAdapter, zaiAdapter, miniMaxAdapter, moonshotAdapter, deepSeekAdapter, copilotAdapter, geminiAdapter];

/** The adapter for a registered provider; throws for an id with no adapter (a registry bug). */
export function adapterOf(id: string): ProviderAdapter {
  const a = ADAPTERS.find((x) => x.descriptor.id === id);
  if (!a) throw new Error(`no adapter registered for provider '${id}'`);
  return a;
}

/** Every adapter, in the core registry's (display) order. */
export function allAdapters(): ProviderAdapter[] {
  return (PROVIDERS as readonly ProviderDescriptor[]).map((d) => adapterOf(d.id));
}

/** An adapter with a status-line hook, whose tool keeps its settings in the descriptor's `credentials.dir`. */
export type StatusLineAdapter = ProviderAdapter & {
  statusLine: StatusLineHook;
  descriptor: ProviderDescriptor & { credentials: { dir: NonNullable<ProviderDescriptor['credentials']['dir']> } };
};

/** The provider `quotabar statusline` and Settings' status-line button serve (the first with a hook). */
export function statusLineAdapter(): StatusLineAdapter {
  const a = ADAPTERS.find((x): x is StatusLineAdapter => x.statusLine !== undefined && x.descriptor.credentials.dir !== undefined);
  if (!a) throw new Error('no provider has a status line');
  return a;
}
