// For the secret canaries: everything the code under test prints (every console method, and direct
// writes to stdout and stderr) goes into `into` instead of the terminal while `run` runs.
import { vi } from 'vitest';

export async function capturingOutput(into: string[], run: () => Promise<void>): Promise<void> {
  for (const m of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    vi.spyOn(console, m).mockImplementation((...args: unknown[]) => void into.push(`console.${m}: ${args.map(String).join(' ')}`));
  }
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, 'write').mockImplementation((chunk: unknown) => (into.push(String(chunk)), true));
  }
  try {
    await run();
  } finally {
    vi.restoreAllMocks();
  }
}
