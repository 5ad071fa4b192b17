// Pure parser for Claude Code's OAuth credentials (PROVIDERS 3c): the `.credentials.json` file or
// the macOS keychain item, whose value may come back hex-encoded. Read only: we never write them.
import { err, ok, type Result } from '../../errors';
import { asArray, asObject, asText, parseJson } from '../../json';
import { parseUnixTime } from '../../time';

/** The parts of Claude Code's OAuth login Quotabar uses (the refresh token is never read). */
export interface ClaudeCredentials {
  accessToken: string;
  /** Epoch ms; null when absent or unreadable (then only the server can tell). */
  expiresAt: number | null;
  /** null when the store does not list scopes (older logins). */
  scopes: string[] | null;
  /** e.g. 'pro', 'max', 'team'. */
  subscriptionType: string | null;
  rateLimitTier: string | null;
}

/** Parses the JSON (or hex-encoded JSON); `unconfigured` when there is no Claude sign-in in it. */
export function parseClaudeCredentials(text: string): Result<ClaudeCredentials> {
  const raw = typeof text === 'string' ? text.trim() : '';
  if (raw === '') return err({ kind: 'unconfigured', what: 'claude sign-in' });
  const decoded = raw.startsWith('{') ? raw : decodeHex(raw);
  const root = asObject(decoded === null ? undefined : parseJson(decoded));
  if (!root) return err({ kind: 'credentials_invalid', detail: 'Claude credentials are not valid JSON' });

  const oauth = root.claudeAiOauth;
  // Claude Code 2.1.x can leave a store holding only `mcpOAuth`: that is "not signed in".
  if (oauth === undefined || oauth === null) return err({ kind: 'unconfigured', what: 'claude sign-in' });
  const o = asObject(oauth);
  const accessToken = asText(o?.accessToken);
  if (!o || !accessToken) return err({ kind: 'credentials_invalid', detail: 'claudeAiOauth has no accessToken' });

  return ok({
    accessToken,
    expiresAt: parseUnixTime(o.expiresAt),
    scopes: parseScopes(o.scopes),
    subscriptionType: asText(o.subscriptionType),
    rateLimitTier: asText(o.rateLimitTier),
  });
}

function parseScopes(v: unknown): string[] | null {
  if (typeof v === 'string') return v.split(/[\s,]+/).filter((s) => s !== '');
  if (!Array.isArray(v)) return null;
  return asArray(v).filter((s): s is string => typeof s === 'string');
}

// `security … -w` prints the value as hex when it holds non-printable bytes.
function decodeHex(raw: string): string | null {
  const hex = raw.replace(/^0x/i, '').replace(/\s+/g, '');
  if (hex.length === 0 || hex.length % 2 !== 0 || !/^[0-9a-f]+$/i.test(hex)) return null;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '').replace(/\0+$/, '').trim();
  return text.startsWith('{') ? text : null;
}
