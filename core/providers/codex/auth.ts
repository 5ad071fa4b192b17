// Reads Codex CLI's auth.json (PROVIDERS.md 2c). Quotabar only reads it: refresh tokens rotate,
// so writing the file back would log the user out of the CLI.
import { err, ok, type Result } from '../../errors';
import { asObject, asString, asText, at, parseJson } from '../../json';
import { decodeJwtPayload } from '../../jwt';

export { decodeJwtPayload };

/** What a usage request needs from auth.json. */
export interface CodexAuth {
  accessToken: string;
  /** Sent as ChatGPT-Account-Id; null when neither the file nor the JWTs carry it. */
  accountId: string | null;
  /** The id_token's email claim, shown as the account label; null when absent. */
  email: string | null;
}

const AUTH_CLAIMS = 'https://api.openai.com/auth';

/** The ChatGPT account id claim, top level or nested under the OpenAI auth namespace. */
function accountIdFromJwt(jwt: string | null): string | null {
  const claims = jwt ? decodeJwtPayload(jwt) : null;
  if (!claims) return null;
  return asText(claims['chatgpt_account_id']) ?? asText(at(claims, AUTH_CLAIMS, 'chatgpt_account_id'));
}

/**
 * Parses auth.json text (snake_case or camelCase token keys). A ChatGPT sign-in gives the access token and account id (from
 * tokens.account_id, else the id_token's or access token's `chatgpt_account_id` claim).
 * An API-key-only file is `unconfigured`; a garbled one is `credentials_invalid`. Never throws;
 * error details never contain token text.
 */
export function parseCodexAuth(text: string): Result<CodexAuth> {
  const root = asObject(parseJson(text));
  if (!root) return err({ kind: 'credentials_invalid', detail: 'auth.json is not a JSON object' });
  const mode = asString(root['auth_mode'])?.toLowerCase() ?? null;
  const tokens = asObject(root['tokens']);
  const hasApiKey = asText(root['OPENAI_API_KEY']) !== null;
  if (mode === 'apikey' || mode === 'api_key' || (!tokens && hasApiKey)) {
    return err({ kind: 'unconfigured', what: 'codex ChatGPT sign-in (auth.json holds only an API key; run codex login)' });
  }
  if (root['tokens'] === undefined || root['tokens'] === null) {
    return err({ kind: 'unconfigured', what: 'codex ChatGPT sign-in (auth.json has no tokens; run codex login)' });
  }
  if (!tokens) return err({ kind: 'credentials_invalid', detail: 'auth.json "tokens" is not an object' });
  // Some builds wrote camelCase keys (CodexBar reads both, key by key); snake_case wins when both exist.
  const token = (snake: string, camel: string) => asText(tokens[snake]) ?? asText(tokens[camel]);
  const accessToken = token('access_token', 'accessToken');
  if (!accessToken) return err({ kind: 'credentials_invalid', detail: 'auth.json has no tokens.access_token' });
  const idToken = token('id_token', 'idToken');
  const accountId = token('account_id', 'accountId') ?? accountIdFromJwt(idToken) ?? accountIdFromJwt(accessToken);
  const email = (idToken && asText(decodeJwtPayload(idToken)?.['email'])) || null;
  return ok({ accessToken, accountId, email });
}
