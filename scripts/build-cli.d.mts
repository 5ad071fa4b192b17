// Types for scripts/build-cli.mjs (plain Node, so it can build before anything else is built), for the tests.
export const DEFAULT_OUTDIR: string;
export class EsbuildMissing extends Error {}
export type BundleState = 'fresh' | 'stale' | 'missing';
/** From scripts/cli-bundle.cjs: whether the bundle in `outdir` is current with the sources under `base`. */
export function bundleState(outdir?: string, base?: string): BundleState;
export function buildCli(options?: {
  outdir?: string;
  /** Also shorten identifiers (whitespace and syntax are always minified). */
  minify?: boolean;
  logLevel?: 'verbose' | 'debug' | 'info' | 'warning' | 'error' | 'silent';
}): Promise<{ entry: string; files: number; inputs: number }>;
