// The team view (PROVIDERS-2.md 13): a management key lists every key of the account with GET /keys.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createOpenRouterProvider } from '../../../../core/providers/openrouter/provider';
import { fetchTeamKeys, parseTeamKeysPage, teamWindows, TEAM_MAX_PAGES, TEAM_PAGE_SIZE, validateManagementKey } from '../../../../core/providers/openrouter/team';
import { describeNote, tightestWindow } from '../../../../core/present';
import { FakeClock } from '../../../support/fake-clock';
import { ScriptedHttp } from '../../../support/scripted-http';

const BASE = 'https://openrouter.test/api/v1';
const KEY = 'sk-or-v1-0123456789abcdef0123456789abcdef0123456789abcdef0123456789e41';
const MGMT = 'sk-or-v1-fedcba9876543210fedcba9876543210fedcba9876543210fedcba98765432';
const fixture = (name: string) => readFileSync(join(__dirname, '../../../fixtures/openrouter', name), 'utf8');
const now = Date.UTC(2026, 11, 1, 10); // a Tuesday
const page = (n: number, from = 0) => JSON.stringify({ data: Array.from({ length: n }, (_, i) => ({ hash: `h${from + i}`, name: `key ${from + i}`, usage: 1 })) });

describe('the list of keys', () => {
  const windows = teamWindows(parseTeamKeysPage(JSON.parse(fixture('keys-list.json')))!.rows, now);
  const byId = (id: string) => windows.find((w) => w.id === `team:${id}`);

  it('gives one window per key, named by its name, with its masked label; rows that name no key are dropped', () => {
    expect(windows.map((w) => w.label)).toEqual(['Backend CI', 'Ana (laptop)', 'Eval runs', 'Old prototype', 'Overspent', 'sk-or-v1-a0a…a0a']);
    expect(byId('f01d3a')?.teamKey).toEqual({ name: 'Backend CI', label: 'sk-or-v1-f01…e41', disabled: false });
  });

  it('measures a capped key against its limit, resetting at the start of the next UTC period', () => {
    expect(byId('f01d3a')).toMatchObject({ used: 37.5, limit: 50, remaining: 12.5, usedPercent: 75, unit: 'usd', resetsAt: Date.UTC(2027, 0, 1) });
    // Numbers as strings and an upper-case period are read too.
    expect(byId('b7d210')).toMatchObject({ used: 2.8, limit: 10, remaining: 7.2, resetsAt: Date.UTC(2026, 11, 2), windowMinutes: 1440 });
    // Over its cap: remaining is kept raw, used is clamped to the cap.
    expect(byId('e11aa0')).toMatchObject({ used: 20, remaining: -3.5, usedPercent: 100, resetsAt: Date.UTC(2026, 11, 7) });
  });

  it('shows an uncapped key, and a zero cap, as spend without a limit; a cap without a period never resets', () => {
    expect(byId('c40e88')).toMatchObject({ used: 18.06, limit: null, usedPercent: null, resetsAt: null });
    expect(byId('a0a0a0')).toMatchObject({ used: 1, limit: null, usedPercent: null, resetsAt: null });
    expect(byId('d9b5a2')).toMatchObject({ limit: 5, usedPercent: 0, resetsAt: null });
  });

  it('marks disabled keys (only a real true counts)', () => {
    expect(byId('d9b5a2')?.teamKey?.disabled).toBe(true);
    expect(byId('a0a0a0')?.teamKey?.disabled).toBe(false);
  });

  it('is no list at all when the body has no data array', () => {
    expect(parseTeamKeysPage({ data: {} })).toBeNull();
    expect(parseTeamKeysPage('nope')).toBeNull();
  });
});

describe('asking for the list', () => {
  it('asks for disabled keys too, and pages by offset while a page comes back full', async () => {
    const http = new ScriptedHttp().on('/keys', { status: 200, body: page(TEAM_PAGE_SIZE) }, { status: 200, body: page(3, 100) });
    const rows = await fetchTeamKeys(http, BASE, MGMT, () => now);
    expect(rows.ok && rows.value.length).toBe(103);
    expect(http.requests.map((r) => new URL(r.url).search)).toEqual(['?include_disabled=true&offset=0', '?include_disabled=true&offset=100']);
    expect(http.requests[0]!.headers?.Authorization).toBe(`Bearer ${MGMT}`);
  });

  it('stops after a bounded number of pages', async () => {
    const http = new ScriptedHttp().on('/keys', { status: 200, body: page(TEAM_PAGE_SIZE) });
    await fetchTeamKeys(http, BASE, MGMT, () => now);
    expect(http.requests).toHaveLength(TEAM_MAX_PAGES);
  });

  it('refuses a key of the wrong shape before any request', async () => {
    const http = new ScriptedHttp();
    const r = await validateManagementKey(http, BASE, 'sk-ant-api03-not-openrouter');
    expect(r).toEqual({ ok: false, error: { kind: 'credentials_invalid', detail: 'management key: OpenRouter keys start with "sk-or-".' } });
    expect(http.requests).toHaveLength(0);
  });

  it.each([401, 403])('says a key answering %i is not (or no longer) a management key', async (status) => {
    const http = new ScriptedHttp().on('/keys', { status, body: fixture(status === 401 ? 'error-401.json' : 'error-403-management-key.json') });
    expect(await validateManagementKey(http, BASE, KEY)).toEqual({ ok: false, error: { kind: 'forbidden', status, reason: 'management_key_required', url: null } });
  });
});

describe('the OpenRouter provider with a management key', () => {
  const own = { status: 200, body: fixture('key-capped-weekly.json') };
  const provider = (http: ScriptedHttp, key: string | null) =>
    createOpenRouterProvider({ http, clock: new FakeClock(now), baseUrl: BASE, getKey: async () => ({ ok: true, value: key }), getManagementKey: async () => ({ ok: true, value: MGMT }) });

  it('adds the team keys after its own window, and they never count as the tightest', async () => {
    const http = new ScriptedHttp().on('/key', own).on('/keys', { status: 200, body: fixture('keys-list.json') });
    const r = await provider(http, KEY).sources[0]!.fetch();
    if (!r.ok) throw new Error('expected data');
    expect(r.value.windows[0]!.id).toBe('key-limit');
    expect(r.value.windows.filter((w) => w.teamKey)).toHaveLength(6);
    const snap = { providerId: 'openrouter', accountLabel: null, status: 'ok' as const, error: null, fetchedAt: now, attemptedAt: now, source: r.value.source, windows: r.value.windows, notes: r.value.notes, account: null };
    expect(tightestWindow([snap])?.window.id).toBe('key-limit');
  });

  it('keeps its own window and notes why the team view is missing when /keys refuses the key', async () => {
    const http = new ScriptedHttp().on('/key', own).on('/keys', { status: 403, body: fixture('error-403-management-key.json') });
    const r = await provider(http, KEY).sources[0]!.fetch();
    if (!r.ok) throw new Error('expected data');
    expect(r.value.windows.map((w) => w.id)).toEqual(['key-limit']);
    const note = r.value.notes.find((n) => n.code === 'team_keys_error')!;
    expect(describeNote(note)).toBe('Team keys not shown: the management key was refused (it is not a management key, or it is invalid or disabled).');
  });

  it('shows the team view alone when only a management key is set up', async () => {
    const http = new ScriptedHttp().on('/keys', { status: 200, body: fixture('keys-list.json') });
    const r = await provider(http, null).sources[0]!.fetch();
    expect(r.ok && r.value.source).toBe('openrouter:/keys');
    expect(r.ok && r.value.windows.every((w) => w.teamKey)).toBe(true);
    expect(http.count('/key')).toBe(0);
  });
});

describe('a /keys answer that echoes the management key', () => {
  it('drops the name, label or hash holding it (whole or the part the mask hides), and a row left naming no key', async () => {
    const hidden = MGMT.slice('sk-or-v1-'.length, -3);
    const body = JSON.stringify({
      data: [
        { hash: 'h1', name: `CI ${MGMT}`, label: 'sk-or-v1-f01…e41', usage: 1 },
        { hash: 'h2', name: 'Laptop', label: `Bearer ${MGMT}`, usage: 2 },
        { hash: `x${hidden}`, name: 'Echo', label: null, usage: 3 },
        { hash: 'h4', name: 'Fine', label: 'sk-or-v1-abc…123', usage: 4 },
      ],
    });
    const http = new ScriptedHttp().on('/keys', { status: 200, body });
    const rows = await fetchTeamKeys(http, BASE, MGMT, () => now);
    expect(rows.ok && rows.value.map((r) => [r.hash, r.name, r.label])).toEqual([
      ['h1', null, 'sk-or-v1-f01…e41'],
      ['h2', 'Laptop', null],
      ['h4', 'Fine', 'sk-or-v1-abc…123'],
    ]);
    expect(JSON.stringify(rows.ok && teamWindows(rows.value, now))).not.toContain(hidden);
  });
});
