// One API request's token usage as read from an agent's local log, and the contract a log format
// implements (core/providers/<id>/cost-log.ts) so the generic ledger can read it. Pure data.

/** One request's usage. Token fields are disjoint: `input` excludes cache reads and writes. */
export interface CostEntry {
  /** The line's own timestamp, epoch ms; decides the local date. */
  at: number;
  /** The model as the log names it; `<synthetic>` and null (missing) are counted without a model row. */
  model: string | null;
  /** Served in fast mode: reported as its own `<model>-fast` row. */
  fast: boolean;
  input: number;
  output: number;
  cacheCreation: number;
  cacheRead: number;
  /** The part of `cacheCreation` written to the 1-hour cache (priced at its own rate). */
  cacheCreation1h: number;
  webSearches: number;
  /** Dedupe key (message id + request id); null when the entry is never deduplicated. */
  key: string | null;
  /** A sidechain (subagent) copy: a non-sidechain copy of the same key is preferred. */
  sidechain: boolean;
}

/** Reads one file's lines in order. `state()` lets a later run continue after the last complete line. */
export interface CostFileParser {
  /** One complete line (without its newline); an entry or null. Never throws. */
  line(text: string): CostEntry | null;
  /** The same for a line's UTF-8 bytes `b[start, end)`, when the format reads bytes without decoding them. */
  bytes?(b: Uint8Array, start: number, end: number): CostEntry | null;
  /** JSON-serialisable state after the lines read so far (null for a stateless format). */
  state(): unknown;
}

/** Where a log format's roots may be: for each root, the candidate folders in order (first that exists wins). */
export interface CostRoot {
  candidates: string[];
}

/** A log format that yields usage: one per provider that keeps local logs. */
export interface CostLogKind {
  /** The provider id the entries belong to (the ledger's `source`). */
  readonly source: string;
  /** A line containing none of these ASCII strings is skipped without parsing. */
  readonly needles: readonly string[];
  /** The price table's provider for this log's models (a hint; other providers are tried too). */
  readonly priceProvider: string;
  /** Models this tool's logs name most: their prices are seeded (adapters/cost/price-seed.ts), so a first run need not load the price table. */
  readonly commonModels: readonly string[];
  /** True when the first folder below a root names the project (the Cost window's "by project"). */
  readonly projectFolders: boolean;
  /**
   * The folder the agent ran in, from the start (`head`, whole lines and maybe a cut last one) of one
   * of a project folder's logs: a readable name where the folder's own name encodes it lossily.
   */
  readonly projectPath?: (head: string) => string | null;
  /** A parser for one file, continuing from `saved` (a previous `state()`), or fresh when null. */
  parser(saved: unknown): CostFileParser;
  /** The roots to read, from the environment and the home folder; `join` builds paths. */
  roots(env: Record<string, string | undefined>, home: string, join: (...p: string[]) => string): CostRoot[];
}

/** input + output + cache creation + cache read: the size that decides which duplicate is kept. */
export const entryTotal = (e: CostEntry): number => e.input + e.output + e.cacheCreation + e.cacheRead;

/**
 * True when `next` should replace `kept` for the same key: a non-sidechain copy beats a sidechain
 * one, then the larger total wins; a tie keeps the copy seen first (path, then line order).
 */
export function replaces(next: CostEntry, kept: CostEntry): boolean {
  if (next.sidechain !== kept.sidechain) return kept.sidechain;
  return entryTotal(next) > entryTotal(kept);
}

/** A non-negative integer token count, or null for anything else. */
export function tokenCount(v: unknown): number | null {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null;
}

/** An optional count: missing or null is 0; anything else must be a non-negative integer (null when not). */
export function optionalCount(v: unknown): number | null {
  return v === undefined || v === null ? 0 : tokenCount(v);
}

/** Epoch ms of an ISO timestamp string; null when missing or unparseable. */
export function timestampOf(v: unknown): number | null {
  if (typeof v !== 'string' || v.length < 10) return null;
  const ms = Date.parse(v);
  return Number.isFinite(ms) ? ms : null;
}
