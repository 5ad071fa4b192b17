import { describe, it, expect } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PNG } from 'pngjs';
import { comparePngs, FAILURE_DIR, matchBaseline } from './support/screenshot';

/** A 100×100 white image with some pixels painted. */
function image(paint: (x: number, y: number) => [number, number, number] | null = () => null, size = 100): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const [r, g, b] = paint(x, y) ?? [255, 255, 255];
      const i = (y * size + x) * 4;
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = 255;
    }
  return PNG.sync.write(png);
}

const square = (x: number, y: number): [number, number, number] | null => (x < 10 && y < 10 ? [0, 0, 0] : null);

describe('the screenshot comparison', () => {
  it('accepts an identical image', () => {
    expect(comparePngs(image(), image())).toMatchObject({ same: true, diffPixels: 0 });
  });

  it('ignores a shade too faint to see and a single stray pixel', () => {
    expect(comparePngs(image(), image(() => [252, 252, 252])).same).toBe(true);
    expect(comparePngs(image(), image((x, y) => (x === 50 && y === 50 ? [0, 0, 0] : null))).same).toBe(true);
  });

  it('fails when a visible part of the page changed (1 % of the pixels)', () => {
    const r = comparePngs(image(), image(square));
    expect(r.same).toBe(false);
    expect(r.diffPixels).toBe(100);
  });

  it('fails when the page changed size', () => {
    const r = comparePngs(image(), image(() => null, 90));
    expect(r).toMatchObject({ same: false, reason: 'size 90×90 differs from the baseline\'s 100×100' });
  });

  it('writes the actual and a diff image on a mismatch and names them in the error', async () => {
    const dir = resolve(FAILURE_DIR, '../screenshot-selftest');
    await mkdir(dir, { recursive: true });
    await writeFile(resolve(dir, 'selftest.png'), image());
    await rm(resolve(FAILURE_DIR, 'selftest.actual.png'), { force: true });
    await expect(matchBaseline('selftest', image(square), { baselineDir: dir, update: false })).rejects.toThrow(
      /selftest\.png: 100 pixels \(1\.00 %\) differ.*Actual \.tmp\/screenshots\/selftest\.actual\.png, diff \.tmp\/screenshots\/selftest\.diff\.png/,
    );
    expect(existsSync(resolve(FAILURE_DIR, 'selftest.actual.png'))).toBe(true);
    expect(existsSync(resolve(FAILURE_DIR, 'selftest.diff.png'))).toBe(true);
    await expect(matchBaseline('selftest', image(), { baselineDir: dir, update: false })).resolves.toBeUndefined();
  });
});
