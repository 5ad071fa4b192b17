// User settings: defaults and a lossy normaliser (a corrupt field falls back to its default).
import { normalizeAccounts, type AccountSetting } from './accounts';
import type { PollingMode } from './cadence';
import { asArray, asBool, asObject, asText } from './json';
import { DEFAULT_LOCAL_API_PORT, normalizeOrigin, normalizePort } from './local-api';

export type { AccountSetting } from './accounts';

export interface Settings {
  /** 'adaptive' (default): 1–30 min from what usage and the user are doing; 'fixed': every refreshIntervalSec. */
  pollingMode: PollingMode;
  /** Poll interval in seconds (30 s – 1 h) in 'fixed' mode. */
  refreshIntervalSec: number;
  /** Percent-used thresholds that raise an alert, ascending, each 1–100. */
  thresholds: number[];
  /** Alert when a dollar credit balance (a `credits` window in usd) drops below this many dollars; 0 disables it. */
  lowBalanceUsd: number;
  /** Notify when a window resets (off by default: it is noise for most people). */
  resetNotice: boolean;
  startAtLogin: boolean;
  /** Check GitHub Releases at start and daily, download in the background, ask before restarting. */
  autoUpdate: boolean;
  /** Windows: the one-time notice that the tray icon may sit in the hidden-icons overflow was shown. */
  trayOverflowNoticeShown: boolean;
  /**
   * Accounts beyond the implicit first one (the environment's and default locations), in display
   * order. Files written before accounts existed have no such field and read as [].
   */
  accounts: AccountSetting[];
  /** Provider ids whose windows warn when, at the current pace, they run out before they reset (opt-in). */
  predictiveAlerts: string[];
  /** That warning fires only when the run-out comes more than this many minutes before the reset (0–1440). */
  predictiveMarginMin: number;
  /** The one window the tray meter shows; null = the tightest enabled window (the default). */
  trayPin: TrayPin | null;
  /** "Share usage with local tools": serve `openusage.limits.v1` on 127.0.0.1 (off by default). */
  shareLocalApi: boolean;
  /** Its port (1024–65535; 6736, OpenUsage's, by default). */
  localApiPort: number;
  /** The one web origin allowed to read it from a page (CORS); '' for none, the default. */
  localApiOrigin: string;
  /** Provider ids whose vendor sign-in Quotabar may read (descriptor `credentials.optIn`; off by default). */
  credentialOptIn: string[];
}

/** A window named by where it lives: a provider, one of its accounts (null = the implicit one), a window id. */
export interface TrayPin {
  providerId: string;
  accountLabel: string | null;
  windowId: string;
}

export const DEFAULT_SETTINGS: Settings = {
  pollingMode: 'adaptive',
  refreshIntervalSec: 120,
  thresholds: [80, 95],
  lowBalanceUsd: 2,
  resetNotice: false,
  startAtLogin: false,
  autoUpdate: true,
  trayOverflowNoticeShown: false,
  accounts: [],
  predictiveAlerts: [],
  predictiveMarginMin: 30,
  trayPin: null,
  shareLocalApi: false,
  localApiPort: DEFAULT_LOCAL_API_PORT,
  localApiOrigin: '',
  credentialOptIn: [],
};

export const MAX_PREDICTIVE_MARGIN_MIN = 1440;

export const MIN_REFRESH_SEC = 30;
export const MAX_REFRESH_SEC = 3600;

/**
 * A setting's number: a finite JSON number, or a string of plain decimal digits ("2", "2.50").
 * Hex, exponents and the like ("0x10", "1e3") are refused, so a typo is not saved as $16 or $1000.
 */
export function plainNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  return typeof v === 'string' && /^\d+(\.\d+)?$/.test(v.trim()) ? Number(v.trim()) : null;
}

/** Turns anything (a parsed file, a renderer payload) into valid Settings, field by field. */
export function normalizeSettings(input: unknown, base: Settings = DEFAULT_SETTINGS): Settings {
  const o = asObject(input) ?? {};
  const interval = plainNumber(o.refreshIntervalSec);
  const mode = pollingModeOf(o, interval, base);
  const thresholds = 'thresholds' in o ? normalizeThresholds(o.thresholds) : null;
  const low = plainNumber(o.lowBalanceUsd);
  const reset = asBool(o.resetNotice);
  const login = asBool(o.startAtLogin);
  const update = asBool(o.autoUpdate);
  const overflowNotice = asBool(o.trayOverflowNoticeShown);
  const accounts = 'accounts' in o ? normalizeAccounts(o.accounts) : null;
  const predictive = 'predictiveAlerts' in o ? normalizeProviderIds(o.predictiveAlerts) : null;
  const margin = plainNumber(o.predictiveMarginMin);
  const optIn = 'credentialOptIn' in o ? normalizeProviderIds(o.credentialOptIn) : null;
  const pin = !('trayPin' in o) ? undefined : o.trayPin === null ? null : (normalizeTrayPin(o.trayPin) ?? undefined);
  const share = asBool(o.shareLocalApi);
  const port = normalizePort(plainNumber(o.localApiPort));
  const origin = normalizeOrigin(o.localApiOrigin);
  return {
    pollingMode: mode,
    refreshIntervalSec:
      interval === null ? base.refreshIntervalSec : Math.round(Math.min(MAX_REFRESH_SEC, Math.max(MIN_REFRESH_SEC, interval))),
    thresholds: thresholds ?? base.thresholds,
    lowBalanceUsd: low === null || low < 0 || low > 10_000 ? base.lowBalanceUsd : low,
    resetNotice: typeof reset === 'boolean' ? reset : base.resetNotice,
    startAtLogin: typeof login === 'boolean' ? login : base.startAtLogin,
    autoUpdate: typeof update === 'boolean' ? update : base.autoUpdate,
    trayOverflowNoticeShown: typeof overflowNotice === 'boolean' ? overflowNotice : base.trayOverflowNoticeShown,
    accounts: accounts ?? base.accounts,
    predictiveAlerts: predictive ?? base.predictiveAlerts,
    predictiveMarginMin:
      margin === null || margin < 0 || margin > MAX_PREDICTIVE_MARGIN_MIN ? base.predictiveMarginMin : margin,
    // null unpins; a garbled pin keeps the current one (a file from a newer app must not unpin silently).
    trayPin: pin === undefined ? base.trayPin : pin,
    shareLocalApi: typeof share === 'boolean' ? share : base.shareLocalApi,
    localApiPort: port ?? base.localApiPort,
    localApiOrigin: origin ?? base.localApiOrigin,
    credentialOptIn: optIn ?? base.credentialOptIn,
  };
}

/**
 * The polling mode. A file written before adaptive polling existed has no such field: a user who had
 * chosen an interval other than the old default keeps it, as a fixed interval; the rest get adaptive.
 */
function pollingModeOf(o: Record<string, unknown>, interval: number | null, base: Settings): Settings['pollingMode'] {
  if (o.pollingMode === 'adaptive' || o.pollingMode === 'fixed') return o.pollingMode;
  if (!('pollingMode' in o) && interval !== null && interval !== DEFAULT_SETTINGS.refreshIntervalSec) return 'fixed';
  return base.pollingMode;
}

/** Valid, de-duplicated, ascending thresholds; null when the value is not a list of numbers. */
export function normalizeThresholds(v: unknown): number[] | null {
  if (!Array.isArray(v)) return null;
  const nums = asArray(v)
    .map(plainNumber)
    .filter((n): n is number => n !== null && n >= 1 && n <= 100)
    .map((n) => Math.round(n));
  return [...new Set(nums)].sort((a, b) => a - b).slice(0, 5);
}

/** Provider ids (lower-case, as the registry spells them), de-duplicated; null when the value is not a list. */
export function normalizeProviderIds(v: unknown): string[] | null {
  if (!Array.isArray(v)) return null;
  const ids = v.filter((x): x is string => typeof x === 'string' && /^[a-z][a-z0-9-]{0,31}$/.test(x));
  return [...new Set(ids)];
}

/** A pin from a file or patch: null when it is not one (any field missing or out of shape). */
export function normalizeTrayPin(v: unknown): TrayPin | null {
  const o = asObject(v);
  if (!o) return null;
  const providerId = asText(o.providerId);
  const windowId = asText(o.windowId);
  const label = o.accountLabel === null || o.accountLabel === undefined ? null : asText(o.accountLabel);
  if (!providerId || !/^[a-z][a-z0-9-]{0,31}$/.test(providerId)) return null;
  if (!windowId || windowId.length > 200) return null;
  if (o.accountLabel !== null && o.accountLabel !== undefined && (!label || label.length > 100)) return null;
  return { providerId, accountLabel: label, windowId };
}
