import { describe, it, expect } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodePng } from '../support/png';

const root = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };

interface BuilderConfig {
  appId: string;
  productName: string;
  directories: { buildResources: string; output: string };
  files: string[];
  asarUnpack: string[];
  extraResources: Array<{ from: string; to: string; filter: string[] }>;
  mac: { target: string; icon: string; extendInfo: Record<string, unknown> };
  win: { target: string; icon: string };
  linux: { target: string[]; icon: string };
}

const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const size = (rel: string) => {
  const png = decodePng(readFileSync(join(root, rel)));
  return [png.width, png.height];
};

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema validation', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration(c: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the app and builds a dmg, an NSIS installer, an AppImage and a deb', () => {
    expect(config).toMatchObject({ appId: 'dev.quotabar.app', productName: 'Quotabar' });
    expect(config.mac.target).toBe('dmg');
    expect(config.win.target).toBe('nsis');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
  });

  it('keeps the macOS app out of the Dock', () => {
    expect(config.mac.extendInfo.LSUIElement).toBe(true);
  });

  it('points at icons that exist, at sizes each platform accepts', () => {
    expect(statSync(join(root, config.directories.buildResources)).isDirectory()).toBe(true);
    expect(size(config.mac.icon)).toEqual([1024, 1024]);
    expect(size(config.win.icon)[0]).toBeGreaterThanOrEqual(256);
    const sizes = readdirSync(join(root, config.linux.icon)).sort();
    expect(sizes).toContain('512x512.png');
    for (const name of sizes) {
      const n = Number(name.split('x')[0]);
      expect(size(join(config.linux.icon, name)), name).toEqual([n, n]);
    }
  });

  it('ships the tray icons as extra resources', () => {
    for (const r of config.extraResources) {
      const files = readdirSync(join(root, r.from)).filter((f) => f.endsWith('.png'));
      expect(files).toEqual(expect.arrayContaining(['trayTemplate.png', 'trayTemplate@2x.png', 'tray-light.png', 'tray-dark.png']));
    }
  });

  it('packs the built main process, renderer and package.json, and the package main is among them', () => {
    expect(config.files).toEqual(['dist-electron/**', 'dist-renderer/**', 'package.json']);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist-electron/main.cjs');
  });

  it('unpacks the keyring’s native module from the asar, matching the installed package', () => {
    expect(config.asarUnpack).toEqual(['node_modules/@napi-rs/keyring*/**']);
    const installed = readdirSync(join(root, 'node_modules', '@napi-rs')).filter((d) => d.startsWith('keyring'));
    expect(installed).toContain('keyring');
    expect(existsSync(join(root, 'node_modules', '@napi-rs', 'keyring', 'package.json'))).toBe(true);
  });
});
