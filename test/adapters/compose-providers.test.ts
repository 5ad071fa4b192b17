// The provider list every front end builds from the configuration: all three in display order, or
// only those asked for, and OpenRouter sending the key from OPENROUTER_API_KEY over the keychain's.
import { describe, expect, it } from 'vitest';
import { buildAllProviders, resolveConfig } from '../../adapters/compose';
import { openRouterKeyLookup } from '../../adapters/providers/openrouter';
import { MemorySecretStore } from '../../adapters/memory-secret-store';
import { FakeClock } from '../support/fake-clock';
import { MemoryFiles } from '../support/memory-files';
import { ScriptedHttp } from '../support/scripted-http';
import { PROVIDER_IDS } from '../../core/providers/registry';

const config = resolveConfig({}, 'linux', '/home/me');
const deps = (secrets = new MemorySecretStore()) => ({ secrets, files: new MemoryFiles(), clock: new FakeClock(), httpFor: () => new ScriptedHttp(), logger: { warn: () => undefined } });

describe('the providers Quotabar polls', () => {
  it('are OpenRouter, Codex and Claude, in that order, then the providers added later', () => {
    expect(buildAllProviders(config, deps()).map((p) => p.id)).toEqual(['openrouter', 'codex', 'claude', ...PROVIDER_IDS.slice(3)]);
  });

  it('are only those asked for, still in display order', () => {
    expect(buildAllProviders(config, deps(), ['claude', 'openrouter']).map((p) => p.id)).toEqual(['openrouter', 'claude']);
    expect(buildAllProviders(config, deps(), [])).toEqual([]);
  });

  it('give Codex its session logs as a fallback after the usage endpoint', () => {
    const codex = buildAllProviders(config, deps(), ['codex'])[0]!;
    expect(codex.sources.length).toBe(2);
  });
});

describe('the OpenRouter key sent', () => {
  it('is OPENROUTER_API_KEY when set, else the keychain’s', async () => {
    const secrets = new MemorySecretStore({ initial: { openrouter: 'sk-or-v1-keychain' } });
    expect(await openRouterKeyLookup({ ...config, credentials: { ...config.credentials, openrouter: { envKey: 'sk-or-v1-env', dir: null } } }, secrets)()).toEqual({ ok: true, value: 'sk-or-v1-env' });
    expect(await openRouterKeyLookup(config, secrets)()).toEqual({ ok: true, value: 'sk-or-v1-keychain' });
  });
});
