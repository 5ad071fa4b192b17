// The GitHub sign-ins Copilot can use, parsed from the files other tools write (PROVIDERS-2 §10a):
// the editor plugins' apps.json / hosts.json, and gh's hosts.yml. Read only; github.com entries only,
// so a token for another GitHub host never goes to the configured API.
import { asObject, asText, parseJson } from '../../json';

/** A GitHub OAuth token and the login it belongs to (a label; null when the file does not say). */
export interface GitHubSignIn {
  token: string;
  user: string | null;
}

const GITHUB_HOST = 'github.com';

/**
 * The first github.com sign-in of an editor plugin's apps.json (`"github.com:<appId>": {oauth_token,
 * user}`) or older hosts.json (`"github.com": {…}`). Entries of other hosts are skipped. Never throws.
 */
export function parseCopilotApps(text: string): GitHubSignIn | null {
  const root = asObject(parseJson(typeof text === 'string' ? text.replace(/^\uFEFF/, '') : ''));
  if (!root) return null;
  for (const [key, value] of Object.entries(root)) {
    const host = key.split(':')[0]!.trim().toLowerCase();
    if (host !== GITHUB_HOST) continue;
    const entry = asObject(value);
    const token = asText(entry?.['oauth_token']) ?? asText(entry?.['oauthToken']);
    if (token && plausibleToken(token)) return { token, user: asText(entry?.['user']) };
  }
  return null;
}

/**
 * The github.com sign-in in gh's hosts.yml: the block's own `oauth_token` (gh before 2.40, or
 * `--insecure-storage`), else the active `user`'s under `users:`. A token gh keeps in the system
 * keyring is not in the file: null. A minimal reader for this one shape, not a YAML parser.
 */
export function parseGhHosts(text: string): GitHubSignIn | null {
  const block = topLevelBlock(typeof text === 'string' ? text : '', GITHUB_HOST);
  if (!block) return null;
  const own = children(block);
  const user = own.get('user') ?? null;
  const direct = own.get('oauth_token');
  if (direct && plausibleToken(direct)) return { token: direct, user };
  const users = nestedBlock(block, 'users');
  if (!users || !user) return null;
  const mine = nestedBlock(users, user);
  const token = mine ? children(mine).get('oauth_token') : undefined;
  return token && plausibleToken(token) ? { token, user } : null;
}

// A header value must be one printable token: anything else is a garbled file, not a credential.
function plausibleToken(t: string): boolean {
  return t.length <= 512 && /^[\x21-\x7e]+$/.test(t);
}

interface Line {
  indent: number;
  key: string;
  value: string | null;
}

// `key: value` lines, comments and blank lines dropped; tabs count as one space (gh writes spaces).
function lines(text: string): Line[] {
  const out: Line[] = [];
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const m = /^([ \t]*)("[^"]*"|'[^']*'|[^:#][^:]*?)\s*:(?:\s+(.*?))?\s*$/.exec(raw);
    if (!m || raw.trimStart().startsWith('#')) continue;
    out.push({ indent: m[1]!.length, key: unquote(m[2]!.trim()), value: m[3] === undefined || m[3] === '' ? null : scalar(m[3]) });
  }
  return out;
}

function unquote(v: string): string {
  return /^(".*"|'.*')$/.test(v) ? v.slice(1, -1) : v;
}

// A plain or quoted scalar; a trailing ` # comment` is dropped from a plain one.
function scalar(v: string): string | null {
  const quoted = /^("([^"]*)"|'([^']*)')/.exec(v);
  if (quoted) return quoted[2] ?? quoted[3] ?? null;
  const plain = v.replace(/\s+#.*$/, '').trim();
  return plain === '' || plain === '~' || plain === 'null' ? null : plain;
}

function topLevelBlock(text: string, key: string): Line[] | null {
  return nestedBlock(lines(text), key, 0);
}

// The lines under `key` (at `indent`, or the block's first level), up to the next line as shallow.
function nestedBlock(block: Line[], key: string, indent: number | null = null): Line[] | null {
  const level = indent ?? (block[0]?.indent ?? 0);
  const at = block.findIndex((l) => l.indent === level && l.key.toLowerCase() === key.toLowerCase());
  if (at < 0) return null;
  const out: Line[] = [];
  for (const l of block.slice(at + 1)) {
    if (l.indent <= level) break;
    out.push(l);
  }
  return out;
}

// The block's direct children that hold a value.
function children(block: Line[]): Map<string, string> {
  const level = block[0]?.indent ?? 0;
  const out = new Map<string, string>();
  for (const l of block) if (l.indent === level && l.value !== null && !out.has(l.key)) out.set(l.key, l.value);
  return out;
}

/** "gho_…9f3a": enough to tell tokens apart, never enough to use one. */
export function maskGitHubToken(token: string): string {
  const t = token.trim();
  if (t.length <= 12) return '…';
  const prefix = /^[a-z]{3}_/i.test(t) ? t.slice(0, 4) : '';
  return `${prefix}…${t.slice(-4)}`;
}
