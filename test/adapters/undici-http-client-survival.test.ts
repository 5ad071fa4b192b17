// A body over the size cap is refused as a value, and the process that asked lives on: destroying
// an unread undici body emits an AbortError that, unheard, is an uncaught exception. That kills the
// CLI, the preview host or Electron's main process, so this runs in a child whose exit we can see.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

describe('a response over the body cap', () => {
  it('is refused as "response too large" without an uncaught error ending the process', () => {
    const child = fileURLToPath(new URL('./children/too-large-child.ts', import.meta.url));
    const run = spawnSync(process.execPath, ['--import', 'tsx', child], { encoding: 'utf8', timeout: 20_000 });
    expect(run.stderr).not.toMatch(/Unhandled 'error' event|AbortError/);
    expect(run.status).toBe(0);
    const tooLarge = { ok: false, error: { kind: 'malformed', detail: 'response too large' } };
    expect(JSON.parse(run.stdout)).toEqual({ results: [tooLarge, tooLarge], alive: true });
  });
});
