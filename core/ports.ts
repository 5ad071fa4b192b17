// Capabilities the pure core needs from the outside world. Adapters implement them
// (adapters/), tests fake them (test/support/). Nothing here does I/O.
import type { ProviderError, Result } from './errors';

/** Wall-clock time as epoch milliseconds. */
export interface Clock {
  now(): number;
}

/** Timers, so that polling and timeouts run on a fake clock in tests. */
export interface Scheduler {
  /** Runs `fn` once after `delayMs`; the returned function cancels it. */
  schedule(delayMs: number, fn: () => void): () => void;
}

export interface HttpRequest {
  url: string;
  method?: 'GET' | 'POST';
  /** Header names are sent as given. */
  headers?: Record<string, string>;
  body?: string;
  /** Whole-request deadline (headers and body). */
  timeoutMs?: number;
}

export interface HttpResponse {
  status: number;
  /** Lower-cased names; repeated headers joined with ', '. */
  headers: Record<string, string>;
  body: string;
}

/**
 * One HTTP exchange. Never throws: connection failures come back as `transport`,
 * deadlines as `timeout`, bodies over the size cap as `malformed`.
 * Any HTTP status (including 4xx/5xx) is a successful exchange.
 */
export interface HttpClient {
  request(req: HttpRequest): Promise<Result<HttpResponse>>;
}

/** Secrets by account name under the app's own keychain service. Never throws. */
export interface SecretStore {
  get(account: string): Promise<Result<string | null>>;
  set(account: string, secret: string): Promise<Result<void>>;
  /** Resolves true when something was removed. */
  remove(account: string): Promise<Result<boolean>>;
}

export type FileError =
  | { kind: 'not_found' }
  | { kind: 'unreadable'; code: string };

export interface FileEntry {
  name: string;
  isDirectory: boolean;
}

export interface FileStat {
  size: number;
  mtimeMs: number;
}

/** Read-only file access. Never throws. Paths are absolute, built with `join`. */
export interface FileSource {
  join(...parts: string[]): string;
  readText(path: string): Promise<Result<string, FileError>>;
  list(dir: string): Promise<Result<FileEntry[], FileError>>;
  stat(path: string): Promise<Result<FileStat, FileError>>;
  /** Bytes [start, end) of a file; shorter when the file is shorter. */
  readRange(path: string, start: number, end: number): Promise<Result<Uint8Array, FileError>>;
}

export interface Notification {
  /** Stable id so a repeated alert replaces rather than stacks. */
  id: string;
  title: string;
  body: string;
}

export interface Notifier {
  notify(n: Notification): void;
}

/** Diagnostics for the person running Quotabar (stderr, a log file). Messages never hold secrets. */
export interface Logger {
  warn(message: string): void;
}

/** A credential lookup that may come from the environment, a keychain or a file. */
export type CredentialLookup<T> = () => Promise<Result<T | null>>;

export type { ProviderError };

/** One stored reading of one window at one successful poll. Times are epoch ms. */
export interface HistorySample {
  at: number;
  providerId: string;
  /** Which account of the provider; null until accounts are told apart. */
  accountLabel: string | null;
  windowId: string;
  usedPercent: number | null;
  used: number | null;
  limit: number | null;
  remaining: number | null;
  resetsAt: number | null;
  source: string | null;
}

/** Which samples to read; every field narrows, absent fields don't. */
export interface HistoryFilter {
  providerId?: string;
  accountLabel?: string;
  windowId?: string;
  /** Inclusive lower bound, epoch ms. */
  since?: number;
}

/** One window's readings over a period, thinned to at most the points asked for (sparklines). */
export interface HistorySeries {
  providerId: string;
  accountLabel: string | null;
  windowId: string;
  /** Oldest first; the highest used % of each slice, at that slice's last sample. */
  points: Array<{ at: number; usedPercent: number }>;
}

/**
 * Why history could not be read or written. Polling carries on without it.
 * `locked`: another process held the database past the busy timeout.
 * `unavailable`: the folder or file cannot be opened or written (permissions, disk full…).
 */
export type HistoryError =
  | { kind: 'locked' }
  | { kind: 'unavailable'; code: string };

export interface RecordOutcome {
  written: number;
  /** Where an unreadable database was moved before a fresh one was started; null normally. */
  setAsideTo: string | null;
}

/**
 * Stored usage history. Never throws: failures come back as values and never reach a poll.
 * Raw samples are kept 30 days, hourly aggregates (min, max, last) after that.
 */
export interface HistoryStore {
  record(samples: HistorySample[]): Promise<Result<RecordOutcome, HistoryError>>;
  /** Raw samples and, for older periods, each hour's last reading; oldest first. */
  query(filter: HistoryFilter): Promise<Result<HistorySample[], HistoryError>>;
  /** Every window with readings since `since`, each thinned to at most `maxPoints`. */
  series(since: number, maxPoints: number): Promise<Result<HistorySeries[], HistoryError>>;
  close(): void;
}
