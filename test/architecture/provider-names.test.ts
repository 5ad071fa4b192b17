// A provider lives in one folder: its id, display name and hosts may appear only in its own folders
// (core/providers/<id>/, adapters/providers/<id>.ts) and the two registries. Everything else reads the
// descriptor, so adding a provider is one folder and one registry line. (CodexBar keeps the same rule.)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ProviderDescriptor } from '../../core/providers/descriptor';
import { PROVIDERS } from '../../core/providers/registry';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Shipped source: tests and benches (scripts that measure, like tests) may name providers. */
const SOURCE_DIRS = ['core', 'adapters', 'app', 'cli', 'electron', 'renderer', 'preview', 'demo', 'scripts'];
const SOURCE_EXT = /\.(ts|tsx|mts|mjs|js|css|html)$/;

/** Files outside the provider folders that may name providers, and why. Keep this list short. */
const EXCEPTIONS: Record<string, string> = {
  'core/providers/registry.ts': 'the registry lists the providers',
  'adapters/providers/registry.ts': 'the registry of the I/O halves lists them',
  // Demo mode (unfinished part of issue 10 §1): the demo server's replies and credential files are still
  // per provider, and the e2e, electron and electron-app tests drive it through per-provider fields
  // (urls.<id>, codexHome, openrouterKey…). Its payloads already live in core/providers/<id>/demo.ts.
  'demo/server.ts': 'checks each provider’s demo credentials and picks its demo payload, per request path',
  'demo/credentials.ts': 'writes each vendor tool’s credential files (auth.json, .credentials.json) for demo mode',
  'demo/env.ts': 'maps the demo server’s per-provider fields onto the environment and the keychain',
  // Names github.com only as where Electron's own releases are downloaded from, not the Copilot API.
  'scripts/ensure-electron.mjs': 'downloads Electron from its GitHub releases (the github.com host, not a provider)',
};

/** The words that give a provider away: id, display name, CLI names, and the domains it talks to. */
function namesOf(p: ProviderDescriptor): string[] {
  const urls = [p.defaultBaseUrl, ...(p.words.key ? [p.words.key.keysUrl] : [])];
  const domains = urls.map((u) => new URL(u).hostname.split('.').slice(-2).join('.'));
  return [...new Set([p.id, p.displayName, p.cli.name, ...p.cli.aliases, ...domains].map((n) => n.toLowerCase()))];
}

/** Whole-word, case-insensitive: `CodexBar` is another product, `QUOTABAR_CODEX_URL` is Codex. */
function mentions(text: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![A-Za-z0-9])${escaped}(?![A-Za-z0-9])`, 'i').test(text);
}

function walk(dir: string, out: string[] = []): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const e of entries) {
    if (e === 'node_modules' || e.startsWith('dist')) continue;
    const full = join(dir, e);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (SOURCE_EXT.test(e)) out.push(relative(root, full).split(sep).join('/'));
  }
  return out;
}

const files = SOURCE_DIRS.flatMap((d) => walk(join(root, d)));
const ownedBy = (file: string, id: string) => file.startsWith(`core/providers/${id}/`) || file === `adapters/providers/${id}.ts`;
const excepted = (file: string) => Object.keys(EXCEPTIONS).some((e) => (e.endsWith('/') ? file.startsWith(e) : file === e));

/** For each provider id, the source files outside its folders (and the exceptions) that name it. */
export function offenders(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const p of PROVIDERS as readonly ProviderDescriptor[]) {
    const names = namesOf(p);
    out[p.id] = files.filter((f) => !ownedBy(f, p.id) && !excepted(f)).filter((f) => {
      const text = readFileSync(join(root, f), 'utf8');
      return names.some((n) => mentions(text, n));
    });
  }
  return out;
}

describe('provider names', () => {
  it('scans the shipped source (a guard against a scan that finds nothing)', () => {
    expect(files).toContain('adapters/compose.ts');
    expect(files).toContain('renderer/view-model/credentials.ts');
    expect(files.length).toBeGreaterThan(50);
  });

  it('recognises a name whole, in any case, and not inside a longer word', () => {
    expect(mentions('QUOTABAR_CODEX_URL', 'codex')).toBe(true);
    expect(mentions('see https://openrouter.ai/keys', 'openrouter.ai')).toBe(true);
    expect(mentions('as CodexBar does', 'codex')).toBe(false);
  });

  it('derives each provider’s names from its descriptor, hosts included', () => {
    for (const p of PROVIDERS as readonly ProviderDescriptor[]) {
      const names = namesOf(p);
      expect(names).toContain(p.id);
      expect(names).toContain(p.displayName.toLowerCase());
      expect(names).toContain(new URL(p.defaultBaseUrl).hostname.split('.').slice(-2).join('.'));
    }
  });

  it('appear only in the provider’s own folders, the registries and the listed exceptions', () => {
    expect(offenders()).toEqual(Object.fromEntries(PROVIDERS.map((p) => [p.id, []])));
  });

  it('lists only exceptions that exist', () => {
    for (const e of Object.keys(EXCEPTIONS)) expect(files.some((f) => (e.endsWith('/') ? f.startsWith(e) : f === e)), e).toBe(true);
  });
});
