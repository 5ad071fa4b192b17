import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { INVOKE_CHANNELS, type InvokeChannel } from '../../app/contract';
import { validatePayload } from '../../app/validate';
import { DEFAULT_SETTINGS } from '../../core/settings';
import { MAX_KEY_LENGTH } from '../../core/providers/descriptor';
import { KEY_PROVIDERS, MANAGEMENT_KEY_PROVIDERS, listText } from '../../core/providers/registry';
import { BAD_SLOT, MANAGEMENT_ONLY_FOR } from '../../app/schemas';

const RUNS = { numRuns: 400 };
const KEY = `sk-or-v1-${'c0ffee'.repeat(10)}`;
const SETTING_NAMES = Object.keys(DEFAULT_SETTINGS);
const NO_PAYLOAD: InvokeChannel[] = ['view:get', 'settings:get', 'window:open-settings', 'window:open-history', 'history:sparklines', 'cost:summary', 'cost:page', 'window:open-cost', 'statusline:get', 'window:hide-popover', 'app:quit'];

const reasonFor = (channel: InvokeChannel, raw: unknown) => {
  const r = validatePayload(channel, raw);
  return r.ok ? null : r.reason;
};

// Names every key provider: "keys can only be stored for openrouter" today, "… for a, b or c" with more.
const KEYS_ONLY_FOR = `keys can only be stored for ${listText(KEY_PROVIDERS.map((p) => p.id))}`;

describe('payload validation', () => {
  it('accepts every key provider’s id on the key channels, and only those', () => {
    for (const p of KEY_PROVIDERS) {
      expect(reasonFor('key:save', { providerId: p.id, key: KEY })).toBeNull();
      expect(reasonFor('key:test', { providerId: p.id, key: KEY })).toBeNull();
      expect(reasonFor('key:remove', { providerId: p.id })).toBeNull();
      expect(KEYS_ONLY_FOR).toContain(p.id);
    }
    for (const id of ['codex', 'claude', 'nope', '', 42]) {
      expect(reasonFor('key:save', { providerId: id, key: KEY })).toBe(KEYS_ONLY_FOR);
      expect(reasonFor('key:remove', { providerId: id })).toBe(KEYS_ONLY_FOR);
    }
  });

  it('takes slot management on the key channels for a provider with a management key only, with a typed refusal otherwise', () => {
    expect(MANAGEMENT_KEY_PROVIDERS.length).toBeGreaterThan(0);
    for (const p of MANAGEMENT_KEY_PROVIDERS) {
      expect(validatePayload('key:save', { providerId: p.id, key: KEY, slot: 'management' })).toEqual({ ok: true, value: { providerId: p.id, key: KEY, slot: 'management' } });
      expect(reasonFor('key:test', { providerId: p.id, key: KEY, slot: 'management' })).toBeNull();
      expect(reasonFor('key:remove', { providerId: p.id, slot: 'management' })).toBeNull();
      expect(MANAGEMENT_ONLY_FOR).toContain(p.id);
    }
    // A key provider without one: the slot is refused, whatever the channel.
    for (const p of KEY_PROVIDERS.filter((d) => !d.credentials.managementKey)) {
      for (const channel of ['key:test', 'key:save'] as const) expect(reasonFor(channel, { providerId: p.id, key: KEY, slot: 'management' })).toBe(MANAGEMENT_ONLY_FOR);
      expect(reasonFor('key:remove', { providerId: p.id, slot: 'management' })).toBe(MANAGEMENT_ONLY_FOR);
    }
    // Not a key provider at all: refused as before, before the slot is looked at.
    expect(reasonFor('key:save', { providerId: 'codex', key: KEY, slot: 'management' })).toBe(KEYS_ONLY_FOR);
    // Any other slot, including null and the word for the ordinary key, is refused with its own reason.
    for (const slot of ['api', 'Management', null, 1, {}]) {
      expect(reasonFor('key:save', { providerId: 'openrouter', key: KEY, slot })).toBe(BAD_SLOT);
      expect(reasonFor('key:remove', { providerId: 'openrouter', slot })).toBe(BAD_SLOT);
    }
  });

  it('names the rule a payload broke', () => {
    expect(reasonFor('key:save', { providerId: 'codex', key: KEY })).toBe(KEYS_ONLY_FOR);
    expect(reasonFor('key:test', { providerId: 'openrouter', key: 42 })).toBe('key must be a string');
    expect(reasonFor('key:save', { providerId: 'openrouter', key: 'k'.repeat(MAX_KEY_LENGTH + 1) })).toBe('key is too long');
    expect(reasonFor('key:remove', { providerId: 'claude' })).toBe(KEYS_ONLY_FOR);
    expect(reasonFor('refresh', { providerId: '../../etc' })).toBe('unknown provider id');
    expect(reasonFor('refresh', { providerId: `p${'a'.repeat(32)}` })).toBe('unknown provider id');
    expect(reasonFor('refresh', { providerId: `p${'a'.repeat(31)}` })).toBeNull();
    expect(reasonFor('window:fit-popover', { height: 0 })).toBe('height must be a number of pixels');
    expect(reasonFor('link:open', { url: 'http://example.com' })).toBe('only https links can be opened');
    expect(reasonFor('settings:update', { refreshIntervalSec: 60, colour: 'red' })).toBe('unknown setting: colour');
    expect(reasonFor('app:quit', { sneaky: 1 })).toBe('this call takes no payload');
  });

  it('opens only https links without credentials in them, and none longer than 2048 characters', () => {
    const long = `https://example.com/${'a'.repeat(2048)}`;
    for (const url of ['https://:pw@example.com/', 'https://user@example.com/', 'http://example.com', 'javascript:alert(1)', long, 'https://']) {
      expect(reasonFor('link:open', { url }), url.slice(0, 40)).toBe('only https links can be opened');
    }
  });

  it('says which field is missing instead of blaming its value', () => {
    expect(reasonFor('key:save', { providerId: 'openrouter' })).toBe('missing key');
    expect(reasonFor('link:open', {})).toBe('missing url');
    expect(reasonFor('window:fit-popover', {})).toBe('missing height');
  });

  it('refuses arrays and null where an object is expected, even an empty array', () => {
    for (const channel of ['refresh', 'settings:update', 'key:save', 'key:remove', 'window:fit-popover', 'link:open'] as const) {
      for (const raw of [[], [1], null, undefined, 'x']) expect(reasonFor(channel, raw), `${channel} ${String(raw)}`).toBe('payload must be an object');
    }
  });

  it('never quotes a refused key, so a refusal can be logged', () => {
    const long = `sk-or-v1-${'s3cr3t'.repeat(100)}`;
    for (const raw of [{ providerId: 'openrouter', key: long }, { providerId: long, key: long }, { key: long }]) {
      expect(reasonFor('key:save', raw)).not.toMatch(/s3cr3t/);
    }
  });

  it('passes on only the fields of the request type', () => {
    expect(validatePayload('key:save', { providerId: 'openrouter', key: KEY, extra: 'dropped' })).toEqual({
      ok: true,
      value: { providerId: 'openrouter', key: KEY },
    });
    expect(validatePayload('refresh', {})).toEqual({ ok: true, value: { providerId: null } });
    expect(validatePayload('window:fit-popover', { height: 300.2 })).toEqual({ ok: true, value: { height: 301 } });
    expect(validatePayload('link:open', { url: 'https://OpenRouter.ai/keys' })).toEqual({ ok: true, value: { url: 'https://openrouter.ai/keys' } });
  });

  it('drops settings it cannot read and keeps the readable ones, written as plain values', () => {
    const raw = { lowBalanceUsd: '2.50', refreshIntervalSec: '1e3', thresholds: ['0x50', '90', 'x'], autoUpdate: 'yes', startAtLogin: 'true' };
    const r = validatePayload('settings:update', raw);
    expect(r).toEqual({ ok: true, value: { lowBalanceUsd: 2.5, thresholds: [90], startAtLogin: true } });
  });

  it('refuses a settings field named __proto__ instead of passing it on', () => {
    expect(reasonFor('settings:update', JSON.parse('{"__proto__": {"autoUpdate": false}}'))).toBe('unknown setting: __proto__');
  });
});

// Junk of every shape a transport could deliver, and then some (JSON over the preview's socket is a
// subset; Electron's structured clone adds dates, maps, typed arrays, sparse arrays …).
const junk = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withSparseArray: true,
  withTypedArray: true,
});
// Near misses: the right field names with values that are sometimes right, plus stray fields.
const maybe = <T>(right: fc.Arbitrary<T>) => fc.oneof({ arbitrary: right, weight: 3 }, { arbitrary: junk, weight: 1 });
const withStray = <T extends object>(rec: fc.Arbitrary<T>) =>
  fc.tuple(rec, fc.option(fc.dictionary(fc.string({ maxLength: 8 }), junk, { maxKeys: 2 }), { nil: undefined })).map(([r, extra]) => ({ ...extra, ...r }));
const keyPayload = withStray(
  fc.record(
    {
      providerId: maybe(fc.constantFrom('openrouter', 'codex', 'OpenRouter', ...KEY_PROVIDERS.map((p) => p.id))),
      key: maybe(fc.string({ maxLength: MAX_KEY_LENGTH + 20, unit: 'grapheme-ascii' })),
      slot: maybe(fc.constantFrom(undefined, 'management', 'api')),
    },
    { requiredKeys: [] },
  ),
);
const settingsPatch = fc.record(
  {
    refreshIntervalSec: maybe(fc.oneof(fc.double(), fc.constantFrom('60', '0x10', '1e3', ' 90 '))),
    thresholds: maybe(fc.array(fc.oneof(fc.integer({ min: -5, max: 200 }), fc.constantFrom('80', 'x')))),
    lowBalanceUsd: maybe(fc.double()),
    autoUpdate: maybe(fc.oneof(fc.boolean(), fc.constantFrom('true', '0', 1))),
    colour: junk,
  },
  { requiredKeys: [] },
);
const accountFields = {
  providerId: maybe(fc.constantFrom('openrouter', 'codex', 'Claude', '../x')),
  label: maybe(fc.oneof(fc.constantFrom('work', ' home', ''), fc.string({ maxLength: 110 }))),
};
const accountPayload = withStray(
  fc.record({ ...accountFields, key: maybe(fc.string({ maxLength: MAX_KEY_LENGTH + 20 })), dir: maybe(fc.constantFrom(null, '/acc/x', 'rel')) }, { requiredKeys: [] }),
);
const nearMiss: Record<InvokeChannel, fc.Arbitrary<unknown>> = {
  'view:get': fc.constantFrom(null, undefined, 0, ''),
  refresh: withStray(
    fc.record(
      { providerId: maybe(fc.constantFrom(null, undefined, 'codex', 'open-router2', 'Claude', '../x', 'a'.repeat(32), 'a'.repeat(33))) },
      { requiredKeys: [] },
    ),
  ),
  'settings:get': fc.constantFrom(null, undefined, false),
  'settings:update': settingsPatch,
  'key:test': keyPayload,
  'key:save': keyPayload,
  'key:remove': withStray(
    fc.record(
      { providerId: maybe(fc.constantFrom('openrouter', 'codex', ...KEY_PROVIDERS.map((p) => p.id))), slot: maybe(fc.constantFrom(undefined, 'management', 'api')) },
      { requiredKeys: [] },
    ),
  ),
  'account:add': accountPayload,
  'account:test': accountPayload,
  'account:update': withStray(fc.record({ ...accountFields, enabled: maybe(fc.boolean()), newLabel: maybe(fc.string({ maxLength: 110 })) }, { requiredKeys: [] })),
  'account:move': withStray(fc.record({ ...accountFields, direction: maybe(fc.constantFrom('up', 'down', 'left')) }, { requiredKeys: [] })),
  'account:remove': withStray(fc.record(accountFields, { requiredKeys: [] })),
  'window:open-settings': fc.constantFrom(null, undefined, {}),
  'window:open-history': fc.constantFrom(null, undefined, {}),
  'history:query': withStray(fc.record({ range: maybe(fc.constantFrom('24h', '7d', '30d', 'all', '1y', 7)), providerId: maybe(fc.constantFrom(null, 'codex', 3)) }, { requiredKeys: [] })),
  'history:export': withStray(
    fc.record({ range: maybe(fc.constantFrom('24h', 'all', 'week')), format: maybe(fc.constantFrom('csv', 'json', 'xml')), windowId: maybe(fc.constantFrom(null, 'session', 'x'.repeat(101))) }, { requiredKeys: [] }),
  ),
  'history:sparklines': fc.constantFrom(null, undefined, {}, 'all'),
  'cost:summary': fc.constantFrom(null, undefined, {}, 1),
  'cost:page': fc.constantFrom(null, undefined, [], 'x'),
  'cost:export': withStray(fc.record({ format: fc.constantFrom('csv', 'json', 'xml', 1) }, { requiredKeys: [] })),
  'window:open-cost': fc.constantFrom(null, undefined, {}),
  'statusline:get': fc.constantFrom(null, undefined, {}, 'install'),
  'statusline:set': withStray(fc.record({ action: maybe(fc.constantFrom('install', 'uninstall', 'remove', 1)) }, { requiredKeys: [] })),
  'window:hide-popover': fc.constantFrom(null, undefined, []),
  'window:fit-popover': withStray(
    fc.record(
      { height: maybe(fc.oneof(fc.double(), fc.integer({ min: -5, max: 12_000 }), fc.integer({ min: 0, max: 900 }).map((n) => n + 0.4))) },
      { requiredKeys: [] },
    ),
  ),
  'link:open': withStray(
    fc.record(
      { url: maybe(fc.oneof(fc.webUrl({ withQueryParameters: true }), fc.webUrl({ authoritySettings: { withUserInfo: true } }).map((u) => u.replace(/^http:/, 'https:')))) },
      { requiredKeys: [] },
    ),
  ),
  'app:quit': fc.constantFrom(null, undefined, 'quit'),
};
/** A channel and a payload: junk, or one shaped almost like that channel's request. */
const callOf = fc
  .constantFrom(...INVOKE_CHANNELS)
  .chain((channel) => fc.tuple(fc.constant(channel), fc.oneof({ arbitrary: nearMiss[channel], weight: 3 }, { arbitrary: junk, weight: 1 })));

/** A plain object, as JSON and structured clone make them (not an array, a date, a map …). */
const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && [Object.prototype, null].includes(Object.getPrototypeOf(x) as object | null);

// The fields each object request carries once parsed.
const FIELDS: Partial<Record<InvokeChannel, string[]>> = {
  refresh: ['providerId'],
  'key:test': ['key', 'providerId'],
  'key:save': ['key', 'providerId'],
  'key:remove': ['providerId'],
  'window:fit-popover': ['height'],
  'link:open': ['url'],
  'account:add': ['dir', 'key', 'label', 'providerId'],
  'account:test': ['dir', 'key', 'label', 'providerId'],
  'account:update': ['enabled', 'label', 'newLabel', 'providerId'],
  'account:move': ['direction', 'label', 'providerId'],
  'account:remove': ['label', 'providerId'],
  'history:query': ['accountLabel', 'providerId', 'range', 'windowId'],
  'history:export': ['accountLabel', 'format', 'providerId', 'range', 'windowId'],
  'cost:export': ['format'],
  'statusline:set': ['action'],
};

// Fields a parsed request carries only when they were sent.
const OPTIONAL_FIELDS: Partial<Record<InvokeChannel, string[]>> = { 'key:test': ['slot'], 'key:save': ['slot'], 'key:remove': ['slot'] };
/** A key call's slot: left out (the API key), or management for a provider that takes a management key. */
const slotOk = (raw: Record<string, unknown>) =>
  raw.slot === undefined || (raw.slot === 'management' && MANAGEMENT_KEY_PROVIDERS.some((p) => p.id === raw.providerId));
const isKeyProvider = (id: unknown) => KEY_PROVIDERS.some((p) => p.id === id);

const historyFieldOk = (x: unknown) => x == null || (typeof x === 'string' && x.length <= 100);
const historyOk = (raw: Record<string, unknown>) =>
  ['24h', '7d', '30d', 'all'].includes(raw.range as string) && historyFieldOk(raw.providerId) && historyFieldOk(raw.accountLabel) && historyFieldOk(raw.windowId);

const optText = (x: unknown, max: number) => x == null || (typeof x === 'string' && x.length <= max);
const accountOk = (raw: Record<string, unknown>) =>
  typeof raw.providerId === 'string' && /^[a-z][a-z0-9-]{0,31}$/.test(raw.providerId) && typeof raw.label === 'string' && raw.label.length <= 100;

/** Whether `raw` is a request `channel` should take, judged from the contract, not from the schema. */
function shouldPass(channel: InvokeChannel, raw: unknown): boolean {
  if (NO_PAYLOAD.includes(channel)) return raw === null || raw === undefined;
  if (!isRecord(raw)) return false;
  switch (channel) {
    case 'key:test':
    case 'key:save':
      return isKeyProvider(raw.providerId) && typeof raw.key === 'string' && raw.key.length <= MAX_KEY_LENGTH && slotOk(raw);
    case 'key:remove':
      return isKeyProvider(raw.providerId) && slotOk(raw);
    case 'refresh':
      return raw.providerId == null || (typeof raw.providerId === 'string' && /^[a-z][a-z0-9-]{0,31}$/.test(raw.providerId));
    case 'settings:update':
      return Object.keys(raw).every((k) => SETTING_NAMES.includes(k));
    case 'account:add':
    case 'account:test':
      return accountOk(raw) && optText(raw.key, MAX_KEY_LENGTH) && optText(raw.dir, 4096);
    case 'account:update':
      return accountOk(raw) && (raw.enabled == null || typeof raw.enabled === 'boolean') && optText(raw.newLabel, 100);
    case 'account:move':
      return accountOk(raw) && (raw.direction === 'up' || raw.direction === 'down');
    case 'account:remove':
      return accountOk(raw);
    case 'history:query':
      return historyOk(raw);
    case 'history:export':
      return historyOk(raw) && (raw.format === 'csv' || raw.format === 'json');
    case 'cost:export':
      return raw.format === 'csv' || raw.format === 'json';
    case 'statusline:set':
      return raw.action === 'install' || raw.action === 'uninstall';
    case 'window:fit-popover':
      return typeof raw.height === 'number' && raw.height >= 1 && raw.height <= 10_000;
    case 'link:open':
      if (typeof raw.url !== 'string' || raw.url.length > 2048 || !URL.canParse(raw.url)) return false;
      return new URL(raw.url).protocol === 'https:' && !new URL(raw.url).username && !new URL(raw.url).password;
    default:
      return true;
  }
}

describe('payload validation on arbitrary input', () => {
  it('never throws, and refuses with a reason unless the payload is a request of that channel', () => {
    fc.assert(
      fc.property(callOf, ([channel, raw]) => {
        const r = validatePayload(channel, raw);
        expect(r.ok, `${channel} ${r.ok ? '' : r.reason}`).toBe(shouldPass(channel, raw));
        // A reason we wrote: valibot's own messages ("Invalid type: … received …") quote the payload.
        if (!r.ok) expect(r.reason).not.toMatch(/^Invalid |^payload is malformed$/);
      }),
      RUNS,
    );
  });

  it('hands on a value of the request type only, and the same value again when it is sent back', () => {
    fc.assert(
      fc.property(callOf, ([channel, raw]) => {
        const r = validatePayload(channel, raw);
        if (!r.ok) return;
        const value = r.value as unknown;
        if (NO_PAYLOAD.includes(channel)) {
          expect(value).toBeNull();
          return;
        }
        expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
        if (channel === 'settings:update') {
          for (const [k, x] of Object.entries(value as object)) {
            expect(SETTING_NAMES).toContain(k);
            expect(typeof x, k).toBe(typeof DEFAULT_SETTINGS[k as keyof typeof DEFAULT_SETTINGS]);
          }
        } else {
          const optional = OPTIONAL_FIELDS[channel] ?? [];
          expect(Object.keys(value as object).filter((k) => !optional.includes(k)).sort()).toEqual(FIELDS[channel]);
        }
        expect(validatePayload(channel, value)).toEqual(r);
      }),
      RUNS,
    );
  });
});
