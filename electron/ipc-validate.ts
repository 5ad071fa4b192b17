// Payload checks for every invoke channel. Whatever arrives from a renderer (over Electron IPC or the
// preview's WebSocket) is untrusted: it is reduced to exactly the request type or refused.
import { asObject } from '../core/json';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from '../core/settings';
import { MAX_KEY_LENGTH } from '../core/providers/descriptor';
import { isKeyProviderId, KEY_PROVIDERS, type KeyProviderId } from '../core/providers/registry';
import type { InvokeChannel, InvokeMap } from './ipc-contract';

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

const MAX_URL_LENGTH = 2048;
// Every field Settings has, and nothing else: a new setting is accepted once it has a default.
const KNOWN_SETTINGS = Object.keys(DEFAULT_SETTINGS) as readonly (keyof Settings)[];

const good = <T>(value: T): Checked<T> => ({ ok: true, value });
const bad = (reason: string): Checked<never> => ({ ok: false, reason });

/** No payload expected: undefined or null only. */
function none(raw: unknown): Checked<null> {
  return raw === undefined || raw === null ? good(null) : bad('this call takes no payload');
}

function refresh(raw: unknown): Checked<InvokeMap['refresh']['req']> {
  const o = asObject(raw);
  if (!o) return bad('payload must be an object');
  const id = o.providerId;
  if (id === null || id === undefined) return good({ providerId: null });
  if (typeof id !== 'string' || !/^[a-z][a-z0-9-]{0,31}$/.test(id)) return bad('unknown provider id');
  return good({ providerId: id });
}

/** Only known fields, each normalised against the current settings; unknown fields are refused. */
function settingsPatch(raw: unknown): Checked<Partial<Settings>> {
  const o = asObject(raw);
  if (!o) return bad('payload must be an object');
  const unknown = Object.keys(o).filter((k) => !(KNOWN_SETTINGS as readonly string[]).includes(k));
  if (unknown.length > 0) return bad(`unknown setting: ${unknown[0]!.slice(0, 40)}`);
  const patch: Partial<Settings> = {};
  for (const k of KNOWN_SETTINGS) if (k in o) Object.assign(patch, { [k]: o[k] });
  return good(patch);
}

/** Applies a checked patch to the current settings with the same lossy rules as the settings file. */
export function applySettingsPatch(current: Settings, patch: Partial<Settings>): Settings {
  return normalizeSettings({ ...current, ...patch }, current);
}

function keyRequest(raw: unknown): Checked<{ providerId: KeyProviderId; key: string }> {
  const o = asObject(raw);
  if (!o) return bad('payload must be an object');
  if (!isKeyProviderId(o.providerId)) return bad(`keys can only be stored for ${KEY_PROVIDERS.map((p) => p.id).join(', ')}`);
  if (typeof o.key !== 'string') return bad('key must be a string');
  if (o.key.length > MAX_KEY_LENGTH) return bad('key is too long');
  // Format problems other than length are answered as a KeyCheck (a message the user can act on).
  return good({ providerId: o.providerId, key: o.key });
}

function keyRemove(raw: unknown): Checked<{ providerId: KeyProviderId }> {
  const o = asObject(raw);
  if (!o) return bad('payload must be an object');
  return isKeyProviderId(o.providerId) ? good({ providerId: o.providerId }) : bad('unknown provider id');
}

/** Only https links to a real host, without credentials in them. */
export function safeExternalUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length > MAX_URL_LENGTH) return null;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' || u.username !== '' || u.password !== '' || u.hostname === '') return null;
  return u.toString();
}

/** A content height in CSS px: a whole, plausible number (the window clamps it to the screen). */
function fitPopover(raw: unknown): Checked<{ height: number }> {
  const o = asObject(raw);
  if (!o) return bad('payload must be an object');
  const h = o.height;
  if (typeof h !== 'number' || !Number.isFinite(h) || h < 1 || h > 10_000) return bad('height must be a number of pixels');
  return good({ height: Math.ceil(h) });
}

function link(raw: unknown): Checked<{ url: string }> {
  const o = asObject(raw);
  if (!o) return bad('payload must be an object');
  const url = safeExternalUrl(o.url);
  return url === null ? bad('only https links can be opened') : good({ url });
}

type Validators = { [C in InvokeChannel]: (raw: unknown) => Checked<InvokeMap[C]['req']> };

/** One validator per invoke channel; the type makes a new channel without one a compile error. */
export const VALIDATORS: Validators = {
  'view:get': none,
  refresh,
  'settings:get': none,
  'settings:update': settingsPatch,
  'key:test': keyRequest,
  'key:save': keyRequest,
  'key:remove': keyRemove,
  'window:open-settings': none,
  'window:hide-popover': none,
  'window:fit-popover': fitPopover,
  'link:open': link,
  'app:quit': none,
};

/** Checks a raw payload for `channel`. */
export function validatePayload<C extends InvokeChannel>(channel: C, raw: unknown): Checked<InvokeMap[C]['req']> {
  return (VALIDATORS[channel] as (r: unknown) => Checked<InvokeMap[C]['req']>)(raw);
}
