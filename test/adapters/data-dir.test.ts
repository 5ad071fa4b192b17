// Where the history database lives on each platform, and the overrides a user or a test may set.
import { describe, expect, it } from 'vitest';
import { dataDir } from '../../adapters/app-paths';

describe('the data folder', () => {
  it('is $QUOTABAR_DATA_DIR when set, on any platform', () => {
    for (const p of ['linux', 'darwin', 'win32']) expect(dataDir({ QUOTABAR_DATA_DIR: '/portable/data' }, p, '/home/me'), p).toBe('/portable/data');
  });

  it('ignores a blank $QUOTABAR_DATA_DIR', () => {
    expect(dataDir({ QUOTABAR_DATA_DIR: '  ' }, 'linux', '/home/me')).toBe('/home/me/.local/share/quotabar');
  });

  it('is ~/.local/share/quotabar on Linux, or under an absolute $XDG_DATA_HOME', () => {
    expect(dataDir({}, 'linux', '/home/me')).toBe('/home/me/.local/share/quotabar');
    expect(dataDir({ XDG_DATA_HOME: '/data/me' }, 'linux', '/home/me')).toBe('/data/me/quotabar');
  });

  it('ignores a relative or blank $XDG_DATA_HOME, as the XDG spec says', () => {
    expect(dataDir({ XDG_DATA_HOME: 'rel/share' }, 'linux', '/home/me')).toBe('/home/me/.local/share/quotabar');
    expect(dataDir({ XDG_DATA_HOME: ' ' }, 'freebsd', '/home/me')).toBe('/home/me/.local/share/quotabar');
  });

  it('is Application Support/Quotabar on macOS', () => {
    expect(dataDir({ XDG_DATA_HOME: '/x' }, 'darwin', '/Users/me')).toBe('/Users/me/Library/Application Support/Quotabar');
  });

  it('is %LOCALAPPDATA%\\Quotabar on Windows, or AppData\\Local under the home folder', () => {
    expect(dataDir({ LOCALAPPDATA: 'D:\\Local' }, 'win32', 'C:\\Users\\me')).toBe('D:\\Local\\Quotabar');
    expect(dataDir({ LOCALAPPDATA: '' }, 'win32', 'C:\\Users\\me')).toBe('C:\\Users\\me\\AppData\\Local\\Quotabar');
  });
});
