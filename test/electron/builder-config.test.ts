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
  mac: { target: Array<{ target: string; arch: string[] }>; icon: string; extendInfo: Record<string, unknown> };
  win: { target: string; icon: string };
  nsis: { artifactName: string };
  linux: { target: string[]; icon: string };
  publish: { provider: string; owner: string; repo: string };
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

  it('names the app and builds dmg + zip for Apple silicon and Intel, an NSIS installer, an AppImage, a deb and an rpm', () => {
    expect(config).toMatchObject({ appId: 'dev.quotabar.app', productName: 'Quotabar' });
    // The zip is what electron-updater installs on macOS: without it a Mac never updates.
    expect(config.mac.target).toEqual([
      { target: 'dmg', arch: ['arm64', 'x64'] },
      { target: 'zip', arch: ['arm64', 'x64'] },
    ]);
    expect(config.win.target).toBe('nsis');
    expect(config.linux.target).toEqual(['AppImage', 'deb', 'rpm']);
  });

  it('publishes update metadata for GitHub Releases, owner and repository taken from the environment', () => {
    const { expandMacro } = require('app-builder-lib/out/util/macroExpander') as {
      expandMacro(pattern: string, arch: string | null, appInfo: unknown): string;
    };
    const appInfo = { sanitizedProductName: 'Quotabar', productName: 'Quotabar', version: '1.2.3' };
    expect(config.publish.provider).toBe('github');
    const saved = { owner: process.env.QUOTABAR_REPO_OWNER, repo: process.env.QUOTABAR_REPO_NAME };
    try {
      process.env.QUOTABAR_REPO_OWNER = 'someone';
      process.env.QUOTABAR_REPO_NAME = 'quotabar-fork';
      expect([expandMacro(config.publish.owner, null, appInfo), expandMacro(config.publish.repo, null, appInfo)]).toEqual(['someone', 'quotabar-fork']);
      delete process.env.QUOTABAR_REPO_OWNER;
      expect(() => expandMacro(config.publish.owner, null, appInfo)).toThrow(/env QUOTABAR_REPO_OWNER is not defined/);
    } finally {
      for (const [k, v] of [['QUOTABAR_REPO_OWNER', saved.owner], ['QUOTABAR_REPO_NAME', saved.repo]] as const) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
    // GitHub turns spaces into dots on upload, which would break the file name latest.yml points at.
    expect(expandMacro(config.nsis.artifactName, null, { ...appInfo, ext: 'exe' })).not.toMatch(/\s/);
  });

  it('keeps the macOS app out of the Dock', () => {
    expect(config.mac.extendInfo.LSUIElement).toBe(true);
  });

  it('points at icons that exist, at sizes each platform accepts', () => {
    expect(statSync(join(root, config.directories.buildResources)).isDirectory()).toBe(true);
    expect(size(config.mac.icon)).toEqual([1024, 1024]);
    // An .ico with the small tray sizes drawn, not scaled down from 256 (tray-icon.test reads it).
    expect(config.win.icon).toBe('resources/icon.ico');
    expect(readFileSync(join(root, config.win.icon)).readUInt16LE(2)).toBe(1);
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

  it('unpacks libsql and its per-platform SQLite binary from the asar', () => {
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['node_modules/libsql/**', 'node_modules/@libsql/**']));
    expect(existsSync(join(root, 'node_modules', 'libsql', 'package.json'))).toBe(true);
    const binaries = readdirSync(join(root, 'node_modules', '@libsql')).filter((d) => existsSync(join(root, 'node_modules', '@libsql', d, 'index.node')));
    expect(binaries.length).toBeGreaterThan(0);
  });

  it('unpacks the keyring’s native module from the asar, matching the installed package', () => {
    expect(config.asarUnpack).toEqual(['node_modules/@napi-rs/keyring*/**', 'node_modules/libsql/**', 'node_modules/@libsql/**']);
    const installed = readdirSync(join(root, 'node_modules', '@napi-rs')).filter((d) => d.startsWith('keyring'));
    expect(installed).toContain('keyring');
    expect(existsSync(join(root, 'node_modules', '@napi-rs', 'keyring', 'package.json'))).toBe(true);
  });
});
