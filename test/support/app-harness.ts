// The real app services (settings file, providers, poller, alerts) on a FakeClock, scripted HTTP,
// an in-memory keychain and in-memory credential files: shell and handler tests drive these.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MemorySecretStore } from '../../adapters/memory-secret-store';
import type { HistoryStore, Notification, Notifier } from '../../core/ports';
import { createAppServices, type AppServices } from '../../app/services';
import { FakeClock } from './fake-clock';
import { MemoryFiles } from './memory-files';
import { ScriptedHttp } from './scripted-http';

export const HOME = '/home/dev';
export const CODEX_AUTH = `${HOME}/.codex/auth.json`;
/** A recognisable fake OpenRouter key: tests search every output for it. */
export const CANARY_KEY = 'sk-or-v1-canary0123456789abcdef0123456789abcdef0123456789abcdef0123';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

export function fixtureText(path: string): string {
  return readFileSync(join(FIXTURES, path), 'utf8');
}

export function fixture(path: string): unknown {
  return JSON.parse(fixtureText(path)) as unknown;
}

export class RecordingNotifier implements Notifier {
  readonly shown: Notification[] = [];
  notify(n: Notification): void {
    this.shown.push(n);
  }
}

export interface Harness {
  services: AppServices;
  clock: FakeClock;
  http: ScriptedHttp;
  secrets: MemorySecretStore;
  files: MemoryFiles;
  notifier: RecordingNotifier;
  settingsPath: string;
  dispose(): Promise<void>;
}

export interface HarnessOptions {
  /** A stored OpenRouter key (none by default). */
  key?: string;
  /** Codex's auth.json present (absent by default). */
  codex?: boolean;
  /** Scripts the fake providers before the services start polling. */
  script?: (http: ScriptedHttp, clock: FakeClock) => void;
  /** Contents of the settings file before start. */
  settingsFile?: unknown;
  env?: NodeJS.ProcessEnv;
  clock?: FakeClock;
  dir?: string;
  /** Where successful polls are recorded; none by default (never the real data folder). */
  history?: HistoryStore;
}

/** Builds the services (not started). Every provider's HTTP goes to one ScriptedHttp. */
export async function makeHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const dir = opts.dir ?? (await mkdtemp(join(tmpdir(), 'quotabar-app-')));
  const settingsPath = join(dir, 'settings.json');
  if (opts.settingsFile !== undefined) await writeFile(settingsPath, JSON.stringify(opts.settingsFile));
  const clock = opts.clock ?? new FakeClock();
  const http = new ScriptedHttp();
  opts.script?.(http, clock);
  const secrets = new MemorySecretStore({ initial: opts.key ? { openrouter: opts.key } : {} });
  const files = new MemoryFiles();
  if (opts.codex) files.write(CODEX_AUTH, fixtureText('codex/auth-chatgpt.json'));
  const notifier = new RecordingNotifier();
  const services = await createAppServices({
    env: opts.env ?? {},
    platform: 'linux',
    homedir: HOME,
    settingsPath,
    secrets,
    clock,
    files,
    httpFor: () => http,
    notifier,
    history: opts.history ?? null,
  });
  return {
    services,
    clock,
    http,
    secrets,
    files,
    notifier,
    settingsPath,
    async dispose() {
      services.stop();
      if (!opts.dir) await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A Codex /wham/usage body with the 5-hour window at `used` % resetting at `resetsAtMs`. */
export function codexUsage(used: number, resetsAtMs: number, weeklyUsed = 10): unknown {
  const body = fixture('codex/usage-plus-both-windows.json') as {
    rate_limit: { primary_window: Record<string, unknown>; secondary_window: Record<string, unknown> };
  };
  body.rate_limit.primary_window = { used_percent: used, limit_window_seconds: 18000, reset_at: Math.round(resetsAtMs / 1000) };
  body.rate_limit.secondary_window = {
    used_percent: weeklyUsed,
    limit_window_seconds: 604800,
    reset_at: Math.round(resetsAtMs / 1000) + 5 * 86400,
  };
  return body;
}
