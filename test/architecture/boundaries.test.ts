import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const rel = join(dir, name);
    if (statSync(join(root, rel)).isDirectory()) return sources(rel);
    return /\.(ts|tsx|mjs)$/.test(name) ? [rel] : [];
  });
}

const shipped = ['core', 'adapters', 'electron', 'renderer', 'preview', 'demo', 'cli'].flatMap((d) => {
  try {
    return sources(d);
  } catch {
    return [];
  }
});
const code = (f: string) => readFileSync(join(root, f), 'utf8');

describe('process boundaries', () => {
  it('keeps ipcMain in electron/ipc.ts and ipcRenderer in electron/preload.ts, nowhere else', () => {
    // A use is a member access or an import of the name; comments that mention it do not count.
    const use = (word: string) => new RegExp(`\\b${word}\\s*\\.|import\\s*\\{[^}]*\\b${word}\\b[^}]*\\}\\s*from\\s*['"]electron['"]`);
    const users = (word: string) => shipped.filter((f) => use(word).test(code(f))).map((f) => relative(root, join(root, f)));
    expect(users('ipcMain')).toEqual([join('electron', 'ipc.ts')]);
    expect(users('ipcRenderer')).toEqual([join('electron', 'preload.ts')]);
  });

  it('keeps the app services free of Electron, so the preview host runs them in plain Node', () => {
    for (const f of sources(join('electron', 'services'))) expect(code(f), f).not.toMatch(/from ['"]electron['"]/);
  });

  it('keeps Electron out of the renderer, which talks only through window.quotabar', () => {
    for (const f of sources('renderer')) expect(code(f), f).not.toMatch(/from ['"]electron['"]|require\(['"]electron['"]\)/);
  });
});
