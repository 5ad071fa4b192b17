// Types for scripts/ensure-electron.mjs (plain Node so it runs before any build), for the tests.
export type EnsureProgress =
  | { stage: 'start'; version: string; target: string }
  | { stage: 'download'; bytes: number }
  | { stage: 'unpack' }
  | { stage: 'end'; ok: boolean };

export type EnsureResult = { ok: true; path: string } | { ok: false; reason: string };

export function electronPackageDir(env?: NodeJS.ProcessEnv): string;
export function installedElectron(dir: string, env?: NodeJS.ProcessEnv): string | null;
export function ensureElectron(options?: {
  onProgress?: (event: EnsureProgress) => void;
  env?: NodeJS.ProcessEnv;
  electronDir?: string;
}): Promise<EnsureResult>;
export function installerReason(stderr: string, code: number | null, host: string): string;
export function consoleProgress(out?: NodeJS.WritableStream & { isTTY?: boolean }): (event: EnsureProgress) => void;
