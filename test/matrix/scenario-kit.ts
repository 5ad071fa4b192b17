// The vocabulary of the hostile-provider matrix: what a scenario says, the hostile replies it is
// built from, and the request bounds a simulated hour may not exceed.
import type { ErrorKind } from '../../core/errors';
import type { NoteCode, UsageWindow } from '../../core/model';
import { fixtureText } from '../core/providers/load-fixture';
import type { ProviderKind, Route } from '../support/loopback-providers';
import type { LoopbackReply } from '../support/loopback-server';

export type { ProviderKind, Route } from '../support/loopback-providers';

/** A reply, or one computed per request from the simulated wall clock (for HTTP-dates). */
export type Reply = LoopbackReply | ((ctx: { now: number }) => LoopbackReply);

export type Routes = Partial<Record<Route, Reply>>;

/** Trouble that does not come over HTTP. */
export type Trouble =
  /** The keychain locks after the first poll. */
  | { kind: 'keychain-locked' }
  /** There is no keychain at all, from the start. */
  | { kind: 'keychain-absent' }
  /** The stored key is removed after the first poll. */
  | { kind: 'key-removed' }
  /** The machine sleeps this long after the first poll. */
  | { kind: 'sleep'; ms: number }
  /** The wall clock jumps by this much (negative: backwards) after the first poll. */
  | { kind: 'wall-jump'; ms: number }
  /** The settings file holds this text before the app starts; the app must poll every `intervalSec`. */
  | { kind: 'settings-file'; text: string; intervalSec: number; problem: 'corrupt' | null }
  /** Codex's auth.json is replaced by this text after the first poll. */
  | { kind: 'auth-file'; text: string };

export type Expectation =
  /** The poll fails with this error (matched partially); the last-known windows stay on screen. */
  | { fails: { kind: ErrorKind } & Record<string, unknown> }
  /** The poll succeeds and shows these windows (matched partially, in order) and notes. */
  | { reads: Array<Partial<UsageWindow>>; notes?: NoteCode[] }
  /** The card is cleared: the credential is gone. */
  | { clears: ErrorKind };

export interface Scenario {
  /** Reads as a sentence after the provider's name. */
  name: string;
  provider: ProviderKind;
  /** OpenRouter only: a capped key costs one request per poll, an uncapped one two. Default capped. */
  key?: 'capped' | 'uncapped';
  /** What the server answers after the first (good) poll; routes not named keep answering well. */
  hostile?: Routes;
  trouble?: Trouble;
  /** Extra files for the world (e.g. Codex session logs next to auth.json). */
  codexLogs?: boolean;
  /** Claude's access token expires this long after the start (default: in 30 days). */
  claudeTokenTtlMs?: number;
  /** Gemini CLI's access token (`expiry_date`) expires this long after the start (default: the fixture's, in 2030). */
  geminiTokenTtlMs?: number;
  expect: Expectation;
  /** Most requests the server may see in the simulated hour after the trouble starts. */
  maxRequests: number;
  /** QUOTABAR_TIMEOUT_MS for this case, real milliseconds (default 3000). */
  timeoutMs?: number;
}

// Request bounds for one simulated hour at the default 2-minute interval. The hostile phase
// starts right after the first poll; its first poll is 2 minutes later.
/** Not transient (401, 403, malformed…): retried at the interval, no faster: 2, 4, … 60 min. */
export const AT_INTERVAL = 30;
/** Transient (5xx, transport, timeout): 2, 2.5, 4.5, 8.5, 16.5, 32.5 min; the next is at 62.5. */
export const BACKOFF = 6;
/** Throttled with a short or no Retry-After: doubling from the interval: 2, 4, 8, 16, 32 min. */
export const THROTTLED = 5;
/** Throttled with Retry-After 20 minutes: 2, 22, 42 min. */
export const THROTTLED_20_MIN = 3;
/** Claude throttled without Retry-After (30-minute fallback): 2, 32 min. */
export const CLAUDE_THROTTLED = 2;
/** A spend cap or a Retry-After beyond the hour: one poll, then nothing for at least an hour. */
export const ONCE = 1;
/** No credential, no request. */
export const NONE = 0;
/** After a long sleep: one poll on wake (not one per missed interval), then the usual 30. */
export const AFTER_SLEEP = 1 + AT_INTERVAL;

/** QUOTABAR_TIMEOUT_MS for rows whose server stalls: short, so six timed-out polls take seconds, not minutes. */
export const SLOW_MS = 600;
const MiB = 1024 * 1024;

const HTML_PAGE =
  '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>cloudflare</center></body></html>';

/** A fixture file's text as a reply body. */
export function fixtureReply(dir: string, name: string, status = 200, headers: Record<string, string> = {}): LoopbackReply {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: fixtureText(dir, name) };
}

export function json(body: unknown, status = 200): LoopbackReply {
  return { status, body };
}

export function html(status: number): LoopbackReply {
  return { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body: HTML_PAGE };
}

/** The first half of a good body: a proxy cut the connection cleanly mid-JSON. */
export function truncated(dir: string, name: string): LoopbackReply {
  const text = fixtureText(dir, name);
  return { status: 200, headers: { 'content-type': 'application/json' }, body: text.slice(0, Math.floor(text.length / 2)) };
}

export const EMPTY_200: LoopbackReply = { status: 200, headers: { 'content-type': 'application/json' }, body: '' };

/** 20 MB of 'x' with a content-length that says so. */
export const HUGE: LoopbackReply = { status: 200, sizeBytes: 20 * MiB };

/** 20 MB of 'x', chunked, with no length up front: only counting the bytes can stop it. */
export const HUGE_CHUNKED: LoopbackReply = { status: 200, sizeBytes: 20 * MiB, headers: { 'transfer-encoding': 'chunked' } };

/** Status line and headers arrive only after five seconds. */
export function slowHeaders(dir: string, name: string): LoopbackReply {
  return { ...fixtureReply(dir, name), delayHeadersMs: 5_000 };
}

/** Headers at once, then the body stalls for five seconds. */
export function slowBody(dir: string, name: string): LoopbackReply {
  return { ...fixtureReply(dir, name), delayBodyMs: 5_000 };
}

/** Headers at once, then the body trickles in 4 bytes every 100 ms (a slowloris reply). */
export function tricklingBody(dir: string, name: string): LoopbackReply {
  return { ...fixtureReply(dir, name), drip: { chunkBytes: 4, everyMs: 100 } };
}

/** 40 bytes of a good body, then a TCP reset. */
export function resetMidBody(dir: string, name: string): LoopbackReply {
  return { ...fixtureReply(dir, name), resetAfterBytes: 40 };
}

export function status(code: number, dir: string, name: string, headers: Record<string, string> = {}): LoopbackReply {
  return fixtureReply(dir, name, code, headers);
}

/** A 429 whose Retry-After is an HTTP-date `ms` after the simulated now. */
export function retryAtDate(ms: number, body: unknown = { error: { code: 429, message: 'Rate limit exceeded' } }): Reply {
  return ({ now }) => ({ status: 429, headers: { 'retry-after': new Date(now + ms).toUTCString() }, body });
}

export { HOUR, MINUTE } from '../../core/time';
