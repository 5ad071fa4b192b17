// The schema of every payload a renderer may send, one per invoke channel. contract.ts infers the
// request types from these, so a type and its check cannot drift apart. Runtime code for main and the
// preview host only: the renderer sees these as types, so valibot stays out of the renderer bundle.
// Every message here is written by us and never quotes the payload (a key must not reach a log).
import * as v from 'valibot';
import { normalizeProviderIds, normalizeThresholds, normalizeTrayPin, plainNumber, type TrayPin } from '../core/settings';
import { normalizeOrigin, normalizePort } from '../core/local-api';
import { normalizeAccounts } from '../core/accounts';
import { asBool } from '../core/json';
import { MAX_KEY_LENGTH } from '../core/providers/descriptor';
import { KEY_PROVIDERS, MANAGEMENT_KEY_PROVIDERS, hasManagementKey, isKeyProviderId, listText, type KeyProviderId } from '../core/providers/registry';

export const MAX_URL_LENGTH = 2048;

const NOT_AN_OBJECT = 'payload must be an object';
const NO_PAYLOAD = 'this call takes no payload';
const BAD_PROVIDER = 'unknown provider id';
const KEYS_ONLY_FOR = `keys can only be stored for ${listText(KEY_PROVIDERS.map((p) => p.id))}`;
export const BAD_SLOT = 'slot must be management or left out';
export const MANAGEMENT_ONLY_FOR = MANAGEMENT_KEY_PROVIDERS.length
  ? `management keys can only be stored for ${listText(MANAGEMENT_KEY_PROVIDERS.map((p) => p.id))}`
  : 'no provider takes a management key';

/** A provider whose key Quotabar stores itself (the registry says which). */
const keyProviderId = (message: string) => v.custom<KeyProviderId>(isKeyProviderId, message);
const BAD_HEIGHT = 'height must be a number of pixels';
const HTTPS_ONLY = 'only https links can be opened';

/** No payload expected: undefined or null, read as null. */
const None = v.optional(v.null(NO_PAYLOAD), null);

/** A plain object, as JSON and structured clone make them: not null, an array, a date, a map … */
function isRecord(x: unknown): boolean {
  if (typeof x !== 'object' || x === null) return false;
  const proto = Object.getPrototypeOf(x) as unknown;
  return proto === Object.prototype || proto === null;
}

/** A plain object with these fields; other fields are left out of the result. */
function payload<const E extends v.ObjectEntries>(entries: E) {
  return v.pipe(
    v.unknown(),
    v.check(isRecord, NOT_AN_OBJECT),
    v.object(entries, (issue) => `missing ${String(issue.path?.[0]?.key)}`),
  );
}

/** Only https links to a real host, without credentials in them; the URL comes back normalised. */
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

/**
 * A setting's value read the way the settings file is read (plain decimals, "true"/"1" …). An unreadable
 * value drops the field, so the current setting stays; ranges are applied later against the current
 * settings (core/settings.ts normalizeSettings), the one home of those rules.
 */
function lossy<T>(read: (x: unknown) => T | null) {
  return v.optional(v.pipe(v.unknown(), v.transform((x): T | undefined => read(x) ?? undefined)));
}

/** Removes fields that were dropped, so spreading a patch never overwrites a setting with undefined. */
function withoutUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined)) as T;
}

/**
 * A settings patch: only known fields (one unknown field refuses the whole patch, so a renderer
 * built for a newer or older app is noticed), each read lossily. Keep in step with core Settings:
 * contract.ts fails to compile when a field is missing here.
 */
export const SettingsPatch = v.pipe(
  v.unknown(),
  v.check(isRecord, NOT_AN_OBJECT),
  v.strictObject(
    {
      pollingMode: lossy((x) => (x === 'adaptive' || x === 'fixed' ? x : null)),
      refreshIntervalSec: lossy(plainNumber),
      thresholds: lossy(normalizeThresholds),
      lowBalanceUsd: lossy(plainNumber),
      resetNotice: lossy(asBool),
      startAtLogin: lossy(asBool),
      autoUpdate: lossy(asBool),
      trayOverflowNoticeShown: lossy(asBool),
      // The whole list in its new order; entries that are not valid accounts are dropped.
      accounts: lossy(normalizeAccounts),
      predictiveAlerts: lossy(normalizeProviderIds),
      predictiveMarginMin: lossy(plainNumber),
      credentialOptIn: lossy(normalizeProviderIds),
      // null unpins (back to the tightest window); a garbled pin is dropped like any unreadable value.
      trayPin: v.optional(v.pipe(v.unknown(), v.transform((x): TrayPin | null | undefined => (x === null ? null : (normalizeTrayPin(x) ?? undefined))))),
      shareLocalApi: lossy(asBool),
      localApiPort: lossy((x) => normalizePort(plainNumber(x))),
      localApiOrigin: lossy(normalizeOrigin),
    },
    (issue) => `unknown setting: ${String(issue.input).slice(0, 40)}`,
  ),
  v.transform(withoutUndefined),
);

/**
 * A key call's fields plus its slot: left out for the provider's API key, 'management' for its
 * management key, which only providers with one take.
 */
function keyPayload<const E extends v.ObjectEntries>(entries: E) {
  return v.pipe(
    payload({ providerId: keyProviderId(KEYS_ONLY_FOR), ...entries, slot: v.optional(v.picklist(['management'], BAD_SLOT)) }),
    v.check((r) => r.slot === undefined || hasManagementKey(r.providerId), MANAGEMENT_ONLY_FOR),
  );
}

const KeyRequest = keyPayload({
  // Format problems other than length are answered as a KeyCheck (a message the user can act on).
  key: v.pipe(v.string('key must be a string'), v.maxLength(MAX_KEY_LENGTH, 'key is too long')),
});

const BAD_ACCOUNT_PROVIDER = 'unknown provider id';
const BAD_LABEL = 'label must be a short string';
const BAD_DIR = 'folder must be a path';
/** A provider id and a label; label rules are checked by the account manager, which answers in words. */
const accountEntries = {
  providerId: v.pipe(v.string(BAD_ACCOUNT_PROVIDER), v.regex(/^[a-z][a-z0-9-]{0,31}$/, BAD_ACCOUNT_PROVIDER)),
  label: v.pipe(v.string(BAD_LABEL), v.maxLength(100, BAD_LABEL)),
};
const AccountCandidate = payload({
  ...accountEntries,
  key: v.nullish(v.pipe(v.string('key must be a string'), v.maxLength(MAX_KEY_LENGTH, 'key is too long')), null),
  dir: v.nullish(v.pipe(v.string(BAD_DIR), v.maxLength(4096, BAD_DIR)), null),
});

const BAD_RANGE = 'range must be 24h, 7d, 30d or all';
const BAD_FORMAT = 'format must be csv or json';
const BAD_FIELD = 'must be a short name';
/** An optional narrowing field: a short name, or missing/null for all. */
const historyField = v.nullish(v.pipe(v.string(BAD_FIELD), v.maxLength(100, BAD_FIELD)), null);
const historyEntries = {
  providerId: historyField,
  accountLabel: historyField,
  windowId: historyField,
  range: v.picklist(['24h', '7d', '30d', 'all'], BAD_RANGE),
};

/** The request schema of every invoke channel; contract.ts derives InvokeMap's request types from it. */
export const REQUEST_SCHEMAS = {
  'view:get': None,
  // A missing or null provider means all of them.
  refresh: payload({
    providerId: v.nullish(v.pipe(v.string(BAD_PROVIDER), v.regex(/^[a-z][a-z0-9-]{0,31}$/, BAD_PROVIDER)), null),
  }),
  'settings:get': None,
  'settings:update': SettingsPatch,
  'key:test': KeyRequest,
  'key:save': KeyRequest,
  'key:remove': keyPayload({}),
  'account:add': AccountCandidate,
  // With a key or folder: that candidate; without: the stored account of that label.
  'account:test': AccountCandidate,
  'account:update': payload({
    ...accountEntries,
    enabled: v.nullish(v.boolean('enabled must be true or false'), null),
    newLabel: v.nullish(v.pipe(v.string(BAD_LABEL), v.maxLength(100, BAD_LABEL)), null),
  }),
  'account:move': payload({ ...accountEntries, direction: v.picklist(['up', 'down'], 'direction must be up or down') }),
  'account:remove': payload(accountEntries),
  'window:open-settings': None,
  'window:open-history': None,
  'history:query': payload(historyEntries),
  'history:export': payload({ ...historyEntries, format: v.picklist(['csv', 'json'], BAD_FORMAT) }),
  'history:sparklines': None,
  'cost:summary': None,
  'cost:page': None,
  'cost:export': payload({ format: v.picklist(['csv', 'json'], BAD_FORMAT) }),
  'window:open-cost': None,
  'statusline:get': None,
  'statusline:set': payload({ action: v.picklist(['install', 'uninstall'], 'action must be install or uninstall') }),
  'window:hide-popover': None,
  // A content height in CSS px: a whole, plausible number (the window clamps it to the screen).
  'window:fit-popover': payload({
    height: v.pipe(v.number(BAD_HEIGHT), v.finite(BAD_HEIGHT), v.minValue(1, BAD_HEIGHT), v.maxValue(10_000, BAD_HEIGHT), v.transform(Math.ceil)),
  }),
  'link:open': payload({
    url: v.pipe(
      v.string(HTTPS_ONLY),
      v.rawTransform(({ dataset, addIssue, NEVER }) => safeExternalUrl(dataset.value) ?? (addIssue({ message: HTTPS_ONLY }), NEVER)),
    ),
  }),
  'app:quit': None,
} as const;

export type RequestSchemas = typeof REQUEST_SCHEMAS;
