// `quotabar key set|remove openrouter`: the key is read from stdin, checked with /key, then kept in the keychain.
import type { ProviderError } from '../core/errors';
import { describeError } from '../core/present';
import { maskKey, validateOpenRouterKey } from '../core/providers/openrouter/provider';
import { OPENROUTER_ACCOUNT, providerHttp, type AppConfig, type ComposeDeps } from '../adapters/compose';
// The same shape check as Settings (one home): a key that is not an OpenRouter key never leaves the machine.
import { keyFormatProblem } from '../core/providers/openrouter/key';
import type { CliIo } from './main';

/**
 * Reads, validates and stores the OpenRouter key. Exit 1 when nothing was entered (Ctrl+C or an
 * empty answer: "cancelled"), the key has the wrong shape (refused before any request), or it was
 * rejected or could not be stored.
 */
export async function setKey(config: AppConfig, deps: ComposeDeps, io: CliIo): Promise<number> {
  const key = (await io.readStdin())?.trim() ?? '';
  if (key === '') {
    io.stderr('quotabar: cancelled\n');
    return 1;
  }
  const problem = keyFormatProblem(key);
  if (problem !== null) {
    io.stderr(`quotabar: key not saved: ${problem}\n`);
    return 1;
  }
  const http = providerHttp(config, deps, config.urls.openrouter);
  const check = await validateOpenRouterKey(http, config.urls.openrouter, key);
  if (!check.ok) {
    io.stderr(`quotabar: key not saved: ${sentence(check.error)}\n`);
    return 1;
  }
  const stored = await deps.secrets.set(OPENROUTER_ACCOUNT, key);
  if (!stored.ok) {
    io.stderr(`quotabar: key is valid but could not be stored: ${sentence(stored.error)}\n`);
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
    io.stderr(`quotabar: could not remove the key: ${describeError(r.error, 'openrouter', { surface: 'cli' }).reason}\n`);
    return 1;
  }
  io.stdout(r.value ? 'Removed the stored OpenRouter key.\n' : 'No OpenRouter key was stored.\n');
  return 0;
}

/** An error's reason and remedy as one line: a one-off check, so never "Quotabar will retry". */
function sentence(e: ProviderError): string {
  const w = describeError(e, 'openrouter', { retrying: false, surface: 'cli' });
  return w.action ? `${w.reason} ${w.action}` : w.reason;
}
