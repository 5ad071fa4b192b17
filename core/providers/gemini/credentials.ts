// Gemini CLI's OAuth sign-in, `~/.gemini/oauth_creds.json` (PROVIDERS 4b). Read only: Quotabar never
// refreshes or writes it, so an expired access token is "renew the sign-in with gemini".
import { err, ok, type Result } from '../../errors';
import { asObject, asText, parseJson } from '../../json';
import { decodeJwtPayload } from '../../jwt';
import { parseUnixTime } from '../../time';

/** Where the sign-in lives under Gemini CLI's home folder ($GEMINI_CLI_HOME, else the user's home). */
export const GEMINI_CREDS_PATH = ['.gemini', 'oauth_creds.json'] as const;

/** The parts of the sign-in Quotabar uses (the refresh token is never read). */
export interface GeminiCredentials {
  accessToken: string;
  /** Epoch ms (the file's `expiry_date`); null when absent or unreadable (then only the server can tell). */
  expiresAt: number | null;
  /** The id_token's email claim, shown as the account; null when absent. */
  email: string | null;
}

/** Parses oauth_creds.json text; `credentials_invalid` (never the token) when it is unusable. Never throws. */
export function parseGeminiCredentials(text: string): Result<GeminiCredentials> {
  const root = asObject(parseJson(typeof text === 'string' ? text.replace(/^\uFEFF/, '') : ''));
  if (!root) return err({ kind: 'credentials_invalid', detail: 'oauth_creds.json is not a JSON object' });
  const accessToken = asText(root['access_token']);
  // A header value must be one printable token: anything else is a garbled file, not a credential.
  if (!accessToken || !/^[\x21-\x7e]{1,4096}$/.test(accessToken)) {
    return err({ kind: 'credentials_invalid', detail: 'oauth_creds.json has no usable access_token' });
  }
  const idToken = asText(root['id_token']);
  const email = idToken ? asText(decodeJwtPayload(idToken)?.['email']) : null;
  return ok({ accessToken, expiresAt: parseUnixTime(root['expiry_date']), email });
}
