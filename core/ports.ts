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
