// The shape of the tree, enforced: imports only point down (renderer and shells → app → adapters →
// core), only electron/ touches Electron and every file there does, and no file imports itself
// round a loop. Each rule is also run on a made-up violation, so a rule that can no longer fail fails.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cycles, importsOf, layerOf, sourceFiles, type ImportEdge } from '../support/import-graph';

const root = fileURLToPath(new URL('../../', import.meta.url));
const LAYERS = ['core', 'adapters', 'demo', 'app', 'electron', 'preview', 'cli', 'renderer'] as const;
const files = sourceFiles(root, LAYERS);
const edges = files.flatMap((f) => importsOf(root, f));

/** Which folders each folder may import from (its own included). */
const MAY_IMPORT: Record<(typeof LAYERS)[number], readonly string[]> = {
  core: ['core'],
  adapters: ['adapters', 'core'],
  // The stand-in provider server the shells start in demo mode: plain Node over core's shapes.
  demo: ['demo', 'core'],
  // app may point the providers at the demo server (demo/env.ts maps its endpoints onto the environment).
  app: ['app', 'adapters', 'demo', 'core'],
  electron: ['electron', 'app', 'adapters', 'core', 'demo'],
  preview: ['preview', 'app', 'adapters', 'core', 'demo'],
  cli: ['cli', 'app', 'adapters', 'core', 'package.json'],
  // The renderer runs in a sandboxed page: besides core it may know only the IPC contract's types.
  renderer: ['renderer', 'core'],
};
const RENDERER_MAY_TYPE = ['app/contract.ts'];

/** Edges that run upward or sideways across the layers. */
function upward(list: readonly ImportEdge[]): string[] {
  return list
    .filter((e) => e.to !== null)
    .filter((e) => {
      const from = layerOf(e.from) as (typeof LAYERS)[number];
      if (MAY_IMPORT[from].includes(layerOf(e.to!))) return false;
      return !(from === 'renderer' && e.typeOnly && RENDERER_MAY_TYPE.includes(e.to!));
    })
    .map((e) => `${e.from} → ${e.to}${e.typeOnly ? ' (types)' : ''}`);
}

/** Files outside electron/ that import Electron, and files inside it that do not. */
function electronMisplaced(list: readonly ImportEdge[], inFiles: readonly string[]): string[] {
  const users = new Set(list.filter((e) => e.spec === 'electron' || e.spec.startsWith('electron/')).map((e) => e.from));
  return inFiles
    .filter((f) => users.has(f) !== (layerOf(f) === 'electron'))
    .map((f) => (users.has(f) ? `${f} imports electron outside electron/` : `${f} is in electron/ but does not import electron`));
}

const made = (file: string, text: string) => importsOf(root, file, text);

describe('layers', () => {
  it('points every import down: renderer and shells → app → adapters → core', () => {
    expect(upward(edges)).toEqual([]);
  });

  it('catches an upward import, including a type-only one, and the renderer reaching past the contract', () => {
    expect(upward(made('core/model.ts', "import type { AppServices } from '../app/services';"))).toEqual([
      'core/model.ts → app/services.ts (types)',
    ]);
    expect(upward(made('adapters/compose.ts', "import { x } from '../app/contract';"))).toHaveLength(1);
    expect(upward(made('app/services.ts', "import { run } from '../electron/main';"))).toHaveLength(1);
    expect(upward(made('electron/tray.ts', "import { f } from '../renderer/view-model/card';"))).toHaveLength(1);
    expect(upward(made('renderer/bridge.ts', "import { createAppServices } from '../app/services';"))).toHaveLength(1);
    expect(upward(made('renderer/bridge.ts', "import { INVOKE_CHANNELS } from '../app/contract';"))).toHaveLength(1);
    expect(upward(made('renderer/bridge.ts', "import type { QuotabarBridge } from '../app/contract';"))).toEqual([]);
    expect(upward(made('renderer/bridge.ts', "const m = import('../preview/ws-bridge-client');"))).toHaveLength(1);
  });

  it('sees every import it checks: no relative import is left unresolved', () => {
    expect(edges.filter((e) => e.spec.startsWith('.') && e.to === null).map((e) => `${e.from}: ${e.spec}`)).toEqual([]);
  });
});

describe('Electron stays in electron/', () => {
  it('has every file under electron/ import Electron, and no file elsewhere', () => {
    expect(electronMisplaced(edges, files)).toEqual([]);
  });

  it('catches a plain helper left in electron/ and an Electron import in app/', () => {
    const helper = made('electron/geometry.ts', "import type { Rect } from '../app/popover-position';");
    expect(electronMisplaced(helper, ['electron/geometry.ts'])).toEqual(['electron/geometry.ts is in electron/ but does not import electron']);
    const leak = made('app/services.ts', "import { app } from 'electron';");
    expect(electronMisplaced(leak, ['app/services.ts'])).toEqual(['app/services.ts imports electron outside electron/']);
  });

  it('keeps ipcMain in electron/ipc.ts and ipcRenderer in electron/preload.ts, nowhere else', () => {
    // A use is a member access or an import of the name; comments that mention it do not count.
    const use = (word: string) => new RegExp(`\\b${word}\\s*\\.|import\\s*\\{[^}]*\\b${word}\\b[^}]*\\}\\s*from\\s*['"]electron['"]`);
    const users = (word: string) => files.filter((f) => use(word).test(readFileSync(root + f, 'utf8')));
    expect(users('ipcMain')).toEqual(['electron/ipc.ts']);
    expect(users('ipcRenderer')).toEqual(['electron/preload.ts']);
  });

  it('keeps Node built-ins out of the renderer, which talks only through window.quotabar', () => {
    const builtins = edges.filter((e) => layerOf(e.from) === 'renderer' && e.to === null && /^(node:|fs$|path$|os$|electron)/.test(e.spec));
    expect(builtins.map((e) => `${e.from}: ${e.spec}`)).toEqual([]);
  });
});

describe('no import cycles', () => {
  it('has none in the shipped source, type-only imports included', () => {
    expect(cycles(edges).map((c) => c.join(' → '))).toEqual([]);
  });

  it('finds one through a type-only import, as cli/main ↔ cli/key once was', () => {
    const loop = [
      ...made('cli/main.ts', "const c = await import('./commands');"),
      ...made('cli/commands.ts', "import { setKey } from './key';"),
      ...made('cli/key.ts', "import type { CliIo } from './main';"),
    ];
    expect(cycles(loop).map((c) => c.join(' → '))).toEqual(['cli/commands.ts → cli/key.ts → cli/main.ts → cli/commands.ts']);
  });
});
