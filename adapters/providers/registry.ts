// The I/O half of the provider list: one adapter per descriptor in core/providers/registry.ts, same order.
import type { ProviderDescriptor } from '../../core/providers/descriptor';
import { PROVIDERS } from '../../core/providers/registry';
import type { ProviderAdapter } from './adapter';
import { claudeAdapter } from './claude';
import { codexAdapter } from './codex';
import { openRouterAdapter } from './openrouter';

const ADAPTERS: readonly ProviderAdapter[] = [openRouterAdapter, codexAdapter, claudeAdapter];

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
