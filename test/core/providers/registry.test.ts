// The registry is the one list of providers: what the CLI, Settings and the environment offer
// follows from it, and every descriptor agrees with the provider its adapter builds.
import { describe, expect, it } from 'vitest';
import { buildAllProviders, resolveConfig } from '../../../adapters/compose';
import { MemorySecretStore } from '../../../adapters/memory-secret-store';
import { allAdapters } from '../../../adapters/providers/registry';
import type { ProviderDescriptor } from '../../../core/providers/descriptor';
import { descriptorOf, KEY_PROVIDERS, PROVIDERS, PROVIDER_IDS, providerByCliName } from '../../../core/providers/registry';
import { FakeClock } from '../../support/fake-clock';
import { MemoryFiles } from '../../support/memory-files';

const all: readonly ProviderDescriptor[] = PROVIDERS;

describe('the provider registry', () => {
  it('lists each id, CLI name and alias once', () => {
    const names = all.flatMap((p) => [p.cli.name, ...p.cli.aliases]);
    expect(new Set(PROVIDER_IDS).size).toBe(all.length);
    expect(new Set(names).size).toBe(names.length);
    for (const p of all) expect(providerByCliName(p.cli.name)).toBe(p);
    expect(providerByCliName('nope')).toBeNull();
    expect(descriptorOf('nope')).toBeNull();
  });

  it('names each base URL variable QUOTABAR_<ID>_URL and gives an https default', () => {
    for (const p of all) {
      expect(p.baseUrlEnv).toBe(`QUOTABAR_${p.id.toUpperCase()}_URL`);
      expect(new URL(p.defaultBaseUrl).protocol).toBe('https:');
    }
  });

  it('gives every provider whose key Quotabar stores a format check, an env variable and key words', () => {
    expect(KEY_PROVIDERS.length).toBeGreaterThan(0);
    for (const p of KEY_PROVIDERS) {
      expect(p.keyFormatProblem?.('')).toBeTruthy();
      expect(p.credentials.envKey).toBeTruthy();
      expect(p.words.key?.keysUrl).toMatch(/^https:\/\//);
    }
  });

  it('has one adapter per descriptor, in the same order, building a provider with that id, name and sources', () => {
    expect(allAdapters().map((a) => a.descriptor)).toEqual([...all]);
    const config = resolveConfig({}, 'linux', '/home/me');
    const built = buildAllProviders(config, { secrets: new MemorySecretStore(), files: new MemoryFiles(), clock: new FakeClock() });
    expect(built.map((p) => p.id)).toEqual([...PROVIDER_IDS]);
    for (const p of built) {
      const d = descriptorOf(p.id)!;
      expect(p.displayName).toBe(d.displayName);
      // Every source the chain can record is one the descriptor declares.
      for (const s of p.sources) expect(d.sources).toContain(s.id);
    }
  });

  it('takes each base URL from its own variable', () => {
    const env = Object.fromEntries(all.map((p, i) => [p.baseUrlEnv, `http://127.0.0.1:${9000 + i}/`]));
    const config = resolveConfig(env, 'linux', '/home/me');
    all.forEach((p, i) => expect(config.urls[p.id]).toBe(`http://127.0.0.1:${9000 + i}`));
  });
});
