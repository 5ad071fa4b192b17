// App-wide hardening that no window can opt out of: every web contents (ours or any other) gets
// navigation and new windows blocked; every permission request is refused; every response gets our CSP.
import { app, session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../app/csp';

/** The webPreferences every Quotabar window is created with. */
export function hardenedWebPreferences(preload: string): Electron.WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
  };
}

/** The page is a single-page app loaded by main: it never navigates, opens windows or embeds webviews. */
export function hardenContents(contents: WebContents): void {
  const block = (e: { preventDefault(): void }) => e.preventDefault();
  contents.on('will-navigate', block);
  contents.on('will-frame-navigate', block);
  contents.on('will-redirect', block);
  contents.on('will-attach-webview', block);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function setupSecurity(): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  const s = session.defaultSession;
  s.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  s.setPermissionCheckHandler(() => false);
  // Belt and braces with the app:// handler's own header: whatever loads, the policy comes along.
  s.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}
