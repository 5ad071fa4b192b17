// Every navigation route Electron offers a page, blocked for any web contents the app creates:
// a page that cannot navigate its frames or attach a <webview> cannot load remote content at all.
import { beforeEach, describe, expect, it, vi } from 'vitest';
vi.mock('electron', () => import('../support/electron-fake'));
import { app, FakeEvent, resetElectronFake, WebContents } from '../support/electron-fake';
import { setupSecurity } from '../../electron/security';

beforeEach(() => resetElectronFake());

function createdContents(): WebContents {
  setupSecurity();
  const contents = new WebContents();
  app.emit('web-contents-created', {}, contents);
  return contents;
}

describe('navigation guards on every web contents', () => {
  it('keeps an iframe from navigating to a remote page', () => {
    const contents = createdContents();
    expect(contents.tryNavigate('https://evil.example/', 'will-frame-navigate')).toBe(true);
  });

  it('keeps the main frame from navigating or being redirected', () => {
    const contents = createdContents();
    expect(contents.tryNavigate('https://evil.example/', 'will-navigate')).toBe(true);
    expect(contents.tryNavigate('https://evil.example/', 'will-redirect')).toBe(true);
  });

  it('refuses to attach a <webview>, whatever page it would show', () => {
    const contents = createdContents();
    const event = new FakeEvent('https://evil.example/');
    contents.emit('will-attach-webview', event, { nodeIntegration: true }, { src: 'https://evil.example/' });
    expect(event.defaultPrevented).toBe(true);
  });
});
