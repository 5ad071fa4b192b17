import { describe, expect, it } from 'vitest';
import { settingsPath, toolDir, type Env } from '../../adapters/app-paths';
import { claude } from '../../core/providers/claude/descriptor';
import { codex } from '../../core/providers/codex/descriptor';

// The folders the descriptors name, as the adapters resolve them.
const codexHome = (env: Env, home: string) => toolDir(env, home, codex.credentials.dir);
const claudeConfigDir = (env: Env, home: string) => toolDir(env, home, claude.credentials.dir);

describe('settingsPath', () => {
  it('uses Application Support on macOS', () => {
    expect(settingsPath({}, 'darwin', '/Users/ada')).toBe('/Users/ada/Library/Application Support/Quotabar/settings.json');
  });

  it('uses %APPDATA% on Windows', () => {
    expect(settingsPath({ APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ada')).toBe(
      'C:\\Users\\ada\\AppData\\Roaming\\Quotabar\\settings.json',
    );
  });

  it('falls back to AppData\\Roaming under the home folder when %APPDATA% is unset on Windows', () => {
    expect(settingsPath({}, 'win32', 'C:\\Users\\ada')).toBe('C:\\Users\\ada\\AppData\\Roaming\\Quotabar\\settings.json');
  });

  it('uses $XDG_CONFIG_HOME on Linux', () => {
    expect(settingsPath({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/ada')).toBe('/cfg/quotabar/settings.json');
  });

  it.each([
    ['unset', undefined],
    ['empty', ''],
    ['relative (invalid per the XDG spec)', 'cfg'],
  ])('uses ~/.config on Linux when $XDG_CONFIG_HOME is %s', (_name, xdg) => {
    expect(settingsPath({ XDG_CONFIG_HOME: xdg }, 'linux', '/home/ada')).toBe('/home/ada/.config/quotabar/settings.json');
  });
});

describe('codexHome and claudeConfigDir', () => {
  it('honour their environment variables', () => {
    expect(codexHome({ CODEX_HOME: '/tmp/codex' }, '/home/ada')).toBe('/tmp/codex');
    expect(claudeConfigDir({ CLAUDE_CONFIG_DIR: '/tmp/claude' }, '/home/ada')).toBe('/tmp/claude');
  });

  it('default to dot-folders in the home folder', () => {
    expect(codexHome({}, '/home/ada')).toBe('/home/ada/.codex');
    expect(claudeConfigDir({ CLAUDE_CONFIG_DIR: '' }, '/home/ada')).toBe('/home/ada/.claude');
  });

  it('use Windows separators under a Windows home folder', () => {
    expect(codexHome({}, 'C:\\Users\\ada')).toBe('C:\\Users\\ada\\.codex');
    expect(claudeConfigDir({}, 'C:\\Users\\ada')).toBe('C:\\Users\\ada\\.claude');
  });
});
