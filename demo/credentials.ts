// Throwaway credential files for demo mode: a CODEX_HOME with auth.json, a CLAUDE_CONFIG_DIR
// with .credentials.json, a config folder with Copilot's github-copilot/apps.json and a Gemini CLI
// home with .gemini/oauth_creds.json, all holding
// fake tokens that only the demo server accepts, and each tool's session logs (for the cost line).
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { claudeDemoLog } from '../core/providers/claude/demo';
import { codexDemoLogs } from '../core/providers/codex/demo';
import { DAY } from '../core/time';

export interface DemoCredentials {
  root: string;
  codexHome: string;
  claudeConfigDir: string;
  codexAccessToken: string;
  codexAccountId: string;
  claudeAccessToken: string;
  /** Stands in for $XDG_CONFIG_HOME (and %LOCALAPPDATA%): holds github-copilot/apps.json. */
  copilotConfigHome: string;
  copilotToken: string;
  /** Stands in for $GEMINI_CLI_HOME: holds .gemini/oauth_creds.json. */
  geminiHome: string;
  geminiAccessToken: string;
  openrouterKey: string;
  zaiKey: string;
  minimaxKey: string;
  moonshotKey: string;
  deepseekKey: string;
  /** A fake management key the demo /keys accepts (the ordinary key gets 403 there, as OpenRouter answers). */
  openrouterManagementKey: string;
  remove(): Promise<void>;
}

const b64url = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

/** An unsigned JWT: Quotabar only reads its claims (email, account id), as Codex's files carry them. */
function fakeJwt(claims: Record<string, unknown>): string {
  return `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims)}.demo`;
}

export async function writeDemoCredentials(now: number): Promise<DemoCredentials> {
  const root = await mkdtemp(join(tmpdir(), 'quotabar-demo-'));
  const codexHome = join(root, 'codex');
  const claudeConfigDir = join(root, 'claude');
  await mkdir(codexHome, { mode: 0o700 });
  await mkdir(claudeConfigDir, { mode: 0o700 });

  const codexAccountId = `demo-${randomBytes(8).toString('hex')}`;
  const auth = { chatgpt_account_id: codexAccountId, chatgpt_plan_type: 'plus' };
  const codexAccessToken = fakeJwt({ 'https://api.openai.com/auth': auth, exp: Math.round(now / 1000) + 864_000 });
  await writeFile(
    join(codexHome, 'auth.json'),
    JSON.stringify({
      auth_mode: 'chatgpt',
      OPENAI_API_KEY: null,
      tokens: {
        id_token: fakeJwt({ email: 'demo@quotabar.dev', 'https://api.openai.com/auth': auth }),
        access_token: codexAccessToken,
        refresh_token: `demo-refresh-${randomBytes(12).toString('hex')}`,
        account_id: codexAccountId,
      },
      last_refresh: new Date(now).toISOString(),
    }),
    { mode: 0o600 },
  );

  const claudeAccessToken = `sk-ant-oat01-demo-${randomBytes(16).toString('hex')}`;
  await writeFile(
    join(claudeConfigDir, '.credentials.json'),
    JSON.stringify({
      claudeAiOauth: {
        accessToken: claudeAccessToken,
        refreshToken: `demo-refresh-${randomBytes(12).toString('hex')}`,
        expiresAt: now + 30 * DAY,
        scopes: ['user:inference', 'user:profile'],
        subscriptionType: 'max',
        rateLimitTier: 'default_claude_max_20x',
      },
      mcpOAuth: {},
    }),
    { mode: 0o600 },
  );

  const copilotConfigHome = join(root, 'config');
  await mkdir(join(copilotConfigHome, 'github-copilot'), { recursive: true, mode: 0o700 });
  const copilotToken = `ghu_demo${randomBytes(16).toString('hex')}`;
  await writeFile(
    join(copilotConfigHome, 'github-copilot', 'apps.json'),
    JSON.stringify({ 'github.com:Iv1.b507a08c87ecfe98': { user: 'octo-demo', oauth_token: copilotToken, githubAppId: 'Iv1.b507a08c87ecfe98' } }),
    { mode: 0o600 },
  );
  const geminiHome = join(root, 'gemini');
  await mkdir(join(geminiHome, '.gemini'), { recursive: true, mode: 0o700 });
  const geminiAccessToken = `ya29.demo-${randomBytes(16).toString('hex')}`;
  await writeFile(
    join(geminiHome, '.gemini', 'oauth_creds.json'),
    JSON.stringify({
      access_token: geminiAccessToken,
      refresh_token: `demo-refresh-${randomBytes(12).toString('hex')}`,
      scope: 'openid',
      token_type: 'Bearer',
      id_token: fakeJwt({ email: 'demo@quotabar.dev' }),
      expiry_date: now + 30 * DAY,
    }),
    { mode: 0o600 },
  );
  // The tools' own session logs, so the demo's cost line and Cost window read real files.
  for (const { dir, log } of [...codexDemoLogs(now).map((log) => ({ dir: codexHome, log })), { dir: claudeConfigDir, log: claudeDemoLog(now) }]) {
    await mkdir(dirname(join(dir, log.file)), { recursive: true });
    await writeFile(join(dir, log.file), log.text);
  }

  return {
    root,
    codexHome,
    claudeConfigDir,
    codexAccessToken,
    codexAccountId,
    claudeAccessToken,
    copilotConfigHome,
    copilotToken,
    geminiHome,
    geminiAccessToken,
    openrouterKey: `sk-or-v1-${randomBytes(32).toString('hex')}`,
    zaiKey: `${randomBytes(16).toString('hex')}.${randomBytes(12).toString('base64url')}`,
    minimaxKey: `sk-cp-${randomBytes(24).toString('base64url')}`,
    moonshotKey: `sk-${randomBytes(36).toString('base64url').replace(/[-_]/g, 'x')}`,
    deepseekKey: `sk-${randomBytes(16).toString('hex')}`,
    openrouterManagementKey: `sk-or-v1-${randomBytes(32).toString('hex')}`,
    remove: () => rm(root, { recursive: true, force: true }),
  };
}
