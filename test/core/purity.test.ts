import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findImpurities } from '../support/purity';

const root = join(__dirname, '..', '..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? tsFiles(p) : /\.tsx?$/.test(name) ? [p] : [];
  });
}

describe('core purity', () => {
  it('imports nothing that does I/O and never reads the clock directly', () => {
    const problems = tsFiles(join(root, 'core')).flatMap((f) =>
      findImpurities(readFileSync(f, 'utf8')).map((p) => `${relative(root, f)}: ${p}`),
    );
    expect(problems).toEqual([]);
  });

  it('catches each forbidden pattern (so the check above can fail)', () => {
    expect(findImpurities(`import { app } from 'electron';`)).toHaveLength(1);
    expect(findImpurities(`import { request } from "undici";`)).toHaveLength(1);
    expect(findImpurities(`import fs from 'node:fs';`)).toHaveLength(1);
    expect(findImpurities(`import { readFile } from 'fs/promises';`)).toHaveLength(1);
    expect(findImpurities(`const m = await import('node:path');`)).toHaveLength(1);
    expect(findImpurities(`const x = require('fs');`)).toHaveLength(1);
    expect(findImpurities(`const t = Date.now();`)).toHaveLength(1);
    expect(findImpurities(`const d = new Date();`)).toHaveLength(1);
    expect(findImpurities(`const d = new Date( );`)).toHaveLength(1);
    expect(findImpurities(`setTimeout(() => poll(), 1000);`)).toHaveLength(1);
    expect(findImpurities(`const d = new Date(ms); import { x } from './model';`)).toEqual([]);
    expect(findImpurities(`// Date.now() is banned here\nconst a = 1;`)).toEqual([]);
  });
});
