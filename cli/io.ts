// What one CLI run may touch: its output streams, stdin, environment and platform. Its own file so
// the commands depend on it without importing cli/main.ts, which imports them.
import type { SecretStore } from '../core/ports';
import type { ComposeDeps } from '../adapters/compose';

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /**
   * The key for `key set`: all of piped stdin, or one hidden line typed at a terminal after `prompt`
   * (which names the provider); null on Ctrl+C.
   */
  readStdin: (prompt: string) => Promise<string | null>;
  /** All of a piped stdin as text ('' at a terminal); for `quotabar statusline`. Defaults to the process's stdin. */
  readAllStdin?: () => Promise<string>;
  /** The command line that runs this CLI (node and the script), as `statusline install` writes it. */
  self?: readonly string[];
  env: Record<string, string | undefined>;
  homedir: string;
  platform: string;
  /** `quotabar serve` runs until this resolves; by default until SIGINT or SIGTERM. */
  untilStopped?: () => Promise<void>;
  /** Overrides for tests; defaults are the real adapters. */
  deps?: Partial<ComposeDeps> & { secrets?: SecretStore };
}
