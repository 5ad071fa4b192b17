// Gemini's credential: Gemini CLI's own sign-in, `<home>/.gemini/oauth_creds.json`, where <home> is
// $GEMINI_CLI_HOME as Gemini CLI reads it, else the user's home (a labelled account: its --home folder).
// Read only: the token is never refreshed or written back, and goes only to the configured API origin.
import type { AccountSetting } from '../../core/accounts';
import { err, ok, type Result } from '../../core/errors';
import type { CredentialLookup, FileSource } from '../../core/ports';
import { GEMINI_CREDS_PATH, parseGeminiCredentials, type GeminiCredentials } from '../../core/providers/gemini/credentials';
import { gemini } from '../../core/providers/gemini/descriptor';
import { createGeminiProvider } from '../../core/providers/gemini/provider';
import type { CredentialLocation, ProviderAdapter } from './adapter';
import { configFor, providerHttp, type AppConfig } from './context';

interface Found {
  result: Result<GeminiCredentials | null>;
  location: CredentialLocation;
}

/** The oauth_creds.json path for the implicit account (or `account`'s home folder); null without one. */
export function geminiCredsPath(config: AppConfig, files: FileSource, account?: AccountSetting): string | null {
  const { dir } = configFor(config, gemini.id, account);
  return dir ? files.join(dir, ...GEMINI_CREDS_PATH) : null;
}

async function find(config: AppConfig, files: FileSource, account?: AccountSetting): Promise<Found> {
  const path = geminiCredsPath(config, files, account);
  const none: Found = { result: ok(null), location: { configured: false, origin: null, label: null, error: null } };
  if (!path) return none;
  const text = await files.readText(path);
  if (!text.ok) {
    if (text.error.kind === 'not_found') return none;
    const error = { kind: 'credentials_invalid', detail: `cannot read ${path} (${text.error.code})` } as const;
    return { result: err(error), location: { configured: false, origin: 'file', label: path, error } };
  }
  const creds = parseGeminiCredentials(text.value);
  if (!creds.ok) return { result: creds, location: { configured: false, origin: 'file', label: path, error: creds.error } };
  return { result: creds, location: { configured: true, origin: 'file', label: path, error: null } };
}

/** The sign-in for the implicit account (or `account`'s folder), null when there is none. */
export function geminiCredentialLookup(config: AppConfig, files: FileSource, account?: AccountSetting): CredentialLookup<GeminiCredentials> {
  return async () => (await find(config, files, account)).result;
}

export const geminiAdapter: ProviderAdapter = {
  descriptor: gemini,
  build(config, deps, account) {
    const { url } = configFor(config, gemini.id, account);
    return createGeminiProvider({ http: providerHttp(config, deps, url), clock: deps.clock, baseUrl: url, getCredentials: geminiCredentialLookup(config, deps.files, account) });
  },
  credentialStatus: async (config, deps, account) => (await find(config, deps.files, account)).location,
};
