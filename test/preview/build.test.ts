import { describe, it, expect } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isBuildStale } from '../../preview/build';

/** A source tree and a build output, each file stamped with the given time (seconds). */
function tree() {
  const dir = mkdtempSync(join(tmpdir(), 'quotabar-build-'));
  const src = join(dir, 'renderer');
  mkdirSync(join(src, 'popover'), { recursive: true });
  const out = join(dir, 'dist', 'popover.html');
  mkdirSync(join(dir, 'dist'));
  const stamp = (path: string, t: number) => {
    writeFileSync(path, 'x');
    utimesSync(path, t, t);
  };
  stamp(join(src, 'popover', 'App.tsx'), 1000);
  utimesSync(join(src, 'popover'), 1000, 1000);
  utimesSync(src, 1000, 1000);
  stamp(join(dir, 'vite.config.ts'), 1000);
  return { dir, src, out, stamp, sources: [src, join(dir, 'vite.config.ts')] };
}

describe('whether the preview must rebuild the renderer', () => {
  it('builds when there is no build yet', () => {
    const t = tree();
    expect(isBuildStale(t.out, t.sources)).toBe(true);
    rmSync(t.dir, { recursive: true });
  });

  it('skips the build when the output is newer than every source', () => {
    const t = tree();
    t.stamp(t.out, 2000);
    expect(isBuildStale(t.out, t.sources)).toBe(false);
    rmSync(t.dir, { recursive: true });
  });

  it('builds again when a nested source or the build config changed after the last build', () => {
    const t = tree();
    t.stamp(t.out, 2000);
    t.stamp(join(t.src, 'popover', 'App.tsx'), 3000);
    expect(isBuildStale(t.out, t.sources)).toBe(true);
    t.stamp(join(t.src, 'popover', 'App.tsx'), 1000);
    t.stamp(join(t.dir, 'vite.config.ts'), 3000);
    expect(isBuildStale(t.out, t.sources)).toBe(true);
    rmSync(t.dir, { recursive: true });
  });
});
