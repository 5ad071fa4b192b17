// When Quotabar updates itself, and the log line that says why (or why not): the pure rules behind
// electron/updater.ts, one install kind at a time.
import { describe, expect, it } from 'vitest';
import { decideUpdates, decisionLine, installBlock, restartChoice, RESTART_BUTTONS, updateLogLine, type InstallFacts } from '../../core/update-policy';

const packaged = (platform: string, more: Partial<InstallFacts> = {}): InstallFacts => ({ isPackaged: true, platform, packageType: null, appImage: null, ...more });
const on = { autoUpdate: true };

describe('which installs update themselves', () => {
  it('updates packaged macOS and Windows apps, and a Linux AppImage', () => {
    expect(installBlock(packaged('darwin'))).toBeNull();
    expect(installBlock(packaged('win32'))).toBeNull();
    expect(installBlock(packaged('linux', { appImage: '/home/me/Quotabar.AppImage' }))).toBeNull();
  });

  it('leaves a development run, a system package, an unpacked Linux build and other platforms alone', () => {
    expect(installBlock({ ...packaged('darwin'), isPackaged: false })).toBe('dev');
    expect(installBlock(packaged('linux', { packageType: 'deb\n', appImage: '/x.AppImage' }))).toBe('package-manager');
    expect(installBlock(packaged('win32', { packageType: 'rpm' }))).toBe('package-manager');
    expect(installBlock(packaged('linux'))).toBe('not-appimage');
    expect(installBlock(packaged('freebsd'))).toBe('unsupported-platform');
  });

  it('treats a blank package-type file as no package at all', () => {
    expect(installBlock(packaged('darwin', { packageType: '  \n' }))).toBeNull();
  });

  it('checks only when the install allows it and the setting is on', () => {
    expect(decideUpdates(packaged('darwin'), on)).toEqual({ check: true });
    expect(decideUpdates(packaged('darwin'), { autoUpdate: false })).toEqual({ check: false, reason: 'setting-off' });
    expect(decideUpdates(packaged('linux'), on)).toEqual({ check: false, reason: 'not-appimage' });
  });
});

describe('the log line for each decision', () => {
  it('says how often it checks when updates are on', () => {
    expect(decisionLine({ check: true })).toBe('automatic updates on: checking GitHub Releases now and every 24 h');
  });

  it('names the reason, and the package kind, when updates are off', () => {
    expect(decisionLine({ check: false, reason: 'dev' })).toBe('automatic updates off: this is a development run (not a packaged app)');
    expect(decisionLine({ check: false, reason: 'package-manager' }, 'deb\n')).toBe(
      'automatic updates off: installed as a deb package, which is updated by installing the new package, not by Quotabar',
    );
    expect(decisionLine({ check: false, reason: 'package-manager' }, ' ')).toContain('installed as a system package');
    expect(decisionLine({ check: false, reason: 'not-appimage' })).toBe('automatic updates off: on Linux only the AppImage can replace itself');
    expect(decisionLine({ check: false, reason: 'unsupported-platform' })).toBe('automatic updates off: this platform has no update format');
    expect(decisionLine({ check: false, reason: 'setting-off' })).toBe('automatic updates off: turned off in Settings');
  });
});

describe('the restart question', () => {
  it('restarts only on "Restart now"; Later, Escape or closing the dialog wait for the next quit', () => {
    expect(RESTART_BUTTONS[0]).toBe('Restart now');
    expect(restartChoice(0)).toBe('restart');
    expect(restartChoice(1)).toBe('later');
    expect(restartChoice(-1)).toBe('later');
  });
});

describe('updater errors in the log', () => {
  it('keeps only the first line, with its whitespace collapsed', () => {
    expect(updateLogLine(new Error('net::ERR_CONNECTION_REFUSED\n    at stack line'))).toBe('net::ERR_CONNECTION_REFUSED');
    expect(updateLogLine('  cannot   find\tlatest.yml ')).toBe('cannot find latest.yml');
    expect(updateLogLine('')).toBe('unknown error');
    expect(updateLogLine({ code: 1 })).toBe('unknown error');
  });

  it('removes GitHub tokens, bearer and basic credentials, and signed parameters', () => {
    expect(updateLogLine('bad credentials ghp_abcDEF123_x and github_pat_11AA_bb')).toBe('bad credentials [redacted] and [redacted]');
    expect(updateLogLine('sent Bearer eyJhbGciOi.J9-x_y~z+/= then Basic dXNlcjpwYXNz')).toBe('sent Bearer [redacted] then Basic [redacted]');
    expect(updateLogLine('GET /f?access_token=s3cr3t&x-amz-credential=AKIA1&sig=zz&ok=1')).toBe(
      'GET /f?access_token=[redacted]&x-amz-credential=[redacted]&sig=[redacted]&ok=1',
    );
    expect(updateLogLine('headers {"Authorization": "token abc", "cookie": "sid=1"}')).not.toMatch(/abc|sid=1/);
  });
});
