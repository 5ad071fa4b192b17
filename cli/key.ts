// `quotabar key set|remove openrouter`: the key is read from stdin, checked with /key, then kept in the keychain.
import { describeError } from '../core/present';
import { maskKey, validateOpenRouterKey } from '../core/providers/openrouter';
import { httpForBase, OPENROUTER_ACCOUNT, type AppConfig, type ComposeDeps } from '../adapters/compose';
import type { CliIo } from './main';

/** Reads, validates and stores the OpenRouter key. Exit 1 when it was rejected or could not be stored. */
export async function setKey(config: AppConfig, deps: ComposeDeps, io: CliIo): Promise<number> {
  const key = (await io.readStdin()).trim();
  if (!key || /\s/.test(key) || key.length > 512) {
    io.stderr('quotabar: no key on standard input (usage: quotabar key set openrouter < keyfile)\n');
    return 2;
  }
  const http = (deps.httpFor ?? ((u: string) => httpForBase(u, config.timeoutMs)))(config.urls.openrouter);
  const check = await validateOpenRouterKey(http, config.urls.openrouter, key);
  if (!check.ok) {
    const w = describeError(check.error, 'openrouter');
    io.stderr(`quotabar: key not saved: ${w.reason}${w.action ? ` ${w.action}` : ''}\n`);
    return 1;
  }
  const stored = await deps.secrets.set(OPENROUTER_ACCOUNT, key);
  if (!stored.ok) {
    const w = describeError(stored.error, 'openrouter');
    io.stderr(`quotabar: key is valid but could not be stored: ${w.reason}${w.action ? ` ${w.action}` : ''}\n`);
    return 1;
  }
  io.stdout(`Saved OpenRouter key ${check.value.label ?? maskKey(key)} in the system keychain.\n`);
  if (config.openrouterEnvKey) io.stdout('Note: OPENROUTER_API_KEY is set and takes precedence over the stored key.\n');
  return 0;
}

/** Deletes the stored key. Removing a key that is not there is not an error. */
export async function removeKey(deps: ComposeDeps, io: CliIo): Promise<number> {
  const r = await deps.secrets.remove(OPENROUTER_ACCOUNT);
  if (!r.ok) {
    io.stderr(`quotabar: could not remove the key: ${describeError(r.error, 'openrouter').reason}\n`);
    return 1;
  }
  io.stdout(r.value ? 'Removed the stored OpenRouter key.\n' : 'No OpenRouter key was stored.\n');
  return 0;
}
